/** The short text summary printed at the end of `parindex demo`. */
import type { Lang } from '../../engine';
import { formatFixed, formatIndex, formatNumber, formatPercent, sipasAggregationText, pushAll } from '../../engine';
import type { ResultsDocument } from '../../engine';
import type { SipasResult } from '../../engine';
import type { SubmissionStatus } from '../../engine';
import { gapsByCriterion, kindLabel, spanChange } from '../../engine';
import { planSummaryLines, type PlanJson } from '../../engine';

function pad(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? s : s + ' '.repeat(n - len);
}
function padLeft(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? s : ' '.repeat(n - len) + s;
}

/** Ranking table, biggest gaps, late / missing units and SIPAS overall, as plain text. */
export function demoSummary(results: ResultsDocument, lang: Lang, extra: { sipas?: SipasResult; status?: readonly SubmissionStatus[] } = {}): string {
  const vi = lang === 'vi';
  const lines: string[] = [];
  const sip = new Map((extra.sipas?.units ?? []).map((u) => [u.unit, u.overall]));
  const notReturned = new Set((extra.status ?? []).filter((s) => s.timeliness === 'missing').map((s) => s.unit));
  const kinds = ['district', ...new Set(results.units.map((u) => u.kind).filter((k) => k !== 'district'))];
  const y = results.framework.year;
  const year = y !== undefined && !results.framework.name.includes(String(y)) ? (vi ? ` năm ${y}` : ` ${y}`) : '';
  lines.push(
    vi
      ? `Kết quả: ${results.framework.name}${year} (mục tiêu ${formatPercent(results.framework.target, lang)})`
      : `Results: ${results.framework.name}${year} (target ${formatPercent(results.framework.target, lang)})`,
  );
  for (const kind of kinds) {
    const us = results.units.filter((u) => u.kind === kind).sort((a, b) => a.rank - b.rank);
    if (!us.length) continue;
    lines.push('');
    lines.push(kindLabel(kind, lang));
    lines.push(
      `${padLeft(vi ? 'Hạng' : 'Rank', 4)}  ${pad(vi ? 'Đơn vị' : 'Unit', 30)} ${padLeft(vi ? 'Chỉ số' : 'Index', 8)} ${padLeft(vi ? 'Loại' : 'Grade', 5)} ${padLeft(vi ? 'Năm trước' : 'Last yr', 10)} ${padLeft('SIPAS', 8)}`,
    );
    for (const u of us) {
      const prev = u.previous ? `${formatFixed(u.previous.index, lang, 2)}${u.previous.rank ? ` (${u.previous.rank})` : ''}` : '—';
      const s = sip.get(u.code);
      lines.push(
        `${padLeft(String(u.rank), 4)}  ${pad(u.name, 30)} ${padLeft(formatFixed(u.index, lang, 2), 8)} ${padLeft(u.grade, 5)} ${padLeft(prev, 10)} ${padLeft(s === undefined || s === null ? '—' : formatPercent(s, lang, 1), 8)}${notReturned.has(u.code) ? (vi ? '  (chưa nộp biểu mẫu)' : '  (template not returned)') : ''}`,
      );
    }
  }
  const gaps = gapsByCriterion(results).slice(0, 5);
  if (gaps.length) {
    lines.push('');
    lines.push(vi ? 'Tiêu chí bị trừ nhiều điểm nhất:' : 'Criteria losing the most points:');
    for (const g of gaps)
      lines.push(`  ${pad(g.criterion, 8)} ${pad(g.name.length > 48 ? g.name.slice(0, 47) + '…' : g.name, 48)} ${padLeft(formatNumber(g.lost, lang), 6)} ${vi ? 'điểm' : 'pts'} · ${g.units} ${vi ? 'đơn vị' : 'units'}${g.lead ? ` · ${vi ? 'chủ trì' : 'lead'} ${g.lead}` : ''}`);
  }
  const status = extra.status ?? [];
  const late = status.filter((s) => s.timeliness === 'late').map((s) => s.unit);
  const missing = status.filter((s) => s.timeliness === 'missing').map((s) => s.unit);
  if (status.length) {
    lines.push('');
    lines.push(
      vi
        ? `Nộp biểu mẫu: ${status.length - missing.length}/${status.length} đơn vị; nộp muộn: ${late.join(', ') || 'không'}; chưa nộp: ${missing.join(', ') || 'không'}`
        : `Templates returned: ${status.length - missing.length}/${status.length} units; late: ${late.join(', ') || 'none'}; missing: ${missing.join(', ') || 'none'}`,
    );
  }
  if (extra.sipas && extra.sipas.units.length) {
    const kindOf = new Map(results.units.map((u) => [u.code, u.kind]));
    const wards = extra.sipas.units.filter((u) => kindOf.get(u.unit) === 'ward');
    const others = extra.sipas.units.filter((u) => kindOf.get(u.unit) !== 'ward' && u.overall !== null);
    const vals = wards.map((u) => u.overall).filter((x): x is number => x !== null);
    const n = wards.reduce((s, u) => s + u.n, 0);
    const mean = vals.reduce((s, x) => s + x, 0) / Math.max(1, vals.length);
    const at = wards.filter((u) => u.meetsTarget).length;
    const rest = others.map((u) => `${u.unit} ${formatIndex(u.overall ?? 0, lang)}`).join(', ');
    lines.push(
      vi
        ? `SIPAS (${sipasAggregationText(extra.sipas.method, lang, { short: true })}): bình quân ${formatIndex(mean, lang)} trên ${vals.length} phường (${formatNumber(n, lang, 0)} phiếu); ${at} phường đạt mục tiêu ${formatPercent(extra.sipas.method.target, lang)}${rest ? `; ${rest}` : ''}`
        : `SIPAS (${sipasAggregationText(extra.sipas.method, lang, { short: true })}): mean ${formatIndex(mean, lang)} over ${vals.length} wards (${formatNumber(n, lang, 0)} responses); ${at} wards at the ${formatPercent(extra.sipas.method.target, lang)} target${rest ? `; ${rest}` : ''}`,
    );
  }
  pushAll(lines, periodsLines(results, lang, extra.sipas));
  if (results.plan) {
    lines.push('');
    pushAll(lines, planSummaryLines(results.plan as PlanJson, lang));
  }
  return lines.join('\n') + '\n';
}

