/**
 * "Tự kiểm tra" (self-check) — the sheet of a unit template that lists, before the unit sends the
 * file, where a self-score is likely to be cut at appraisal (issue 15, part 2; the same checks as
 * engine/scoring/risk.ts, as formulas so they follow what the unit types):
 *   - the self-score is above the provisional points the rule gives for the declared value;
 *   - full points and no evidence document named;
 *   - above last year's appraised points (when the master knows them: `previousPoints`);
 *   - evidence text with no number, date or link (no document reference).
 * One row per answerable criterion of "Tự đánh giá", referring to its cells; "Điểm có thể bị trừ"
 * is the largest of the row's risks, and the total above the table adds them up. The sheet is
 * locked (formulas only), printed like the form.
 */
import type { CellValue, ConditionalFormat, RenderedSheet } from '../port';
import type { Lang } from '../../i18n/format';
import { t } from '../../i18n';
import { a1, columnName, parseA1 } from '../a1';
import { ROWS, SELF_SHEET, columnIndex } from './layout';
import type { TemplateRow } from './select';

export const SELF_CHECK_SHEET = 'Tự kiểm tra';
export const SELF_CHECK_MARKER = 'parindex:template:selfCheck';

declare module './render' {
  interface TemplateOptions {
    /** Last year's appraised points of this unit by criterion code (the self-check sheet compares). */
    previousPoints?: Readonly<Record<string, number>>;
  }
}

/** Rows (1-based): the marker (hidden), title, note, total, headers, then the table. */
const TITLE = 2;
const TOTAL = 4;
const HEADER = 5;
const FIRST = 6;
const EPS = '0.000001';

/** A text as an Excel string literal. */
const str = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * The self-check sheet for a template's rows (the rows of "Tự đánh giá", in order).
 * @example renderSelfCheck(rendered.rows, { lang: 'vi', password: 'parindex' })
 */
export function renderSelfCheck(rows: readonly TemplateRow[], options: { lang: Lang; password: string; previousPoints?: Readonly<Record<string, number>> | undefined }): RenderedSheet {
  const { lang } = options;
  const w = (code: Parameters<typeof t>[0]): string => t(code, {}, lang);
  const ref = (row1: number, key: Parameters<typeof columnIndex>[0]): string => `'${SELF_SHEET}'!$${columnName(columnIndex(key))}$${row1}`;
  const values: CellValue[][] = [
    [SELF_CHECK_MARKER],
    [w('selfCheck.title')],
    [w('selfCheck.note')],
    [w('selfCheck.total'), null, null, null, null, null, null, null],
    [w('selfCheck.code'), w('selfCheck.name'), w('selfCheck.max'), w('selfCheck.self'), w('selfCheck.provisional'), w('selfCheck.lastYear'), w('selfCheck.warning'), w('selfCheck.atStake')],
  ];
  const formulas: Record<string, string> = {};
  const leaves = rows.map((r, i) => ({ r, row: ROWS.first + i })).filter((x) => x.r.kind === 'leaf');
  const words = {
    aboveRule: w('selfCheck.aboveRule'),
    noEvidence: w('selfCheck.noEvidence'),
    aboveLastYear: w('selfCheck.aboveLastYear'),
    notReference: w('selfCheck.notReference'),
  };
  leaves.forEach(({ r, row }, k) => {
    const at = FIRST + k;
    const last = options.previousPoints?.[r.code];
    values[at - 1] = [r.code, r.node.name, r.max, null, null, last ?? null, null, null];
    const S = ref(row, 'self');
    const P = ref(row, 'provisional');
    const E = ref(row, 'evidence');
    const M = `$C$${at}`;
    const L = `$F$${at}`;
    formulas[a1(at - 1, 3)] = `IF(ISNUMBER(${S}),${S},"")`;
    formulas[a1(at - 1, 4)] = `IF(ISNUMBER(${P}),${P},"")`;
    const hasSelf = `AND(ISNUMBER(${S}),${S}>0)`;
    const digits = Array.from({ length: 10 }, (_, d) => `ISNUMBER(FIND("${d}",${E}&""))`).join(',');
    const cond = {
      aboveRule: `AND(${hasSelf},ISNUMBER(${P}),${S}>${P}+${EPS})`,
      noEvidence: `AND(${hasSelf},${S}>=${M}-${EPS},LEN(TRIM(${E}&""))=0)`,
      aboveLastYear: `AND(${hasSelf},ISNUMBER(${L}),${S}>${L}+${EPS})`,
      notReference: `AND(${hasSelf},LEN(TRIM(${E}&""))>0,NOT(OR(${digits})),ISERROR(SEARCH("http",${E}&"")))`,
    };
    formulas[a1(at - 1, 6)] = (Object.keys(cond) as (keyof typeof cond)[]).map((x) => `IF(${cond[x]},${str(`${words[x]}; `)},"")`).join('&');
    formulas[a1(at - 1, 7)] = `MAX(IF(${cond.aboveRule},${S}-${P},0),IF(${cond.noEvidence},${S},0),IF(${cond.aboveLastYear},${S}-${L},0),IF(${cond.notReference},${S},0))`;
  });
  const lastRow = FIRST + Math.max(leaves.length, 1) - 1;
  if (leaves.length > 0) formulas[`H${TOTAL}`] = `SUM(H${FIRST}:H${lastRow})`;
  // formula cells carry no cached result (computed when the file opens)
  for (const addr of Object.keys(formulas)) {
    const at = parseA1(addr);
    const line = at ? values[at.row] : undefined;
    if (at && line && at.col < line.length) line[at.col] = null;
  }
  const conditionalFormats: ConditionalFormat[] =
    leaves.length > 0 ? [{ range: `A${FIRST}:H${lastRow}`, rule: 'expression', formula: `$H${FIRST}>0`, fill: 'FCE4D6', fontColor: '9C0006' }] : [];
  return {
    name: SELF_CHECK_SHEET,
    marker: SELF_CHECK_MARKER,
    values,
    hiddenRows: [1],
    formulas,
    styles: [
      { range: `A${TITLE}`, style: { bold: true, fontSize: 14 } },
      { range: `A${TITLE + 1}`, style: { italic: true, wrap: true } },
      { range: `A${TOTAL}:H${TOTAL}`, style: { bold: true } },
      { range: `H${TOTAL}`, style: { numFmt: '0.00' } },
      { range: `A${HEADER}:H${HEADER}`, style: { bold: true, wrap: true, align: 'center', fill: 'D9E2F3', border: true } },
      ...(leaves.length > 0
        ? [
            { range: `A${FIRST}:H${lastRow}`, style: { border: true, wrap: true } },
            { range: `C${FIRST}:F${lastRow}`, style: { numFmt: '0.00', align: 'center' as const } },
            { range: `H${FIRST}:H${lastRow}`, style: { numFmt: '0.00', align: 'center' as const, bold: true } },
          ]
        : []),
    ],
    merges: [`A${TITLE}:H${TITLE}`, `A${TITLE + 1}:H${TITLE + 1}`, `A${TOTAL}:G${TOTAL}`],
    rowHeights: { [TITLE + 1]: 48 },
    columnWidths: [8, 44, 9, 9, 9, 9, 48, 11],
    freeze: { rows: HEADER, columns: 2 },
    conditionalFormats,
    protection: { password: options.password, structure: true },
    printArea: `A${TITLE}:H${lastRow}`,
    landscape: true,
    tabColor: 'C55A11',
  };
}
