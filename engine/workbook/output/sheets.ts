import type { RenderedSheet, ChartSpec } from '../port';
import type { Lang } from '../../i18n/format';
import { formatNumber } from '../../i18n/format';
import type { FrameworkNode } from '../../model/framework';
import type { ResultsDocument, UnitResult, Gap } from '../../model/results';
import type { SipasResult, SipasUnitResult } from '../../sipas/result';
import { sipasAggregationText } from '../../sipas/table';
import type { Issue } from '../../model/issue';
import { t } from '../../i18n';
import {
  COLOURS,
  FMT,
  L,
  SheetBuilder,
  cell,
  finish,
  flatCriteria,
  kindLabel,
  kindsInOrder,
  nodeIndex,
  range,
  unitsInOrder,
} from './common';
import { maxOf, minOf } from '../../model/arrays';

export interface OutputContext {
  lang: Lang;
  /** The framework tree (for names, order, maxima); the results' trees are used when absent. */
  nodes?: readonly FrameworkNode[];
  /** Unit names by code (lead units that are not scored). */
  unitNames?: Readonly<Record<string, string>>;
  year?: number;
  frameworkName?: string;
  target: number;
}

export function contextOf(results: ResultsDocument, lang: Lang, nodes?: readonly FrameworkNode[], unitNames?: Record<string, string>): OutputContext {
  return {
    lang,
    target: results.framework.target,
    frameworkName: results.framework.name,
    ...(results.framework.year !== undefined ? { year: results.framework.year } : {}),
    ...(nodes ? { nodes } : {}),
    ...(unitNames ? { unitNames } : {}),
  };
}

/** The target drawn across index charts: "Mục tiêu 90%". */
function targetLine(target: number, lang: Lang, cells: string): { value: number; label: string; range: string } {
  return { value: target, label: L(lang, `Mục tiêu ${formatNumber(target, lang)}%`, `Target ${formatNumber(target, lang)}%`), range: cells };
}

function yearText(ctx: OutputContext): string {
  return ctx.year !== undefined ? ` ${L(ctx.lang, 'năm', 'for')} ${ctx.year}` : '';
}

/** "Kết quả": criteria down, units across; totals, index, grade and rank on top. */
export function renderResultsSheet(results: ResultsDocument, ctx: OutputContext): RenderedSheet {
  const { lang } = ctx;
  const b = new SheetBuilder();
  b.title(
    L(lang, `Kết quả chấm điểm Chỉ số cải cách hành chính${yearText(ctx)}`, `PAR INDEX results${yearText(ctx)}`) + (ctx.frameworkName ? ` — ${ctx.frameworkName}` : ''),
    L(lang, 'Đơn vị tính: điểm; Chỉ số: % (điểm đạt ÷ điểm tối đa áp dụng × 100). "KAD": không áp dụng.', 'Unit: points; index: % (points ÷ applicable maximum × 100). "N/A": not applicable.'),
  );
  const units = unitsInOrder(results);
  const idx = units.map(nodeIndex);
  const first = 3;
  const hr = b.push([L(lang, 'Mã', 'Code'), L(lang, 'Lĩnh vực, tiêu chí', 'Area, criterion'), L(lang, 'Điểm tối đa', 'Max'), ...units.map((u) => u.name)]);
  b.header(hr, 0, first + units.length - 1);
  b.push(['', L(lang, 'Mã đơn vị', 'Unit code'), '', ...units.map((u) => u.code)]);
  b.push(['', L(lang, 'Loại đơn vị', 'Kind'), '', ...units.map((u) => kindLabel(u.kind, lang))]);
  const rTotal = b.push(['', L(lang, 'Tổng điểm đạt', 'Points'), null, ...units.map((u) => u.score)]);
  const rMax = b.push(['', L(lang, 'Điểm tối đa áp dụng', 'Applicable maximum'), null, ...units.map((u) => u.max)]);
  const rIndex = b.push(['', L(lang, 'Chỉ số (%)', 'Index (%)'), null, ...units.map((u) => u.index)]);
  b.push(['', L(lang, 'Xếp loại', 'Grade'), null, ...units.map((u) => u.grade)]);
  const rRank = b.push(['', L(lang, 'Xếp hạng (trong cùng loại đơn vị)', 'Rank (within kind)'), null, ...units.map((u) => u.rank)]);
  const lastCol = first + units.length - 1;
  b.style(range(hr + 1, 0, rRank, lastCol), { fill: COLOURS.band, bold: true });
  if (units.length) {
    b.style(range(rTotal, first, rMax, lastCol), { numFmt: FMT.points });
    b.style(range(rIndex, first, rIndex, lastCol), { numFmt: FMT.index });
    b.targetColours(range(rIndex, first, rIndex, lastCol), ctx.target);
  }
  const rows = flatCriteria(results, ctx.nodes);
  const top = b.row;
  for (const n of rows) {
    const r = b.push([
      n.code,
      '  '.repeat(n.depth) + n.name,
      n.max ?? null,
      ...idx.map((m) => {
        const x = m.get(n.code);
        if (!x) return null;
        if (!x.applicable) return L(lang, 'KAD', 'N/A');
        return x.score;
      }),
    ]);
    if (!n.leaf) b.style(range(r, 0, r, lastCol), n.depth === 0 ? { bold: true, fill: COLOURS.area } : { bold: true });
  }
  if (b.row > top) b.style(range(top, 2, b.row - 1, Math.max(2, lastCol)), { numFmt: FMT.points });
  return finish('results', b, {
    widths: [9, 56, 9, ...units.map(() => 13)],
    freeze: { rows: rRank + 1, columns: 3 },
  });
}

