/**
 * A sum or quotient of decimal points without its binary noise: 15 significant digits, as Excel
 * keeps them. 3 + 4 + 3 + 3 + 2,25 + 2,775 = 18,025 → 18,025 ÷ 20 × 100 gives 90,12499999999999
 * in binary; the index an analyst computes by hand (and Excel shows) is 90,125 → "90,13".
 * Used where scores are kept (engine/scoring) and where numbers are shown (engine/i18n/format).
 * @example tidy(90.12499999999999) // 90.125
 */
export function tidy(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(15)) : x;
}
