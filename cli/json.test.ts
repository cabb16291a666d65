import { toJson } from './json';

test('binary noise is dropped, real digits are kept', () => {
  expect(JSON.parse(toJson({ a: 3 - 2.7, b: 0.1 + 0.2, c: 91.43, d: 2 / 3, e: 7, f: null }))).toEqual({ a: 0.3, b: 0.3, c: 91.43, d: 0.666666666666667, e: 7, f: null });
  // 15 significant digits: a value that needs them all survives
  expect(JSON.parse(toJson(86.4912345678901))).toBe(86.4912345678901);
});
