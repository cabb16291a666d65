import type { Framework } from '../../model/framework';
import type { Unit } from '../../model/unit';
import type { CellStyle, CellValue, RenderedSheet, Validation } from '../port';
import { formatDate, formatNumber, type Lang } from '../../i18n/format';
import { a1, columnName } from '../a1';
import { cellHash, contentHash, normaliseCell } from './hash';
import {
  COLUMNS,
  DEFAULT_PASSWORD,
  HASHED_COLUMNS,
  INSTRUCTIONS_SHEET,
  META_KEYS,
  META_ROW_HEADER,
  META_SHEET,
  ROWS,
  SCORE_STEP,
  SELF_SHEET,
  TEMPLATE_FORMAT,
  TEMPLATE_ID,
  TEMPLATE_MARKERS,
  FOOTER,
  columnIndex,
  type ColumnKey,
  type MetaKey,
} from './layout';
import { selectRows, type TemplateRow } from './select';
import { valueCell } from './accepts';
import { templateFileName } from './fileName';

export interface TemplateOptions {
  /** Language of the template's wording (default vi). */
  lang?: Lang;
  /** All units of the round (needed to route office rows to the district). Default: just `unit`. */
  units?: readonly Unit[];
  /** Round label or id, e.g. "selfAssessment" or "Tự đánh giá 2023". */
  round?: string;
  /** Deadline (ISO yyyy-mm-dd). */
  deadline?: string;
  /** Who to contact (name, phone, e-mail), shown on the instructions sheet. */
  contact?: string;
  /** ISO date-time written into the metadata (default: not set → caller should pass now). */
  generatedAt?: string;
  /** Sheet protection password (default DEFAULT_PASSWORD, documented: an accident guard). */
  password?: string;
  /** Extra sheets for this unit (e.g. the plan's quarterly task-status sheet), placed after the self-assessment sheet. */
  extraSheets?: readonly RenderedSheet[];
}

export interface TemplateMeta {
  templateId: string;
  templateFormat: number;
  frameworkId: string;
  frameworkVersion: string;
  frameworkYear: string;
  unit: string;
  unitName: string;
  unitKind: string;
  round: string;
  deadline: string;
  generatedAt: string;
  lang: Lang;
  sheet: string;
  firstRow: number;
  rowCount: number;
  hash: string;
}

/** One line of the per-row metadata table. */
export interface MetaRow {
  row: number;
  code: string;
  kind: TemplateRow['kind'];
  assessedUnit: string;
  /** Input type of the leaf (choice, number, rate, date, points, vars, survey) or "" for groups. */
  input: string;
  /** Cell hashes of the locked columns (HASHED_COLUMNS order), joined by ".". */
  cells: string;
  max: number;
  /** The leaf's InputSpec as JSON ("" for groups), so a file can be checked without its master. */
  spec: string;
  /** The leaf's rule as JSON ("" for groups; absent in templates written before it was kept). */
  rule?: string;
}

export interface RenderedTemplate {
  unit: string;
  fileName: string;
  sheets: RenderedSheet[];
  rows: TemplateRow[];
  meta: TemplateMeta;
  metaRows: MetaRow[];
}

/** Version string of a framework as templates record it (version, else year, else ""). */
export function frameworkVersionOf(f: Framework): string {
  return f.version ?? (f.year !== undefined ? String(f.year) : '');
}


/** Hash of the header labels and the row lines: what `_meta.hash` holds. */
export function templateHash(sheet: string, headers: readonly CellValue[], rowLines: readonly string[]): string {
  return contentHash([sheet, ...headers.map(normaliseCell), ...rowLines]);
}

/** The per-row hash line for the locked cells of one sheet row. */
export function rowCellsHash(line: readonly CellValue[]): string {
  return HASHED_COLUMNS.map((k) => cellHash(line[columnIndex(k)])).join('.');
}