/** "Xếp hạng": one block per unit kind, ranked, with last year and change. */
export function renderRankingSheet(results: ResultsDocument, ctx: OutputContext): RenderedSheet {
  const { lang } = ctx;
  const b = new SheetBuilder();
  b.title(
    L(lang, `Xếp hạng Chỉ số cải cách hành chính${yearText(ctx)}`, `PAR INDEX ranking${yearText(ctx)}`),
    L(lang, `Chỉ số: %; mục tiêu ${formatNumber(ctx.target, lang)}%. Xếp hạng trong từng loại đơn vị; bằng chỉ số thì đồng hạng.`, `Index: %; target ${formatNumber(ctx.target, lang)}%. Ranked within each unit kind; equal indices share a rank.`),
  );
  const charts: ChartSpec[] = [];
  const headers = [
    L(lang, 'Xếp hạng', 'Rank'),
    L(lang, 'Mã', 'Code'),
    L(lang, 'Đơn vị', 'Unit'),
    L(lang, 'Chỉ số (%)', 'Index (%)'),
    L(lang, 'Xếp loại', 'Grade'),
    L(lang, 'Điểm đạt', 'Points'),
    L(lang, 'Điểm tối đa', 'Max'),
    L(lang, 'Chỉ số năm trước (%)', 'Last year (%)'),
    L(lang, 'Hạng năm trước', 'Last year rank'),
    L(lang, 'Tăng/giảm chỉ số', 'Index change'),
    L(lang, 'Tăng/giảm hạng', 'Rank change'),
    L(lang, 'So với mục tiêu', 'vs target'),
    L(lang, 'Mục tiêu (%)', 'Target (%)'),
  ];
  // how sure each rank is (engine/scoring/uncertainty.ts): only when some index has sampling error
  const uncertain = results.units.some((u) => u.indexRange !== undefined);
  if (uncertain) headers.push(t('rank.sheet.range', {}, lang), t('rank.sheet.low', {}, lang), t('rank.sheet.high', {}, lang), t('rank.sheet.aheadOfNext', {}, lang), t('rank.sheet.minus', {}, lang), t('rank.sheet.plus', {}, lang));
  let freezeRow = 0;
  for (const kind of kindsInOrder(results.units)) {
    const us = results.units.filter((u) => u.kind === kind).sort((a, b2) => a.rank - b2.rank || a.code.localeCompare(b2.code));
    const tr = b.push([kindLabel(kind, lang)]);
    b.style(cell(tr, 0), { bold: true, fontSize: 12 });
    const hr = b.push(headers);
    if (!freezeRow) freezeRow = hr + 1;
    b.header(hr, 0, headers.length - 1);
    const r0 = b.row;
    for (const u of us) {
      b.push([
        u.rank,
        u.code,
        u.name,
        u.index,
        u.grade,
        u.score,
        u.max,
        u.previous?.index ?? null,
        u.previous?.rank ?? null,
        u.previous ? u.previous.indexChange : null,
        u.previous?.rankChange ?? null,
        u.index - ctx.target,
        ctx.target,
        ...(uncertain
          ? [
              u.rankRange && u.rankRange[0] !== u.rankRange[1] ? `${u.rankRange[0]}–${u.rankRange[1]}` : String(u.rank),
              u.indexRange?.[0] ?? u.index,
              u.indexRange?.[1] ?? u.index,
              u.aheadOfNext?.probability ?? null,
              // the interval as distances below and above the index: the chart's error bars
              u.index - (u.indexRange?.[0] ?? u.index),
              (u.indexRange?.[1] ?? u.index) - u.index,
            ]
          : []),
      ]);
    }
    const r1 = b.row - 1;
    if (us.length) {
      b.style(range(r0, 5, r1, 6), { numFmt: FMT.points });
      b.style(range(r0, 3, r1, 3), { numFmt: FMT.index, bold: true });
      b.style(range(r0, 7, r1, 7), { numFmt: FMT.index });
      b.style(range(r0, 9, r1, 9), { numFmt: FMT.change });
      b.style(range(r0, 10, r1, 10), { numFmt: FMT.rankChange });
      b.style(range(r0, 11, r1, 11), { numFmt: FMT.change });
      b.style(range(r0, 12, r1, 12), { numFmt: FMT.index });
      b.targetColours(range(r0, 3, r1, 3), ctx.target);
      if (uncertain) {
        b.style(range(r0, 13, r1, 13), { numFmt: '@' });
        b.style(range(r0, 14, r1, 15), { numFmt: FMT.index });
        b.style(range(r0, 16, r1, 16), { numFmt: '0%' });
        b.style(range(r0, 17, r1, 18), { numFmt: FMT.points });
      }
      if (us.length > 1)
        charts.push({
          type: 'column',
          title: L(lang, `Chỉ số CCHC — ${kindLabel(kind, lang)}`, `PAR INDEX — ${kindLabel(kind, lang)}`),
          dataRange: `${cell(hr, 2)}:${cell(r1, 3)}`,
          seriesBy: 'columns',
          anchor: cell(r0 - 1, headers.length + 1),
          width: Math.max(480, us.length * 40),
          height: 300,
          target: targetLine(ctx.target, lang, range(r0, 12, r1, 12)),
          ...(uncertain ? { errorBars: { minus: range(r0, 17, r1, 17), plus: range(r0, 18, r1, 18), low: range(r0, 14, r1, 14), high: range(r0, 15, r1, 15) } } : {}),
        });
    }
    b.push([]);
  }
  if (uncertain) b.push([t('rank.sheet.note', {}, lang)]);
  return finish('ranking', b, { widths: [8, 8, 34, 10, 8, 10, 10, 12, 10, 11, 10, 11, 10, ...(uncertain ? [12, 11, 11, 14, 10, 10] : [])], freeze: { rows: freezeRow, columns: 0 }, charts });
}

