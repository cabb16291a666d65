import type { CellStyle, CellValue, RenderedSheet, Validation } from '../port';
import { a1, columnName, rangeA1 } from '../a1';
import type { Lang } from '../../i18n/format';
import type { FrameworkNode } from '../../model/framework';
import type { Assessment } from '../../model/assessment';
import type { Unit } from '../../model/unit';
import { DEFAULT_GRADES, type Framework } from '../../model/framework';
import {
  CONFIG_KEYS,
  INSTRUCTIONS_SHEET,
  LAYOUT,
  MASTER_MARKER_PREFIX,
  MASTER_TABLES,
  ROUND_LABELS,
  tableSpec,
  type ColumnSpec,
  type MasterTableId,
  type TableSpec,
} from './spec';
import { isoToSerial } from './table';
import { formatGrades } from './read';
import { assessmentKey, type MasterData, type SubmissionMeta } from './types';

/** Colours of the master layout. */
export const MASTER_COLOURS = Object.freeze({
  header: '1F4E78',
  headerText: 'FFFFFF',
  info: 'DDEBF7',
  output: 'D9D9D9',
  outputCell: 'F2F2F2',
  note: '595959',
  key: '808080',
});

export interface RenderOptions {
  lang?: Lang;
}

/** A value for one cell of a table row, with an optional style for that cell. */
export type RowValues = Record<string, CellValue | undefined>;

/** Render one table sheet in the master layout (title, note, hidden key row, headers, data). */
export function renderTable(
  spec: TableSpec<string>,
  rows: readonly RowValues[],
  opts: RenderOptions & { extraColumns?: readonly ColumnSpec[]; validations?: (col: (key: string) => number | undefined, last: number) => Validation[]; freezeColumns?: number } = {},
): RenderedSheet {
  const lang = opts.lang ?? 'vi';
  const columns = [...spec.columns, ...(opts.extraColumns ?? [])];
  const keyRow = LAYOUT.keyRow - 1;
  const headerRow = LAYOUT.headerRow - 1;
  const first = LAYOUT.firstDataRow - 1;
  const values: CellValue[][] = [];
  values[LAYOUT.titleRow - 1] = [spec.title[lang]];
  values[LAYOUT.noteRow - 1] = [spec.note[lang]];
  values[keyRow] = columns.map((c) => c.key);
  values[headerRow] = columns.map((c) => (lang === 'vi' ? c.vi : c.en));
  rows.forEach((r, i) => {
    values[first + i] = columns.map((c) => {
      const v = r[c.key];
      return v === undefined ? null : v;
    });
  });
  const lastRow = Math.max(first, first + rows.length - 1);
  const lastCol = columns.length - 1;
  const styles: { range: string; style: CellStyle }[] = [
    { range: 'A1', style: { bold: true, fontSize: 14 } },
    { range: 'A2', style: { italic: true, fontColor: MASTER_COLOURS.note } },
    { range: rangeA1(keyRow, 0, keyRow, lastCol), style: { fontColor: MASTER_COLOURS.key, fontSize: 8 } },
    {
      range: rangeA1(headerRow, 0, headerRow, lastCol),
      style: { bold: true, fill: MASTER_COLOURS.header, fontColor: MASTER_COLOURS.headerText, wrap: true, border: true, align: 'center' },
    },
  ];
  columns.forEach((c, i) => {
    const dataRange = rangeA1(first, i, lastRow, i);
    if (c.output) {
      styles.push({ range: a1(headerRow, i), style: { bold: true, italic: true, fill: MASTER_COLOURS.output, fontColor: '000000', wrap: true, border: true } });
      styles.push({ range: dataRange, style: { fill: MASTER_COLOURS.outputCell, italic: true, ...(c.numFmt ? { numFmt: c.numFmt } : {}) } });
    } else if (c.info) {
      styles.push({ range: a1(headerRow, i), style: { bold: true, fill: MASTER_COLOURS.info, fontColor: '000000', wrap: true, border: true } });
      if (c.numFmt) styles.push({ range: dataRange, style: { numFmt: c.numFmt } });
    } else if (c.numFmt) styles.push({ range: dataRange, style: { numFmt: c.numFmt } });
    if (c.type === 'text' || c.type === 'code' || c.type === 'list') {
      if (c.type !== 'text' || c.key === 'ruleParams') styles.push({ range: dataRange, style: { numFmt: '@' } });
    }
  });
  const colOf = (key: string): number | undefined => {
    const i = columns.findIndex((c) => c.key === key);
    return i < 0 ? undefined : i;
  };
  const sheet: RenderedSheet = {
    name: spec.sheet,
    marker: MASTER_MARKER_PREFIX + spec.id,
    values,
    styles,
    columnWidths: columns.map((c) => c.width ?? 12),
    hiddenRows: [LAYOUT.keyRow],
    freeze: { rows: LAYOUT.headerRow, columns: opts.freezeColumns ?? 0 },
    merges: [],
    printArea: rangeA1(0, 0, lastRow, lastCol),
  };
  const v = opts.validations?.(colOf, lastRow);
  if (v && v.length) sheet.validations = v;
  return sheet;
}

