import type { CellValue } from '../port';

/**
 * Content hashing for templates: over normalised cell values, never over file bytes, so a
 * correctly filled file re-saved by LibreOffice, WPS or an online spreadsheet still matches.
 */

/** Normalise a cell for hashing: text NFC, trimmed, inner whitespace collapsed; numbers to 9 decimals. */
export function normaliseCell(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    const r = Math.round(v * 1e9) / 1e9;
    return Object.is(r, -0) ? '0' : String(r);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 8 hex characters (32-bit FNV-1a of the normalised text). */
export function shortHash(text: string): string {
  return fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0');
}

/** 16 hex characters: two independent 32-bit FNV-1a hashes (an accident guard, not security). */
export function contentHash(parts: readonly string[]): string {
  const text = parts.join('\u241e');
  return fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0') + fnv1a(text, 0x2f6b3c1d).toString(16).padStart(8, '0');
}

/** Hash of one cell's normalised value. */
export function cellHash(v: CellValue | undefined): string {
  return shortHash(normaliseCell(v));
}