interface CriterionGap {
  criterion: string;
  name: string;
  area: string;
  lead: string;
  max: number;
  units: number;
  lost: number;
  recoverable: number;
  channel: string;
}

export function gapsByCriterion(results: ResultsDocument): CriterionGap[] {
  const m = new Map<string, CriterionGap>();
  for (const u of results.units) {
    for (const g of u.gaps) {
      if (g.lost <= 0) continue;
      const e = m.get(g.criterion) ?? { criterion: g.criterion, name: g.name, area: g.area, lead: g.lead ?? '', max: g.max, units: 0, lost: 0, recoverable: 0, channel: g.channel };
      e.units++;
      e.lost += g.lost;
      e.recoverable += g.recoverable;
      m.set(g.criterion, e);
    }
  }
  return [...m.values()].sort((a, b) => b.lost - a.lost || a.criterion.localeCompare(b.criterion, undefined, { numeric: true }));
}

export function gapsByLead(results: ResultsDocument): { lead: string; criteria: number; lost: number; recoverable: number }[] {
  const m = new Map<string, { lead: string; crit: Set<string>; lost: number; recoverable: number }>();
  for (const u of results.units)
    for (const g of u.gaps) {
      if (g.lost <= 0) continue;
      const k = g.lead ?? '';
      const e = m.get(k) ?? { lead: k, crit: new Set<string>(), lost: 0, recoverable: 0 };
      e.crit.add(g.criterion);
      e.lost += g.lost;
      e.recoverable += g.recoverable;
      m.set(k, e);
    }
  return [...m.values()].map((e) => ({ lead: e.lead, criteria: e.crit.size, lost: e.lost, recoverable: e.recoverable })).sort((a, b) => b.lost - a.lost);
}

/** "Điểm bị trừ": by criterion, by lead unit, and recoverable points per unit × criterion. */
export function renderGapsSheet(results: ResultsDocument, ctx: OutputContext): RenderedSheet {
  const { lang } = ctx;
  const names = ctx.unitNames ?? {};
  const b = new SheetBuilder();
  b.title(
    L(lang, `Điểm bị trừ${yearText(ctx)}`, `Points lost${yearText(ctx)}`),
    L(lang, 'Đơn vị tính: điểm. Sắp xếp theo tổng điểm bị trừ, giảm dần. "Có thể khắc phục": điểm có thể lấy lại trong năm.', 'Unit: points. Sorted by points lost, largest first. "Recoverable": points that can be regained within the year.'),
  );
  const t1 = b.push([L(lang, '1. Theo tiêu chí', '1. By criterion')]);
  b.style(cell(t1, 0), { bold: true, fontSize: 12 });
  const h1 = [
    L(lang, 'Mã tiêu chí', 'Criterion'),
    L(lang, 'Tên tiêu chí', 'Name'),
    L(lang, 'Lĩnh vực', 'Area'),
    L(lang, 'Đơn vị chủ trì', 'Lead'),
    L(lang, 'Kênh', 'Channel'),
    L(lang, 'Điểm tối đa', 'Max'),
    L(lang, 'Số đơn vị bị trừ', 'Units losing'),
    L(lang, 'Tổng điểm bị trừ', 'Points lost'),
    L(lang, 'Bình quân/đơn vị', 'Per unit'),
    L(lang, 'Có thể khắc phục', 'Recoverable'),
  ];
  const hr1 = b.push(h1);
  b.header(hr1, 0, h1.length - 1);
  const byCrit = gapsByCriterion(results);
  const r10 = b.row;
  for (const g of byCrit)
    b.push([g.criterion, g.name, g.area, g.lead, g.channel === 'survey' ? L(lang, 'Khảo sát', 'Survey') : L(lang, 'Thẩm định', 'Appraisal'), g.max, g.units, g.lost, g.lost / g.units, g.recoverable]);
  if (byCrit.length) b.style(range(r10, 5, b.row - 1, 9), { numFmt: FMT.points });
  if (byCrit.length) b.style(range(r10, 6, b.row - 1, 6), { numFmt: FMT.integer });
  if (!byCrit.length) b.push([L(lang, '(không có tiêu chí bị trừ điểm)', '(no points lost)')]);
  b.push([]);
  const t2 = b.push([L(lang, '2. Theo đơn vị chủ trì', '2. By lead unit')]);
  b.style(cell(t2, 0), { bold: true, fontSize: 12 });
  const h2 = [L(lang, 'Đơn vị chủ trì', 'Lead'), L(lang, 'Tên đơn vị', 'Name'), L(lang, 'Số tiêu chí bị trừ', 'Criteria'), L(lang, 'Tổng điểm bị trừ', 'Points lost'), L(lang, 'Có thể khắc phục', 'Recoverable')];
  const hr2 = b.push(h2);
  b.header(hr2, 0, h2.length - 1);
  const r20 = b.row;
  const byLead = gapsByLead(results);
  for (const g of byLead) b.push([g.lead || L(lang, '(chưa giao)', '(none)'), names[g.lead] ?? '', g.criteria, g.lost, g.recoverable]);
  const charts: ChartSpec[] = [];
  if (byLead.length) {
    const r21 = b.row - 1;
    b.style(range(r20, 2, r21, 2), { numFmt: FMT.integer });
    b.style(range(r20, 3, r21, 4), { numFmt: FMT.points });
    // lead codes down the side, points lost and recoverable as bars (columns A, D and E)
    charts.push({
      type: 'bar',
      title: L(lang, 'Điểm bị trừ theo đơn vị chủ trì', 'Points lost by lead unit'),
      dataRange: `${cell(hr2, 3)}:${cell(r21, 4)}`,
      seriesBy: 'columns',
      categories: range(r20, 0, r21, 0),
      series: [
        { name: cell(hr2, 3), values: range(r20, 3, r21, 3) },
        { name: cell(hr2, 4), values: range(r20, 4, r21, 4) },
      ],
      anchor: cell(t2, h1.length + 1),
      width: 440,
      height: Math.max(220, byLead.length * 36 + 90),
    });
  }
  b.push([]);
  const t3 = b.push([L(lang, '3. Điểm có thể khắc phục theo đơn vị và tiêu chí', '3. Recoverable points by unit and criterion')]);
  b.style(cell(t3, 0), { bold: true, fontSize: 12 });
  const h3 = [L(lang, 'Mã đơn vị', 'Unit'), L(lang, 'Đơn vị', 'Unit name'), L(lang, 'Mã tiêu chí', 'Criterion'), L(lang, 'Tên tiêu chí', 'Name'), L(lang, 'Đơn vị chủ trì', 'Lead'), L(lang, 'Điểm bị trừ', 'Lost'), L(lang, 'Có thể khắc phục', 'Recoverable'), L(lang, 'Lý do', 'Reason')];
  const hr3 = b.push(h3);
  b.header(hr3, 0, h3.length - 1);
  const all: { u: UnitResult; g: Gap }[] = results.units.flatMap((u) => u.gaps.filter((g) => g.lost > 0).map((g) => ({ u, g })));
  all.sort((x, y) => y.g.recoverable - x.g.recoverable || y.g.lost - x.g.lost || x.u.code.localeCompare(y.u.code) || x.g.criterion.localeCompare(y.g.criterion, undefined, { numeric: true }));
  const r30 = b.row;
  for (const { u, g } of all) b.push([u.code, u.name, g.criterion, g.name, g.lead ?? '', g.lost, g.recoverable, g.reason]);
  if (all.length) b.style(range(r30, 5, b.row - 1, 6), { numFmt: FMT.points });
  return finish('gaps', b, { widths: [12, 44, 10, 12, 30, 10, 12, 50, 10, 12], freeze: { rows: hr1 + 1, columns: 0 }, charts, tabColor: 'C00000' });
}

