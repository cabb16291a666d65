import { parseNumber } from '../rules/value';
import { formatDate } from '../i18n';
import type { PlanTarget } from './task';
import { parseDateText } from './dates';

/** "autonomy | Tỷ lệ … | >=20% | 31/12/2025 | sipas=overall | betterThanPrevious" — one target per line. */
export function formatTarget(x: PlanTarget): string {
  const parts = [x.id, x.indicator, x.op !== undefined && x.value !== undefined ? `${x.op}${String(x.value)}${x.unit ?? ''}` : '', x.by ? formatDate(x.by, 'vi') : ''];
  if (x.criterion) parts.push(`criterion=${x.criterion}`);
  if (x.sipas) parts.push(`sipas=${x.sipas}`);
  if (x.source) parts.push(`source=${x.source}`);
  if (x.betterThanPrevious) parts.push('betterThanPrevious');
  while (parts.length > 2 && parts[parts.length - 1] === '') parts.pop();
  return parts.join(' | ');
}

/** Parse one target line; undefined when it cannot be read. */
export function parseTarget(line: string): PlanTarget | undefined {
  const parts = line.split('|').map((s) => s.trim());
  const [id, indicator, cond, by, ...flags] = parts;
  if (!id || !indicator) return undefined;
  const x: PlanTarget = { id, indicator };
  if (cond) {
    const m = /^(>=|<=|>|<|=|≥|≤)\s*([0-9.,]+)\s*(\S*)$/.exec(cond);
    if (!m || !m[1] || !m[2]) return undefined;
    const op = m[1] === '≥' ? '>=' : m[1] === '≤' ? '<=' : m[1];
    const value = parseNumber(m[2]);
    if (value === undefined || !(op === '>=' || op === '<=' || op === '>' || op === '<' || op === '=')) return undefined;
    x.op = op;
    x.value = value;
    if (m[3]) x.unit = m[3];
  }
  if (by) {
    const d = parseDateText(by);
    if (!d) return undefined;
    x.by = d;
  }
  for (const f of flags) {
    const [k, v] = f.split('=').map((s) => s.trim());
    if (k === 'criterion' && v) x.criterion = v;
    else if (k === 'sipas' && v) x.sipas = v;
    else if (k === 'source' && v) x.source = v;
    else if (k === 'betterThanPrevious') x.betterThanPrevious = true;
  }
  return x;
}

