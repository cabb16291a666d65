/**
 * Adding chart parts to a saved .xlsx package: for each sheet with charts, a drawing part with one
 * anchored frame per chart, a chart part per chart, the relationships (sheet → drawing → charts),
 * the `<drawing>` element in the sheet and the content types. Pure: the host reads the zip and
 * writes back the parts returned (files/charts.ts does it with jszip after exceljs saves).
 */
import type { CellValue, ChartSpec } from '../port';
import { parseA1 } from '../a1';
import { worksheetPartsByName } from '../import/protection';
import { anchorXml, chartXml, DRAWING_CLOSE, DRAWING_OPEN, xmlEscape, type ChartAnchor } from './drawingml';
import { maxOf } from '../../model/arrays';

/** The charts of one sheet, with the sheet's values (from A1) for the charts' cached data. */
export interface SheetCharts {
  sheet: string;
  charts: readonly ChartSpec[];
  values: readonly CellValue[][];
}

/** Read access to the parts of a package. */
export interface PackageReader {
  paths: readonly string[];
  read(path: string): string | undefined;
}

export interface ChartPartsResult {
  /** Parts to write (new or changed), by path inside the zip. */
  parts: Map<string, string>;
  /** Charts added, by sheet. */
  added: { sheet: string; count: number }[];
  /** Charts that could not be written (a range that is not A1, a sheet not found). */
  skipped: { sheet: string; title: string }[];
}

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Elements that come after `<drawing>` in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function relsPathOf(part: string): string {
  const dir = dirOf(part);
  const base = part.slice(dir.length + (dir ? 1 : 0));
  return `${dir ? dir + '/' : ''}_rels/${base}.rels`;
}

/** "xl/worksheets" + "../drawings/drawing1.xml" → "xl/drawings/drawing1.xml". */
export function resolveTarget(fromDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromDir ? fromDir.split('/') : [];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** `from` → `to` as a relative target ("xl/worksheets" → "xl/charts/chart1.xml" = "../charts/chart1.xml"). */
function relativeTarget(fromDir: string, to: string): string {
  const a = fromDir ? fromDir.split('/') : [];
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

function readRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const get = (k: string): string => new RegExp(`\\b${k}="([^"]*)"`).exec(attrs)?.[1] ?? '';
    out.push({ id: get('Id'), type: get('Type'), target: get('Target') });
  }
  return out;
}

function relsXml(rels: readonly Rel[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">` +
    rels.map((r) => `<Relationship Id="${xmlEscape(r.id)}" Type="${xmlEscape(r.type)}" Target="${xmlEscape(r.target)}"/>`).join('') +
    `</Relationships>`
  );
}

/** Add relationships to a rels part (kept as written, new ones appended); returns the new text. */
function appendRels(xml: string | undefined, added: readonly Rel[]): string {
  const line = added.map((r) => `<Relationship Id="${xmlEscape(r.id)}" Type="${xmlEscape(r.type)}" Target="${xmlEscape(r.target)}"/>`).join('');
  if (!xml || !/<\/(?:[\w.-]+:)?Relationships>/.test(xml)) return relsXml(added);
  return xml.replace(/<\/((?:[\w.-]+:)?)Relationships>\s*$/, (_m, p: string) => `${line}</${p}Relationships>`);
}

function freeId(rels: readonly Rel[], stem: string): string {
  const taken = new Set(rels.map((r) => r.id));
  for (let i = 1; ; i++) if (!taken.has(`${stem}${i}`)) return `${stem}${i}`;
}

