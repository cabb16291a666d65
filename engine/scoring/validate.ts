import { frameworkSchema, DEFAULT_GRADES, type Channel, type Framework, type FrameworkNode, type GradeBand, type NodeRole, type NotApplicablePolicy } from '../model/framework';
import { issue, type Issue } from '../model/issue';
import { fromZodIssues, REPORT_INPUT } from '../i18n/zod';
import { getRuleKind, ruleKinds } from '../rules/registry';
import type { CompiledRule } from '../rules/types';

/** Tolerance when comparing sums of points written as decimals (0.1 + 0.2 ≠ 0.3). */
export const POINTS_EPS = 1e-6;
/** Default tie tolerance between two indices (index points). */
export const DEFAULT_TIE_EPSILON = 1e-9;
/** Default target index used for colours and target gaps. */
export const DEFAULT_TARGET = 90;

/**
 * A framework node after validation: inherited fields resolved, the rule compiled once.
 * Scoring, gaps and what-if work on this tree only.
 */
export interface CompiledNode {
  code: string;
  name: string;
  nameEn?: string;
  role: NodeRole;
  channel: Channel;
  /** Lead unit code, inherited from the nearest ancestor that sets one. */
  lead?: string;
  coordinators?: string[];
  /** Unit kinds this node applies to, inherited; undefined = every kind. */
  appliesTo?: readonly string[];
  /** Effective N/A policy (leaf's own, else an ancestor's, else the framework default). */
  notApplicable: NotApplicablePolicy;
  /** Declared maximum; for a parent without one, the sum of its children's maxima. */
  max: number;
  cap?: number;
  /** Code of the top-level node (area) this node belongs to. */
  area: string;
  /** Key into the document's `surveyIndices[unit]` (node.source ?? node.code). */
  surveyKey: string;
  /** JSON path of the node inside the framework. */
  path: (string | number)[];
  /** Compiled rule (leaves only; absent when the rule could not be compiled). */
  rule?: CompiledRule;
  leaf: boolean;
  children: CompiledNode[];
  source: FrameworkNode;
}

export interface CompiledFramework {
  framework: Framework;
  nodes: CompiledNode[];
  /** Every node by code (first occurrence when duplicated). */
  byCode: ReadonlyMap<string, CompiledNode>;
  /** Leaves in tree order. */
  leaves: readonly CompiledNode[];
  /** Declared total of the standard nodes (default 100). */
  total: number;
  /** Grade bands, highest minimum first. */
  grades: readonly GradeBand[];
  tieEpsilon: number;
  target: number;
}

export interface FrameworkValidation {
  framework?: Framework;
  /** Present when the framework has no errors (warnings allowed). */
  compiled?: CompiledFramework;
  issues: Issue[];
}

const KNOWN_KINDS = (): string[] => Object.keys(ruleKinds);

/** Rule kinds that read the survey index: those whose input is a survey index. */
function surveyCapable(rule: CompiledRule): boolean {
  return rule.input.type === 'survey' || rule.kind === 'survey';
}

/** Deepest nesting of `children` accepted (real criteria sets have 3–4 levels). */
export const MAX_TREE_DEPTH = 32;

/**
 * Path of the first node nested deeper than MAX_TREE_DEPTH, found without recursion, so that
 * an absurdly deep tree becomes an issue instead of exhausting the stack in the schema parser.
 */
export function tooDeepAt(raw: unknown): (string | number)[] | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const nodes = (raw as { nodes?: unknown }).nodes;
  if (!Array.isArray(nodes)) return undefined;
  const stack: { list: readonly unknown[]; path: (string | number)[]; depth: number }[] = [{ list: nodes, path: ['nodes'], depth: 1 }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    for (let i = 0; i < top.list.length; i++) {
      const n: unknown = top.list[i];
      if (typeof n !== 'object' || n === null) continue;
      const children = (n as { children?: unknown }).children;
      if (!Array.isArray(children)) continue;
      const path = [...top.path, i, 'children'];
      if (top.depth + 1 > MAX_TREE_DEPTH) return path;
      stack.push({ list: children, path, depth: top.depth + 1 });
    }
  }
  return undefined;
}

/**
 * Check a criteria set and compile every leaf's rule once. Reports every problem in one run,
 * each with its node path (`issue.path`) and criterion code.
 * @example
 * const { compiled, issues } = compileFramework(json);
 * const lines = compiled ? [] : issues.map((i) => formatIssue(i));
 */
