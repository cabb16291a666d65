/**
 * The WorkbookPort contract: every implementation (exceljs in files/, Office.js in addin/excel)
 * must pass the same suite. Call `runPortContract(name, makeHost)` inside a jest test file;
 * `makeHost` returns a fresh host over an empty workbook (one visible sheet is allowed): the port,
 * plus two host-specific hands — `prepare` does what a user does in Excel (values, formulas,
 * validations, formats, widths, panes…) and `inspect` looks at what the workbook then holds —
 * so the in-place cases can check what a `SheetSnapshot` does not carry.
 */
import type { CellValue, RenderedSheet, SheetSnapshot, SheetState, Validation, WorkbookPort } from '../../engine/workbook/port';
import { parseA1 } from '../../engine/workbook/a1';

/** What a user made in a sheet, host-neutral. Ranges are A1 ("C2:C4", "D4"). */
export interface UserSheet {
  name: string;
  /** Values as typed, from A1 (strings are text). */
  values: CellValue[][];
  /** Dates the user typed (ISO "yyyy-mm-dd"), shown as dd/mm/yyyy. */
  dates?: Record<string, string>;
  /** Formulas (without "=") with their cached value. */
  formulas?: Record<string, { formula: string; value: CellValue }>;
  /** Number formats by range, also on empty cells. */
  numFmts?: Record<string, string>;
  /** Fill colours "RRGGBB" by range. */
  fills?: Record<string, string>;
  validations?: Validation[];
  /** Column widths in characters by column letter. */
  columnWidths?: Record<string, number>;
  freeze?: { rows: number; columns: number };
  /** Hidden rows, 1-based. */
  hiddenRows?: number[];
  state?: SheetState;
  /** Tab colour "RRGGBB". */
  tabColor?: string;
}

export type ValidationView = { type: 'list'; values: string[] } | { type: 'decimal' | 'whole'; min: number; max: number } | { type: 'other' };

/** One sheet as the host holds it after a write. */
export interface HostView {
  /** The value (a date as ISO "yyyy-mm-dd"; an empty cell is null). */
  value(address: string): CellValue;
  /** The formula without "=", if the cell holds one. */
  formula(address: string): string | undefined;
  /** Number format ("General" when none). */
  numFmt(address: string): string;
  /** Fill colour "RRGGBB", if any. */
  fill(address: string): string | undefined;
  validation(address: string): ValidationView | undefined;
  /** Width in characters (±0.1), when set. */
  columnWidth(column: string): number | undefined;
  freeze: { rows: number; columns: number } | undefined;
  state: SheetState;
  tabColor: string | undefined;
}

export interface PortHost {
  port: WorkbookPort;
  /** Make a sheet as a user would in Excel (before the port has been used). */
  prepare(sheet: UserSheet): Promise<void>;
  inspect(sheet: string): Promise<HostView>;
}

/** Values without trailing empty cells per row and trailing empty rows (ports may trim). */
export function normalise(values: readonly (readonly CellValue[] | undefined)[]): CellValue[][] {
  // absent rows and cells (holes: SheetSnapshot.values may be sparse) are empty, as '' and null
  const out = Array.from(values, (row) => {
    const r = Array.from(row ?? [], (v): CellValue => (v === '' || v === undefined ? null : v));
    while (r.length > 0 && r[r.length - 1] === null) r.pop();
    return r;
  });
  while (out.length > 0 && (out[out.length - 1] ?? []).length === 0) out.pop();
  return out;
}

function bySheet(snaps: readonly SheetSnapshot[], name: string): SheetSnapshot {
  const s = snaps.find((x) => x.name === name);
  if (!s) throw new Error(`sheet '${name}' not read back`);
  return s;
}

const tricky = ['=HYPERLINK("http://example.com","bấm")', '+1', '-2', '0012', '01/02/2023', '12%', 'TRUE', "'trích dẫn", '#N/A', '@user', '1e5', 'Không áp dụng'];