function nextNumber(paths: Iterable<string>, re: RegExp): number {
  let max = 0;
  for (const p of paths) {
    const m = re.exec(p);
    if (m?.[1]) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** Put `<drawing r:id>` where the schema wants it; the root gets the r namespace if it lacks it. */
export function insertDrawingElement(sheetXml: string, rid: string): string {
  const root = /<(?:(\w+):)?worksheet\b[^>]*>/.exec(sheetXml);
  if (!root) return sheetXml;
  const prefix = root[1] ? `${root[1]}:` : '';
  let xml = sheetXml;
  let rPrefix = 'r';
  const declared = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(root[0]);
  if (declared?.[1]) rPrefix = declared[1];
  else xml = xml.replace(root[0], root[0].replace(/(\/?)>$/, ` xmlns:r="${NS_R}"$1>`));
  const element = `<${prefix}drawing ${rPrefix}:id="${xmlEscape(rid)}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<${prefix}${name}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${prefix}worksheet>`);
  if (at < 0) return xml;
  return xml.slice(0, at) + element + xml.slice(at);
}

function addOverrides(contentTypes: string, overrides: readonly { part: string; type: string }[]): string {
  let xml = contentTypes;
  const add = overrides
    .filter((o) => !xml.includes(`PartName="/${o.part}"`))
    .map((o) => `<Override PartName="/${xmlEscape(o.part)}" ContentType="${o.type}"/>`)
    .join('');
  xml = xml.replace(/<\/Types>\s*$/, `${add}</Types>`);
  return xml;
}

/**
 * The parts to write so that each listed sheet shows its charts. A sheet that already has a
 * drawing (pictures) gets the charts added to it; others get a new drawing.
 * @example
 *   const { parts } = addChartParts({ paths: Object.keys(zip.files), read }, [{ sheet: 'Xếp hạng', charts, values }]);
 */
export function addChartParts(pkg: PackageReader, sheets: readonly SheetCharts[]): ChartPartsResult {
  const parts = new Map<string, string>();
  const read = (p: string): string | undefined => parts.get(p) ?? pkg.read(p);
  const result: ChartPartsResult = { parts, added: [], skipped: [] };
  const workbook = read('xl/workbook.xml');
  const workbookRels = read('xl/_rels/workbook.xml.rels');
  const contentTypes = read('[Content_Types].xml');
  if (!workbook || !workbookRels || !contentTypes) {
    for (const s of sheets) for (const c of s.charts) result.skipped.push({ sheet: s.sheet, title: c.title });
    return result;
  }
  const byName = worksheetPartsByName(workbook, workbookRels);
  const all = new Set(pkg.paths);
  let chartNo = nextNumber(all, /^xl\/charts\/chart(\d+)\.xml$/);
  let drawingNo = nextNumber(all, /^xl\/drawings\/drawing(\d+)\.xml$/);
  const overrides: { part: string; type: string }[] = [];
  for (const s of sheets) {
    if (s.charts.length === 0) continue;
    const sheetPart = byName.get(s.sheet);
    const sheetXml = sheetPart ? read(sheetPart) : undefined;
    if (!sheetPart || !sheetXml) {
      for (const c of s.charts) result.skipped.push({ sheet: s.sheet, title: c.title });
      continue;
    }
    const sheetDir = dirOf(sheetPart);
    const sheetRelsPath = relsPathOf(sheetPart);
    const sheetRels = readRels(read(sheetRelsPath));
    // the sheet's drawing: the existing one, or a new part
    const existing = /<(?:\w+:)?drawing\b[^>]*\b(?:\w+:)?id="([^"]+)"/.exec(sheetXml);
    const existingRel = existing ? sheetRels.find((r) => r.id === existing[1]) : undefined;
    let drawingPath: string;
    let drawingXml: string;
    // a new drawing is tied to the sheet only once a chart of it is drawn (no reference to a part never written)
    let attach: (() => void) | undefined;
    if (existingRel) {
      drawingPath = resolveTarget(sheetDir, existingRel.target);
      drawingXml = read(drawingPath) ?? DRAWING_OPEN + DRAWING_CLOSE;
    } else {
      const path = `xl/drawings/drawing${drawingNo}.xml`;
      drawingPath = path;
      drawingXml = DRAWING_OPEN + DRAWING_CLOSE;
      attach = () => {
        drawingNo++;
        const rid = freeId(sheetRels, 'rIdCharts');
        parts.set(sheetRelsPath, appendRels(read(sheetRelsPath), [{ id: rid, type: REL_DRAWING, target: relativeTarget(sheetDir, path) }]));
        parts.set(sheetPart, insertDrawingElement(sheetXml, rid));
        overrides.push({ part: path, type: CT_DRAWING });
      };
    }
    const drawingDir = dirOf(drawingPath);
    const drawingRelsPath = relsPathOf(drawingPath);
    const drawingRels = readRels(read(drawingRelsPath));
    let shapeId = maxOf([1, ...[...drawingXml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]))]) + 1;
    const anchors: string[] = [];
    const newRels: Rel[] = [];
    let count = 0;
    for (const spec of s.charts) {
      const xml = chartXml(spec, s.sheet, s.values);
      const at = parseA1(spec.anchor);
      if (!xml || !at) {
        result.skipped.push({ sheet: s.sheet, title: spec.title });
        continue;
      }
      const chartPath = `xl/charts/chart${chartNo++}.xml`;
      parts.set(chartPath, xml);
      overrides.push({ part: chartPath, type: CT_CHART });
      const rid = freeId([...drawingRels, ...newRels], 'rIdChart');
      newRels.push({ id: rid, type: REL_CHART, target: relativeTarget(drawingDir, chartPath) });
      const anchor: ChartAnchor = { row: at.row, col: at.col, width: spec.width ?? 480, height: spec.height ?? 288, rid, name: spec.title, id: shapeId++ };
      anchors.push(anchorXml(anchor));
      count++;
    }
    if (count === 0) continue;
    attach?.();
    parts.set(drawingPath, drawingXml.replace(/<\/((?:\w+:)?)wsDr>\s*$/, (_m, p: string) => `${anchors.join('')}</${p}wsDr>`));
    parts.set(drawingRelsPath, appendRels(read(drawingRelsPath), newRels));
    result.added.push({ sheet: s.sheet, count });
  }
  if (overrides.length > 0) parts.set('[Content_Types].xml', addOverrides(contentTypes, overrides));
  return result;
}
