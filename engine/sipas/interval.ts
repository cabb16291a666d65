import { Z95 } from './method';

/**
 * Wilson score interval for a proportion, in percent.
 * p in [0, 1], n > 0 (may be a Kish effective sample size, not an integer).
 * centre = (p + z²/2n) / (1 + z²/n); half = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²).
 * @example wilson(0.5, 100) // { low: 40.383…, high: 59.616… }
 */
export function wilson(p: number, n: number, z = Z95): { low: number; high: number } {
  if (!(n > 0)) return { low: 0, high: 100 };
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt(Math.max(0, (p * (1 - p)) / n + z2 / (4 * n * n)));
  return { low: Math.max(0, centre - half) * 100, high: Math.min(1, centre + half) * 100 };
}

/** estimate ± z·se, clamped to [0, 100]; with no usable variance (se undefined) the whole range. */
export function normalInterval(estimate: number, se: number | undefined, z = Z95): { low: number; high: number } {
  if (se === undefined || !Number.isFinite(se)) return { low: 0, high: 100 };
  return { low: Math.max(0, estimate - z * se), high: Math.min(100, estimate + z * se) };
}