/**
 * Rounds and years on the sample: the years in "Qua các năm" and the largest rise over them, the
 * appraisal risks against last year's points (criteria codes mapped), the survey answers set aside.
 */
function periodsLines(results: ResultsDocument, lang: Lang, sipas: SipasResult | undefined): string[] {
  const vi = lang === 'vi';
  const out: string[] = [];
  const view = results.years;
  if (view && view.years.length > 1) {
    const changes = view.units.flatMap((u) => {
      const c = spanChange(view, u);
      return c ? [{ unit: u.unit, ...c }] : [];
    });
    const best = changes.reduce<(typeof changes)[number] | undefined>((a, c) => (a === undefined || c.change > a.change ? c : a), undefined);
    const span = `${view.years[0] ?? ''}–${view.years[view.years.length - 1] ?? ''}`;
    const rise = best ? `${best.unit} ${best.change > 0 ? '+' : ''}${formatNumber(best.change, lang)} (${best.from}→${best.to})` : '';
    out.push(
      vi
        ? `Qua các năm ${span}: trang "Qua các năm" của results.xlsx${rise ? `; tăng nhiều nhất: ${rise}` : ''}`
        : `Over the years ${span}: sheet "Qua các năm" of results.xlsx${rise ? `; largest rise: ${rise}` : ''}`,
    );
  }
  const above = results.issues.filter((i) => i.code === 'risk.aboveLastYear');
  if (above.length > 0) {
    const list = above.map((i) => `${i.unit ?? ''} ${i.criterion ?? ''}`.trim()).join(', ');
    out.push(
      vi
        ? `Tự chấm cao hơn điểm thẩm định năm trước mà không có gì mới (mã tiêu chí năm trước qua trang "Chuyển đổi đơn vị"): ${list}`
        : `Self-scores above last year's appraised points with nothing new (last year's codes through "Chuyển đổi đơn vị"): ${list}`,
    );
  }
  const guarded = (sipas?.units ?? []).filter((u) => (u.quality?.setAside ?? 0) > 0);
  if (guarded.length > 0) {
    const list = guarded.map((u) => `${u.unit} ${formatNumber(u.quality?.setAside ?? 0, lang, 0)}`).join(', ');
    out.push(
      vi
        ? `Phiếu khảo sát bị để riêng (cùng thiết bị, cùng câu trả lời trong vài phút…): ${list}; xem trang "SIPAS"`
        : `Survey responses set aside (one device, same answers within minutes…): ${list}; see sheet "SIPAS"`,
    );
  }
  return out.length > 0 ? ['', ...out] : [];
}
