/**
 * JSON for pipelines: numbers keep the 15 significant digits a double carries, which drops
 * binary noise such as 0.2999999999999998 (printed 0.3) without rounding any real value.
 * Characters a terminal would act on and JSON.stringify leaves raw (DEL, C1 controls, line and
 * paragraph separators, bidirectional overrides) are written as \uXXXX escapes: the same data,
 * nothing for the terminal to obey.
 * @example toJson({ lost: 3 - 2.7 }) // '{\n  "lost": 0.3\n}'
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v) ? Number(v.toPrecision(15)) : v), 2).replace(
    /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