export function compileFramework(raw: unknown, basePath: (string | number)[] = []): FrameworkValidation {
  const deep = tooDeepAt(raw);
  if (deep) return { issues: [issue('framework.tooDeep', { max: MAX_TREE_DEPTH, path: [...basePath, ...deep].join('.') }, { path: [...basePath, ...deep] })] };
  const parsed = frameworkSchema.safeParse(raw, REPORT_INPUT);
  if (!parsed.success) return { issues: fromZodIssues(parsed.error.issues, { path: basePath }) };
  const framework = parsed.data;
  const issues: Issue[] = [];
  const byCode = new Map<string, CompiledNode>();
  const leaves: CompiledNode[] = [];
  const unitKinds = framework.unitKinds;
  const defaultNa: NotApplicablePolicy = framework.notApplicable ?? 'exclude';

  interface Inherited {
    lead?: string;
    appliesTo?: readonly string[];
    notApplicable: NotApplicablePolicy;
    channel: Channel;
    role: NodeRole;
    area: string;
  }

  const walk = (node: FrameworkNode, path: (string | number)[], inh: Inherited, top: boolean): CompiledNode => {
    const where = { path, criterion: node.code };
    if (byCode.has(node.code)) {
      const first = byCode.get(node.code);
      issues.push(issue('framework.duplicateCode', { code: node.code, first: first ? first.path.join('.') : '' }, where));
    }
    const role: NodeRole = top ? (node.role ?? 'standard') : inh.role;
    if (!top && node.role !== undefined && node.role !== inh.role)
      issues.push(issue('framework.roleBelowTop', { role: node.role }, where, 'warning'));
    if (top && (role === 'bonus' || role === 'penalty') && node.cap === undefined)
      issues.push(issue('framework.capMissing', { role }, where, 'warning'));
    if (node.appliesTo && unitKinds) {
      const bad = node.appliesTo.filter((k) => !unitKinds.includes(k));
      if (bad.length > 0) issues.push(issue('framework.unknownUnitKind', { kinds: bad, known: unitKinds }, where));
    }
    const lead = node.lead ?? inh.lead;
    const appliesTo = node.appliesTo ?? inh.appliesTo;
    const channel = node.channel ?? inh.channel;
    const notApplicable = node.notApplicable ?? inh.notApplicable;
    const area = top ? node.code : inh.area;
    const compiled: CompiledNode = {
      code: node.code,
      name: node.name,
      ...(node.nameEn !== undefined ? { nameEn: node.nameEn } : {}),
      role,
      channel,
      ...(lead !== undefined ? { lead } : {}),
      ...(node.coordinators !== undefined ? { coordinators: node.coordinators } : {}),
      ...(appliesTo !== undefined ? { appliesTo } : {}),
      notApplicable,
      max: node.max ?? 0,
      ...(node.cap !== undefined ? { cap: node.cap } : {}),
      area,
      surveyKey: node.source ?? node.code,
      path,
      leaf: !(node.children && node.children.length > 0),
      children: [],
      source: node,
    };
    if (!byCode.has(node.code)) byCode.set(node.code, compiled);
    const next: Inherited = {
      ...(lead !== undefined ? { lead } : {}),
      ...(appliesTo !== undefined ? { appliesTo } : {}),
      notApplicable,
      channel,
      role,
      area,
    };
    if (!compiled.leaf) {
      const kids = node.children ?? [];
      compiled.children = kids.map((c, i) => walk(c, [...path, 'children', i], next, false));
      const sum = compiled.children.reduce((s, c) => s + c.max, 0);
      if (node.max !== undefined && Math.abs(node.max - sum) > POINTS_EPS)
        issues.push(issue('framework.maxMismatch', { declared: node.max, sum }, where));
      compiled.max = node.max ?? sum;
      if (node.rule) issues.push(issue('framework.ruleOnParent', { kind: node.rule.kind }, where, 'warning'));
      return compiled;
    }
    leaves.push(compiled);
    const missing: string[] = [];
    if (node.max === undefined) missing.push('max');
    if (node.rule === undefined) missing.push('rule');
    if (missing.length > 0) {
      issues.push(issue('framework.leafIncomplete', { missing }, where));
      return compiled;
    }
    const spec = node.rule;
    const max = node.max;
    if (spec === undefined || max === undefined) return compiled;
    const kind = getRuleKind(spec.kind);
    if (!kind) {
      issues.push(issue('rule.unknownKind', { kind: spec.kind, known: KNOWN_KINDS() }, { path: [...path, 'rule', 'kind'], criterion: node.code }));
      return compiled;
    }
    const result = kind.compile(spec, max);
    if (!result.ok) {
      for (const ri of result.issues)
        issues.push(issue(ri.code, ri.params ?? {}, { path: [...path, 'rule'], criterion: node.code }, ri.severity ?? 'error'));
      return compiled;
    }
    for (const w of result.rule.warnings ?? [])
      issues.push(issue(w.code, w.params ?? {}, { path: [...path, 'rule'], criterion: node.code }, 'warning'));
    compiled.rule = result.rule;
    if (channel === 'survey' && !surveyCapable(result.rule))
      issues.push(issue('framework.surveyRule', { kind: spec.kind }, where, 'warning'));
    return compiled;
  };

  const rootInh: Inherited = { notApplicable: defaultNa, channel: 'appraisal', role: 'standard', area: '' };
  const nodes = framework.nodes.map((n, i) => walk(n, [...basePath, 'nodes', i], rootInh, true));

  const total = framework.total ?? 100;
  const standardSum = nodes.filter((n) => n.role === 'standard').reduce((s, n) => s + n.max, 0);
  if (nodes.length > 0 && Math.abs(standardSum - total) > POINTS_EPS)
    issues.push(issue('framework.totalMismatch', { total, sum: standardSum }, { path: [...basePath, 'nodes'] }));
  if (nodes.length === 0) issues.push(issue('framework.empty', {}, { path: [...basePath, 'nodes'] }));

  const grades = [...(framework.grades ?? DEFAULT_GRADES)].sort((a, b) => b.min - a.min);
  const seenGrades = new Set<string>();
  for (const [i, g] of (framework.grades ?? []).entries()) {
    if (seenGrades.has(g.grade)) issues.push(issue('framework.duplicateGrade', { grade: g.grade }, { path: [...basePath, 'grades', i] }));
    seenGrades.add(g.grade);
  }

  const hasError = issues.some((i) => i.severity === 'error');
  const compiled: CompiledFramework = {
    framework,
    nodes,
    byCode,
    leaves,
    total,
    grades,
    tieEpsilon: framework.tieEpsilon ?? DEFAULT_TIE_EPSILON,
    target: framework.target ?? DEFAULT_TARGET,
  };
  return hasError ? { framework, issues } : { framework, compiled, issues };
}
