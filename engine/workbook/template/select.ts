import type { Framework, FrameworkNode } from '../../model/framework';
import type { Unit } from '../../model/unit';
import type { CompiledRule, InputSpec } from '../../rules/types';
import { getRuleKind } from '../../rules/registry';
import { pushAll } from '../../model/arrays';

/** A node as it appears in one unit's template. */
export interface TemplateRow {
  node: FrameworkNode;
  code: string;
  depth: number;
  kind: 'group' | 'leaf' | 'survey';
  /** Unit whose assessment this row becomes (an office's rows answer for the district). */
  assessedUnit: string;
  /** Effective (inherited) lead unit. */
  lead?: string;
  input?: InputSpec;
  rule?: CompiledRule;
  /** Maximum shown (leaf max, or the sum of the listed children for a group). */
  max: number;
}

interface Effective {
  lead: string | undefined;
  appliesTo: string[] | undefined;
  coordinators: string[] | undefined;
}

function applies(eff: Effective, kind: string): boolean {
  return eff.appliesTo === undefined || eff.appliesTo.includes(kind);
}

/** Compile a leaf's rule; undefined when the kind is unknown or params are bad (framework validation reports those). */
export function compileLeaf(node: FrameworkNode): CompiledRule | undefined {
  if (!node.rule) return undefined;
  const kind = getRuleKind(node.rule.kind);
  if (!kind) return undefined;
  const res = kind.compile(node.rule, node.max ?? 0);
  return res.ok ? res.rule : undefined;
}

export interface UnitScope {
  rows: TemplateRow[];
  /** Leaf codes the unit coordinates (phối hợp) but does not answer for. */
  coordinates: { code: string; name: string; lead?: string }[];
}

/**
 * Which criteria a unit answers for, as template rows in framework order (parents as groups).
 * - a unit answers the leaves that apply to its own kind (absent `appliesTo` = all kinds), except
 *   an office: it answers the leaves that explicitly apply to offices, plus the district-level
 *   leaves it leads — those rows become assessments of the district unit;
 * - the district unit answers district-level leaves that no listed office leads.
 * @example selectRows(framework, units, { code: 'NV', name: 'Phòng Nội vụ', kind: 'office' })
 */
export function selectRows(framework: Framework, units: readonly Unit[], unit: Unit): UnitScope {
  const district = units.find((u) => u.kind === 'district');
  const officeCodes = new Set(units.filter((u) => u.kind === 'office').map((u) => u.code));
  const rows: TemplateRow[] = [];
  const coordinates: UnitScope['coordinates'] = [];

  const leafTarget = (node: FrameworkNode, eff: Effective): string | undefined => {
    if (unit.kind === 'office') {
      if (eff.appliesTo?.includes('office')) return unit.code;
      if (district && eff.lead === unit.code && applies(eff, district.kind)) return district.code;
      return undefined;
    }
    if (unit.kind === 'district') {
      if (!applies(eff, 'district')) return undefined;
      if (eff.lead !== undefined && officeCodes.has(eff.lead) && eff.lead !== unit.code) return undefined;
      return unit.code;
    }
    return applies(eff, unit.kind) ? unit.code : undefined;
  };

  const walk = (nodes: readonly FrameworkNode[], parent: Effective, depth: number): TemplateRow[] => {
    const out: TemplateRow[] = [];
    for (const node of nodes) {
      const eff: Effective = {
        lead: node.lead ?? parent.lead,
        appliesTo: node.appliesTo ?? parent.appliesTo,
        coordinators: node.coordinators ?? parent.coordinators,
      };
      if (node.children && node.children.length > 0) {
        const inner = walk(node.children, eff, depth + 1);
        if (inner.length === 0) continue;
        const max = inner.filter((r) => r.depth === depth + 1).reduce((s, r) => s + r.max, 0);
        const lead = eff.lead;
        out.push({ node, code: node.code, depth, kind: 'group', assessedUnit: inner[0]?.assessedUnit ?? unit.code, max, ...(lead !== undefined ? { lead } : {}) });
        pushAll(out, inner);
        continue;
      }
      const target = leafTarget(node, eff);
      if (target === undefined) {
        if (eff.coordinators?.includes(unit.code)) {
          coordinates.push({ code: node.code, name: node.name, ...(eff.lead !== undefined ? { lead: eff.lead } : {}) });
        }
        continue;
      }
      const rule = compileLeaf(node);
      const survey = node.channel === 'survey' || rule?.input.type === 'survey';
      const row: TemplateRow = {
        node,
        code: node.code,
        depth,
        kind: survey ? 'survey' : 'leaf',
        assessedUnit: target,
        max: node.max ?? 0,
      };
      if (eff.lead !== undefined) row.lead = eff.lead;
      if (rule) {
        row.rule = rule;
        row.input = rule.input;
      }
      out.push(row);
    }
    return out;
  };
  pushAll(rows, walk(framework.nodes, { lead: undefined, appliesTo: undefined, coordinators: undefined }, 0));
  return { rows, coordinates };
}
