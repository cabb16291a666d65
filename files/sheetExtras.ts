/**
 * What an owned sheet may ask beyond values and styles, applied by the exceljs port when it writes
 * the sheet whole: formulas, row heights, one font family, the page setup (paper, scale, rows
 * repeated on every page, footer, margins), the marker in a cell that does not print, and the
 * workbook-structure lock (added to the package by `withStructureProtection`: exceljs has no API
 * for it). Browser-safe.
 */
import type ExcelJS from 'exceljs';
import type { RenderedSheet } from '../engine';
import { parseA1 } from '../engine';

type Ws = ExcelJS.Worksheet;

/** Paper sizes as a sheet's page setup numbers them (ECMA-376 §18.3.1.63). */
const PAPER: Readonly<Record<'A4' | 'A3', number>> = Object.freeze({ A4: 9, A3: 8 });

/** A footer of three sections in header/footer codes; text is kept as given (codes such as "&P" work). */
export function footerText(f: { left?: string; center?: string; right?: string }): string {
  return (f.left ? `&L${f.left}` : '') + (f.center ? `&C${f.center}` : '') + (f.right ? `&R${f.right}` : '');
}

/**
 * Page setup of an owned sheet: the rendered `page` when given (paper, fixed scale or one page
 * wide, rows repeated at the top, margins), else A4 one page wide. `columns` decides the default
 * orientation (landscape above 8 columns).
 */
export function applyPageSetup(ws: Ws, sheet: RenderedSheet, columns: number): void {
  const page = sheet.page;
  const orientation = (sheet.landscape ?? columns > 8) ? 'landscape' : 'portrait';
  const setup: Partial<ExcelJS.PageSetup> = { paperSize: PAPER[page?.paper ?? 'A4'], orientation };
  if (page?.scale !== undefined) Object.assign(setup, { scale: Math.round(Math.min(400, Math.max(10, page.scale))), fitToPage: false });
  else Object.assign(setup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  if (page?.titleRows) setup.printTitlesRow = `${page.titleRows[0]}:${page.titleRows[1]}`;
  for (const r of page?.pageBreaks ?? []) ws.getRow(r).addPageBreak();
  if (page?.margins) setup.margins = { ...page.margins };
  if (page?.centerHorizontally) setup.horizontalCentered = true;
  ws.pageSetup = { ...(ws.pageSetup ?? {}), ...setup };
}

/** The print footer and the marker: in `markerCell` when the sheet gives one, else the footer's left section. */
export function applyFooterAndMarker(ws: Ws, sheet: RenderedSheet, withLeftFooter: (footer: string | undefined, text: string) => string): void {
  const own = sheet.page?.footer ? footerText(sheet.page.footer) : undefined;
  const at = sheet.markerCell ? parseA1(sheet.markerCell) : undefined;
  if (at) {
    ws.getCell(at.row + 1, at.col + 1).value = sheet.marker;
    if (own !== undefined) ws.headerFooter.oddFooter = own;
    return;
  }
  ws.headerFooter.oddFooter = withLeftFooter(own, sheet.marker);
}

/** Formulas of the rendered sheet, each with its cached result when `values` holds one. True when any was written. */
export function applyFormulas(ws: Ws, sheet: RenderedSheet): boolean {
  let any = false;
  for (const [addr, formula] of Object.entries(sheet.formulas ?? {})) {
    const p = parseA1(addr);
    if (!p) continue;
    const cached = sheet.values[p.row]?.[p.col];
    const body = formula.replace(/^=/, '');
    ws.getCell(p.row + 1, p.col + 1).value = (cached === null || cached === undefined ? { formula: body } : { formula: body, result: cached }) as ExcelJS.CellValue;
    any = true;
  }
  return any;
}

export function applyRowHeights(ws: Ws, sheet: RenderedSheet): void {
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) {
    const r = Number(row);
    if (Number.isInteger(r) && r > 0 && height > 0) ws.getRow(r).height = height;
  }
}

