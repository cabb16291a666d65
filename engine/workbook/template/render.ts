import type { Framework } from '../../model/framework';
import type { Unit } from '../../model/unit';
import type { CellStyle, CellValue, ConditionalFormat, RenderedSheet, TextRun, Validation } from '../port';
import { formatDate, formatNumber, t, type Lang } from '../../i18n';
import type { MessageCode } from '../../i18n';
import { a1, columnName, parseA1 } from '../a1';
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
  TOTAL_ROW,
  FOOTER,
  columnIndex,
  type ColumnKey,
  type MetaKey,
} from './layout';
import { selectRows, type TemplateRow } from './select';
import { valueCell } from './accepts';
import { templateFileName } from './fileName';
import { excelText as str, notApplicablePolicies, provisionalFormula, type FormulaWords } from './formulas';
import { choosePaper, columnPoints, fitWidths, rowHeight } from './print';
import { renderSelfCheck } from './selfCheck';

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
  /** Where the filled file goes (an office, an e-mail address); default: the Home Affairs office. */
  returnTo?: string;
  /** The document the form comes with ("Công văn số 123/UBND-NV ngày 01/11/2023"); default: a line to fill in by hand. */
  attachedTo?: string;
  /** Place on the place-and-date line ("Thanh Xuân"); default: from the district's name. */
  place?: string;
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

/** The per-row hash line for the locked cells of one sheet row (cells at their positions in `columns` order of HASHED_COLUMNS). */
export function rowCellsHash(line: readonly CellValue[], indexOf: (key: ColumnKey) => number = columnIndex): string {
  return HASHED_COLUMNS.map((k) => cellHash(line[indexOf(k)])).join('.');
}

const INPUT_FILL = 'FFF9DB';
const GROUP_FILL = 'E8EEF7';
const HEADER_FILL = 'D9E2F3';
const LOCKED_FILL = 'F2F2F2';
const PROVISIONAL_FILL = 'EAF1E4';
/** Conditional formats: a self-score above the provisional points (red), a missing evidence or explanation (orange). */
const RED_FILL = 'FFC7CE';
const RED_TEXT = '9C0006';
const ORANGE_FILL = 'FFD8A8';
const ORANGE_TEXT = '7F3F00';

/** One font family on the printed form; the body size prints at 9 pt or more once scaled to the paper. */
export const TEMPLATE_FONT: Readonly<{ name: string; size: number }> = Object.freeze({ name: 'Times New Roman', size: 12 });
/** Side margins of the printed form, inches. */
const MARGINS = Object.freeze({ left: 0.3, right: 0.3, top: 0.45, bottom: 0.55, header: 0.25, footer: 0.25 });

/** The district's place name ("UBND quận Thanh Xuân" → "Thanh Xuân"). */
export function placeOf(name: string | undefined): string {
  if (!name) return '';
  return name
    .replace(/^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+/i, '')
    .replace(/^(quận|huyện|thị xã|thành phố|phường|xã|thị trấn|tỉnh)\s+/i, '')
    .trim();
}

/**
 * The header's placeholders as formula pieces: the rendered message, split at `marks`, as an Excel
 * text expression with `parts` in between (`="Thanh Xuân, ngày "&DAY(D70)&…`).
 */
function messageFormula(text: string, parts: Readonly<Record<string, string>>): string {
  const keys = Object.keys(parts);
  const out: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    let best = -1;
    let key = '';
    for (const k of keys) {
      const i = rest.indexOf(k);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
        key = k;
      }
    }
    if (best < 0) {
      out.push(str(rest));
      break;
    }
    if (best > 0) out.push(str(rest.slice(0, best)));
    out.push(parts[key] ?? '""');
    rest = rest.slice(best + key.length);
  }
  return out.join('&');
}

/** Whole-number text for prompts ("0", "4") and decimals the reader's way ("2,5"). */
function n(x: number, lang: Lang): string {
  return formatNumber(x, lang, 4);
}

/**
 * Render one unit's template as pure sheets: instructions, self-assessment, hidden metadata.
 * @example renderTemplate(framework, units[0], { units, deadline: '2023-11-30', generatedAt: '2023-11-01T08:00' })
 */
