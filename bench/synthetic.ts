import type { ScoringDocumentInput } from '../engine/model/document';
import type { FrameworkNode } from '../engine/model/framework';
import { rng } from '../files/demo/generate';

/** Deterministic PRNG (mulberry32, shared with the demo's sample generator) so every run measures the same data. */
export { rng };

/**
 * A city-scale scoring document: `units` wards × `criteria` leaves (10 areas), summing to 100.
 * Leaves alternate between points-assessed and yes/no criteria; ~10% carry an appraisal round.
 */
export function syntheticDocument(units: number, criteria: number, seed = 1): ScoringDocumentInput {
  const rand = rng(seed);
  const areas = 10;
  const perArea = Math.ceil(criteria / areas);
  const leafMax = 100 / (areas * perArea);
  const nodes: FrameworkNode[] = [];
  const leaves: { code: string; kind: string }[] = [];
  for (let a = 1; a <= areas; a++) {
    const children: FrameworkNode[] = [];
    for (let c = 1; c <= perArea; c++) {
      const code = `${a}.${c}`;
      const kind = c % 2 === 0 ? 'yesNo' : 'points';
      children.push({ code, name: `Tiêu chí ${code}`, max: leafMax, rule: { kind }, lead: `L${a}` });
      leaves.push({ code, kind });
    }
    nodes.push({ code: String(a), name: `Lĩnh vực ${a}`, max: leafMax * perArea, children });
  }
  const unitList = Array.from({ length: units }, (_, i) => ({ code: `U${i + 1}`, name: `UBND phường ${i + 1}`, kind: 'ward' }));
  const assessments = [];
  for (const u of unitList) {
    for (const leaf of leaves) {
      const r = rand();
      if (leaf.kind === 'yesNo') {
        assessments.push({ unit: u.code, criterion: leaf.code, value: r < 0.85 ? 'Có' : 'Không' });
      } else {
        const self = Math.round(r * 4 * leafMax) / 4;
        const a: { unit: string; criterion: string; self: number; appraisal?: number[]; reason?: string } = { unit: u.code, criterion: leaf.code, self };
        if (rand() < 0.1) {
          a.appraisal = [Math.max(0, self - 0.25)];
          a.reason = 'Thiếu tài liệu kiểm chứng';
        }
        assessments.push(a);
      }
    }
  }
  return {
    framework: { id: `bench-${units}x${criteria}`, name: 'Bench', year: 2026, nodes },
    units: unitList,
    assessments,
  };
}