/** Kinds in display order (as the ranking sheet): district, department, office, ward, commune, others; unknown kind, then the pooled unit last. */
const SIPAS_KIND_ORDER = ['district', 'department', 'office', 'ward', 'commune'];
function sipasKindOrder(kind: string | undefined): number {
  if (kind === 'pool') return SIPAS_KIND_ORDER.length + 2;
  if (kind === undefined) return SIPAS_KIND_ORDER.length + 1;
  const i = SIPAS_KIND_ORDER.indexOf(kind);
  return i < 0 ? SIPAS_KIND_ORDER.length : i;
}

/** SIPAS units as tables list them: by kind (ranks are within kind), then rank, then code; the pooled unit last. */
function sipasUnitsInOrder(sipas: SipasResult): SipasUnitResult[] {
  return [...sipas.units].sort(
    (a, b) =>
      sipasKindOrder(a.kind) - sipasKindOrder(b.kind) ||
      (a.kind ?? '').localeCompare(b.kind ?? '') ||
      (a.rank ?? 1e9) - (b.rank ?? 1e9) ||
      a.unit.localeCompare(b.unit),
  );
}

/** A SIPAS unit's full name: the survey result's, else the workbook's unit list, else its code. */
function sipasUnitName(u: SipasUnitResult, ctx: OutputContext): string {
  if (u.name && u.name !== u.unit) return u.name;
  return ctx.unitNames?.[u.unit] ?? u.unit;
}

/** The kind of a SIPAS unit in words ("Phường", "Quận"; "Gộp" for the pooled unit; empty when unknown). */
function sipasKindLabel(u: SipasUnitResult, lang: Lang): string {
  if (u.pooled || u.kind === 'pool') return L(lang, 'Gộp', 'Pooled');
  return u.kind === undefined ? '' : kindLabel(u.kind, lang);
}

