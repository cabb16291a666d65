/**
 * Browser file helpers for the standalone page and the template downloads. exceljs and jszip
 * are imported lazily: they are fetched only when a file is opened or built.
 */
import type { ExcelJsPort } from '../../files/port';

export async function openXlsx(file: Blob): Promise<ExcelJsPort> {
  const { ExcelJsPort } = await import(/* webpackChunkName: "exceljs" */ '../../files/port');
  const bytes = new Uint8Array(await file.arrayBuffer());
  return ExcelJsPort.fromBuffer(bytes);
}

export async function newWorkbook(): Promise<ExcelJsPort> {
  const { ExcelJsPort } = await import(/* webpackChunkName: "exceljs" */ '../../files/port');
  return ExcelJsPort.create();
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Offer bytes as a download (an object URL on a temporary link). */
export function saveBytes(bytes: Uint8Array, name: string, mime = XLSX_MIME): void {
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
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
