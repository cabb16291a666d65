/**
 * The WorkbookPort contract: every implementation (exceljs in files/, Office.js in addin/excel)
 * must pass the same suite. Call `runPortContract(name, makePort)` inside a jest test file;
 * `makePort` returns a fresh port over an empty workbook (one visible sheet is allowed).
 */
import type { CellValue, RenderedSheet, SheetSnapshot, WorkbookPort } from '../../engine/workbook/port';

/** Values without trailing empty cells per row and trailing empty rows (ports may trim). */
export function normalise(values: readonly (readonly CellValue[])[]): CellValue[][] {
  const out = values.map((row) => {
    const r = row.map((v) => (v === '' ? null : v));
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

export function runPortContract(name: string, makePort: () => Promise<WorkbookPort>): void {
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
  });
}