/** A user's input sheet: a submissions table whose column F the software owns. */
const KE_KHAI: UserSheet = {
  name: 'Kê khai',
  values: [
    ['Đơn vị', 'Tiêu chí', 'Trả lời', 'Điểm', 'Ngày nộp', 'Điểm cuối cùng'],
    ['KG', '1.1', 'Có', 0.5, null, 9],
    ['KG', '1.2', 'Không', 0.25, null, 9, 'xem lại'],
    ['HD', '1.1', 'Có', null, null, 9],
  ],
  dates: { E2: '2023-11-15' },
  formulas: { H2: { formula: 'D2*2', value: 1 } },
  // D4 is empty: its format is all the user put there; F shares D's format until the software restyles it
  numFmts: { 'D2:D4': '0.0', 'F2:F4': '0.0' },
  fills: { 'A1:F1': 'FFC000' },
  validations: [
    { range: 'C2:C4', type: 'list', values: ['Có', 'Không'] },
    { range: 'D2:D4', type: 'decimal', min: 0, max: 1 },
  ],
  columnWidths: { E: 30 },
  freeze: { rows: 1, columns: 2 },
};

function isoSerial(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86400000 + 25569;
}

/**
 * What the engine renders of an input sheet it read (engine/workbook/output/submissions.ts): every
 * cell as read (dates back as serials, number formats restated), plus the cells it owns.
 */