function dateCell(iso: string | undefined): CellValue | undefined {
  if (!iso) return undefined;
  return isoToSerial(iso) ?? iso;
}

function flatten(nodes: readonly FrameworkNode[], parent: string | undefined, level: number, out: RowValues[]): void {
  for (const n of nodes) {
    const leaf = !n.children || n.children.length === 0;
    const { kind, ...params } = n.rule ?? { kind: '' };
    out.push({
      code: n.code,
      parent: parent ?? null,
      level,
      name: n.name,
      nameEn: n.nameEn,
      max: n.max,
      channel: n.channel,
      ruleKind: n.rule ? kind : undefined,
      ruleParams: n.rule && Object.keys(params).length > 0 ? JSON.stringify(params) : undefined,
      lead: n.lead,
      coordinators: n.coordinators?.join(', '),
      appliesTo: n.appliesTo?.join(', '),
      notApplicable: n.notApplicable,
      role: n.role,
      cap: n.cap,
      source: n.source,
      evidence: n.evidence,
      ruleText: n.ruleText,
      note: n.note,
    });
    if (!leaf) flatten(n.children ?? [], n.code, level + 1, out);
  }
}

/** Leaves of a framework by code (with the name and maximum), in tree order. */
export function frameworkLeaves(nodes: readonly FrameworkNode[]): FrameworkNode[] {
  const out: FrameworkNode[] = [];
  const walk = (ns: readonly FrameworkNode[]): void => {
    for (const n of ns) {
      if (n.children && n.children.length) walk(n.children);
      else out.push(n);
    }
  };
  walk(nodes);
  return out;
}

function listValidation(range: string, values: string[], prompt?: string): Validation | undefined {
  // Excel limits an inline list to 255 characters.
  if (values.join(',').length > 250 || values.length === 0) return undefined;
  return { range, type: 'list', values, ...(prompt ? { prompt } : {}) };
}

function colRange(col: number | undefined, last: number, extra = 100): string | undefined {
  if (col === undefined) return undefined;
  const c = columnName(col);
  return `${c}${LAYOUT.firstDataRow}:${c}${Math.max(last + 1, LAYOUT.firstDataRow) + extra}`;
}

export interface SubmissionsExtras extends RenderOptions {
  framework?: Framework;
  units?: readonly Unit[];
  submissions?: readonly SubmissionMeta[];
  /** Computed columns by `unit|criterion` (written in the grey `out_` columns). */
  outputs?: Readonly<Record<string, RowValues>>;
}

/**
 * The "Kê khai" sheet: one row per unit × criterion, with names beside codes, submission
 * metadata and (when given) the computed columns.
 * @example renderSubmissionsSheet(doc.assessments, { framework, units, submissions })
 */
