/**
 * The evidence a form asks for: every answerable criterion of a template should say which
 * documents prove it ("Tài liệu kiểm chứng yêu cầu"); one warning per criterion that says none.
 */
import type { Framework } from '../../model/framework';
import type { Unit } from '../../model/unit';
import { issue, type Issue } from '../../model/issue';
import { selectRows } from './select';

/**
 * Criteria answered in the templates of `units` (leaves other than survey ones) with no evidence
 * requirement, one warning each, in the set's order.
 * @example evidenceIssues(framework, templateUnits(framework, units)) // [templates.noEvidence 1.2.3, …]
 */
export function evidenceIssues(framework: Framework, units: readonly Unit[], all: readonly Unit[] = units): Issue[] {
  const missing = new Map<string, { name: string; units: string[] }>();
  for (const unit of units) {
    for (const r of selectRows(framework, all, unit).rows) {
      if (r.kind !== 'leaf' || (r.node.evidence ?? '').trim() !== '') continue;
      const m = missing.get(r.code);
      if (m) m.units.push(unit.code);
      else missing.set(r.code, { name: r.node.name, units: [unit.code] });
    }
  }
  const order = new Map<string, number>();
  const walk = (nodes: Framework['nodes']): void => {
    for (const n of nodes) {
      order.set(n.code, order.size);
      if (n.children) walk(n.children);
    }
  };
  walk(framework.nodes);
  return [...missing]
    .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .map(([code, m]) => issue('templates.noEvidence', { criterion: code, name: m.name, units: m.units }, { criterion: code }, 'warning'));
}