/**
 * One font family for every cell of the sheet's used range (styled empty cells too, so what a user
 * types there has it); a cell's own size and weight stay.
 */
export function applyFont(ws: Ws, sheet: RenderedSheet): void {
  applyRuns(ws, sheet);
  const font = sheet.font;
  if (!font) return;
  // the first font a sheet asks for becomes the workbook's default (its Normal style): column
  // widths are counted in the default font's digits, so they are then the same in every program
  const tweaks = tweaksOf(ws.workbook);
  if (!tweaks.defaultFont) tweaks.defaultFont = { name: font.name, size: font.size ?? 11 };
  const rows = ws.rowCount;
  const cols = Math.max(ws.columnCount, sheet.columnWidths?.length ?? 0);
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      const was: Partial<ExcelJS.Font> = cell.font ?? {};
      cell.font = { ...was, name: font.name, ...(was.size === undefined && font.size !== undefined ? { size: font.size } : {}) };
    }
  }
}

/** Cells written as rich text: each run with its weight, slant and size (and the sheet's font family). */
export function applyRuns(ws: Ws, sheet: RenderedSheet): void {
  for (const [addr, runs] of Object.entries(sheet.runs ?? {})) {
    const p = parseA1(addr);
    if (!p || runs.length === 0) continue;
    const richText = runs.map((r) => ({
      text: r.text,
      font: { ...(sheet.font ? { name: sheet.font.name } : {}), ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}), ...(r.size !== undefined ? { size: r.size } : sheet.font?.size !== undefined ? { size: sheet.font.size } : {}) },
    }));
    ws.getCell(p.row + 1, p.col + 1).value = { richText };
  }
}

/** Protection values exceljs computed for a protected sheet (SHA-512, salt, spin count). */
export interface ProtectionHash {
  algorithmName: string;
  hashValue: string;
  saltValue: string;
  spinCount: number;
}

/** The password hash of a sheet exceljs has just protected, to lock the workbook structure with the same password. */
export function protectionHashOf(ws: Ws): ProtectionHash | undefined {
  const p = (ws as unknown as { sheetProtection?: Partial<ProtectionHash> | null }).sheetProtection;
  if (!p || !p.algorithmName || !p.hashValue || !p.saltValue || p.spinCount === undefined) return undefined;
  return { algorithmName: p.algorithmName, hashValue: p.hashValue, saltValue: p.saltValue, spinCount: p.spinCount };
}

/** What the package needs beyond what exceljs writes, by workbook: the default font, the structure lock. */
export interface PackageTweaks {
  defaultFont?: { name: string; size: number };
  structure?: { hash: ProtectionHash | undefined };
}

const TWEAKS = new WeakMap<ExcelJS.Workbook, PackageTweaks>();

export function tweaksOf(wb: ExcelJS.Workbook): PackageTweaks {
  let t = TWEAKS.get(wb);
  if (!t) TWEAKS.set(wb, (t = {}));
  return t;
}

/** A protected sheet asked to lock the workbook's structure: remember it (with the sheet's password hash) for the package. */
export function lockStructure(ws: Ws, withPassword: boolean): void {
  tweaksOf(ws.workbook).structure = { hash: withPassword ? protectionHashOf(ws) : undefined };
}

/** styles.xml with its first font (the Normal style's, fontId 0) set to `font`. */
export function defaultFontInXml(stylesXml: string, font: { name: string; size: number }): string {
  return stylesXml.replace(/(<fonts\b[^>]*>\s*<font>)([\s\S]*?)(<\/font>)/, (_m, open: string, body: string, close: string) => {
    const esc = font.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    const next = body
      .replace(/<sz [^>]*\/>/, `<sz val="${font.size}"/>`)
      .replace(/<name [^>]*\/>/, `<name val="${esc}"/>`)
      .replace(/<scheme [^>]*\/>/, '')
      .replace(/<family [^>]*\/>/, '<family val="1"/>');
    return `${open}${next}${close}`;
  });
}

