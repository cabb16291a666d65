/**
 * Native spreadsheet charts as DrawingML text: one chart part (`xl/charts/chartN.xml`) per
 * `ChartSpec`, whose series reference the sheet's cells (`'Xếp hạng'!$D$6:$D$16`) so Excel and
 * LibreOffice redraw them when the numbers change, with a cached copy of the values for readers
 * that do not recalculate. Pure: strings in, strings out (the zip is the host's business).
 */
import type { CellValue, ChartSpec } from '../port';
import { columnName, parseA1 } from '../a1';
import { maxOf } from '../../model/arrays';

/** 1 point = 12,700 EMU (DrawingML's unit). */
export const EMU_PER_POINT = 12_700;

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Series colours (Office's accent order), then the target line's red. */
const PALETTE = ['2F5597', 'ED7D31', '70AD47', 'FFC000', '5B9BD5', 'A5A5A5', '264478', '9E480E', '43682B', '997300'];
const TARGET_COLOUR = 'C00000';

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A sheet name as a formula prefix: `'Xếp hạng'!` (quotes doubled inside). */
export function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function box(range: string): Box | undefined {
  const [a, b] = range.split(':');
  const p = parseA1(a ?? '');
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return undefined;
  return { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}

function absolute(b: Box): string {
  const one = (r: number, c: number): string => `$${columnName(c)}$${r + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? one(b.r0, b.c0) : `${one(b.r0, b.c0)}:${one(b.r1, b.c1)}`;
}

/** Cells of a one-row or one-column box, in order. */
function cellsOf(b: Box, values: readonly CellValue[][]): CellValue[] {
  const out: CellValue[] = [];
  for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) out.push(values[r]?.[c] ?? null);
  return out;
}

/** A chart series resolved to cell boxes. */
export interface ResolvedSeries {
  name?: Box;
  values: Box;
}

export interface ResolvedChart {
  categories?: Box;
  series: ResolvedSeries[];
}

/**
 * The categories and series a spec means: explicit `series` (with `categories`) when given,
 * else `dataRange` read as a table — by columns (default): header row = series names, first
 * column = categories; by rows: first row = categories, first column = series names. With
 * `categories` but no `series`, every column (row) of `dataRange` is a series.
 * Undefined when a range is not an A1 range.
 */
export function resolveChart(spec: ChartSpec): ResolvedChart | undefined {
  const categories = spec.categories !== undefined ? box(spec.categories) : undefined;
  if (spec.categories !== undefined && !categories) return undefined;
  if (spec.series && spec.series.length > 0) {
    const series: ResolvedSeries[] = [];
    for (const s of spec.series) {
      const name = box(s.name);
      const values = box(s.values);
      if (!values) return undefined;
      series.push(name ? { name, values } : { values });
    }
    return categories ? { categories, series } : { series };
  }
  const d = box(spec.dataRange);
  if (!d) return undefined;
  const byRows = spec.seriesBy === 'rows';
  if (categories) {
    const series: ResolvedSeries[] = [];
    if (byRows) for (let r = d.r0; r <= d.r1; r++) series.push({ values: { r0: r, c0: d.c0, r1: r, c1: d.c1 } });
    else for (let c = d.c0; c <= d.c1; c++) series.push({ name: { r0: d.r0, c0: c, r1: d.r0, c1: c }, values: { r0: d.r0 + 1, c0: c, r1: d.r1, c1: c } });
    return { categories, series };
  }
  if (byRows) {
    const cats: Box = { r0: d.r0, c0: d.c0 + 1, r1: d.r0, c1: d.c1 };
    const series: ResolvedSeries[] = [];
    for (let r = d.r0 + 1; r <= d.r1; r++) series.push({ name: { r0: r, c0: d.c0, r1: r, c1: d.c0 }, values: { r0: r, c0: d.c0 + 1, r1: r, c1: d.c1 } });
    return { categories: cats, series };
  }
  const cats: Box = { r0: d.r0 + 1, c0: d.c0, r1: d.r1, c1: d.c0 };
  const series: ResolvedSeries[] = [];
  for (let c = d.c0 + 1; c <= d.c1; c++) series.push({ name: { r0: d.r0, c0: c, r1: d.r0, c1: c }, values: { r0: d.r0 + 1, c0: c, r1: d.r1, c1: c } });
  return { categories: cats, series };
}

function text(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(Math.round(v * 1e6) / 1e6);
  return String(v);
}

function strRef(sheet: string, b: Box, values: readonly CellValue[][]): string {
  const cells = cellsOf(b, values);
  const pts = cells.map((v, i) => (v === null || v === '' ? '' : `<c:pt idx="${i}"><c:v>${xmlEscape(text(v))}</c:v></c:pt>`)).join('');
  return `<c:strRef><c:f>${xmlEscape(sheetRef(sheet) + absolute(b))}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(sheet: string, b: Box, values: readonly CellValue[][], format: string): string {
  const cells = cellsOf(b, values);
  const pts = cells.map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>` : '')).join('');
  return `<c:numRef><c:f>${xmlEscape(sheetRef(sheet) + absolute(b))}</c:f><c:numCache><c:formatCode>${xmlEscape(format)}</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache></c:numRef>`;
}

function numLit(value: number, count: number): string {
  const pts = Array.from({ length: count }, (_, i) => `<c:pt idx="${i}"><c:v>${String(value)}</c:v></c:pt>`).join('');
  return `<c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="${count}"/>${pts}</c:numLit>`;
}

/**
 * Custom error bars on a series (CT_ErrBars, placed before the categories): the distances below and
 * above each value from the cells `spec.errorBars` names; '' when it names none or cannot be read.
 */
function errorBars(spec: ChartSpec, sheet: string, values: readonly CellValue[][], kind: ChartSpec['type']): string {
  const e = spec.errorBars;
  const minus = e ? box(e.minus) : undefined;
  const plus = e ? box(e.plus) : undefined;
  if (!minus || !plus) return '';
  return (
    `<c:errBars><c:errDir val="${kind === 'bar' ? 'x' : 'y'}"/><c:errBarType val="both"/><c:errValType val="cust"/><c:noEndCap val="0"/>` +
    `<c:plus>${numRef(sheet, plus, values, 'General')}</c:plus><c:minus>${numRef(sheet, minus, values, 'General')}</c:minus>` +
    `<c:spPr><a:ln w="12700">${solid('404040')}</a:ln></c:spPr></c:errBars>`
  );
}

/** The target line's values: the cells it names, else the constant repeated (Excel draws literals; LibreOffice does not). */
function targetValues(target: NonNullable<ChartSpec['target']>, sheet: string, values: readonly CellValue[][], count: number): string {
  const b = target.range !== undefined ? box(target.range) : undefined;
  return b ? numRef(sheet, b, values, 'General') : numLit(target.value, count);
}

function solid(colour: string): string {
  return `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;
}

function richText(s: string, size: number, bold: boolean): string {
  const b = bold ? ' b="1"' : ' b="0"';
  return `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr><a:r><a:rPr lang="vi-VN" sz="${size}"${b}/><a:t>${xmlEscape(s)}</a:t></a:r></a:p></c:rich>`;
}

function textProps(size: number, rotation?: number): string {
  const rot = rotation !== undefined ? ` rot="${rotation * 60000}" vert="horz"` : '';
  return `<c:txPr><a:bodyPr${rot}/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
}

const CAT_AX = 500_001;
const VAL_AX = 500_002;

function axes(kind: ChartSpec['type'], fixed: { min: number; max: number } | undefined, manyCategories: boolean): string {
  const horizontal = kind === 'bar';
  const scaling = `<c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling>`;
  const valScaling = `<c:scaling><c:orientation val="minMax"/>${fixed ? `<c:max val="${fixed.max}"/><c:min val="${fixed.min}"/>` : ''}</c:scaling>`;
  const cat =
    `<c:catAx><c:axId val="${CAT_AX}"/>${kind === 'radar' ? '<c:scaling><c:orientation val="minMax"/></c:scaling>' : scaling}<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="${kind === 'radar' ? 'none' : 'out'}"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln w="9525">${solid('A6A6A6')}</a:ln></c:spPr>${textProps(800, !horizontal && kind !== 'radar' && manyCategories ? -45 : undefined)}` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const val =
    `<c:valAx><c:axId val="${VAL_AX}"/>${valScaling}<c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350">${solid('D9D9D9')}</a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="${kind === 'radar' ? 'cross' : 'out'}"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln w="9525">${solid('A6A6A6')}</a:ln></c:spPr>${textProps(800)}` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  return cat + val;
}

function dataLabels(format: string): string {
  return (
    `<c:dLbls><c:numFmt formatCode="${xmlEscape(format)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(800)}` +
    `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
  );
}

export interface ChartXmlOptions {
  /** Number format of the values (cache and data labels), e.g. "0.00". */
  format?: string;
}

/**
 * The chart part for one spec on `sheet`, with `values` (the sheet's values from A1) as the cache.
 * Undefined when the spec's ranges cannot be read.
 * @example chartXml({ type: 'column', title: 'Chỉ số', dataRange: 'C4:D15', anchor: 'N4', target: { value: 90, label: 'Mục tiêu' } }, 'Xếp hạng', values)
 */
export function chartXml(spec: ChartSpec, sheet: string, values: readonly CellValue[][], options: ChartXmlOptions = {}): string | undefined {
  const resolved = resolveChart(spec);
  if (!resolved || resolved.series.length === 0) return undefined;
  const format = options.format ?? '0.00';
  const count = resolved.categories ? cellsOf(resolved.categories, values).length : maxOf(resolved.series.map((s) => cellsOf(s.values, values).length), 0);
  const cat = resolved.categories ? `<c:cat>${strRef(sheet, resolved.categories, values)}</c:cat>` : '';
  const single = resolved.series.length === 1;
  const kind = spec.type;
  const ser = resolved.series
    .map((s, i) => {
      const colour = PALETTE[i % PALETTE.length] ?? '2F5597';
      const tx = s.name ? `<c:tx>${strRef(sheet, s.name, values)}</c:tx>` : '';
      const val = `<c:val>${numRef(sheet, s.values, values, format)}</c:val>`;
      const head = `<c:idx val="${i}"/><c:order val="${i}"/>${tx}`;
      if (kind === 'bar' || kind === 'column')
        return `<c:ser>${head}<c:spPr>${solid(colour)}</c:spPr><c:invertIfNegative val="0"/>${single ? dataLabels(format.replace(/0\.00$/, '0.0')) : ''}${i === 0 ? errorBars(spec, sheet, values, kind) : ''}${cat}${val}</c:ser>`;
      const marker = `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${solid(colour)}</c:spPr></c:marker>`;
      const line = `<c:spPr><a:ln w="22225" cap="rnd">${solid(colour)}<a:round/></a:ln></c:spPr>`;
      if (kind === 'radar') return `<c:ser>${head}${line}${marker}${cat}${val}</c:ser>`;
      return `<c:ser>${head}${line}${marker}${cat}${val}<c:smooth val="0"/></c:ser>`;
    })
    .join('');
  const n = resolved.series.length;
  const target = spec.target
    ? `<c:ser><c:idx val="${n}"/><c:order val="${n}"/><c:tx><c:v>${xmlEscape(spec.target.label)}</c:v></c:tx>` +
      `<c:spPr><a:ln w="22225" cap="flat">${solid(TARGET_COLOUR)}<a:prstDash val="dash"/><a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>` +
      `${cat}<c:val>${targetValues(spec.target, sheet, values, count)}</c:val><c:smooth val="0"/></c:ser>`
    : '';
  const ids = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  let plot: string;
  if (kind === 'bar' || kind === 'column') {
    const bars = `<c:barChart><c:barDir val="${kind === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${ser}<c:gapWidth val="${single ? 60 : 100}"/>${single ? '' : '<c:overlap val="-10"/>'}${ids}</c:barChart>`;
    // a line across a horizontal bar chart would run along the categories: the target is drawn on column charts only
    plot = bars + (target && kind === 'column' ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${target}<c:marker val="1"/>${ids}</c:lineChart>` : '');
  } else if (kind === 'radar') {
    plot = `<c:radarChart><c:radarStyle val="marker"/><c:varyColors val="0"/>${ser}${ids}</c:radarChart>`;
  } else {
    plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}${target}<c:marker val="1"/>${ids}</c:lineChart>`;
  }
  const fixed = spec.target ? { min: 0, max: 100 } : undefined;
  const legend = n > 1 || (spec.target && kind !== 'bar') ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(900)}</c:legend>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx>${richText(spec.title, 1200, true)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${axes(kind, fixed, count > 6)}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solid('FFFFFF')}<a:ln w="9525">${solid('BFBFBF')}</a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="Calibri"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

/** One chart placed on a sheet: its anchor cell (0-based), size in points, and the chart part it shows. */
export interface ChartAnchor {
  row: number;
  col: number;
  width: number;
  height: number;
  /** Relationship id of the chart part in the drawing's rels. */
  rid: string;
  name: string;
  /** Shape id, unique within the drawing. */
  id: number;
}

/** One anchored chart frame (`xdr:oneCellAnchor`): the chart keeps its size when columns change width. */
export function anchorXml(a: ChartAnchor): string {
  const cx = Math.round(a.width * EMU_PER_POINT);
  const cy = Math.round(a.height * EMU_PER_POINT);
  return (
    `<xdr:oneCellAnchor><xdr:from><xdr:col>${a.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${cx}" cy="${cy}"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${a.id}" name="${xmlEscape(a.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
    `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${a.rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
  );
}

export const DRAWING_OPEN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${NS_A}">`;
export const DRAWING_CLOSE = '</xdr:wsDr>';
