import ExcelJS from 'exceljs';
import type { RenderedSheet, SheetInfo, SheetSnapshot, SheetState, WorkbookPort, WriteOptions } from '../../engine/workbook/port';
import { parseA1 } from '../../engine/workbook/a1';
import { ExcelJsPort, rangeBounds, readCellValue, withLeftFooter } from '../../files/port';
import { type HostView, type PortHost, type UserSheet, type ValidationView, runPortContract } from './suite';

function eachCell(ws: ExcelJS.Worksheet, range: string, f: (cell: ExcelJS.Cell) => void): void {
  const b = rangeBounds(range);
  if (!b) throw new Error(range);
  for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) f(ws.getCell(r + 1, c + 1));
}

/** What a user does in Excel, done with exceljs. */
function prepare(wb: ExcelJS.Workbook, u: UserSheet): void {
  const ws = wb.getWorksheet(u.name) ?? wb.addWorksheet(u.name);
  u.values.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  for (const [addr, iso] of Object.entries(u.dates ?? {})) {
    ws.getCell(addr).value = new Date(`${iso}T00:00:00Z`);
    ws.getCell(addr).numFmt = 'dd/mm/yyyy';
  }
  for (const [addr, f] of Object.entries(u.formulas ?? {})) ws.getCell(addr).value = { formula: f.formula, result: f.value ?? undefined } as ExcelJS.CellFormulaValue;
  for (const [range, fmt] of Object.entries(u.numFmts ?? {})) eachCell(ws, range, (c) => (c.numFmt = fmt));
  for (const [range, hex] of Object.entries(u.fills ?? {})) eachCell(ws, range, (c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + hex } }));
  const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of u.validations ?? []) {
    if (v.type === 'list') dv.add(v.range, { type: 'list', allowBlank: true, formulae: [`"${v.values.join(',')}"`] });
    else if (v.type === 'decimal' || v.type === 'whole') dv.add(v.range, { type: v.type, operator: 'between', allowBlank: true, formulae: [v.min, v.max] });
  }
  for (const [col, w] of Object.entries(u.columnWidths ?? {})) ws.getColumn(col).width = w;
  if (u.freeze) ws.views = [{ state: 'frozen', xSplit: u.freeze.columns, ySplit: u.freeze.rows }];
  for (const r of u.hiddenRows ?? []) ws.getRow(r).hidden = true;
  if (u.state) ws.state = u.state;
  if (u.tabColor) ws.properties.tabColor = { argb: 'FF' + u.tabColor };
}

function validationView(v: ExcelJS.DataValidation | undefined): ValidationView | undefined {
  if (!v) return undefined;
  if (v.type === 'list') return { type: 'list', values: String(v.formulae[0] ?? '').replace(/^"|"$/g, '').split(',') };
  if (v.type === 'decimal' || v.type === 'whole') return { type: v.type, min: Number(v.formulae[0]), max: Number(v.formulae[1]) };
  return { type: 'other' };
}

/** What the exceljs workbook holds, looked at without creating cells. */
function inspect(wb: ExcelJS.Workbook, name: string): HostView {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const find = (address: string): ExcelJS.Cell | undefined => {
    const p = parseA1(address);
    return p ? ws.findRow(p.row + 1)?.findCell(p.col + 1) : undefined;
  };
  const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
  const frozen = (ws.views ?? []).find((v) => v.state === 'frozen');
  return {
    value: (a) => readCellValue(find(a)?.value ?? null).value,
    formula: (a) => readCellValue(find(a)?.value ?? null).formula,
    numFmt: (a) => find(a)?.numFmt || 'General',
    fill: (a) => {
      const f = find(a)?.fill;
      return f && f.type === 'pattern' && f.fgColor?.argb ? f.fgColor.argb.slice(2) : undefined;
    },
    validation: (a) => {
      const p = parseA1(a);
      if (validations[a]) return validationView(validations[a]);
      for (const [key, v] of Object.entries(validations)) {
        const b = rangeBounds(key);
        if (v && b && p && p.row >= b.r0 && p.row <= b.r1 && p.col >= b.c0 && p.col <= b.c1) return validationView(v);
      }
      return undefined;
    },
    columnWidth: (col) => ws.getColumn(col).width,
    freeze: frozen && 'xSplit' in frozen ? { rows: frozen.ySplit ?? 0, columns: frozen.xSplit ?? 0 } : undefined,
    state: (ws.state as SheetState | undefined) ?? 'visible',
    tabColor: ws.properties?.tabColor?.argb?.slice(2),
  };
}

