import { frameworkSchema, frameworkNodeSchema, DEFAULT_GRADES, type Channel, type Framework, type FrameworkNode, type GradeBand, type NodeRole, type NotApplicablePolicy } from '../model/framework';
import { issue, type Issue } from '../model/issue';
import { fromZodIssues, typeIssue, REPORT_INPUT } from '../i18n/zod';
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

/** A plain object (what a node and a criteria set must be). */
function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A copy of `raw` without the keys zod rejected (their problem is reported already). */
function withoutKeys(raw: Record<string, unknown>, bad: ReadonlySet<string>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!bad.has(k)) kept[k] = v;
  return kept;
}

/** Top-level keys of a zod failure; `undefined` when an issue concerns the whole object (a refinement). */
function rejectedKeys(zodIssues: readonly { path: readonly PropertyKey[] }[]): Set<string> | undefined {
  const bad = new Set<string>();
  for (const zi of zodIssues) {
    const k = zi.path[0];
    if (typeof k !== 'string') return undefined;
    bad.add(k);
  }
  return bad;
}

/** One node's own fields checked apart from its children, so every node of a tree is checked. */
interface NodeCheck {
  /** The node's valid fields (rejected ones left out), children aside; absent when nothing is usable. */
  node?: FrameworkNode;
  /** Its raw children when they are a list. */
  children?: readonly unknown[];
  /** Its code, or its place under its parent ("1.2 › #3") when the code is unusable. */
  label: string;
  /** Whether `label` is the node's own code. */
  named: boolean;
  /** Fields zod rejected (reported): later checks treat them as unknown, not as missing. */
  rejected: ReadonlySet<string>;
  issues: Issue[];
}

const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * Check one node of a criteria tree with the framework's own node schema, its children left
 * out (they are checked one by one in turn). Every problem is reported, named by the node's
 * code and the field; the fields that are valid are kept, so the rest of the checks still run.
 */
function checkNode(raw: unknown, path: (string | number)[], fallback: string): NodeCheck {
  if (!isRecord(raw)) return { label: fallback, named: false, rejected: NO_KEYS, issues: [typeIssue('object', raw, { path, criterion: fallback }, { code: 'framework.badNode' })] };
  const kids = raw['children'];
  const own = 'children' in raw ? { ...raw, children: Array.isArray(kids) ? [] : kids } : raw;
  const first = frameworkNodeSchema.safeParse(own, REPORT_INPUT);
  if (first.success) return { node: first.data, ...(Array.isArray(kids) ? { children: kids } : {}), label: first.data.code, named: true, rejected: NO_KEYS, issues: [] };
  const bad = rejectedKeys(first.error.issues);
  const code = raw['code'];
  const named = typeof code === 'string' && !(bad?.has('code') ?? false);
  const label = named ? code : fallback;
  const issues = fromZodIssues(first.error.issues, { path, criterion: label }, { code: 'framework.badField', relative: true });
  // A refinement of the whole node names no field: nothing of the node is kept.
  if (!bad) return { label, named, rejected: NO_KEYS, issues };
  // Rejected fields left out; a rejected code or name stands in as the label (already reported).
  const kept = { ...withoutKeys(own, bad), code: label, ...(bad.has('name') ? { name: label } : {}) };
  const second = frameworkNodeSchema.safeParse(kept);
  if (!second.success) return { label, named, rejected: bad, issues };
  const children = Array.isArray(kids) && !bad.has('children') ? { children: kids } : {};
  return { node: second.data, ...children, label, named, rejected: bad, issues };
}

/** The criteria set's own fields, its nodes aside (checked node by node). */
interface HeadCheck {
  head: Framework;
  nodes?: readonly unknown[];
  rejected: ReadonlySet<string>;
  issues: Issue[];
}

function checkHead(raw: Record<string, unknown>, basePath: (string | number)[]): HeadCheck {
  const rawNodes = raw['nodes'];
  const own = { ...raw, nodes: Array.isArray(rawNodes) ? [] : rawNodes };
  const nodes = Array.isArray(rawNodes) ? { nodes: rawNodes } : {};
  const first = frameworkSchema.safeParse(own, REPORT_INPUT);
  if (first.success) return { head: first.data, ...nodes, rejected: NO_KEYS, issues: [] };
  const issues = fromZodIssues(first.error.issues, { path: basePath });
  const bad = rejectedKeys(first.error.issues) ?? new Set<string>();
  const kept = { ...withoutKeys(own, bad), ...(bad.has('id') ? { id: '-' } : {}), ...(bad.has('name') ? { name: '-' } : {}), nodes: [] };
  const second = frameworkSchema.safeParse(kept);
  const head: Framework = second.success ? second.data : { id: '-', name: '-', nodes: [] };
  return { head, ...(bad.has('nodes') ? {} : nodes), rejected: bad, issues };
}

