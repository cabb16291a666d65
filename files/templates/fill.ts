/**
 * Fill a unit template programmatically, as a unit would in Excel: only unlocked input cells
 * are written (declared value, evidence, self-score, explanation). Used by the demo and tests.
 */
import ExcelJS from 'exceljs';
import { FOOTER, ROWS, SELF_SHEET, columnIndex, type ColumnKey, type FooterKey } from '../../engine';
import { keepPackageTweaks } from '../sheetExtras';

export interface TemplateAnswer {
  criterion: string;
  /** Declared value: text (a choice), number (rate in percent, count), ISO date "yyyy-mm-dd" (written as a date). */
  value?: string | number;
  self?: number;
  evidence?: string;
  explanation?: string;
}

/** The sign-off block under the table. */
export interface TemplateSignOff {
  preparer?: string;
  head?: string;
  /** ISO date. */
  signedOn?: string;
}

export interface FillResult {
  bytes: Uint8Array;
  /** Answers (criterion:column) that could not be written: criterion not in the template or the cell is locked. */
  skipped: string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * @example const { bytes } = await fillTemplate(blank, [{ criterion: '1.1', value: 'Có', self: 1, evidence: 'KH 12/KH-UBND' }])
 */
export async function fillTemplate(template: Uint8Array, answers: readonly TemplateAnswer[], signOff: TemplateSignOff = {}): Promise<FillResult> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template.buffer.slice(template.byteOffset, template.byteOffset + template.byteLength) as ArrayBuffer);
  const ws = wb.getWorksheet(SELF_SHEET);
  const skipped: string[] = [];
  if (!ws) return { bytes: template, skipped: answers.map((a) => a.criterion) };
  const rowOf = new Map<string, number>();
  const codeCol = columnIndex('code') + 1;
  for (let r = ROWS.first; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, codeCol).value;
    if (typeof v === 'string' && v) rowOf.set(v, r);
  }
  const put = (row: number, key: ColumnKey, v: ExcelJS.CellValue, who: string): void => {
    const cell = ws.getCell(row, columnIndex(key) + 1);
    if (cell.protection?.locked !== false) {
      skipped.push(`${who}:${key}`);
      return;
    }
    cell.value = v;
  };
  for (const a of answers) {
    const row = rowOf.get(a.criterion);
    if (row === undefined) {
      skipped.push(a.criterion);
      continue;
    }
    if (a.value !== undefined) {
      const v = typeof a.value === 'string' && ISO_DATE.test(a.value) ? new Date(`${a.value}T00:00:00Z`) : a.value;
      put(row, 'value', v, a.criterion);
    }
    if (a.self !== undefined) put(row, 'self', a.self, a.criterion);
    if (a.evidence !== undefined) put(row, 'evidence', a.evidence, a.criterion);
    if (a.explanation !== undefined) put(row, 'explanation', a.explanation, a.criterion);
  }
  // sign-off block: label in column B, entry in column D
  const labels = new Map<string, FooterKey>();
  for (const f of FOOTER) for (const l of [f.vi, f.en]) labels.set(l, f.key);
  for (let r = ROWS.first; r <= ws.rowCount; r++) {
    const label = ws.getCell(r, columnIndex('name') + 1).value;
    const key = typeof label === 'string' ? labels.get(label) : undefined;
    const v = key !== undefined ? signOff[key] : undefined;
    if (key === undefined || v === undefined) continue;
    put(r, 'value', key === 'signedOn' ? new Date(`${v}T00:00:00Z`) : v, key);
  }
  const out = await wb.xlsx.writeBuffer();
  // as Excel would, keep the structure lock and the default font exceljs drops on loading
  const bytes = await keepPackageTweaks(template, out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer));
  return { bytes, skipped };
}