/** "SIPAS": overall, group and aspect indices per unit (ranked within unit kind), then item detail with 95% intervals. */
export function renderSipasSheet(sipas: SipasResult, ctx: OutputContext): RenderedSheet {
  const { lang } = ctx;
  const b = new SheetBuilder();
  const target = sipas.method.target;
  b.title(
    L(lang, `Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)${yearText(ctx)}`, `Satisfaction index (SIPAS)${yearText(ctx)}`),
    L(
      lang,
      `Đơn vị tính: %; mục tiêu ${formatNumber(target, lang)}%; cách tính tỷ lệ: ${sipas.method.item}; khoảng tin cậy 95%. Xếp hạng trong từng loại đơn vị. ${sipasAggregationText(sipas.method, lang)}.`,
      `Unit: %; target ${formatNumber(target, lang)}%; item method: ${sipas.method.item}; 95% intervals. Ranked within each unit kind. ${sipasAggregationText(sipas.method, lang)}.`,
    ),
  );
  const first = sipas.units[0];
  const groups = first ? first.groups.map((g) => ({ code: g.code, name: g.name })) : [];
  const aspects = first ? first.groups.flatMap((g) => g.aspects.map((a) => ({ code: a.code, name: a.name }))) : [];
  const headers = [
    L(lang, 'Xếp hạng', 'Rank'),
    L(lang, 'Loại đơn vị', 'Kind'),
    L(lang, 'Mã', 'Code'),
    L(lang, 'Đơn vị', 'Unit'),
    L(lang, 'Chỉ số chung (%)', 'Overall (%)'),
    L(lang, 'Cận dưới', 'Low'),
    L(lang, 'Cận trên', 'High'),
    L(lang, 'Số phiếu', 'Respondents'),
    L(lang, 'Năm trước', 'Last year'),
    L(lang, 'Tăng/giảm', 'Change'),
    ...groups.map((g) => `${g.code}. ${g.name}`),
    ...aspects.map((a) => `${a.code}. ${a.name}`),
  ];
  // the survey-quality guard and the weighting (engine/sipas/quality.ts, weighting.ts), when they did something
  const lastPartCol = headers.length - 1;
  const guarded = sipas.units.some((u) => (u.quality?.flagged ?? 0) > 0);
  const weighted = sipas.units.some((u) => u.weighting !== undefined);
  if (guarded) headers.push(t('sipas.sheet.flagged', {}, lang), t('sipas.sheet.setAside', {}, lang), t('sipas.sheet.overallWith', {}, lang), t('sipas.sheet.overallWithout', {}, lang));
  if (weighted) headers.push(t('sipas.sheet.nEffective', {}, lang));
  // the 95% interval as distances below and above the overall index: the chart's error bars (last columns)
  const interval = sipas.units.some((u) => u.overall !== null && u.low !== null && u.high !== null);
  const minusCol = headers.length;
  if (interval) headers.push(t('rank.sheet.minus', {}, lang), t('rank.sheet.plus', {}, lang));
  const hr = b.push(headers);
  b.header(hr, 0, headers.length - 1);
  const units = sipasUnitsInOrder(sipas);
  const r0 = b.row;
  for (const u of units) {
    const gi = new Map(u.groups.map((g) => [g.code, g.index]));
    const ai = new Map(u.groups.flatMap((g) => g.aspects.map((a) => [a.code, a.index] as const)));
    b.push([
      u.rank,
      sipasKindLabel(u, lang),
      u.unit,
      sipasUnitName(u, ctx),
      u.overall,
      u.low,
      u.high,
      u.n,
      u.previous?.overall ?? null,
      u.change ?? null,
      ...groups.map((g) => gi.get(g.code) ?? null),
      ...aspects.map((a) => ai.get(a.code) ?? null),
      ...(guarded ? [u.quality?.flagged ?? null, u.quality?.setAside ?? null, u.quality?.overallWith ?? null, u.quality?.overallWithout ?? null] : []),
      ...(weighted ? [u.weighting?.nEffective ?? null] : []),
      ...(interval ? [u.overall !== null && u.low !== null ? u.overall - u.low : null, u.overall !== null && u.high !== null ? u.high - u.overall : null] : []),
    ]);
  }
  const r1 = b.row - 1;
  const firstIndexCol = 4;
  const firstPartCol = 10;
  if (units.length) {
    b.style(range(r0, firstIndexCol, r1, lastPartCol), { numFmt: FMT.index });
    b.style(range(r0, 9, r1, 9), { numFmt: FMT.change });
    b.style(range(r0, 7, r1, 7), { numFmt: FMT.integer });
    b.targetColours(range(r0, firstIndexCol, r1, firstIndexCol), target);
    if (lastPartCol >= firstPartCol) b.targetColours(range(r0, firstPartCol, r1, lastPartCol), target);
    if (guarded) {
      b.style(range(r0, lastPartCol + 1, r1, lastPartCol + 2), { numFmt: FMT.integer });
      b.style(range(r0, lastPartCol + 3, r1, lastPartCol + 4), { numFmt: FMT.index });
    }
    if (weighted) b.style(range(r0, minusCol - 1, r1, minusCol - 1), { numFmt: '0.0' });
    if (interval) b.style(range(r0, minusCol, r1, minusCol + 1), { numFmt: FMT.points });
  }
  b.push([]);
  const t2 = b.push([L(lang, 'Chi tiết theo câu hỏi', 'Item detail')]);
  b.style(cell(t2, 0), { bold: true, fontSize: 12 });
  const h2 = [
    L(lang, 'Mã đơn vị', 'Unit code'),
    L(lang, 'Đơn vị', 'Unit'),
    L(lang, 'Khía cạnh', 'Aspect'),
    L(lang, 'Câu hỏi', 'Item'),
    L(lang, 'Nội dung', 'Text'),
    L(lang, 'Số trả lời hợp lệ', 'Valid answers'),
    L(lang, 'Tỷ lệ hài lòng (%)', 'Index (%)'),
    L(lang, 'Cận dưới', 'Low'),
    L(lang, 'Cận trên', 'High'),
    L(lang, 'Không trả lời', 'Blank'),
    L(lang, 'Cảnh báo', 'Flags'),
    t('sipas.text.column', {}, lang),
  ];
  const hr2 = b.push(h2);
  const unofficial = t('sipas.text.unofficial', {}, lang);
  b.header(hr2, 0, h2.length - 1);
  const s0 = b.row;
  for (const u of units) {
    const name = sipasUnitName(u, ctx);
    for (const g of u.groups)
      for (const a of g.aspects)
        for (const it of a.items) b.push([u.unit, name, a.code, it.item, it.text, it.n, it.index, it.low, it.high, it.blank, it.flags.join(', '), it.unofficial === true ? unofficial : '']);
  }
  if (b.row > s0) {
    b.style(range(s0, 6, b.row - 1, 8), { numFmt: FMT.index });
    b.targetColours(range(s0, 6, b.row - 1, 6), target);
  }
  // The charts: unit names and overall indices (adjacent columns D:E); the aspects of the district
  // (or pooled) row, else of every unit.
  const charts: ChartSpec[] = [];
  const chartCol = h2.length;
  if (units.length > 1)
    charts.push({
      type: 'column',
      title: L(lang, 'Chỉ số hài lòng chung', 'Overall satisfaction'),
      dataRange: `${cell(hr, 3)}:${cell(r1, firstIndexCol)}`,
      seriesBy: 'columns',
      anchor: cell(hr2, chartCol),
      width: Math.max(480, units.length * 40),
      height: 300,
      // the 95% interval: error bars from the amount columns; the Office.js port draws the low/high bounds
      ...(interval ? { errorBars: { minus: range(r0, minusCol, r1, minusCol), plus: range(r0, minusCol + 1, r1, minusCol + 1), low: range(r0, firstIndexCol + 1, r1, firstIndexCol + 1), high: range(r0, firstIndexCol + 2, r1, firstIndexCol + 2) } } : {}),
    });
  const firstAspectCol = firstPartCol + groups.length;
  if (units.length > 0 && aspects.length > 1) {
    const main = units.findIndex((u) => u.pooled === true || u.kind === 'pool' || u.kind === 'district');
    const rows = main >= 0 ? [r0 + main] : units.map((_, i) => r0 + i);
    const lastAspect = firstAspectCol + aspects.length - 1;
    const mainUnit = main >= 0 ? units[main] : undefined;
    const mainName = mainUnit ? sipasUnitName(mainUnit, ctx) : '';
    // the district's (pooled) aspects with their 95% interval: a helper table after the item detail,
    // one row per aspect in the chart's order, whose amounts are the column chart's error bars
    let aspectBars: ChartSpec['errorBars'];
    if (rows.length === 1 && mainUnit) {
      const byCode = new Map(mainUnit.groups.flatMap((g) => g.aspects.map((a) => [a.code, a] as const)));
      const bounded = aspects.some((a) => {
        const x = byCode.get(a.code);
        return x !== undefined && x.index !== null && x.low !== null && x.high !== null;
      });
      if (bounded) {
        b.push([]);
        const t3 = b.push([L(lang, `Khoảng tin cậy 95% theo yếu tố — ${mainName}`, `95% interval by aspect — ${mainName}`)]);
        b.style(cell(t3, 0), { bold: true, fontSize: 12 });
        const h3 = [L(lang, 'Mã yếu tố', 'Aspect code'), L(lang, 'Chỉ số (%)', 'Index (%)'), L(lang, 'Cận dưới', 'Low'), L(lang, 'Cận trên', 'High'), t('rank.sheet.minus', {}, lang), t('rank.sheet.plus', {}, lang)];
        const hr3 = b.push(h3);
        b.header(hr3, 0, h3.length - 1);
        const a0 = b.row;
        for (const a of aspects) {
          const x = byCode.get(a.code);
          const index = x?.index ?? null;
          const low = x?.low ?? null;
          const high = x?.high ?? null;
          b.push([a.code, index, low, high, index !== null && low !== null ? index - low : null, index !== null && high !== null ? high - index : null]);
        }
        const a1 = b.row - 1;
        b.style(range(a0, 1, a1, 3), { numFmt: FMT.index });
        b.style(range(a0, 4, a1, 5), { numFmt: FMT.points });
        aspectBars = { minus: range(a0, 4, a1, 4), plus: range(a0, 5, a1, 5), low: range(a0, 2, a1, 2), high: range(a0, 3, a1, 3) };
      }
    }
    charts.push({
      type: rows.length > 1 ? 'line' : 'column',
      title: mainUnit ? L(lang, `Chỉ số hài lòng theo yếu tố — ${mainName}`, `Satisfaction by aspect — ${mainName}`) : L(lang, 'Chỉ số hài lòng theo yếu tố', 'Satisfaction by aspect'),
      dataRange: `${cell(hr, firstAspectCol)}:${cell(r1, lastAspect)}`,
      seriesBy: 'rows',
      categories: range(hr, firstAspectCol, hr, lastAspect),
      series: rows.map((r) => ({ name: cell(r, 3), values: range(r, firstAspectCol, r, lastAspect) })),
      anchor: cell(hr2 + 22, chartCol),
      width: Math.max(520, aspects.length * 64),
      height: 380,
      ...(aspectBars ? { errorBars: aspectBars } : {}),
    });
  }
  return finish('sipas', b, { widths: [8, 10, 9, 30, 12, 9, 9, 10, 10, 9, ...groups.map(() => 14), ...aspects.map(() => 14), ...(guarded ? [11, 11, 14, 14] : []), ...(weighted ? [12] : []), ...(interval ? [12, 12] : [])], freeze: { rows: hr + 1, columns: 4 }, charts, tabColor: '7030A0' });
}