/**
 * The package as written by exceljs, with what it cannot write itself: the default font and the
 * workbook-structure lock (jszip, lazy; the bytes are returned as they are when there is nothing to add).
 */
export async function withPackageTweaks(bytes: Uint8Array, wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const tweaks = TWEAKS.get(wb);
  if (!tweaks || (!tweaks.defaultFont && !tweaks.structure)) return bytes;
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ 'jszip');
  const zip = await JSZip.loadAsync(bytes);
  const book = zip.file('xl/workbook.xml');
  if (tweaks.structure && book) zip.file('xl/workbook.xml', lockStructureInXml(await book.async('string'), tweaks.structure.hash));
  const styles = zip.file('xl/styles.xml');
  if (tweaks.defaultFont && styles) zip.file('xl/styles.xml', defaultFontInXml(await styles.async('string'), tweaks.defaultFont));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

/** `<workbookProtection>` locking the structure; with a password hash when given. */
export function workbookProtectionXml(hash: ProtectionHash | undefined): string {
  const pw = hash
    ? ` workbookAlgorithmName="${hash.algorithmName}" workbookHashValue="${hash.hashValue}" workbookSaltValue="${hash.saltValue}" workbookSpinCount="${hash.spinCount}"`
    : '';
  return `<workbookProtection${pw} lockStructure="1"/>`;
}

/**
 * workbook.xml with the structure locked: the element goes after `<workbookPr>` (or
 * `<fileSharing>` / `<fileVersion>`), before `<bookViews>`, as the schema orders them; an existing
 * one is replaced.
 */
export function lockStructureInXml(workbookXml: string, hash: ProtectionHash | undefined): string {
  const el = workbookProtectionXml(hash);
  const without = workbookXml.replace(/<workbookProtection\b[^>]*\/>|<workbookProtection\b[^>]*>[\s\S]*?<\/workbookProtection>/, '');
  for (const tag of ['workbookPr', 'fileSharing', 'fileVersion']) {
    const m = new RegExp(`<${tag}\\b[^>]*/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`).exec(without);
    if (m) return without.slice(0, m.index + m[0].length) + el + without.slice(m.index + m[0].length);
  }
  const open = /<workbook\b[^>]*>/.exec(without);
  return open ? without.slice(0, open.index + open[0].length) + el + without.slice(open.index + open[0].length) : without;
}

/**
 * What exceljs drops when it loads and saves a file (fillTemplate does, as a unit's Excel would
 * not): the workbook-structure lock and the default font of `original`, put back into `saved`.
 */
export async function keepPackageTweaks(original: Uint8Array, saved: Uint8Array): Promise<Uint8Array> {
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ 'jszip');
  const [from, to] = await Promise.all([JSZip.loadAsync(original), JSZip.loadAsync(saved)]);
  const text = async (zip: InstanceType<typeof JSZip>, name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
  const lock = /<workbookProtection\b[^>]*\/>/.exec(await text(from, 'xl/workbook.xml'))?.[0];
  const font = /<fonts\b[^>]*>\s*<font>([\s\S]*?)<\/font>/.exec(await text(from, 'xl/styles.xml'))?.[1];
  const name = font ? /<name val="([^"]*)"/.exec(font)?.[1] : undefined;
  const size = font ? Number(/<sz val="([^"]*)"/.exec(font)?.[1]) : Number.NaN;
  if (!lock && !(name && Number.isFinite(size))) return saved;
  if (lock) {
    const book = await text(to, 'xl/workbook.xml');
    const without = book.replace(/<workbookProtection\b[^>]*\/>/, '');
    const at = /<workbookPr\b[^>]*\/>|<workbookPr\b[^>]*>[\s\S]*?<\/workbookPr>/.exec(without);
    if (at) to.file('xl/workbook.xml', without.slice(0, at.index + at[0].length) + lock + without.slice(at.index + at[0].length));
  }
  if (name && Number.isFinite(size)) to.file('xl/styles.xml', defaultFontInXml(await text(to, 'xl/styles.xml'), { name: name.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&amp;/g, '&'), size }));
  return to.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}
