/**
 * JSON for pipelines: numbers keep the 15 significant digits a double carries, which drops
 * binary noise such as 0.2999999999999998 (printed 0.3) without rounding any real value.
 * @example toJson({ lost: 3 - 2.7 }) // '{\n  "lost": 0.3\n}'
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v) ? Number(v.toPrecision(15)) : v), 2);
}