/** Height of the summary's ranking chart, in points. */
const RANKING_HEIGHT = 320;

/** "Tổng hợp": counts by grade, top and bottom, biggest gaps, area profile; native charts. */
export function renderSummarySheet(results: ResultsDocument, ctx: OutputContext, sipas?: SipasResult): RenderedSheet {
  const { lang } = ctx;
  const b = new SheetBuilder();
  b.title(
    L(lang, `Tổng hợp kết quả Chỉ số CCHC${yearText(ctx)}`, `PAR INDEX summary${yearText(ctx)}`) + (ctx.frameworkName ? ` — ${ctx.frameworkName}` : ''),
    L(lang, `Chỉ số: %; mục tiêu ${formatNumber(ctx.target, lang)}%.`, `Index: %; target ${formatNumber(ctx.target, lang)}%.`),
  );
  const charts: ChartSpec[] = [];
  const kinds = kindsInOrder(results.units);
  // 1. Per kind: count, average, min, max, counts by grade
  const gradeNames = [...new Set(results.units.map((u) => u.grade))].sort();
  const h1 = [L(lang, 'Loại đơn vị', 'Kind'), L(lang, 'Số đơn vị', 'Units'), L(lang, 'Chỉ số bình quân', 'Average'), L(lang, 'Cao nhất', 'Highest'), L(lang, 'Thấp nhất', 'Lowest'), L(lang, 'Đạt mục tiêu', 'At target'), ...gradeNames.map((g) => L(lang, `Loại ${g}`, `Grade ${g}`))];
  const t1 = b.push([L(lang, '1. Theo loại đơn vị', '1. By unit kind')]);
  b.style(cell(t1, 0), { bold: true, fontSize: 12 });
  const hr1 = b.push(h1);
  b.header(hr1, 0, h1.length - 1);
  const r10 = b.row;
  for (const k of kinds) {
    const us = results.units.filter((u) => u.kind === k);
    const ix = us.map((u) => u.index);
    b.push([kindLabel(k, lang), us.length, ix.reduce((s, x) => s + x, 0) / Math.max(1, us.length), maxOf(ix), minOf(ix), us.filter((u) => u.index >= ctx.target).length, ...gradeNames.map((g) => us.filter((u) => u.grade === g).length)]);
  }
  if (kinds.length) {
    b.style(range(r10, 2, b.row - 1, 4), { numFmt: FMT.index });
    b.targetColours(range(r10, 2, b.row - 1, 2), ctx.target);
  }
  b.push([]);
  // 2. Top and bottom of the largest kind
  const main = kinds.map((k) => results.units.filter((u) => u.kind === k)).sort((a, b2) => b2.length - a.length)[0] ?? [];
  const sorted = [...main].sort((a, b2) => a.rank - b2.rank);
  const t2 = b.push([L(lang, `2. Xếp hạng ${main[0] ? kindLabel(main[0].kind, lang).toLowerCase() : ''}`, `2. Ranking of ${main[0] ? kindLabel(main[0].kind, lang).toLowerCase() : ''}`)]);
  b.style(cell(t2, 0), { bold: true, fontSize: 12 });
  const hr2 = b.push([L(lang, 'Hạng', 'Rank'), L(lang, 'Đơn vị', 'Unit'), L(lang, 'Chỉ số (%)', 'Index (%)'), L(lang, 'Xếp loại', 'Grade'), L(lang, 'Năm trước', 'Last year'), L(lang, 'Mục tiêu (%)', 'Target (%)')]);
  b.header(hr2, 0, 5);
  const r20 = b.row;
  for (const u of sorted) b.push([u.rank, u.name, u.index, u.grade, u.previous?.index ?? null, ctx.target]);
  const r21 = b.row - 1;
  if (sorted.length) {
    b.style(range(r20, 2, r21, 2), { numFmt: FMT.index, bold: true });
    b.style(range(r20, 4, r21, 5), { numFmt: FMT.index });
    b.targetColours(range(r20, 2, r21, 2), ctx.target);
    b.style(range(r20, 0, Math.min(r21, r20 + 2), 1), { bold: true });
    charts.push({ type: 'column', title: L(lang, 'Xếp hạng Chỉ số CCHC', 'PAR INDEX ranking'), dataRange: `${cell(hr2, 1)}:${cell(r21, 2)}`, seriesBy: 'columns', anchor: cell(hr1, 9), width: Math.max(520, sorted.length * 40), height: RANKING_HEIGHT, target: targetLine(ctx.target, lang, range(r20, 5, r21, 5)) });
  }
  b.push([]);
  // 3. Area profile: average index by area for each kind
  const areaCodes: { code: string; name: string }[] = [];
  for (const u of results.units) for (const a of u.areas) if (!areaCodes.some((x) => x.code === a.code)) areaCodes.push({ code: a.code, name: a.name });
  const t3 = b.push([L(lang, '3. Chỉ số thành phần theo lĩnh vực (bình quân)', '3. Area indices (average)')]);
  b.style(cell(t3, 0), { bold: true, fontSize: 12 });
  const hr3 = b.push([L(lang, 'Lĩnh vực', 'Area'), L(lang, 'Tên lĩnh vực', 'Name'), ...kinds.map((k) => kindLabel(k, lang))]);
  b.header(hr3, 0, 1 + kinds.length);
  const r30 = b.row;
  for (const a of areaCodes) {
    b.push([
      a.code,
      a.name,
      ...kinds.map((k) => {
        const xs = results.units.filter((u) => u.kind === k).flatMap((u) => u.areas.filter((x) => x.code === a.code && x.max > 0).map((x) => x.index));
        return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;
      }),
    ]);
  }
  const r31 = b.row - 1;
  if (areaCodes.length && kinds.length) {
    b.style(range(r30, 2, r31, 1 + kinds.length), { numFmt: FMT.index });
    b.targetColours(range(r30, 2, r31, 1 + kinds.length), ctx.target);
    // below the ranking chart when that one reaches further down (15 points a row)
    const below = charts.length ? hr1 + Math.ceil(RANKING_HEIGHT / 15) + 1 : hr3;
    charts.push({ type: 'radar', title: L(lang, 'Hồ sơ theo lĩnh vực', 'Area profile'), dataRange: `${cell(hr3, 1)}:${cell(r31, 1 + kinds.length)}`, seriesBy: 'columns', anchor: cell(Math.max(hr3, below), 9), width: 480, height: 320 });
  }
  b.push([]);
  // 4. Biggest gaps
  const t4 = b.push([L(lang, '4. Tiêu chí bị trừ nhiều điểm nhất', '4. Criteria losing the most points')]);
  b.style(cell(t4, 0), { bold: true, fontSize: 12 });
  const hr4 = b.push([L(lang, 'Mã tiêu chí', 'Criterion'), L(lang, 'Tên tiêu chí', 'Name'), L(lang, 'Chủ trì', 'Lead'), L(lang, 'Số đơn vị', 'Units'), L(lang, 'Tổng điểm bị trừ', 'Points lost')]);
  b.header(hr4, 0, 4);
  const r40 = b.row;
  for (const g of gapsByCriterion(results).slice(0, 10)) b.push([g.criterion, g.name, g.lead, g.units, g.lost]);
  if (b.row > r40) b.style(range(r40, 4, b.row - 1, 4), { numFmt: FMT.points });
  // 5. SIPAS overall
  if (sipas && sipas.units.length) {
    b.push([]);
    const t5 = b.push([L(lang, '5. Chỉ số hài lòng (SIPAS)', '5. Satisfaction (SIPAS)')]);
    b.style(cell(t5, 0), { bold: true, fontSize: 12 });
    const hr5 = b.push([L(lang, 'Mã', 'Code'), L(lang, 'Đơn vị', 'Unit'), L(lang, 'Loại đơn vị', 'Kind'), L(lang, 'Chỉ số chung (%)', 'Overall (%)'), L(lang, 'Số phiếu', 'Respondents'), L(lang, 'Hạng trong loại', 'Rank within kind')]);
    b.header(hr5, 0, 5);
    const r50 = b.row;
    for (const u of sipasUnitsInOrder(sipas)) b.push([u.unit, sipasUnitName(u, ctx), sipasKindLabel(u, lang), u.overall, u.n, u.rank]);
    b.style(range(r50, 3, b.row - 1, 3), { numFmt: FMT.index });
    b.targetColours(range(r50, 3, b.row - 1, 3), sipas.method.target);
  }
  return finish('summary', b, { widths: [12, 40, 12, 10, 12, 10, 9, 9, 9], charts, tabColor: '1F4E78', active: true });
}