/**
 * Check a criteria set and compile every leaf's rule once. Reports every problem in one run —
 * the schema problems of every node, duplicate codes, the rule parameters of every criterion,
 * the maxima sums — each named by the criterion's code (`issue.criterion`) with its node path
 * (`issue.path`). A field that fails the schema is left out of the later checks, so it is
 * reported once: a rejected maximum is not also "missing", and a sum that holds a maximum not
 * known (rejected or missing) is not compared.
 * @example
 * const { compiled, issues } = compileFramework(json);
 * const lines = compiled ? [] : issues.map((i) => formatIssue(i));
 */
export function compileFramework(raw: unknown, basePath: (string | number)[] = []): FrameworkValidation {
  const deep = tooDeepAt(raw);
  if (deep) return { issues: [issue('framework.tooDeep', { max: MAX_TREE_DEPTH, path: [...basePath, ...deep].join('.') }, { path: [...basePath, ...deep] })] };
  if (!isRecord(raw)) return { issues: [typeIssue('object', raw, { path: basePath })] };
  const checkedHead = checkHead(raw, basePath);
  const issues: Issue[] = [...checkedHead.issues];
  let schemaOk = checkedHead.issues.length === 0;
  const head = checkedHead.head;
  const byCode = new Map<string, CompiledNode>();
  const leaves: CompiledNode[] = [];
  /** Nodes whose maximum is not known (rejected, missing, or a sum holding one). */
  const unknownMax = new Set<CompiledNode>();
  const unitKinds = head.unitKinds;
  const defaultNa: NotApplicablePolicy = head.notApplicable ?? 'exclude';

  interface Inherited {
    lead?: string;
    appliesTo?: readonly string[];
    notApplicable: NotApplicablePolicy;
    channel: Channel;
    role: NodeRole;
    area: string;
  }

  const walk = (rawNode: unknown, path: (string | number)[], inh: Inherited, top: boolean, fallback: string): CompiledNode | undefined => {
    const checked = checkNode(rawNode, path, fallback);
    if (checked.issues.length > 0) {
      schemaOk = false;
      for (const i of checked.issues) issues.push(i);
    }
    const node = checked.node;
    if (!node) return undefined;
    const label = checked.label;
    const where = { path, criterion: label };
    if (checked.named && byCode.has(node.code)) {
      const first = byCode.get(node.code);
      issues.push(issue('framework.duplicateCode', { code: node.code, first: first ? first.name : '' }, where));
    }
    const role: NodeRole = top ? (node.role ?? 'standard') : inh.role;
    if (!top && node.role !== undefined && node.role !== inh.role)
      issues.push(issue('framework.roleBelowTop', { role: node.role }, where, 'warning'));
    if (top && (role === 'bonus' || role === 'penalty') && node.cap === undefined && !checked.rejected.has('cap'))
      issues.push(issue('framework.capMissing', { role }, where, 'warning'));
    if (node.appliesTo && unitKinds) {
      const bad = node.appliesTo.filter((k) => !unitKinds.includes(k));
      if (bad.length > 0) issues.push(issue('framework.unknownUnitKind', { kinds: bad, known: unitKinds }, where));
    }
    const lead = node.lead ?? inh.lead;
    const appliesTo = node.appliesTo ?? inh.appliesTo;
    const channel = node.channel ?? inh.channel;
    const notApplicable = node.notApplicable ?? inh.notApplicable;
    const area = top ? label : inh.area;
    const kids = checked.children ?? [];
    const compiled: CompiledNode = {
      code: label,
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
      surveyKey: node.source ?? label,
      path,
      leaf: kids.length === 0,
      children: [],
      source: node,
    };
    if (checked.named && !byCode.has(node.code)) byCode.set(node.code, compiled);
    const next: Inherited = {
      ...(lead !== undefined ? { lead } : {}),
      ...(appliesTo !== undefined ? { appliesTo } : {}),
      notApplicable,
      channel,
      role,
      area,
    };
    if (!compiled.leaf) {
      let sumKnown = true;
      kids.forEach((c, i) => {
        const child = walk(c, [...path, 'children', i], next, false, `${label} › #${i + 1}`);
        if (!child) sumKnown = false;
        else {
          compiled.children.push(child);
          if (unknownMax.has(child)) sumKnown = false;
        }
      });
      compiled.source = { ...node, children: compiled.children.map((c) => c.source) };
      const sum = compiled.children.reduce((s, c) => s + c.max, 0);
      if (node.max !== undefined && sumKnown && Math.abs(node.max - sum) > POINTS_EPS)
        issues.push(issue('framework.maxMismatch', { declared: node.max, sum }, where));
      compiled.max = node.max ?? sum;
      if (node.max === undefined && !sumKnown) unknownMax.add(compiled);
      if (node.rule) issues.push(issue('framework.ruleOnParent', { kind: node.rule.kind }, where, 'warning'));
      return compiled;
    }
    if (node.max === undefined) unknownMax.add(compiled);
    // Children that are not a list: whether this is a leaf is not known, so leaf checks wait.
    if (checked.rejected.has('children')) return compiled;
    leaves.push(compiled);
    const missing: string[] = [];
    if (node.max === undefined && !checked.rejected.has('max')) missing.push('max');
    if (node.rule === undefined && !checked.rejected.has('rule')) missing.push('rule');
    if (missing.length > 0) issues.push(issue('framework.leafIncomplete', { missing }, where));
    const spec = node.rule;
    if (spec === undefined) return compiled;
    const kind = getRuleKind(spec.kind);
    if (!kind) {
      issues.push(issue('rule.unknownKind', { kind: spec.kind, known: KNOWN_KINDS() }, { path: [...path, 'rule', 'kind'], criterion: label }));
      return compiled;
    }
    // Without a known maximum the parameters are still checked (no award can exceed it).
    const result = kind.compile(spec, node.max ?? Number.POSITIVE_INFINITY);
    if (!result.ok) {
      for (const ri of result.issues)
        issues.push(issue(ri.code, ri.params ?? {}, { path: [...path, 'rule'], criterion: label }, ri.severity ?? 'error'));
      return compiled;
    }
    for (const w of result.rule.warnings ?? [])
      issues.push(issue(w.code, w.params ?? {}, { path: [...path, 'rule'], criterion: label }, 'warning'));
    if (node.max !== undefined) compiled.rule = result.rule;
    if (channel === 'survey' && !surveyCapable(result.rule))
      issues.push(issue('framework.surveyRule', { kind: spec.kind }, where, 'warning'));
    return compiled;
  };

  const rootInh: Inherited = { notApplicable: defaultNa, channel: 'appraisal', role: 'standard', area: '' };
  const rawNodes = checkedHead.nodes ?? [];
  const nodes: CompiledNode[] = [];
  let totalKnown = !checkedHead.rejected.has('total') && !checkedHead.rejected.has('nodes');
  rawNodes.forEach((n, i) => {
    const node = walk(n, [...basePath, 'nodes', i], rootInh, true, `#${i + 1}`);
    if (!node) totalKnown = false;
    else nodes.push(node);
  });

  const total = head.total ?? 100;
  const standard = nodes.filter((n) => n.role === 'standard');
  const standardSum = standard.reduce((s, n) => s + n.max, 0);
  if (totalKnown && standard.every((n) => !unknownMax.has(n)) && nodes.length > 0 && Math.abs(standardSum - total) > POINTS_EPS)
    issues.push(issue('framework.totalMismatch', { total, sum: standardSum }, { path: [...basePath, 'nodes'] }));
  if (checkedHead.nodes && rawNodes.length === 0) issues.push(issue('framework.empty', {}, { path: [...basePath, 'nodes'] }));

  const grades = [...(head.grades ?? DEFAULT_GRADES)].sort((a, b) => b.min - a.min);
  const seenGrades = new Set<string>();
  for (const [i, g] of (head.grades ?? []).entries()) {
    if (seenGrades.has(g.grade)) issues.push(issue('framework.duplicateGrade', { grade: g.grade }, { path: [...basePath, 'grades', i] }));
    seenGrades.add(g.grade);
  }

  // The criteria set as data only when every field of every node passed the schema.
  if (!schemaOk) return { issues };
  const framework: Framework = { ...head, nodes: nodes.map((n) => n.source) };
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
