/**
 * SIPAS bench: 100,000 respondents × 39 items (built-in instrument) over 11 wards, ~3% blanks,
 * a few out-of-scale answers and sampling weights, scored with the default method.
 * Target: under 0.5 s. Data generation is not timed.
 * Wall time is the measure; CPU time (all threads of the process, GC included) is printed too,
 * because on a shared, busy machine wall time also counts waiting for a core.
 * Run: node bench/sipas.run.cjs
 */
import { scoreSipas, builtinSipasInstrument, instrumentItems, type SipasResponse } from '../engine/sipas';
import { rng } from './synthetic';

export const SIPAS_BENCH_TARGET_SECONDS = 0.5;

export function sipasBenchResponses(respondents = 100_000, seed = 7): SipasResponse[] {
  const rand = rng(seed);
  const ids = instrumentItems(builtinSipasInstrument()).map((i) => i.id);
  const wards = ['HD', 'KD', 'KM', 'KTR', 'KG', 'NC', 'PL', 'TXB', 'TXN', 'TXT', 'TD'];
  const out: SipasResponse[] = new Array(respondents);
  for (let r = 0; r < respondents; r++) {
    const answers: Record<string, number | string | null> = {};
    for (const id of ids) {
      const x = rand();
      answers[id] = x < 0.03 ? null : x < 0.0302 ? 7 : x < 0.45 ? 5 : x < 0.85 ? 4 : x < 0.95 ? 3 : x < 0.99 ? 2 : 1;
    }
    out[r] = { unit: wards[r % wards.length] as string, answers, weight: 0.5 + rand() };
  }
  return out;
}

/** Time one scoring of 100,000 × 39 answers (best of 3 runs after a warm-up). */
export async function benchSipas(): Promise<{ seconds: number; cpuSeconds: number; respondents: number; items: number; ratio: number }> {
  // Through JSON, as `parindex sipas doc.json` receives them (JSON.parse builds fast-mode objects).
  const responses = JSON.parse(JSON.stringify(sipasBenchResponses())) as SipasResponse[];
  const doc = { responses };
  scoreSipas({ responses: responses.slice(0, 2000) }); // warm-up (JIT)
  let best = Infinity;
  let bestCpu = Infinity;
  // Collect the garbage of data generation first when the runner exposes gc (bench/sipas.run.cjs does).
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let k = 0; k < 3; k++) {
    gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const { result } = scoreSipas(doc);
    const dt = (performance.now() - t0) / 1000;
    const c1 = process.cpuUsage(c0);
    if (result.units.length !== 11) throw new Error('bench: expected 11 units');
    best = Math.min(best, dt);
    bestCpu = Math.min(bestCpu, (c1.user + c1.system) / 1e6);
  }
  return { seconds: best, cpuSeconds: bestCpu, respondents: responses.length, items: 39, ratio: best / SIPAS_BENCH_TARGET_SECONDS };
}