export function renderSubmissionsSheet(assessments: readonly Assessment[], extras: SubmissionsExtras = {}): RenderedSheet {
  const spec = tableSpec('submissions');
  const unitName = new Map((extras.units ?? []).map((u) => [u.code, u.name]));
  const leaves = new Map(frameworkLeaves(extras.framework?.nodes ?? []).map((n) => [n.code, n]));
  const meta = new Map((extras.submissions ?? []).map((m) => [assessmentKey(m.unit, m.criterion), m]));
  const rows: RowValues[] = assessments.map((a) => {
    const key = assessmentKey(a.unit, a.criterion);
    const m = meta.get(key);
    const leaf = leaves.get(a.criterion);
    const value = a.value;
    const valueCell: CellValue | undefined =
      value === undefined
        ? undefined
        : value !== null && typeof value === 'object'
          ? Object.entries(value)
              .map(([k, x]) => `${k}=${String(x)}`)
              .join('; ')
          : value;
    const [r1, r2] = m?.reasons ?? [undefined, undefined];
    const hasTwo = (a.appraisal?.length ?? 0) >= 2;
    return {
      unit: a.unit,
      unitName: unitName.get(a.unit),
      criterion: a.criterion,
      criterionName: leaf?.name,
      max: leaf?.max,
      value: valueCell,
      evidence: a.evidence,
      self: a.self,
      explanation: a.explanation,
      appraisal1: a.appraisal?.[0],
      reason1: r1 ?? (hasTwo ? undefined : a.reason),
      appraisal2: a.appraisal?.[1],
      reason2: r2 ?? (hasTwo ? a.reason : undefined),
      submittedAt: dateCell(m?.submittedAt),
      sourceFile: m?.sourceFile,
      by: m?.by,
      note: a.note ?? m?.note,
      ...(extras.outputs?.[key] ?? {}),
    };
  });
  const unitCodes = (extras.units ?? []).map((u) => u.code);
  return renderTable(spec, rows, {
    lang: extras.lang ?? 'vi',
    freezeColumns: 3,
    validations: (col, last) =>
      [
        (() => {
          const r = colRange(col('unit'), last);
          return r ? listValidation(r, unitCodes) : undefined;
        })(),
        ...(['self', 'appraisal1', 'appraisal2'] as const).map((k): Validation | undefined => {
          const r = colRange(col(k), last);
          return r ? { range: r, type: 'decimal', min: 0, max: 100 } : undefined;
        }),
      ].filter((v): v is Validation => v !== undefined),
  });
}