function renderInput(snap: SheetSnapshot, owned: Record<string, CellValue>, extra: Omit<RenderedSheet, 'name' | 'marker' | 'values'> = {}): RenderedSheet {
  const values: CellValue[][] = snap.values.map((r) => [...r]);
  for (const addr of Object.keys(snap.dates ?? {})) {
    const p = parseA1(addr);
    const v = p ? values[p.row]?.[p.col] : undefined;
    if (p && typeof v === 'string') (values[p.row] ??= [])[p.col] = isoSerial(v);
  }
  const styles: NonNullable<RenderedSheet['styles']> = [];
  for (const [addr, fmt] of Object.entries(snap.formats ?? {})) if (!(addr in owned)) styles.push({ range: addr, style: { numFmt: fmt } });
  for (const [addr, v] of Object.entries(owned)) {
    const p = parseA1(addr);
    if (!p) throw new Error(addr);
    const row = (values[p.row] ??= []);
    while (row.length < p.col) row.push(null);
    row[p.col] = v;
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return { ...extra, name: snap.name, marker: 'parindex:test-input', values, styles: [...styles, ...(extra.styles ?? [])] };
}

function only(snaps: readonly SheetSnapshot[]): SheetSnapshot {
  const [s] = snaps;
  if (!s || snaps.length !== 1) throw new Error(`expected one snapshot, got ${snaps.length}`);
  return s;
}

export function runPortContract(name: string, makeHost: () => Promise<PortHost>): void {
  const makePort = async (): Promise<WorkbookPort> => (await makeHost()).port;
  describe(`WorkbookPort contract: ${name}`, () => {
    test('write then read round-trips numbers, booleans, blanks and Vietnamese text', async () => {
      const port = await makePort();
      const sheet: RenderedSheet = {
        name: 'Kết quả',
        marker: 'parindex:test',
        values: [
          ['Mã', 'Đơn vị', 'Chỉ số', 'Đạt'],
          ['KG', 'UBND phường Kim Giang', 91.4285714285714, true],
          ['HD', 'UBND phường Hạ Đình', 0.25, false],
          [null, null, null, null],
          ['Ghi chú', null, null, 'cuối'],
        ],
      };
      await port.write([sheet]);
      const [snap] = await port.read(['Kết quả']);
      expect(snap).toBeDefined();
      expect(normalise(snap?.values ?? [])).toEqual(normalise(sheet.values));
      expect(snap?.formulas).toBeUndefined();
    });

    test('user strings stay text: never formulas, numbers, dates or booleans', async () => {
      const port = await makePort();
      await port.write([{ name: 'Văn bản', marker: 'parindex:test', values: tricky.map((s) => [s]) }]);
      const [snap] = await port.read(['Văn bản']);
      expect(normalise(snap?.values ?? []).map((r) => r[0])).toEqual(tricky);
      expect(snap?.formulas).toBeUndefined();
      expect(snap?.errors).toBeUndefined();
    });

    test('replacing a sheet keeps its position and leaves other sheets alone', async () => {
      const port = await makePort();
      await port.write([
        { name: 'A', marker: 'm', values: [['a']] },
        { name: 'B', marker: 'm', values: [['b', 1]] },
        { name: 'C', marker: 'm', values: [['c']] },
      ]);
      await port.write([{ name: 'B', marker: 'm', values: [['b2']] }]);
      const names = (await port.listSheets()).map((s) => s.name).filter((n) => ['A', 'B', 'C'].includes(n));
      expect(names).toEqual(['A', 'B', 'C']);
      const snaps = await port.read(['A', 'B', 'C']);
      expect(normalise(bySheet(snaps, 'A').values)).toEqual([['a']]);
      expect(normalise(bySheet(snaps, 'B').values)).toEqual([['b2']]); // rewritten whole: old "1" gone
      expect(normalise(bySheet(snaps, 'C').values)).toEqual([['c']]);
    });

    test('reading names that do not exist returns only the ones that do', async () => {
      const port = await makePort();
      await port.write([{ name: 'Có', marker: 'm', values: [['x']] }]);
      const snaps = await port.read(['Không có', 'Có']);
      expect(snaps.map((s) => s.name)).toEqual(['Có']);
    });

    test('number formats, merges, hidden rows, state and protection are visible to readers', async () => {
      const port = await makePort();
      await port.write([
        {
          name: 'Định dạng',
          marker: 'm',
          values: [['Tiêu đề'], ['Tỷ lệ', 0.875], ['Điểm', 0.25], ['Ẩn', 1]],
          styles: [
            { range: 'B2', style: { numFmt: '0.00%' } },
            { range: 'B3:B4', style: { numFmt: '0.00', locked: false } },
          ],
          merges: ['A1:C1'],
          hiddenRows: [4],
          protection: {},
        },
        { name: 'Ẩn đi', marker: 'm', values: [['x']], state: 'hidden' },
      ]);
      const snaps = await port.read(['Định dạng']);
      const s = bySheet(snaps, 'Định dạng');
      expect(s.formats?.['B2']).toBe('0.00%');
      expect(s.formats?.['B3']).toBe('0.00');
      expect(s.values[1]?.[1]).toBe(0.875);
      expect(s.merged).toEqual(['A1:C1']);
      expect(s.hiddenRows).toEqual([4]);
      expect(s.protected).toBe(true);
      const info = await port.listSheets();
      expect(info.find((x) => x.name === 'Ẩn đi')?.state).toBe('hidden');
    });

    test('progress reaches 1, also for an empty write', async () => {
      const port = await makePort();
      const seen: number[] = [];
      await port.write([{ name: 'P', marker: 'm', values: [['1']] }], { onProgress: (d) => seen.push(d) });
      expect(seen[seen.length - 1]).toBe(1);
      expect(seen.every((d, i) => d >= 0 && d <= 1 && (i === 0 || d >= (seen[i - 1] ?? 0)))).toBe(true);
      const empty: number[] = [];
      await port.write([], { onProgress: (d) => empty.push(d) });
      expect(empty[empty.length - 1]).toBe(1);
    });

    test('select, when offered, accepts an existing cell', async () => {
      const port = await makePort();
      await port.write([{ name: 'Chọn', marker: 'm', values: [['a', 'b']] }]);
      if (port.select) await expect(port.select('Chọn', 'B1')).resolves.toBeUndefined();
    });

    describe('an input sheet the last read returned is updated in place', () => {
      test('owned cells change; validations, formats (also of empty cells), fills, widths, panes, formulas and typed cells of the user stay', async () => {
        const host = await makeHost();
        await host.prepare(KE_KHAI);
        const snap = only(await host.port.read(['Kê khai']));
        expect(snap.values[1]?.[4]).toBe('2023-11-15');
        expect(snap.formulas).toEqual({ H2: 'D2*2' });
        const sheet = renderInput(snap, { F2: 0.5, F3: 0.25, F4: null, I1: 'Mã kiểm tra', I2: '=SUM(A1:A3)', I3: '0012', I4: 'TRUE' }, {
          styles: [
            { range: 'F1', style: { bold: true, fill: 'D9D9D9' } },
            { range: 'F2:F4', style: { numFmt: '0.00', fill: 'EEEEEE', italic: true } },
            { range: 'I1', style: { bold: true, fill: 'D9D9D9' } },
            { range: 'I2:I4', style: { numFmt: '@' } },
          ],
          columnWidths: [12, 12, 12, 12, 12, 10, 12, 12, 14],
          freeze: { rows: 1, columns: 0 },
        });
        await host.port.write([sheet]);
        const v = await host.inspect('Kê khai');
        // the owned cells changed, with the formats and fills the rendered sheet names
        expect([v.value('F2'), v.value('F3'), v.value('F4')]).toEqual([0.5, 0.25, null]);
        expect([v.numFmt('F2'), v.numFmt('F4')]).toEqual(['0.00', '0.00']);
        expect([v.fill('F1'), v.fill('F2'), v.fill('I1')]).toEqual(['D9D9D9', 'EEEEEE', 'D9D9D9']);
        // a column the software adds: text stays text, and it gets its width
        expect([v.value('I2'), v.value('I3'), v.value('I4')]).toEqual(['=SUM(A1:A3)', '0012', 'TRUE']);
        expect(v.formula('I2')).toBeUndefined();
        expect(v.columnWidth('I')).toBeCloseTo(14, 0);
        // what the user made stays: dropdown, number check, formats (the empty D4 too), header fill, width, panes
        expect(v.validation('C3')).toEqual({ type: 'list', values: ['Có', 'Không'] });
        expect(v.validation('D4')).toEqual({ type: 'decimal', min: 0, max: 1 });
        expect([v.numFmt('D2'), v.numFmt('D4'), v.value('D4')]).toEqual(['0.0', '0.0', null]);
        expect(['A1', 'B1', 'C1', 'D1', 'E1'].map((a) => v.fill(a))).toEqual(['FFC000', 'FFC000', 'FFC000', 'FFC000', 'FFC000']);
        expect(v.columnWidth('E')).toBeCloseTo(30, 0);
        expect(v.freeze).toEqual({ rows: 1, columns: 2 });
        // a formula the software does not own, a date and a note the user typed
        expect([v.formula('H2'), v.value('H2')]).toEqual(['D2*2', 1]);
        expect([v.value('E2'), v.numFmt('E2')]).toEqual(['2023-11-15', 'dd/mm/yyyy']);
        expect(v.value('G3')).toBe('xem lại');
        expect([v.value('A2'), v.value('C3'), v.value('D3')]).toEqual(['KG', 'Không', 0.25]);
        // and a reader sees exactly the rendered values
        const after = only(await host.port.read(['Kê khai']));
        expect(after.formulas).toEqual({ H2: 'D2*2' });
        expect(after.dates).toEqual({ E2: true });
        expect(normalise(after.values)).toEqual(
          normalise([
            ['Đơn vị', 'Tiêu chí', 'Trả lời', 'Điểm', 'Ngày nộp', 'Điểm cuối cùng', null, null, 'Mã kiểm tra'],
            ['KG', '1.1', 'Có', 0.5, '2023-11-15', 0.5, null, 1, '=SUM(A1:A3)'],
            ['KG', '1.2', 'Không', 0.25, null, 0.25, 'xem lại', null, '0012'],
            ['HD', '1.1', 'Có', null, null, null, null, null, 'TRUE'],
          ]),
        );
      });

      test('validations the rendered sheet declares replace only those of their own cells', async () => {
        const host = await makeHost();
        await host.prepare(KE_KHAI);
        const snap = only(await host.port.read(['Kê khai']));
        await host.port.write([renderInput(snap, { F2: 1 }, { validations: [{ range: 'D3:D4', type: 'whole', min: 0, max: 10 }] })]);
        const v = await host.inspect('Kê khai');
        expect(v.validation('D2')).toEqual({ type: 'decimal', min: 0, max: 1 });
        expect(v.validation('D3')).toEqual({ type: 'whole', min: 0, max: 10 });
        expect(v.validation('D4')).toEqual({ type: 'whole', min: 0, max: 10 });
        expect(v.validation('C4')).toEqual({ type: 'list', values: ['Có', 'Không'] });
        expect(v.validation('E2')).toBeUndefined();
      });

      test('state, tab colour and widths stay; rows hidden when read and no longer listed are shown', async () => {
        const host = await makeHost();
        await host.prepare({ name: 'Nhập', values: [['a', 1], ['b', 2], ['c', 3]], state: 'hidden', tabColor: '00B050', hiddenRows: [2, 3], columnWidths: { A: 25 } });
        const snap = only(await host.port.read(['Nhập']));
        expect(snap.hiddenRows).toEqual([2, 3]);
        expect(snap.state).toBe('hidden');
        await host.port.write([renderInput(snap, { B1: 10 }, { hiddenRows: [3], columnWidths: [8, 8] })]);
        const v = await host.inspect('Nhập');
        expect(v.state).toBe('hidden');
        expect(v.tabColor).toBe('00B050');
        expect(v.columnWidth('A')).toBeCloseTo(25, 0);
        expect(v.value('B1')).toBe(10);
        expect((await host.port.listSheets()).find((s) => s.name === 'Nhập')?.state).toBe('hidden');
        expect(only(await host.port.read(['Nhập'])).hiddenRows).toEqual([3]);
      });
    });

    describe('every other sheet is replaced whole', () => {
      test('a sheet the last read did not return: nothing of the user stays', async () => {
        const host = await makeHost();
        await host.prepare(KE_KHAI);
        await host.port.read(['Sheet1']);
        await host.port.write([{ name: 'Kê khai', marker: 'm', values: [['x']] }]);
        const v = await host.inspect('Kê khai');
        expect([v.value('A1'), v.value('B1'), v.value('H2'), v.formula('H2')]).toEqual(['x', null, null, undefined]);
        expect(v.validation('C3')).toBeUndefined();
        expect(v.fill('A1')).toBeUndefined();
        expect(v.numFmt('D4')).toBe('General');
        expect(v.freeze).toBeUndefined();
      });

      test('a write consumes the read: the next write without a read replaces whole', async () => {
        const host = await makeHost();
        await host.prepare(KE_KHAI);
        const snap = only(await host.port.read(['Kê khai']));
        await host.port.write([renderInput(snap, { F2: 1 })]);
        expect((await host.inspect('Kê khai')).validation('C3')).toEqual({ type: 'list', values: ['Có', 'Không'] });
        await host.port.write([renderInput(snap, { F2: 2 })]);
        const v = await host.inspect('Kê khai');
        expect(v.value('F2')).toBe(2);
        expect(v.validation('C3')).toBeUndefined();
        expect(v.fill('A1')).toBeUndefined();
      });

      test('a read sheet rendered with conditional formats is replaced whole', async () => {
        const host = await makeHost();
        await host.prepare(KE_KHAI);
        const snap = only(await host.port.read(['Kê khai']));
        await host.port.write([renderInput(snap, { F2: 1 }, { conditionalFormats: [{ range: 'F2:F4', rule: 'lessThan', value: 1, fill: 'FFC7CE' }] })]);
        const v = await host.inspect('Kê khai');
        expect(v.value('F2')).toBe(1);
        expect(v.validation('C3')).toBeUndefined();
        expect(v.formula('H2')).toBeUndefined();
      });
    });
  });
}
