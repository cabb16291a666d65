/**
 * Browser file helpers for the standalone page and the template downloads. exceljs and jszip
 * are imported lazily: they are fetched only when a file is opened or built.
 */
import type { ExcelJsPort } from '../../files/port';
import type { Issue } from '../../engine';
import { checkXlsxBytes, MAX_XLSX_BYTES } from '../../files/xlsxCheck';

/** A file refused before opening (too large, .xls/.ods, encrypted, zip bomb…), with located issues. */
export class XlsxRejected extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues[0]?.code ?? 'file.corrupt');
  }
}

/** Open an uploaded workbook; throws XlsxRejected for files the checks refuse (same checks as the CLI). */
export async function openXlsx(file: Blob & { name?: string }): Promise<ExcelJsPort> {
  const label = file.name ?? 'workbook.xlsx';
  if (file.size > MAX_XLSX_BYTES) throw new XlsxRejected(checkXlsxBytes(new Uint8Array(MAX_XLSX_BYTES + 1), label));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const refused = checkXlsxBytes(bytes, label);
  if (refused.length > 0) throw new XlsxRejected(refused);
  const { ExcelJsPort } = await import(/* webpackChunkName: "exceljs" */ '../../files/port');
  return ExcelJsPort.fromBuffer(bytes);
}

export async function newWorkbook(): Promise<ExcelJsPort> {
  const { ExcelJsPort } = await import(/* webpackChunkName: "exceljs" */ '../../files/port');
  return ExcelJsPort.create();
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let lastUrl: string | undefined;

/**
 * Offer bytes as a download (an object URL on a temporary link). The URL stays valid until the
 * next download (revoking it on a timer can cut a slow download short).
 */
export function saveBytes(bytes: Uint8Array, name: string, mime = XLSX_MIME): void {
  if (lastUrl) URL.revokeObjectURL(lastUrl);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const blob = new Blob([copy.buffer], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  lastUrl = url;
}

/** Zip named files (jszip, lazy). */
export async function zipFiles(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ 'jszip');
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.bytes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** "master.xlsx" → "master-ket-qua.xlsx" */
export function resultsName(input: string): string {
  return `${input.replace(/\.xlsx$/i, '')}-ket-qua.xlsx`;
}