function instructions(lang: Lang): RenderedSheet {
  const vi = lang === 'vi';
  const lines: string[] = vi
    ? [
        'Sổ tổng hợp chấm điểm Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng (SIPAS)',
        '',
        'Các trang nhập liệu (do cán bộ Phòng Nội vụ quản lý):',
        ...MASTER_TABLES.map((t) => `• ${t.sheet}: ${t.note.vi}`),
        '',
        'Quy ước chung:',
        '• Hàng 3 của mỗi trang (ẩn) chứa khoá cột; không xoá hoặc sửa hàng này. Có thể đổi tên tiêu đề hiển thị ở hàng 4, đổi thứ tự cột, thêm cột riêng.',
        '• Không gộp ô trong vùng bảng. Số thập phân viết 0,25 hoặc 0.25 đều được; ngày nhập dạng ngày (dd/mm/yyyy).',
        '• Tỷ lệ nhập theo phần trăm 0–100 (87,5) hoặc ô định dạng % (87,5%).',
        '• Các cột tô xám trên trang Kê khai và các trang kết quả (Kết quả, Xếp hạng, Điểm bị trừ, SIPAS, Tổng hợp…) do phần mềm ghi lại toàn bộ mỗi lần tính điểm; sửa tay ở đó sẽ bị ghi đè (có cảnh báo).',
        '',
        'Lệnh: parindex validate <tệp> (kiểm tra) · parindex templates <tệp> --out <thư mục> (biểu mẫu) · parindex import … (nhận biểu mẫu) · parindex score <tệp> --out <kết quả.xlsx> (tính điểm).',
      ]
    : [
        'PAR INDEX and SIPAS scoring workbook',
        '',
        'Input sheets (kept by the Home Affairs office):',
        ...MASTER_TABLES.map((t) => `• ${t.sheet}: ${t.note.en}`),
        '',
        'Conventions:',
        '• Row 3 of every sheet (hidden) holds the column keys; do not delete or edit it. Display headers in row 4 may be renamed, columns reordered or added.',
        '• Do not merge cells inside a table. Decimals as 0,25 or 0.25; dates as date cells.',
        '• Rates as percentages 0–100 (87.5) or %-formatted cells (87.5%).',
        '• Grey columns of the submissions sheet and the result sheets are rewritten whole on every run; manual edits there are overwritten (with a warning).',
        '',
        'Commands: parindex validate <file> · parindex templates <file> --out <dir> · parindex import … · parindex score <file> --out <results.xlsx>.',
      ];
  return {
    name: INSTRUCTIONS_SHEET,
    marker: MASTER_MARKER_PREFIX + 'instructions',
    values: lines.map((l) => [l]),
    styles: [
      { range: 'A1', style: { bold: true, fontSize: 14 } },
      { range: `A2:A${lines.length}`, style: { wrap: false } },
    ],
    columnWidths: [120],
    tabColor: MASTER_COLOURS.header,
  };
}

function configRows(data: MasterData, lang: Lang): RowValues[] {
  const f = data.framework;
  const val: Record<string, CellValue | undefined> = {
    frameworkId: f.id,
    frameworkName: f.name,
    year: f.year,
    version: f.version,
    total: f.total,
    target: f.target ?? 90,
    grades: formatGrades(f.grades ?? DEFAULT_GRADES),
    notApplicable: f.notApplicable,
    missingSurvey: f.missingSurvey,
    tieEpsilon: f.tieEpsilon,
    legalBasis: f.meta?.legalBasis,
    points: f.meta?.points,
    unitKinds: f.unitKinds?.join(', '),
    sipasMethod: data.settings?.sipasMethod ?? 'topTwoBox',
    surveyTarget: data.settings?.surveyTarget,
    planId: data.settings?.planId,
    note: data.settings?.note ?? f.meta?.note,
  };
  const rows = CONFIG_KEYS.map((k) => ({ key: k.key, label: lang === 'vi' ? k.vi : k.en, value: val[k.key] }));
  for (const [k, v] of Object.entries(data.settings?.other ?? {})) rows.push({ key: k, label: k, value: v });
  return rows;
}

/**
 * All input sheets of a master workbook, from data: instructions, settings, criteria set,
 * units, submissions, rounds, survey (responses / counts / indices when present), previous
 * year, plan tasks. Used by the demo and by template/import tools to produce a new master.
 * @example const sheets = renderMasterInputSheets({ framework, units, assessments: [] });
 */