const INPUT_FILL = 'FFF9DB';
const GROUP_FILL = 'E8EEF7';
const HEADER_FILL = 'D9E2F3';
const LOCKED_FILL = 'F2F2F2';

function vi(lang: Lang, v: string, e: string): string {
  return lang === 'vi' ? v : e;
}

/**
 * Render one unit's template as pure sheets: instructions, self-assessment, hidden metadata.
 * @example renderTemplate(framework, units[0], { units, deadline: '2023-11-30', generatedAt: '2023-11-01T08:00' })
 */
export function renderTemplate(framework: Framework, unit: Unit, options: TemplateOptions = {}): RenderedTemplate {
  const lang = options.lang ?? 'vi';
  const units = options.units ?? [unit];
  const scope = selectRows(framework, units, unit);
  const rows = scope.rows;
  const nCols = COLUMNS.length;
  const lastCol = columnName(nCols - 1);
  const col = (k: ColumnKey): number => columnIndex(k);
  const district = units.find((u) => u.kind === 'district');
  const year = framework.year !== undefined ? String(framework.year) : '';

  // ---- self-assessment sheet
  const values: CellValue[][] = [];
  const styles: { range: string; style: CellStyle }[] = [];
  const validations: Validation[] = [];
  values.push([vi(lang, `BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH${year ? ' NĂM ' + year : ''}`, `PAR INDEX SELF-ASSESSMENT${year ? ' ' + year : ''}`)]);
  const answersFor = unit.kind === 'office' && district ? vi(lang, ` — chủ trì các tiêu chí cấp quận, chấm cho ${district.name} (${district.code})`, ` — lead office for district-level criteria, scored for ${district.name} (${district.code})`) : '';
  values.push([`${vi(lang, 'Đơn vị', 'Unit')}: ${unit.name} (${unit.code})${answersFor}`]);
  const deadlineText = options.deadline ? ` · ${vi(lang, 'Hạn nộp', 'Deadline')}: ${formatDate(options.deadline, lang)}` : '';
  values.push([`${vi(lang, 'Bộ tiêu chí', 'Criteria set')}: ${framework.name}${frameworkVersionOf(framework) ? ` (${vi(lang, 'phiên bản', 'version')} ${frameworkVersionOf(framework)})` : ''}${deadlineText} · ${vi(lang, 'Chỉ nhập vào các ô nền vàng', 'Enter data only in yellow cells')}`]);
  values.push(COLUMNS.map((c) => c.key));
  values.push(COLUMNS.map((c) => (lang === 'vi' ? c.vi : c.en)));
  styles.push({ range: `A1:${lastCol}1`, style: { bold: true, fontSize: 13, align: 'center' } });
  styles.push({ range: `A2:${lastCol}3`, style: { italic: true } });
  styles.push({ range: `A${ROWS.header}:${lastCol}${ROWS.header}`, style: { bold: true, fill: HEADER_FILL, wrap: true, align: 'center', border: true } });

  const metaRows: MetaRow[] = [];
  rows.forEach((r, i) => {
    const rowNo = ROWS.first + i;
    const line: CellValue[] = new Array<CellValue>(nCols).fill(null);
    line[col('code')] = r.code;
    line[col('name')] = (r.depth > 0 ? '  '.repeat(Math.min(r.depth, 4)) : '') + (lang === 'en' && r.node.nameEn ? r.node.nameEn : r.node.name);
    line[col('max')] = r.max;
    line[col('lead')] = r.lead ?? null;
    const range = `A${rowNo}:${lastCol}${rowNo}`;
    if (r.kind === 'group') {
      styles.push({ range, style: { bold: true, fill: GROUP_FILL, border: true, wrap: true } });
    } else {
      styles.push({ range, style: { border: true, wrap: true } });
      line[col('rule')] = r.node.ruleText ?? r.rule?.describe(lang) ?? null;
      line[col('evidenceRequired')] = r.node.evidence ?? null;
      const v = a1(rowNo - 1, col('value'));
      const s = a1(rowNo - 1, col('self'));
      const inputCols: ColumnKey[] = ['evidence', 'explanation'];
      const inp = r.input;
      if (r.kind === 'survey') {
        line[col('value')] = '—';
        line[col('self')] = '—';
        line[col('rule')] = line[col('rule')] ?? vi(lang, 'Điểm từ điều tra xã hội học', 'Points from the survey');
        styles.push({ range: `${v}`, style: { fill: LOCKED_FILL, align: 'center' } });
        styles.push({ range: `${s}`, style: { fill: LOCKED_FILL, align: 'center' } });
      } else {
        inputCols.push('self');
        validations.push({
          range: s,
          type: 'decimal',
          min: 0,
          max: r.max,
          prompt: vi(lang, `Từ 0 đến ${formatNumber(r.max, 'vi')}, bước ${formatNumber(SCORE_STEP, 'vi')}`, `0 to ${formatNumber(r.max, 'en')}, steps of ${SCORE_STEP}`),
          error: vi(lang, `Điểm tự chấm phải từ 0 đến ${formatNumber(r.max, 'vi')}`, `Self-score must be 0 to ${formatNumber(r.max, 'en')}`),
        });
        styles.push({ range: s, style: { numFmt: '0.00' } });
        if (!inp || inp.type === 'points') {
          line[col('value')] = '—';
          styles.push({ range: v, style: { fill: LOCKED_FILL, align: 'center' } });
        } else {
          inputCols.push('value');
          // the cell takes what the rule reads: an Excel check only when every documented wording passes it
          const cell = valueCell(r.rule?.kind, inp, r.node.rule);
          if (cell.check === 'list') {
            validations.push({ range: v, type: 'list', values: cell.list, prompt: vi(lang, 'Chọn trong danh sách', 'Pick from the list'), error: vi(lang, 'Giá trị phải chọn trong danh sách', 'Pick a value from the list') });
          } else if (cell.check === 'number' && inp.type === 'number') {
            validations.push({
              range: v,
              type: inp.integer ? 'whole' : 'decimal',
              min: inp.min ?? -1e12,
              max: inp.max ?? 1e12,
              prompt: vi(lang, `Nhập số${inp.unit ? ' (' + inp.unit + ')' : ''}`, `Enter a number${inp.unit ? ' (' + inp.unit + ')' : ''}`),
              error: vi(lang, 'Ô này chỉ nhận số', 'This cell takes a number'),
            });
          } else if (cell.check === 'date') {
            validations.push({ range: v, type: 'date', prompt: vi(lang, 'Nhập ngày (dd/mm/yyyy)', 'Enter a date (dd/mm/yyyy)'), error: vi(lang, 'Ô này chỉ nhận ngày', 'This cell takes a date') });
          }
          // "@" keeps "4/4" or "18/20" as typed (Excel would turn them into dates)
          if (cell.numFmt !== undefined) styles.push({ range: v, style: { numFmt: cell.numFmt } });
        }
      }
      for (const k of inputCols) {
        styles.push({ range: a1(rowNo - 1, col(k)), style: { locked: false, fill: INPUT_FILL } });
      }
      styles.push({ range: a1(rowNo - 1, col('evidence')), style: { numFmt: '@' } });
      styles.push({ range: a1(rowNo - 1, col('explanation')), style: { numFmt: '@' } });
    }
    styles.push({ range: a1(rowNo - 1, col('max')), style: { numFmt: '0.00', align: 'center' } });
    values.push(line);
    metaRows.push({
      row: rowNo,
      code: r.code,
      kind: r.kind,
      assessedUnit: r.assessedUnit,
      input: r.kind === 'group' ? '' : r.kind === 'survey' ? 'survey' : (r.input?.type ?? 'points'),
      cells: rowCellsHash(line),
      max: r.max,
      spec: r.kind === 'leaf' && r.input ? JSON.stringify(r.input) : '',
      rule: r.kind === 'leaf' && r.node.rule ? JSON.stringify(r.node.rule) : '',
    });
  });
  const lastTableRow = ROWS.first + rows.length - 1;
  const headers = values[ROWS.header - 1] ?? [];
  // sign-off block
  values.push([]);
  FOOTER.forEach((f, i) => {
    const rowNo = lastTableRow + 2 + i;
    const line: CellValue[] = new Array<CellValue>(nCols).fill(null);
    line[col('name')] = lang === 'vi' ? f.vi : f.en;
    values.push(line);
    styles.push({ range: a1(rowNo - 1, col('name')), style: { bold: true, align: 'right' } });
    const cell = a1(rowNo - 1, col('value'));
    styles.push({ range: cell, style: { locked: false, fill: INPUT_FILL, border: true, ...(f.key === 'signedOn' ? { numFmt: 'dd/mm/yyyy' } : { numFmt: '@' }) } });
    if (f.key === 'signedOn') validations.push({ range: cell, type: 'date', prompt: vi(lang, 'Ngày ký (dd/mm/yyyy)', 'Date signed (dd/mm/yyyy)'), error: vi(lang, 'Ô này chỉ nhận ngày', 'This cell takes a date') });
  });
  const lastRow = lastTableRow + 1 + FOOTER.length;
  const hash = templateHash(SELF_SHEET, headers, metaRows.map((m) => `${m.code}|${m.cells}`));
  const password = options.password ?? DEFAULT_PASSWORD;

  const selfSheet: RenderedSheet = {
    name: SELF_SHEET,
    marker: TEMPLATE_MARKERS.self,
    values,
    styles,
    columnWidths: COLUMNS.map((c) => c.width),
    hiddenRows: [ROWS.keys],
    freeze: { rows: ROWS.header, columns: 2 },
    merges: [`A1:${lastCol}1`, `A2:${lastCol}2`, `A3:${lastCol}3`],
    validations,
    protection: { password },
    printArea: `A1:${lastCol}${Math.max(lastRow, ROWS.header)}`,
    tabColor: '2F5597',
  };

  const meta: TemplateMeta = {
    templateId: TEMPLATE_ID,
    templateFormat: TEMPLATE_FORMAT,
    frameworkId: framework.id,
    frameworkVersion: frameworkVersionOf(framework),
    frameworkYear: year,
    unit: unit.code,
    unitName: unit.name,
    unitKind: unit.kind,
    round: options.round ?? '',
    deadline: options.deadline ?? '',
    generatedAt: options.generatedAt ?? '',
    lang,
    sheet: SELF_SHEET,
    firstRow: ROWS.first,
    rowCount: rows.length,
    hash,
  };

  // ---- metadata sheet
  const metaValues: CellValue[][] = META_KEYS.map((k: MetaKey) => [k, meta[k]]);
  metaValues.push([]);
  metaValues.push([...META_ROW_HEADER]);
  for (const m of metaRows) metaValues.push([m.row, m.code, m.kind, m.assessedUnit, m.input, m.cells, m.max, m.spec, m.rule ?? '']);
  const metaSheet: RenderedSheet = {
    name: META_SHEET,
    marker: TEMPLATE_MARKERS.meta,
    values: metaValues,
    styles: [{ range: `B1:B${META_KEYS.length}`, style: { numFmt: '@' } }],
    state: 'veryHidden',
    protection: { password },
  };

  // ---- instructions sheet
  const ins: CellValue[][] = [];
  const insStyles: { range: string; style: CellStyle }[] = [];
  const add = (text: string, style?: CellStyle): void => {
    ins.push([text]);
    if (style) insStyles.push({ range: `A${ins.length}`, style });
  };
  add(vi(lang, 'HƯỚNG DẪN ĐIỀN BIỂU MẪU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', 'HOW TO FILL IN THE PAR INDEX SELF-ASSESSMENT TEMPLATE'), { bold: true, fontSize: 13 });
  add(`${vi(lang, 'Đơn vị', 'Unit')}: ${unit.name} (${unit.code})`, { bold: true });
  add(`${vi(lang, 'Bộ tiêu chí', 'Criteria set')}: ${framework.name}${meta.frameworkVersion ? ` — ${vi(lang, 'phiên bản', 'version')} ${meta.frameworkVersion}` : ''}`);
  if (options.round) add(`${vi(lang, 'Kỳ đánh giá', 'Round')}: ${options.round}`);
  add(`${vi(lang, 'Hạn nộp', 'Deadline')}: ${options.deadline ? formatDate(options.deadline, lang) : vi(lang, 'theo văn bản của Phòng Nội vụ', 'as set by the Home Affairs office')}`, { bold: true });
  if (options.contact) add(`${vi(lang, 'Liên hệ', 'Contact')}: ${options.contact}`);
  add(`${vi(lang, 'Số tiêu chí phải kê khai', 'Criteria to answer')}: ${rows.filter((r) => r.kind === 'leaf').length}${rows.some((r) => r.kind === 'survey') ? vi(lang, ` (và ${rows.filter((r) => r.kind === 'survey').length} tiêu chí chấm qua điều tra xã hội học, không tự chấm)`, ` (and ${rows.filter((r) => r.kind === 'survey').length} survey-scored criteria, not self-scored)`) : ''}`);
  if (unit.kind === 'office' && district) {
    add(vi(lang, `Các dòng trong trang "${SELF_SHEET}" là tiêu chí cấp quận do đơn vị chủ trì; số liệu và điểm tự chấm được tính cho ${district.name} (${district.code}).`, `The rows of "${SELF_SHEET}" are district-level criteria this office leads; they are scored for ${district.name} (${district.code}).`));
  }
  add('');
  add(vi(lang, 'Cách điền', 'Steps'), { bold: true });
  const steps = lang === 'vi'
    ? [
        `1. Mở trang "${SELF_SHEET}". Chỉ nhập vào các ô nền vàng; các ô khác đã khoá.`,
        '2. Cột "Số liệu kê khai": chọn trong danh sách (Có / Không / Không áp dụng, mức độ) hoặc nhập số, tỷ lệ % (ví dụ 87,5 hoặc 18/20), số lượng (ví dụ 3 hoặc 3/4), số vi phạm (ví dụ 2 hoặc Không vi phạm), ngày (dd/mm/yyyy) theo cột "Cách tính điểm". Không dán đè giá trị ngoài danh sách.',
        '3. Cột "Tài liệu kiểm chứng": ghi số, ký hiệu, ngày ban hành văn bản kiểm chứng (hoặc đường dẫn).',
        `4. Cột "Điểm tự chấm": từ 0 đến điểm tối đa, bước ${formatNumber(SCORE_STEP, 'vi')} (0; 0,25; 0,5; …).`,
        '5. Cột "Giải trình / ghi chú": nêu lý do khi không đạt điểm tối đa.',
        '6. Lưu tệp dạng .xlsx (giữ nguyên tên trang, không đặt mật khẩu mở tệp) và gửi lại đúng hạn.',
      ]
    : [
        `1. Open the "${SELF_SHEET}" sheet. Enter data only in yellow cells; the others are locked.`,
        '2. "Declared value": pick from the list (Yes/No/N.A., levels) or enter a number, a rate in % (e.g. 87.5 or 18/20), a count (e.g. 3 or 3/4), a number of violations (e.g. 2 or Không vi phạm) or a date (dd/mm/yyyy), as the "Scoring rule" column says. Do not paste values outside the list.',
        '3. "Evidence reference": number, symbol and date of the evidence document (or a link).',
        `4. "Self-score": 0 to the maximum, in steps of ${SCORE_STEP}.`,
        '5. "Explanation": why the maximum was not reached.',
        '6. Save as .xlsx (keep the sheet names, no open password) and send it back by the deadline.',
      ];
  steps.forEach((s) => add(s, { wrap: true }));
  add('');
  add(vi(lang, 'Tiêu chí không áp dụng (không phát sinh)', 'Criteria that do not apply'), { bold: true });
  const naPolicy = framework.notApplicable ?? 'exclude';
  add(
    vi(
      lang,
      `Với tiêu chí Có/Không: chọn "Không áp dụng". Với tiêu chí số liệu: để trống ô số liệu, ghi "Không áp dụng" và lý do ở cột Giải trình. ${naPolicy === 'exclude' ? 'Tiêu chí không áp dụng được loại khỏi điểm tối đa (quy đổi theo tỷ lệ).' : 'Tiêu chí không áp dụng được tính đủ điểm tối đa.'}`,
      `Yes/No criteria: pick "Không áp dụng" (N.A.). Numeric criteria: leave the value empty and write "Không áp dụng" with the reason in the explanation column. ${naPolicy === 'exclude' ? 'Criteria that do not apply are removed from the maximum (rescaled).' : 'Criteria that do not apply get full points.'}`,
    ),
    { wrap: true },
  );
  add('');
  add(vi(lang, 'Lưu ý', 'Important'), { bold: true });
  add(
    vi(
      lang,
      'Không sửa các ô đã khoá, không chèn, xoá, ẩn hay đổi thứ tự dòng, không đổi tên hoặc xoá trang, không gộp ô. Tệp bị thay đổi cấu trúc sẽ không được nhập và phải điền lại.',
      'Do not change locked cells; do not insert, delete, hide or reorder rows; do not rename or delete sheets; do not merge cells. A file whose structure changed is not imported and must be filled again.',
    ),
    { wrap: true, fontColor: 'C00000' },
  );
  add('');
  add(vi(lang, 'Ý nghĩa các cột', 'Columns'), { bold: true });
  for (const c of COLUMNS) {
    ins.push([`${lang === 'vi' ? c.vi : c.en}: ${lang === 'vi' ? c.help.vi : c.help.en}${c.input ? vi(lang, ' (ô nhập)', ' (input)') : ''}`]);
    insStyles.push({ range: `A${ins.length}`, style: { wrap: true } });
  }
  if (scope.coordinates.length > 0) {
    add('');
    add(vi(lang, 'Tiêu chí đơn vị phối hợp (cung cấp tài liệu cho đơn vị chủ trì, không kê khai ở đây)', 'Criteria this unit coordinates (send evidence to the lead office; not answered here)'), { bold: true });
    for (const c of scope.coordinates) add(`${c.code} ${c.name}${c.lead ? ` — ${vi(lang, 'chủ trì', 'lead')}: ${c.lead}` : ''}`, { wrap: true });
  }
  const instructions: RenderedSheet = {
    name: INSTRUCTIONS_SHEET,
    marker: TEMPLATE_MARKERS.instructions,
    values: ins,
    styles: insStyles,
    columnWidths: [110],
    protection: { password },
    printArea: `A1:A${ins.length}`,
    tabColor: '70AD47',
  };

  return {
    unit: unit.code,
    fileName: templateFileName(unit),
    sheets: [instructions, selfSheet, ...(options.extraSheets ?? []), metaSheet],
    rows,
    meta,
    metaRows,
  };
}

/**
 * Units that get a template: every unit with at least one row to answer.
 * @example templateUnits(framework, units).map((u) => u.code) // ["VP", "NV", …, "HD", …]
 */
export function templateUnits(framework: Framework, units: readonly Unit[]): Unit[] {
  return units.filter((u) => selectRows(framework, units, u).rows.some((r) => r.kind !== 'group'));
}
