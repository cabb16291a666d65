/**
 * "Qua các năm": each unit's index and rank over the years present (results.years), past years
 * through the crosswalk; and the same view as text lines for the CLI. One renderer for the CLI's
 * results file, the standalone page and Excel (renderOutputSheets).
 */
import type { RenderedSheet } from '../port';
import type { Lang } from '../../i18n/format';
import { formatNumber, formatPercent } from '../../i18n/format';
import type { ResultsDocument } from '../../model/results';
import { spanChange, type YearsView } from '../../periods/years';
import { FMT, L, OUTPUT_SHEETS, SheetBuilder, kindLabel, range, unitsInOrder } from './common';
import type { OutputContext } from './sheets';

/** The units of the view in the results' order (kind, then rank), with their kind. */
function rowsOf(view: YearsView, results: ResultsDocument): { row: YearsView['units'][number]; kind: string }[] {
  const byCode = new Map(view.units.map((u) => [u.unit, u]));
  const out: { row: YearsView['units'][number]; kind: string }[] = [];
  for (const u of unitsInOrder(results)) {
    const row = byCode.get(u.code);
    if (row) out.push({ row, kind: u.kind });
  }
  return out;
}

/** "Qua các năm": code, unit, kind, index and rank of each year, change over the span. */
export function renderYearsSheet(results: ResultsDocument, ctx: OutputContext): RenderedSheet | undefined {
  const view = results.years;
  if (!view || view.years.length === 0) return undefined;
  const { lang } = ctx;
  const first = view.years[0] ?? 0;
  const last = view.years[view.years.length - 1] ?? 0;
  const span = `${first}–${last}`;
  const b = new SheetBuilder();
  b.title(
    L(lang, `Chỉ số cải cách hành chính qua các năm (${span})`, `PAR INDEX over the years (${span})`),
    L(
      lang,
      'Chỉ số: %; hạng trong từng loại đơn vị. Năm trước của đơn vị mới (sau sắp xếp): chỉ số bình quân theo tỷ trọng của các đơn vị cũ; hạng chỉ giữ khi một đơn vị cũ nhập trọn.',
      'Index: %; rank within each unit kind. A past year of a new unit (after a reorganisation): share-weighted mean of its old units; rank kept only when one old unit maps whole.',
    ),
  );
  const headers: string[] = [L(lang, 'Mã', 'Code'), L(lang, 'Đơn vị', 'Unit'), L(lang, 'Loại', 'Kind')];
  for (const y of view.years) headers.push(L(lang, `Chỉ số ${y} (%)`, `Index ${y} (%)`), L(lang, `Hạng ${y}`, `Rank ${y}`));
  headers.push(L(lang, `Tăng/giảm chỉ số ${span}`, `Index change ${span}`), L(lang, 'Từ năm', 'Since'));
  const hr = b.push(headers);
  b.header(hr, 0, headers.length - 1);
  const r0 = b.row;
  for (const { row, kind } of rowsOf(view, results)) {
    const cells: (string | number | null)[] = [row.unit, row.name, kindLabel(kind, lang)];
    for (const y of view.years) {
      const v = row.byYear[String(y)];
      cells.push(v ? v.index : null, v?.rank ?? null);
    }
    const ch = spanChange(view, row);
    cells.push(ch ? ch.change : null, ch ? String(ch.from) : null);
    b.push(cells);
  }
  const r1 = b.row - 1;
  const changeCol = 3 + view.years.length * 2;
  if (r1 >= r0) {
    view.years.forEach((_y, i) => {
      b.style(range(r0, 3 + i * 2, r1, 3 + i * 2), { numFmt: FMT.index });
      b.style(range(r0, 4 + i * 2, r1, 4 + i * 2), { numFmt: FMT.integer });
    });
    b.style(range(r0, 3 + (view.years.length - 1) * 2, r1, 3 + (view.years.length - 1) * 2), { numFmt: FMT.index, bold: true });
    b.style(range(r0, changeCol, r1, changeCol), { numFmt: FMT.change });
    b.style(range(r0, changeCol + 1, r1, changeCol + 1), { numFmt: '@' });
  }
  return finish(b, view.years.length, hr);
}

function finish(b: SheetBuilder, years: number, hr: number): RenderedSheet {
  const widths = [8, 30, 10, ...Array.from({ length: years }, () => [11, 8]).flat(), 14, 8];
  const values = b.grid();
  const sheet: RenderedSheet = {
    name: YEARS_SHEET.name,
    marker: YEARS_SHEET.marker,
    values,
    styles: b.styles,
    columnWidths: widths,
    printArea: range(0, 0, Math.max(0, values.length - 1), Math.max(0, b.width() - 1)),
    tabColor: '70AD47',
    freeze: { rows: hr + 1, columns: 2 },
  };
  return sheet;
}

/** Name and marker of the several-years sheet. */
export const YEARS_SHEET = OUTPUT_SHEETS.years;

/**
 * The view as text lines for the CLI: "Qua các năm (2021–2023)" then one line per unit
 * "TX  2021: 80%  2022: 85% (hạng 2)  2023: 91,43% (hạng 1)  (+11,43)".
 */
export function yearsTextLines(results: ResultsDocument, lang: Lang, only?: string): string[] {
  const view = results.years;
  if (!view || view.years.length < 2) return [];
  const first = view.years[0] ?? 0;
  const last = view.years[view.years.length - 1] ?? 0;
  const out = [L(lang, `Qua các năm (${first}–${last})`, `Over the years (${first}–${last})`)];
  for (const { row } of rowsOf(view, results)) {
    if (only !== undefined && row.unit !== only) continue;
    const parts = view.years.map((y) => {
      const v = row.byYear[String(y)];
      if (!v) return `${y}: —`;
      return `${y}: ${formatPercent(v.index, lang)}${v.rank !== undefined ? ` (${L(lang, 'hạng', 'rank')} ${v.rank})` : ''}`;
    });
    const ch = spanChange(view, row);
    const change = ch ? `  (${ch.change > 0 ? '+' : ''}${formatNumber(ch.change, lang)})` : '';
    out.push(`  ${row.unit.padEnd(5)} ${parts.join('  ')}${change}`);
  }
  return out;
}
