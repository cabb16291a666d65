import type { Framework } from '../model/framework';
import { issue, type Issue } from '../model/issue';
import { unitSchema, type Unit } from '../model/unit';
import { compileFramework, type CompiledFramework } from '../scoring/validate';
import unitsThanhXuan from './units-thanh-xuan-2023.json';
import { BUILTIN_SOURCES } from './sources';

/** A built-in criteria set: its raw JSON, validated and compiled once on first use. */
export interface BuiltinFramework {
  id: string;
  name: string;
  /** Whether points are the official ones or illustrative (replace with the decision in force). */
  points: 'official' | 'illustrative' | undefined;
  legalBasis: string | undefined;
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
      issues.push(...v.issues.map((i) => ({ ...i, file: `engine/frameworks/${id}.json` })));
      continue;
    }
    const fw = v.framework;
    list.push({ id: fw.id, name: fw.name, points: fw.meta?.points, legalBasis: fw.meta?.legalBasis, framework: fw, compiled: v.compiled, issues: v.issues });
  }
  cache = { list, issues };
  return cache;
}

/**
 * The built-in criteria sets (thanh-xuan-2023, hanoi-ward-2940, national-province-2948),
 * validated. Each has `meta.points` "official" or "illustrative".
 * @example builtinFrameworks.map((f) => f.id) // ['thanh-xuan-2023', 'hanoi-ward-2940', 'national-province-2948']
 */
export const builtinFrameworks: readonly Framework[] = Object.freeze(load().list.map((b) => b.framework));

/**
 * A built-in set with its compiled form and validation warnings.
 * @example builtinFrameworkInfo('national-province-2948')?.points // 'official'
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