// A fresh exceljs workbook with one visible sheet, as a user's new file would have.
runPortContract('ExcelJsPort (exceljs)', async () => {
  const port = ExcelJsPort.create();
  port.workbook.addWorksheet('Sheet1');
  return {
    port,
    prepare: async (u) => prepare(port.workbook, u),
    inspect: async (name) => inspect(port.workbook, name),
  };
});

/** Saves to .xlsx bytes and loads them again after every write (and after the user's edits): reads see what the file holds. */
class ThroughBytes implements WorkbookPort {
  readonly host = 'exceljs' as const;
  constructor(public inner: ExcelJsPort) {}
  listSheets(): Promise<SheetInfo[]> {
    return this.inner.listSheets();
  }
  read(names: readonly string[]): Promise<SheetSnapshot[]> {
    return this.inner.read(names);
  }
  async write(sheets: readonly RenderedSheet[], options?: WriteOptions): Promise<void> {
    await this.inner.write(sheets, options);
    await this.reload();
  }
  async reload(): Promise<void> {
    this.inner = await ExcelJsPort.fromBuffer(await this.inner.toBuffer());
  }
}

runPortContract('ExcelJsPort (exceljs, saved and reloaded after each write)', async (): Promise<PortHost> => {
  const port = ExcelJsPort.create();
  port.workbook.addWorksheet('Sheet1');
  const through = new ThroughBytes(await ExcelJsPort.fromBuffer(await port.toBuffer()));
  return {
    port: through,
    prepare: async (u) => {
      prepare(through.inner.workbook, u);
      await through.reload(); // as the user's saved file: shared styles, validations cell by cell
    },
    inspect: async (name) => inspect(through.inner.workbook, name),
  };
});

describe('ExcelJsPort in place: what only exceljs needs', () => {
  test('overwriting the master of a shared formula keeps the cells that share it (and the file saves)', async () => {
    const port = ExcelJsPort.create();
    const ws = port.workbook.addWorksheet('Nhập');
    ws.addRows([
      ['Mã', 'Điểm', 'Tính'],
      ['a', 1, null],
      ['b', 2, null],
      ['c', 3, null],
    ]);
    ws.fillFormula('C2:C4', 'B2*10', [10, 20, 30]); // as Excel saves a formula filled down
    const loaded = await ExcelJsPort.fromBuffer(await port.toBuffer());
    const [snap] = await loaded.read(['Nhập']);
    if (!snap) throw new Error('not read');
    expect(snap.formulas).toEqual({ C2: 'B2*10', C3: 'B3*10', C4: 'B4*10' });
    const values = snap.values.map((r) => [...r]);
    (values[1] ??= [])[2] = 99; // the software's value over the master C2 only
    await loaded.write([{ name: 'Nhập', marker: 'm', values }]);
    const again = await ExcelJsPort.fromBuffer(await loaded.toBuffer());
    const [after] = await again.read(['Nhập']);
    expect(after?.values.map((r) => r[2])).toEqual(['Tính', 99, 20, 30]);
    expect(after?.formulas).toEqual({ C3: 'B3*10', C4: 'B4*10' });
  });

  test('the marker goes into the left footer section; centre and right sections stay', () => {
    expect(withLeftFooter('&CTrang &P&RIn ngày &D', 'parindex:m')).toBe('&Lparindex:m&CTrang &P&RIn ngày &D');
    expect(withLeftFooter('Bí mật', 'x')).toBe('&Lx&CBí mật');
    expect(withLeftFooter(undefined, 'a&b')).toBe('&La&&b');
  });
});