export function renderTemplate(framework: Framework, unit: Unit, options: TemplateOptions = {}): RenderedTemplate {
  const lang = options.lang ?? 'vi';
  const w = (code: MessageCode, params: Parameters<typeof t>[1] = {}): string => t(code, params, lang);
  const units = options.units ?? [unit];
  const scope = selectRows(framework, units, unit);
  const rows = scope.rows;
  const nCols = COLUMNS.length;
  const lastCol = columnName(nCols - 1);
  const col = (k: ColumnKey): number => columnIndex(k);
  const colL = (k: ColumnKey): string => columnName(col(k));
  const district = units.find((u) => u.kind === 'district');
  const year = framework.year !== undefined ? String(framework.year) : (options.deadline ?? '').slice(0, 4);
  const password = options.password ?? DEFAULT_PASSWORD;
  const naPolicy = framework.notApplicable ?? 'exclude';
  const policies = notApplicablePolicies(framework.nodes, naPolicy);
  const words: FormulaWords = { notApplicable: w('form.provisional.na'), unread: w('form.provisional.unread') };
  const untranslated = w('form.provisional.untranslated');
  const place = options.place ?? placeOf(district?.name) ?? '';
  const unitLabel = `${unit.name} (${unit.code})`;
  const deadlineText = options.deadline ? formatDate(options.deadline, lang) : w('form.deadlineOpen');
  const frameworkLabel = frameworkVersionOf(framework) ? w('form.version', { name: framework.name, version: frameworkVersionOf(framework) }) : framework.name;
  const upper = (s: string): string => s.toLocaleUpperCase('vi');
  const font = TEMPLATE_FONT.size;

  // ---- self-assessment sheet
  const values: CellValue[][] = [];
  const styles: { range: string; style: CellStyle }[] = [];
  const validations: Validation[] = [];
  const formulas: Record<string, string> = {};
  const runs: Record<string, TextRun[]> = {};
  const heights: Record<number, number> = {};
  const merges: string[] = [];
  const put = (row1: number, c: number, v: CellValue): void => {
    const line = values[row1 - 1] ?? (values[row1 - 1] = new Array<CellValue>(nCols).fill(null));
    while (line.length <= c) line.push(null);
    line[c] = v;
  };
  const widths = COLUMNS.map((c) => c.width);
  const widthOf = (c0: number, c1: number): number => widths.slice(c0, c1 + 1).reduce((s, x) => s + x, 0) + (c1 - c0);
  // the two blocks of the header and of the signatures: left over code…max, right over rule…lead
  const left: [number, number] = [0, col('max')];
  const right: [number, number] = [col('rule'), nCols - 1];
  const block = (row1: number, [c0, c1]: [number, number]): string => `${a1(row1 - 1, c0)}:${a1(row1 - 1, c1)}`;

  // row 1: issuing body | national title and motto
  const superior = unit.kind !== 'district' && district ? upper(district.name) : undefined;
  const issuer: TextRun[] = [...(superior ? [{ text: `${superior}\n` }] : []), { text: upper(unit.name), bold: true }];
  const nation: TextRun[] = [{ text: `${w('form.nation')}\n`, bold: true }, { text: w('form.motto'), bold: true }];
  put(1, left[0], issuer.map((r) => r.text).join(''));
  put(1, right[0], nation.map((r) => r.text).join(''));
  runs[a1(0, left[0])] = issuer;
  runs[a1(0, right[0])] = nation;
  merges.push(block(1, left), block(1, right));
  styles.push({ range: block(1, left), style: { align: 'center', wrap: true } }, { range: block(1, right), style: { align: 'center', wrap: true } });
  heights[1] = rowHeight(
    [
      { text: issuer.map((r) => r.text).join(''), width: widthOf(...left), fontSize: font, bold: true },
      { text: nation.map((r) => r.text).join(''), width: widthOf(...right), fontSize: font, bold: true },
    ],
    font,
  );

  // row 2: place and date (from the date signed under the table, else dots to fill by hand)
  put(2, right[0], w('form.placeDate', { place, day: '......', month: '......', year }));
  merges.push(block(2, right));
  styles.push({ range: block(2, right), style: { italic: true, align: 'center' } });
  heights[2] = Math.ceil(font * 1.25 + 8);

  // row 3: title, "Kèm theo …", unit, criteria set and deadline, how to fill
  const title = year ? w('form.title', { year }) : w('form.titleNoYear');
  const attached = w('form.attached', { document: options.attachedTo ?? w('form.attachedBlank', { issuer: district ? district.code : unit.code, year }) });
  const who = unit.kind === 'office' && district ? w('form.answersFor', { unit: unitLabel, district: `${district.name} (${district.code})` }) : unitLabel;
  const info = w('form.info', { unit: who, framework: frameworkLabel, deadline: deadlineText });
  const howTo = w('form.howTo');
  const head: TextRun[] = [{ text: `${title}\n`, bold: true, size: 14 }, { text: `${attached}\n`, italic: true }, { text: `${info}\n` }, { text: howTo, italic: true, size: 11 }];
  put(3, 0, head.map((r) => r.text).join(''));
  runs['A3'] = head;
  merges.push(`A3:${lastCol}3`);
  styles.push({ range: `A3:${lastCol}3`, style: { align: 'center', wrap: true } });
  heights[3] = rowHeight([{ text: `${title}\n${attached}`, width: widthOf(0, nCols - 1), fontSize: 14, bold: true }], font) + rowHeight([{ text: `${info}\n${howTo}`, width: widthOf(0, nCols - 1), fontSize: font }], font);

  // row 4 (hidden): column keys; row 5: headers
  values[ROWS.keys - 1] = COLUMNS.map((c) => c.key);
  values[ROWS.header - 1] = COLUMNS.map((c) => (lang === 'vi' ? c.vi : c.en));
  styles.push({ range: `A${ROWS.header}:${lastCol}${ROWS.header}`, style: { bold: true, fill: HEADER_FILL, wrap: true, align: 'center', border: true } });
  heights[ROWS.header] = rowHeight(
    COLUMNS.map((c, i) => ({ text: lang === 'vi' ? c.vi : c.en, width: widths[i] ?? 10, fontSize: font, bold: true })),
    font,
  );

  // criteria rows
  const metaRows: MetaRow[] = [];
  let helperCount = 0;
  const helperFirst = nCols; // hidden helper columns start right of the table
  const leafRuns: [number, number][] = []; // runs of consecutive answerable leaf rows, for the conditional formats
  rows.forEach((r, i) => {
    const rowNo = ROWS.first + i;
    const line: CellValue[] = new Array<CellValue>(nCols).fill(null);
    values[rowNo - 1] = line;
    line[col('code')] = r.code;
    line[col('name')] = (r.depth > 0 ? '  '.repeat(Math.min(r.depth, 4)) : '') + (lang === 'en' && r.node.nameEn ? r.node.nameEn : r.node.name);
    line[col('max')] = r.max;
    line[col('lead')] = r.lead ?? null;
    const range = `A${rowNo}:${lastCol}${rowNo}`;
    const cell = (k: ColumnKey): string => a1(rowNo - 1, col(k));
    let minLines = 1;
    if (r.kind === 'group') {
      styles.push({ range, style: { bold: true, fill: GROUP_FILL, border: true, wrap: true } });
      // subtotals of the rows right below (one level down)
      const children: number[] = [];
      for (let j = i + 1; j < rows.length; j++) {
        const c = rows[j];
        if (!c || c.depth <= r.depth) break;
        if (c.depth === r.depth + 1) children.push(ROWS.first + j);
      }
      if (children.length > 0) {
        formulas[cell('provisional')] = `SUM(${children.map((x) => `${colL('provisional')}${x}`).join(',')})`;
        formulas[cell('self')] = `SUM(${children.map((x) => `${colL('self')}${x}`).join(',')})`;
      }
      styles.push({ range: `${cell('provisional')}:${cell('self')}`, style: { numFmt: '0.00', align: 'center' } });
    } else {
      styles.push({ range, style: { border: true, wrap: true } });
      line[col('rule')] = r.node.ruleText ?? r.rule?.describe(lang) ?? null;
      line[col('evidenceRequired')] = r.node.evidence ?? null;
      const v = cell('value');
      const s = cell('self');
      const inputCols: ColumnKey[] = ['evidence', 'explanation'];
      const inp = r.input;
      if (r.kind === 'survey') {
        line[col('value')] = '—';
        line[col('self')] = '—';
        line[col('provisional')] = '—';
        line[col('rule')] = line[col('rule')] ?? w('form.survey');
        for (const k of ['value', 'self', 'provisional'] as const) styles.push({ range: cell(k), style: { fill: LOCKED_FILL, align: 'center' } });
      } else {
        minLines = 2;
        inputCols.push('self');
        const last = leafRuns[leafRuns.length - 1];
        if (last && last[1] === rowNo - 1) last[1] = rowNo;
        else leafRuns.push([rowNo, rowNo]);
        // the self-score: 0 to max in steps of 0,25 (checked by a formula, not only described)
        const per = Math.round(1 / SCORE_STEP);
        validations.push({
          range: s,
          type: 'custom',
          formula: `AND(ISNUMBER(${s}),${s}>=0,${s}<=${r.max},ABS(${s}*${per}-ROUND(${s}*${per},0))<0.000001)`,
          promptTitle: w('form.cell.selfTitle'),
          prompt: w('form.cell.selfPrompt', { max: r.max, step: SCORE_STEP }),
          errorTitle: w('form.cell.errorTitle'),
          error: w('form.cell.selfError', { max: r.max, step: SCORE_STEP }),
        });
        styles.push({ range: s, style: { numFmt: '0.00', align: 'center' } });
        if (!inp || inp.type === 'points') {
          line[col('value')] = '—';
          styles.push({ range: v, style: { fill: LOCKED_FILL, align: 'center' } });
        } else {
          inputCols.push('value');
          const vr = valueValidation(r, v, lang);
          if (vr.validation) validations.push(vr.validation);
          if (vr.numFmt !== undefined) styles.push({ range: v, style: { numFmt: vr.numFmt } });
        }
        // provisional points: the rule as a formula (helper cells in hidden columns right of the table)
        const p = provisionalFormula(r, { value: v, self: s, explanation: cell('explanation'), helper: (h) => a1(rowNo - 1, helperFirst + h) }, policies.get(r.code) ?? naPolicy, words);
        if (p.kind === 'formula') {
          formulas[cell('provisional')] = p.formula;
          p.helpers.forEach((f, h) => (formulas[a1(rowNo - 1, helperFirst + h)] = f));
          helperCount = Math.max(helperCount, p.helpers.length);
        } else line[col('provisional')] = untranslated;
        styles.push({ range: cell('provisional'), style: { numFmt: '0.00', align: 'center', fill: PROVISIONAL_FILL } });
      }
      for (const k of inputCols) styles.push({ range: cell(k), style: { locked: false, fill: INPUT_FILL } });
      styles.push({ range: cell('evidence'), style: { numFmt: '@' } });
      styles.push({ range: cell('explanation'), style: { numFmt: '@' } });
      if (r.kind !== 'survey') validations.push({ range: cell('evidence'), type: 'any', promptTitle: w('form.cell.evidenceTitle'), prompt: w('form.cell.textPrompt') });
    }
    styles.push({ range: cell('max'), style: { numFmt: '0.00', align: 'center' } });
    styles.push({ range: cell('code'), style: { align: 'center' } });
    styles.push({ range: cell('lead'), style: { align: 'center' } });
    heights[rowNo] = rowHeight(
      (['code', 'name', 'value', 'rule', 'evidenceRequired', 'provisional', 'lead'] as const).map((k) => ({
        text: typeof line[col(k)] === 'string' ? String(line[col(k)]) : '',
        width: widths[col(k)] ?? 10,
        fontSize: font,
        bold: r.kind === 'group',
      })),
      font,
      minLines,
    );
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

  // the total row: provisional and self-scores of the top level against the maximum (less the criteria that do not apply)
  const totalRow = lastTableRow + 1;
  const top = rows.map((r, i) => (r.depth === 0 ? ROWS.first + i : 0)).filter((x) => x > 0);
  const totalMax = rows.filter((r) => r.depth === 0).reduce((s, r) => s + r.max, 0);
  put(totalRow, col('name'), lang === 'vi' ? TOTAL_ROW.vi : TOTAL_ROW.en);
  put(totalRow, col('max'), totalMax);
  const surveyMax = rows.filter((r) => r.kind === 'survey').reduce((s, r) => s + r.max, 0);
  if (rows.length > 0) {
    const span = (k: ColumnKey): string => `${colL(k)}${ROWS.first}:${colL(k)}${lastTableRow}`;
    formulas[a1(totalRow - 1, col('max'))] = `${num2(totalMax)}-SUMIF(${span('provisional')},${str(words.notApplicable)},${span('max')})`;
    if (top.length > 0) {
      formulas[a1(totalRow - 1, col('provisional'))] = `SUM(${top.map((x) => `${colL('provisional')}${x}`).join(',')})`;
      formulas[a1(totalRow - 1, col('self'))] = `SUM(${top.map((x) => `${colL('self')}${x}`).join(',')})`;
    }
  }
  if (surveyMax > 0) put(totalRow, col('rule'), w('form.totalSurvey', { points: surveyMax }));
  styles.push({ range: `A${totalRow}:${lastCol}${totalRow}`, style: { bold: true, fill: GROUP_FILL, border: true, wrap: true } });
  styles.push({ range: `${colL('max')}${totalRow}`, style: { numFmt: '0.00', align: 'center' } });
  styles.push({ range: `${colL('provisional')}${totalRow}:${colL('self')}${totalRow}`, style: { numFmt: '0.00', align: 'center' } });
  heights[totalRow] = rowHeight([{ text: String(values[totalRow - 1]?.[col('rule')] ?? ''), width: widths[col('rule')] ?? 10, fontSize: font, bold: true }], font);

  // sign-off entries (label in column B, the unit's entry in D…G), one blank row below the total
  const signRows: Record<string, number> = {};
  FOOTER.forEach((f, i) => {
    const rowNo = totalRow + 2 + i;
    signRows[f.key] = rowNo;
    put(rowNo, col('name'), lang === 'vi' ? f.vi : f.en);
    styles.push({ range: a1(rowNo - 1, col('name')), style: { bold: true, align: 'right' } });
    const entry = a1(rowNo - 1, col('value'));
    const span = `${entry}:${a1(rowNo - 1, col('evidence'))}`;
    merges.push(span);
    styles.push({ range: span, style: { border: true } });
    styles.push({ range: entry, style: { locked: false, fill: INPUT_FILL, ...(f.key === 'signedOn' ? { numFmt: 'dd/mm/yyyy', align: 'left' as const } : { numFmt: '@' }) } });
    if (f.key === 'signedOn') {
      const example = formatDate(options.deadline ?? `${year || '2023'}-11-30`, 'vi');
      validations.push({ range: entry, type: 'date', promptTitle: w('form.cell.dateTitle'), prompt: w('form.cell.signedOnPrompt'), errorTitle: w('form.cell.errorTitle'), error: w('form.cell.dateError', { example }) });
    } else validations.push({ range: entry, type: 'any', promptTitle: w('form.cell.signTitle'), prompt: lang === 'vi' ? f.vi : f.en });
    heights[rowNo] = Math.ceil(font * 1.25 + 8);
  });
  const signedOn = a1((signRows['signedOn'] ?? totalRow + 4) - 1, col('value'));
  // the place-and-date line of row 2 follows the date signed
  const dated = messageFormula(w('form.placeDate', { place, day: '\u0001', month: '\u0002', year: '\u0003' }), {
    '\u0001': `TEXT(DAY(${signedOn}),"00")`,
    '\u0002': `TEXT(MONTH(${signedOn}),"00")`,
    '\u0003': `YEAR(${signedOn})`,
  });
  formulas[a1(1, right[0])] = `IF(ISNUMBER(${signedOn}),${dated},${str(String(values[1]?.[right[0]] ?? ''))})`;

  // signatures: two columns, the names from the entries above
  const sigHead = totalRow + 2 + FOOTER.length + 1;
  const sig: [string, string, number | undefined][] = [
    [w('form.preparer'), w('form.signPreparer'), signRows['preparer']],
    [w('form.head'), w('form.signHead'), signRows['head']],
  ];
  [left, right].forEach((span, k) => {
    const [title1, note, from] = sig[k] ?? ['', '', undefined];
    put(sigHead, span[0], title1);
    put(sigHead + 1, span[0], note);
    merges.push(block(sigHead, span), block(sigHead + 1, span), block(sigHead + 3, span));
    styles.push({ range: block(sigHead, span), style: { bold: true, align: 'center' } });
    styles.push({ range: block(sigHead + 1, span), style: { italic: true, align: 'center' } });
    styles.push({ range: block(sigHead + 3, span), style: { bold: true, align: 'center' } });
    if (from !== undefined) formulas[a1(sigHead + 2, span[0])] = `IF(TRIM(${a1(from - 1, col('value'))}&"")="","",${a1(from - 1, col('value'))})`;
  });
  heights[sigHead + 2] = 70;
  const lastRow = sigHead + 3;
  for (const r of [totalRow + 1, sigHead - 1, sigHead, sigHead + 1, sigHead + 3]) heights[r] = heights[r] ?? Math.ceil(font * 1.25 + 6);

  // conditional formats on runs of answerable rows: self-score above the provisional points,
  // points without evidence, below the maximum without an explanation
  const conditionalFormats: ConditionalFormat[] = [];
  for (const [r0, r1] of leafRuns) {
    const P = `$${colL('provisional')}${r0}`;
    const S = `$${colL('self')}${r0}`;
    const E = `$${colL('evidence')}${r0}`;
    const X = `$${colL('explanation')}${r0}`;
    const M = `$${colL('max')}${r0}`;
    conditionalFormats.push(
      { range: `${colL('self')}${r0}:${colL('self')}${r1}`, rule: 'expression', formula: `AND(ISNUMBER(${S}),ISNUMBER(${P}),${S}>${P}+0.000001)`, fill: RED_FILL, fontColor: RED_TEXT },
      { range: `${colL('evidence')}${r0}:${colL('evidence')}${r1}`, rule: 'expression', formula: `AND(ISNUMBER(${S}),${S}>0,LEN(TRIM(${E}&""))=0)`, fill: ORANGE_FILL, fontColor: ORANGE_TEXT },
      { range: `${colL('explanation')}${r0}:${colL('explanation')}${r1}`, rule: 'expression', formula: `AND(ISNUMBER(${S}),${S}<${M}-0.000001,LEN(TRIM(${X}&""))=0)`, fill: ORANGE_FILL, fontColor: ORANGE_TEXT },
    );
  }

  const hash = templateHash(SELF_SHEET, headers, metaRows.map((m) => `${m.code}|${m.cells}`));
  // hidden columns right of the table: the marker (row 4) and the provisional formulas' helper cells
  const markerCol = helperFirst;
  const hiddenCount = Math.max(1, helperCount);
  const paper = choosePaper(widths, font, MARGINS.left);
  // the sign-off entries and the signatures stay on one page: a break before them when they would not
  const breakAt = keepTogether(heights, { first: totalRow + 2, last: lastRow, hidden: [ROWS.keys], titleRow: ROWS.header, scale: paper.scale });
  const rows0 = Array.from(values, (r) => r ?? []);
  // formula cells carry no cached result: every program computes them on opening (LibreOffice
  // keeps a cached result as it is), from the values the unit entered
  for (const addr of Object.keys(formulas)) {
    const at = parseA1(addr);
    const line = at ? rows0[at.row] : undefined;
    if (at && line && at.col < line.length) line[at.col] = null;
  }
  const selfSheet: RenderedSheet = {
    name: SELF_SHEET,
    marker: TEMPLATE_MARKERS.self,
    markerCell: a1(ROWS.keys - 1, markerCol),
    values: rows0,
    formulas,
    runs,
    styles,
    font: { ...TEMPLATE_FONT },
    columnWidths: [...widths, ...new Array<number>(hiddenCount).fill(10)],
    hiddenColumns: Array.from({ length: hiddenCount }, (_, i) => helperFirst + i + 1),
    hiddenRows: [ROWS.keys],
    rowHeights: heights,
    freeze: { rows: ROWS.header, columns: 2 },
    merges,
    validations,
    conditionalFormats,
    protection: { password, structure: true, formatRows: true },
    printArea: `A1:${lastCol}${lastRow}`,
    landscape: true,
    page: {
      paper: paper.paper,
      scale: paper.scale,
      titleRows: [ROWS.header, ROWS.header],
      ...(breakAt !== undefined ? { pageBreaks: [breakAt] } : {}),
      footer: { center: `&"${TEMPLATE_FONT.name},Regular"&10${w('form.page')}`, right: `&"${TEMPLATE_FONT.name},Italic"&9${unit.code}` },
      margins: { ...MARGINS },
      centerHorizontally: true,
    },
    tabColor: '2F5597',
  };

  const meta: TemplateMeta = {
    templateId: TEMPLATE_ID,
    templateFormat: TEMPLATE_FORMAT,
    frameworkId: framework.id,
    frameworkVersion: frameworkVersionOf(framework),
    frameworkYear: framework.year !== undefined ? String(framework.year) : '',
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
    protection: { password, structure: true },
  };

  // ---- the plan's progress sheet(s): protected like the others, printed the same way
  const extra = (options.extraSheets ?? []).map((s) => printable(s, password, lang));

  // ---- instructions sheet
  const instructions = renderInstructions({
    framework,
    unit,
    units,
    scope,
    lang,
    password,
    frameworkLabel,
    deadlineText,
    ...(options.round ? { round: options.round } : {}),
    ...(options.contact ? { contact: options.contact } : {}),
    ...(options.returnTo ? { returnTo: options.returnTo } : {}),
    ...(options.deadline ? { deadline: options.deadline } : {}),
    extra: options.extraSheets ?? [],
    words,
    untranslated,
  });

  return {
    unit: unit.code,
    fileName: templateFileName(unit),
    sheets: [instructions, selfSheet, printable(renderSelfCheck(rows, { lang, password, previousPoints: options.previousPoints }), password, lang), ...extra, metaSheet], // "Tự kiểm tra": selfCheck.ts
    rows,
    meta,
    metaRows,
  };
}

/**
 * Where the form's pages break (rows of the given heights on landscape A4 at `scale`, the title row
 * repeated on every later page): the row after which to start a new page so that rows
 * `first`…`last` print on one page, or undefined when they do already. A little room is kept
 * for the programs' own rounding.
 */
export function keepTogether(heights: Readonly<Record<number, number>>, x: { first: number; last: number; hidden: readonly number[]; titleRow: number; scale: number }): number | undefined {
  const avail = (595 - (MARGINS.top + MARGINS.bottom) * 72) / (x.scale / 100);
  const h = (r: number): number => (x.hidden.includes(r) ? 0 : (heights[r] ?? 16));
  let y = 0;
  let page = 1;
  let firstPage = 0;
  let firstAtTop = false;
  for (let r = 1; r <= x.last; r++) {
    if (y + h(r) > avail && y > 0) {
      page++;
      y = r > x.titleRow ? h(x.titleRow) : 0;
      if (r === x.first) firstAtTop = true;
    }
    y += h(r);
    if (r === x.first) firstPage = page;
  }
  // on another page than the first row, or ending so near the bottom that a program's rounding may push it over
  const split = page !== firstPage || y > avail * 0.96;
  return split && !firstAtTop ? x.first - 1 : undefined;
}

function num2(x: number): string {
  return String(Math.round(x * 1e9) / 1e9);
}

/** The Excel check and prompt of a declared-value cell: what the rule reads, in the words of its range. */
function valueValidation(r: TemplateRow, v: string, lang: Lang): { validation?: Validation; numFmt?: string } {
  const w = (code: MessageCode, params: Parameters<typeof t>[1] = {}): string => t(code, params, lang);
  const inp = r.input;
  if (!inp) return {};
  const cell = valueCell(r.rule?.kind, inp, r.node.rule);
  const common = { range: v, promptTitle: w('form.cell.valueTitle'), errorTitle: w('form.cell.errorTitle') };
  const numFmt = cell.numFmt;
  const out = (validation: Validation): { validation: Validation; numFmt?: string } => (numFmt !== undefined ? { validation, numFmt } : { validation });
  if (cell.check === 'list') {
    const choices = cell.list.join(', ');
    return out({ ...common, type: 'list', values: cell.list, prompt: w('form.cell.listPrompt', { choices }), error: w('form.cell.listError', { choices }) });
  }
  if (inp.type === 'number') {
    const unit = inp.unit ? ` (${inp.unit})` : '';
    const min = inp.min;
    const max = inp.max;
    const example = typeof cell.example === 'number' ? n(cell.example, lang) : String(cell.example);
    if (cell.check === 'number') {
      const whole = inp.integer === true;
      const lo = min ?? -1e12;
      const hi = max ?? 1e12;
      const prompt =
        min !== undefined && max !== undefined
          ? w(whole ? 'form.cell.wholePrompt' : 'form.cell.decimalPrompt', { min: n(min, lang), max: n(max, lang), unit, example })
          : min !== undefined
            ? w(whole ? 'form.cell.wholeFromPrompt' : 'form.cell.decimalFromPrompt', { min: n(min, lang), unit, example })
            : w('form.cell.anyNumberPrompt', { unit, example });
      const error =
        min !== undefined && max !== undefined
          ? w(whole ? 'form.cell.wholeError' : 'form.cell.decimalError', { min: n(min, lang), max: n(max, lang), unit })
          : min !== undefined
            ? w(whole ? 'form.cell.wholeFromError' : 'form.cell.decimalFromError', { min: n(min, lang), unit })
            : w('form.cell.anyNumberError', { unit });
      return out({ ...common, type: whole ? 'whole' : 'decimal', min: lo, max: hi, prompt, error });
    }
    // a count that also takes words or "3/4": the prompt says which
    const forms = cell.forms.map((f) => `"${f}"`).join(', ');
    const prompt = max !== undefined ? w('form.cell.countOrPrompt', { min: n(min ?? 0, lang), max: n(max, lang), unit, forms }) : w('form.cell.countFromOrPrompt', { min: n(min ?? 0, lang), unit, forms });
    return out({ ...common, type: 'any', prompt });
  }
  if (inp.type === 'rate') return out({ ...common, type: 'any', prompt: w('form.cell.ratePrompt') });
  if (inp.type === 'date') {
    const example = String(cell.example);
    if (cell.check === 'date') return out({ ...common, type: 'date', prompt: w('form.cell.datePrompt', { example }), error: w('form.cell.dateError', { example }) });
    return out({ ...common, type: 'any', prompt: w('form.cell.dateWordsPrompt', { example, words: (inp.choices ?? []).join(', ') }) });
  }
  if (inp.type === 'vars') return out({ ...common, type: 'any', prompt: w('form.cell.varsPrompt', { example: String(cell.example) }) });
  return numFmt !== undefined ? { numFmt } : {};
}

/**
 * A sheet a template carries besides its own (the plan's progress sheet), made printable like
 * the form: protected with the template's password, one font family, its header row repeated,
 * page numbers, rows sized to their text. Its marker row (hidden) keeps the marker.
 */
function printable(sheet: RenderedSheet, password: string, lang: Lang): RenderedSheet {
  const font = TEMPLATE_FONT.size;
  const widths = fitWidths(sheet.columnWidths ?? [], font, MARGINS.left);
  const headerRow = sheet.freeze?.rows ?? 0;
  const heights: Record<number, number> = { ...(sheet.rowHeights ?? {}) };
  sheet.values.forEach((line, r) => {
    if (heights[r + 1] !== undefined || (sheet.hiddenRows ?? []).includes(r + 1)) return;
    const merged = (sheet.merges ?? []).some((m) => new RegExp(`^A${r + 1}:`).test(m));
    const cells = line.map((v, c) => ({ text: typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v), width: merged ? widths.reduce((s, x) => s + x, 0) : (widths[c] ?? 10), fontSize: font, bold: r + 1 === headerRow }));
    heights[r + 1] = rowHeight(merged ? cells.slice(0, 1) : cells, font, r + 1 > headerRow && headerRow > 0 ? 2 : 1);
  });
  const paper = choosePaper(widths, font, MARGINS.left);
  const markerRow = (sheet.hiddenRows ?? []).find((r) => sheet.values[r - 1]?.[0] === sheet.marker);
  return {
    ...sheet,
    columnWidths: widths,
    font: { ...TEMPLATE_FONT },
    rowHeights: heights,
    protection: { ...(sheet.protection ?? {}), password, structure: true, formatRows: true },
    landscape: true,
    ...(markerRow !== undefined ? { markerCell: `A${markerRow}` } : {}),
    page: {
      paper: paper.paper,
      scale: paper.scale,
      ...(headerRow > 0 ? { titleRows: [headerRow, headerRow] as [number, number] } : {}),
      footer: { center: `&"${TEMPLATE_FONT.name},Regular"&10${t('form.page', {}, lang)}` },
      margins: { ...MARGINS },
      centerHorizontally: true,
    },
  };
}

interface InstructionsInput {
  framework: Framework;
  unit: Unit;
  units: readonly Unit[];
  scope: ReturnType<typeof selectRows>;
  lang: Lang;
  password: string;
  frameworkLabel: string;
  deadlineText: string;
  deadline?: string;
  round?: string;
  contact?: string;
  returnTo?: string;
  extra: readonly RenderedSheet[];
  words: FormulaWords;
  untranslated: string;
}

/** The "Hướng dẫn" sheet: who, what by when, how to fill and check, how to send back, codes, columns. */
function renderInstructions(x: InstructionsInput): RenderedSheet {
  const { lang, unit } = x;
  const w = (code: MessageCode, params: Parameters<typeof t>[1] = {}): string => t(code, params, lang);
  const width = 100;
  const font = TEMPLATE_FONT.size;
  const ins: CellValue[][] = [];
  const styles: { range: string; style: CellStyle }[] = [];
  const heights: Record<number, number> = {};
  const add = (text: string, style: CellStyle = {}, size = font): void => {
    ins.push([text]);
    const row = ins.length;
    styles.push({ range: `A${row}`, style: { wrap: true, ...style } });
    heights[row] = rowHeight([{ text, width, fontSize: size, bold: style.bold === true }], font);
  };
  const rows = x.scope.rows;
  const leaves = rows.filter((r) => r.kind === 'leaf').length;
  const surveys = rows.filter((r) => r.kind === 'survey').length;
  const district = x.units.find((u) => u.kind === 'district');
  add(w('form.ins.title'), { bold: true, fontSize: 14, align: 'center' }, 14);
  add(w('form.ins.unit', { unit: `${unit.name} (${unit.code})` }), { bold: true });
  add(w('form.ins.framework', { framework: x.frameworkLabel }));
  if (x.round) add(w('form.ins.round', { round: x.round }));
  add(w('form.ins.deadline', { deadline: x.deadlineText }), { bold: true });
  add(surveys > 0 ? w('form.ins.criteriaSurvey', { count: leaves, survey: surveys }) : w('form.ins.criteria', { count: leaves }));
  if (unit.kind === 'office' && district) add(w('form.ins.office', { sheet: SELF_SHEET, district: `${district.name} (${district.code})` }));
  add('');
  add(w('form.ins.sendTitle'), { bold: true });
  add(w('form.ins.send', { file: templateFileName(unit), to: x.returnTo ?? w('form.ins.sendToDefault'), deadline: x.deadline ? formatDate(x.deadline, lang) : w('form.ins.deadlineDefault') }));
  add(x.contact ? w('form.ins.contact', { contact: x.contact }) : w('form.ins.contactDefault'));
  add('');
  add(w('form.ins.steps'), { bold: true });
  add(w('form.ins.step1', { sheet: SELF_SHEET }));
  add(w('form.ins.step2'));
  add(w('form.ins.step3'));
  add(w('form.ins.step4', { step: SCORE_STEP }));
  add(w('form.ins.step5'));
  add(w('form.ins.step6'));
  add('');
  add(w('form.ins.checkTitle'), { bold: true });
  add(w('form.ins.provisional', { na: x.words.notApplicable, unread: x.words.unread, untranslated: x.untranslated }));
  add(w('form.ins.red'), { fill: RED_FILL, fontColor: RED_TEXT });
  add(w('form.ins.orangeEvidence'), { fill: ORANGE_FILL, fontColor: ORANGE_TEXT });
  add(w('form.ins.orangeExplanation'), { fill: ORANGE_FILL, fontColor: ORANGE_TEXT });
  add('');
  add(w('form.ins.naTitle'), { bold: true });
  add(w((x.framework.notApplicable ?? 'exclude') === 'exclude' ? 'form.ins.naExclude' : 'form.ins.naFull'));
  for (const s of x.extra) {
    const tasks = s.values.filter((line, i) => i > (s.freeze?.rows ?? 0) - 1 && typeof line[0] === 'string' && line[0] !== '').length;
    const cutOff = s.values.find((line) => line[0] === s.marker)?.[3];
    add('');
    add(w('form.ins.statusTitle', { sheet: s.name }), { bold: true });
    add(w('form.ins.status', { count: tasks, cutOff: typeof cutOff === 'string' && cutOff ? formatDate(cutOff, lang) : x.deadline ? formatDate(x.deadline, lang) : '' }));
  }
  add('');
  add(w('form.ins.warnTitle'), { bold: true });
  add(w('form.ins.warn'), { fontColor: 'C00000' });
  // unit codes the form uses (lead column, coordinated criteria)
  const codes = new Set<string>();
  for (const r of rows) if (r.lead) codes.add(r.lead);
  for (const c of x.scope.coordinates) if (c.lead) codes.add(c.lead);
  codes.add(unit.code);
  if (district) codes.add(district.code);
  const known = x.units.filter((u) => codes.has(u.code));
  if (known.length > 0) {
    add('');
    add(w('form.ins.codesTitle'), { bold: true });
    for (const u of known) add(w('form.ins.code', { code: u.code, name: u.name }));
  }
  add('');
  add(w('form.ins.columnsTitle'), { bold: true });
  for (const c of COLUMNS) add(w(c.input ? 'form.ins.columnInput' : 'form.ins.column', { name: lang === 'vi' ? c.vi : c.en, help: lang === 'vi' ? c.help.vi : c.help.en }));
  if (x.scope.coordinates.length > 0) {
    add('');
    add(w('form.ins.coordinatesTitle'), { bold: true });
    for (const c of x.scope.coordinates) add(c.lead ? w('form.ins.coordinate', { code: c.code, name: c.name, lead: c.lead }) : `${c.code} ${c.name}`);
  }
  const scale = Math.min(100, Math.floor(((595 - 2 * 0.5 * 72) / (columnPoints(width) * 1.02)) * 100));
  return {
    name: INSTRUCTIONS_SHEET,
    marker: TEMPLATE_MARKERS.instructions,
    markerCell: 'B1',
    values: ins,
    styles,
    font: { ...TEMPLATE_FONT },
    columnWidths: [width, 10],
    hiddenColumns: [2],
    rowHeights: heights,
    protection: { password: x.password, structure: true },
    printArea: `A1:A${ins.length}`,
    landscape: false,
    page: {
      paper: 'A4',
      scale,
      footer: { center: `&"${TEMPLATE_FONT.name},Regular"&10${w('form.page')}` },
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      centerHorizontally: true,
    },
    tabColor: '70AD47',
  };
}

/**
 * Units that get a template: every unit with at least one row to answer.
 * @example templateUnits(framework, units).map((u) => u.code) // ["VP", "NV", …, "HD", …]
 */
export function templateUnits(framework: Framework, units: readonly Unit[]): Unit[] {
  return units.filter((u) => selectRows(framework, units, u).rows.some((r) => r.kind !== 'group'));
}