/**
 * Issues listed row by row on "Kiểm tra dữ liệu" (errors first); the sheet's last line counts the
 * rest, which the CLI prints in full (and `--json` returns). A master with a million faulty rows
 * would otherwise make a sheet of a million rows, gigabytes to write.
 */
export const MAX_LISTED_ISSUES = 20_000;

/** "Kiểm tra dữ liệu": every issue found while reading and scoring, located, errors first (at most MAX_LISTED_ISSUES rows). */
export function renderIssuesSheet(issues: readonly Issue[], ctx: OutputContext): RenderedSheet {
  const { lang } = ctx;
  const b = new SheetBuilder();
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  b.title(
    L(lang, 'Kiểm tra dữ liệu', 'Data checks'),
    L(lang, `${errors} lỗi, ${warnings} cảnh báo. Sửa ở ô được chỉ ra rồi tính điểm lại.`, `${errors} errors, ${warnings} warnings. Fix the cell named, then score again.`),
  );
  const h = [L(lang, 'Mức độ', 'Severity'), L(lang, 'Tệp', 'File'), L(lang, 'Trang', 'Sheet'), L(lang, 'Ô', 'Cell'), L(lang, 'Đơn vị', 'Unit'), L(lang, 'Tiêu chí', 'Criterion'), L(lang, 'Nội dung', 'Message'), L(lang, 'Mã lỗi', 'Code')];
  const hr = b.push(h);
  b.header(hr, 0, h.length - 1);
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...issues].sort((a, c) => order[a.severity] - order[c.severity]);
  const sev = { error: L(lang, 'Lỗi', 'Error'), warning: L(lang, 'Cảnh báo', 'Warning'), info: L(lang, 'Thông tin', 'Info') };
  const r0 = b.row;
  for (const i of sorted.slice(0, MAX_LISTED_ISSUES)) b.push([sev[i.severity], i.file ?? '', i.sheet ?? '', i.cell ?? '', i.unit ?? '', i.criterion ?? '', t(i.code, i.params, lang), i.code]);
  if (sorted.length > MAX_LISTED_ISSUES) b.push(['', '', '', '', '', '', t('workbook.issuesNotListed', { count: sorted.length - MAX_LISTED_ISSUES, listed: MAX_LISTED_ISSUES }, lang), '']);
  if (b.row > r0) {
    b.style(range(r0, 1, b.row - 1, 6), { numFmt: '@' });
    b.conditionalFormats.length = 0;
  }
  if (!sorted.length) b.push([L(lang, 'Không có lỗi.', 'No issues.')]);
  return finish('issues', b, { widths: [10, 22, 16, 8, 8, 10, 80, 26], freeze: { rows: hr + 1, columns: 0 }, tabColor: errors ? 'C00000' : '70AD47' });
}
