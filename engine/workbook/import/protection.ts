/**
 * Sheet protection as an .xlsx stores it, read from the XML parts themselves.
 *
 * `<sheetProtection sheet="…">` is an xsd:boolean: Excel writes `sheet="1"`, LibreOffice
 * `sheet="true"`; both mean protected. exceljs only recognises "1", so a template re-saved by
 * LibreOffice looked unprotected (`template.unprotected`). A host that reads the bytes (files/port.ts)
 * uses these helpers on the parts exceljs left unsure. Pure text functions: no zip, no DOM.
 */

/** xsd:boolean: "true" / "1" → true, "false" / "0" → false (surrounding spaces allowed), else undefined. */
export function xmlBoolean(value: string | undefined): boolean | undefined {
  const v = value?.trim();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return undefined;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the five XML entities and numeric character references. */
export function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** Attributes of one start tag's attribute text: name (prefix kept) → unescaped value. */
function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) out.set(m[1], xmlUnescape(m[3] ?? m[4] ?? ''));
  }
  return out;
}

/**
 * Is the worksheet protected? Reads the `sheet` attribute of its `<sheetProtection>` element
 * (any namespace prefix, either quote) as an xsd:boolean; no element or no attribute: not protected.
 * @example sheetProtectedInXml('<worksheet><sheetProtection sheet="true"/></worksheet>') // true
 */
export function sheetProtectedInXml(sheetXml: string): boolean {
  const m = /<(?:[\w.-]+:)?sheetProtection\b([^>]*)>/.exec(sheetXml);
  if (!m) return false;
  return xmlBoolean(attributes(m[1] ?? '').get('sheet')) === true;
}

/**
 * Zip path of each worksheet by sheet name, from `xl/workbook.xml` and `xl/_rels/workbook.xml.rels`:
 * "Tự đánh giá" → "xl/worksheets/sheet2.xml". Targets are relative to `xl/` unless absolute.
 */
export function worksheetPartsByName(workbookXml: string, workbookRelsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of workbookRelsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const a = attributes(m[1] ?? '');
    const id = a.get('Id');
    const target = a.get('Target');
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const out = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const a = attributes(m[1] ?? '');
    const name = a.get('name');
    const rid = [...a].find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1];
    const part = rid !== undefined ? targets.get(rid) : undefined;
    if (name !== undefined && part !== undefined) out.set(name, part);
  }
  return out;
}
