import type { Framework, FrameworkNode, MissingSurveyPolicy, PointsStatus } from '../model/framework';
import { issue, type Issue } from '../model/issue';
import { t } from '../i18n';
import type { Lang } from '../i18n/format';
import { unitSchema, type Unit } from '../model/unit';
import { compileFramework, type CompiledFramework } from '../scoring/validate';
import unitsThanhXuan from './units-thanh-xuan-2023.json';
import { BUILTIN_SOURCES } from './sources';
import { pushAll } from '../model/arrays';

/** A built-in criteria set: its raw JSON, validated and compiled once on first use. */
export interface BuiltinFramework {
  id: string;
  name: string;
  /** Whether points are the official ones or illustrative (replace with the decision in force). */
  points: 'official' | 'illustrative' | undefined;
  legalBasis: string | undefined;
  /** The assessment years the decision covers (`to` absent: open-ended). */
  years: { from: number; to?: number | undefined } | undefined;
  /** The validated framework. */
  framework: Framework;
  compiled: CompiledFramework;
  /** Warnings found by validation (errors make the loader skip the set and report it). */
  issues: Issue[];
}

let cache: { list: BuiltinFramework[]; issues: Issue[] } | undefined;

function load(): { list: BuiltinFramework[]; issues: Issue[] } {
  if (cache) return cache;
  const list: BuiltinFramework[] = [];
  const issues: Issue[] = [];
  for (const raw of BUILTIN_SOURCES) {
    const v = compileFramework(raw);
    const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String((raw as { id: unknown }).id) : '?';
    if (!v.framework || !v.compiled) {
      pushAll(issues, v.issues.map((i) => ({ ...i, file: `engine/frameworks/${id}.json` })));
      continue;
    }
    const fw = v.framework;
    list.push({ id: fw.id, name: fw.name, points: fw.meta?.points, legalBasis: fw.meta?.legalBasis, years: fw.meta?.years, framework: fw, compiled: v.compiled, issues: v.issues });
  }
  cache = { list, issues };
  return cache;
}

/**
 * The built-in criteria sets, validated, in display order (see sources.ts). Each has
 * `meta.points` "official" or "illustrative" and `meta.years`, the years its decision covers.
 * @example builtinFrameworks.map((f) => f.id) // ['thanh-xuan-2023', 'hanoi-ward-2940', 'national-province-876', 'national-province-2948', 'service-delivery-766']
 */
export const builtinFrameworks: readonly Framework[] = Object.freeze(load().list.map((b) => b.framework));

/**
 * A built-in set with its compiled form and validation warnings.
 * @example builtinFrameworkInfo('national-province-876')?.years // { from: 2022, to: 2030 }
 */
export function builtinFrameworkInfo(id: string): BuiltinFramework | undefined {
  return load().list.find((f) => f.id === id);
}

/**
 * Problems found while loading the built-in sets (empty unless a JSON file was broken).
 * @example builtinFrameworkIssues().length // 0
 */
export function builtinFrameworkIssues(): readonly Issue[] {
  return load().issues;
}

/**
 * The years a criteria set's decision covers (`meta.years`), in words: "2022–2030", "từ 2025"
 * (en "from 2025"); undefined when the set does not say.
 * @example frameworkYears(getBuiltinFramework('national-province-2948')?.meta?.years, 'vi') // '2017–2021'
 */
export function frameworkYears(years: { from: number; to?: number | undefined } | undefined, lang: Lang): string | undefined {
  if (!years) return undefined;
  // years as strings: a number would get a thousands separator ("2.022")
  if (years.to === undefined) return t('framework.years.from', { from: String(years.from) }, lang);
  if (years.to === years.from) return String(years.from);
  return t('framework.years.range', { from: String(years.from), to: String(years.to) }, lang);
}

/** What a listing shows of a criteria set: years, legal basis, structure, which points are official. */
export interface FrameworkSummary {
  id: string;
  name: string;
  years?: { from: number; to?: number | undefined };
  legalBasis?: string;
  /** The set's `meta.points` (the default for nodes that do not say). */
  points?: PointsStatus;
  /** Nodes marked one by one (`points` on the node). */
  officialNodes: number;
  illustrativeNodes: number;
  /** Top-level nodes (areas) and scored leaves. */
  areas: number;
  leaves: number;
  /** Maximum points of the standard leaves by channel. */
  appraisal: number;
  survey: number;
  missingSurvey: MissingSurveyPolicy;
}

function countMarks(nodes: readonly FrameworkNode[], acc: { official: number; illustrative: number }): void {
  for (const n of nodes) {
    if (n.points === 'official') acc.official++;
    else if (n.points === 'illustrative') acc.illustrative++;
    if (n.children) countMarks(n.children, acc);
  }
}

/**
 * A criteria set summed up for a listing (CLI `parindex frameworks`, docs).
 * @example summarizeFramework(info.framework, info.compiled).survey // 32 for national-province-876
 */
export function summarizeFramework(f: Framework, compiled: CompiledFramework): FrameworkSummary {
  const marks = { official: 0, illustrative: 0 };
  countMarks(f.nodes, marks);
  let appraisal = 0;
  let survey = 0;
  let leaves = 0;
  for (const l of compiled.leaves) {
    if (l.role !== 'standard') continue;
    leaves++;
    if (l.channel === 'survey') survey += l.max;
    else appraisal += l.max;
  }
  return {
    id: f.id,
    name: f.name,
    ...(f.meta?.years ? { years: f.meta.years } : {}),
    ...(f.meta?.legalBasis !== undefined ? { legalBasis: f.meta.legalBasis } : {}),
    ...(f.meta?.points !== undefined ? { points: f.meta.points } : {}),
    officialNodes: marks.official,
    illustrativeNodes: marks.illustrative,
    areas: compiled.nodes.length,
    leaves,
    appraisal,
    survey,
    missingSurvey: f.missingSurvey ?? 'zero',
  };
}

/**
 * Every built-in set summed up, in display order.
 * @example builtinFrameworkSummaries().map((s) => s.years) // [{from: 2023, to: 2023}, …]
 */
export function builtinFrameworkSummaries(): FrameworkSummary[] {
  return load().list.map((b) => summarizeFramework(b.framework, b.compiled));
}

/**
 * One built-in criteria set by id, or undefined.
 * @example getBuiltinFramework('thanh-xuan-2023')?.framework.nodes.length // 6
 */
export function getBuiltinFramework(id: string): Framework | undefined {
  return load().list.find((f) => f.id === id)?.framework;
}

/**
 * Issue for an unknown built-in id, listing the known ones.
 * @example formatIssue(unknownBuiltinIssue('x')) // 'Không có bộ tiêu chí dựng sẵn "x" (có: thanh-xuan-2023, …)'
 */
export function unknownBuiltinIssue(id: string): Issue {
  return issue('framework.unknownBuiltin', { id, known: load().list.map((f) => f.id) });
}

/** The units of Thanh Xuân district in 2023: district QTX, 6 offices, 11 wards. */
export const builtinUnits: readonly Unit[] = Object.freeze(unitsThanhXuan.units.map((u) => unitSchema.parse(u)));