export function renderMasterInputSheets(data: MasterData, options: RenderOptions = {}): RenderedSheet[] {
  const lang = options.lang ?? 'vi';
  const out: RenderedSheet[] = [instructions(lang)];
  const spec = (id: MasterTableId): TableSpec => tableSpec(id);
  out.push(renderTable(spec('config'), configRows(data, lang), { lang }));
  const crit: RowValues[] = [];
  flatten(data.framework.nodes, undefined, 1, crit);
  const unitCodes = data.units.map((u) => u.code);
  out.push(
    renderTable(spec('criteria'), crit, {
      lang,
      freezeColumns: 1,
      validations: (col, last) =>
        [
          colRange(col('channel'), last) && listValidation(colRange(col('channel'), last) ?? '', ['appraisal', 'survey']),
          colRange(col('notApplicable'), last) && listValidation(colRange(col('notApplicable'), last) ?? '', ['exclude', 'full']),
          colRange(col('role'), last) && listValidation(colRange(col('role'), last) ?? '', ['standard', 'bonus', 'penalty']),
          colRange(col('lead'), last) && listValidation(colRange(col('lead'), last) ?? '', unitCodes),
        ].filter((v): v is Validation => typeof v === 'object' && v !== null),
    }),
  );
  out.push(
    renderTable(
      spec('units'),
      data.units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, scored: u.scored === undefined ? undefined : u.scored ? 'Có' : 'Không', email: u.email, head: u.head })),
      {
        lang,
        validations: (col, last) =>
          [
            colRange(col('scored'), last) && listValidation(colRange(col('scored'), last) ?? '', ['Có', 'Không']),
            colRange(col('kind'), last) && listValidation(colRange(col('kind'), last) ?? '', ['ward', 'office', 'district', 'commune', 'department']),
          ].filter((v): v is Validation => typeof v === 'object' && v !== null),
      },
    ),
  );
  out.push(renderSubmissionsSheet(data.assessments, { framework: data.framework, units: data.units, submissions: data.submissions ?? [], lang }));
  const rounds = data.rounds ?? [];
  out.push(
    renderTable(
      spec('rounds'),
      rounds.map((r) => ({ round: r.round, label: r.label ?? ROUND_LABELS[r.round][lang], start: dateCell(r.start), deadline: dateCell(r.deadline), note: r.note })),
      { lang },
    ),
  );
  const survey = data.survey ?? {};
  const responses = survey.responses ?? [];
  const items = survey.items ?? [...new Set(responses.flatMap((r) => Object.keys(r.answers)))];
  const itemColumns: ColumnSpec[] = items.map((it) => ({ key: it, vi: it, en: it, type: 'number', width: 6 }));
  out.push(
    renderTable(
      spec('surveyResponses'),
      responses.map((r) => ({ unit: r.unit, respondent: r.respondent, weight: r.weight, device: r.device, at: dateCell(r.at), ...Object.fromEntries(items.map((it) => [it, r.answers[it] ?? null])) })),
      { lang, extraColumns: itemColumns, freezeColumns: 2 },
    ),
  );
  if (survey.counts && survey.counts.length) {
    out.push(
      renderTable(
        spec('surveyCounts'),
        survey.counts.map((c) => ({ unit: c.unit, item: c.item, level1: c.levels[0], level2: c.levels[1], level3: c.levels[2], level4: c.levels[3], level5: c.levels[4], blank: c.blank })),
        { lang },
      ),
    );
  }
  if (survey.indices && Object.keys(survey.indices).length) {
    const rows: RowValues[] = [];
    for (const [unit, m] of Object.entries(survey.indices)) for (const [source, index] of Object.entries(m)) rows.push({ unit, source, index });
    out.push(renderTable(spec('surveyIndices'), rows, { lang }));
  }
  const names = new Map(data.units.map((u) => [u.code, u.name]));
  out.push(
    renderTable(
      spec('previous'),
      (data.previous ?? []).map((p) => ({ unit: p.unit, unitName: names.get(p.unit), index: p.index, rank: p.rank, grade: p.grade, year: p.year })),
      { lang },
    ),
  );
  const planExtraKeys = [...new Set((data.plan ?? []).flatMap((t) => Object.keys(t.extra ?? {})))];
  out.push(
    renderTable(
      spec('plan'),
      (data.plan ?? []).map((t) => ({
        id: t.id,
        title: t.title,
        lead: t.lead,
        leadName: t.leadName,
        coordinators: t.coordinators?.join(', '),
        due: dateCell(t.due),
        criteria: t.criteria?.join(', '),
        status: t.status,
        reportedAt: dateCell(t.reportedAt),
        note: t.note,
        ...(t.extra ?? {}),
      })),
      { lang, extraColumns: planExtraKeys.map((k) => ({ key: k, vi: k, en: k, type: 'value' as const, width: 12 })) },
    ),
  );
  return out;
}
