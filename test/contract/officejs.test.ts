import { OfficeJsPort, isDateFormat, serialToIsoDate } from '../../addin/excel/port';
import type { CellValue } from '../../engine/workbook/port';
import { columnName } from '../../engine/workbook/a1';
import { ExcelDouble, parseAddress } from '../addin/excel-double';
import { rangeBounds } from '../../files/port';
import { type HostView, type UserSheet, type ValidationView, runPortContract } from './suite';

/** Column width: characters → points as Excel measures them (≈ 7 px per character + 5 px padding, 0.75 pt per px). */
const points = (chars: number): number => (chars * 7 + 5) * 0.75;
const chars = (pts: number): number => (pts / 0.75 - 5) / 7;

/** What a user does in Excel, done to the double's model. */
function prepare(dbl: ExcelDouble, u: UserSheet): void {
  const s = dbl.setSheet(u.name, u.values);
  const each = (range: string, f: (address: string) => void): void => {
    const b = rangeBounds(range);
    if (!b) throw new Error(range);
    for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) f(`${columnName(c)}${r + 1}`);
  };
  for (const [a, iso] of Object.entries(u.dates ?? {})) dbl.setCell(u.name, a, { value: Date.parse(`${iso}T00:00:00Z`) / 86400000 + 25569, numberFormat: 'dd/mm/yyyy' });
  for (const [a, f] of Object.entries(u.formulas ?? {})) dbl.setCell(u.name, a, { value: f.value ?? '', formula: `=${f.formula}` });
  for (const [range, fmt] of Object.entries(u.numFmts ?? {})) each(range, (a) => dbl.setCell(u.name, a, { ...(dbl.cell(u.name, a) ?? { value: '' }), numberFormat: fmt }));
  for (const [range, hex] of Object.entries(u.fills ?? {})) s.styles.push({ address: range, prop: 'fill.color', value: `#${hex}` });
  for (const v of u.validations ?? []) {
    if (v.type === 'list') s.validations.push({ address: v.range, rule: { list: { inCellDropDown: true, source: v.values.join(',') } } });
    else if (v.type === 'decimal') s.validations.push({ address: v.range, rule: { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } } });
    else if (v.type === 'whole') s.validations.push({ address: v.range, rule: { wholeNumber: { formula1: v.min, formula2: v.max, operator: 'Between' } } });
  }
  for (const [col, w] of Object.entries(u.columnWidths ?? {})) s.styles.push({ address: `${col}:${col}`, prop: 'columnWidth', value: points(w) });
  if (u.freeze) s.freeze = `at:${columnName(0)}1:${columnName(Math.max(0, u.freeze.columns - 1))}${Math.max(1, u.freeze.rows)}`;
  for (const r of u.hiddenRows ?? []) s.hiddenRows.add(r);
  if (u.state) s.visibility = u.state === 'hidden' ? 'Hidden' : u.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
  if (u.tabColor) s.tabColor = `#${u.tabColor}`;
}

function validationView(rule: unknown): ValidationView | undefined {
  if (rule === undefined) return undefined;
  const r = rule as { list?: { source: string }; decimal?: { formula1: number; formula2: number }; wholeNumber?: { formula1: number; formula2: number } };
  if (r.list) return { type: 'list', values: r.list.source.split(',') };
  if (r.decimal) return { type: 'decimal', min: Number(r.decimal.formula1), max: Number(r.decimal.formula2) };
  if (r.wholeNumber) return { type: 'whole', min: Number(r.wholeNumber.formula1), max: Number(r.wholeNumber.formula2) };
  return { type: 'other' };
}

/** What the double's workbook holds. */
function inspect(dbl: ExcelDouble, name: string): HostView {
  const s = dbl.sheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  let freeze: HostView['freeze'];
  const f = s.freeze ?? '';
  if (f.startsWith('rows:')) freeze = { rows: Number(f.slice(5)), columns: 0 };
  else if (f.startsWith('columns:')) freeze = { rows: 0, columns: Number(f.slice(8)) };
  else if (f.startsWith('at:')) {
    const b = parseAddress(f.slice(3));
    freeze = { rows: b.r1 + 1, columns: b.c1 + 1 };
  }
  const value = (a: string): CellValue => {
    const cell = dbl.cell(name, a);
    if (!cell || cell.value === '' || cell.error) return null;
    if (typeof cell.value === 'number' && cell.numberFormat && isDateFormat(cell.numberFormat)) return serialToIsoDate(cell.value) ?? cell.value;
    return cell.value;
  };
  const hex = (v: unknown): string | undefined => (typeof v === 'string' ? v.replace(/^#/, '').toUpperCase() : undefined);
  return {
    value,
    formula: (a) => dbl.cell(name, a)?.formula?.slice(1),
    numFmt: (a) => dbl.cell(name, a)?.numberFormat ?? 'General',
    fill: (a) => hex(dbl.styleAt(name, a, 'fill.color')),
    validation: (a) => validationView(dbl.validationAt(name, a)),
    columnWidth: (col) => {
      const w = dbl.styleAt(name, `${col}1`, 'columnWidth');
      return typeof w === 'number' ? chars(w) : undefined;
    },
    freeze,
    state: s.visibility === 'Hidden' ? 'hidden' : s.visibility === 'VeryHidden' ? 'veryHidden' : 'visible',
    tabColor: hex(s.tabColor),
  };
}

runPortContract('OfficeJsPort over the Excel double (ExcelApi 1.17)', async () => {
  const dbl = new ExcelDouble({ Sheet1: [] });
  return {
    port: new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported }),
    prepare: async (u) => prepare(dbl, u),
    inspect: async (name) => inspect(dbl, name),
  };
});
