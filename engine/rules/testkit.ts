import { getRuleKind } from './registry';
import type { CompiledRule, RuleIssue } from './types';

/**
 * Helpers for tests and tools: compile a rule spec `{kind, ...params}` for a maximum.
 * @example compileRule({ kind: 'bands', bands: [...] }, 1).score({ value: '95%' })
 */
export function compileRule(spec: { kind: string } & Record<string, unknown>, max: number): CompiledRule {
  const k = getRuleKind(spec.kind);
  if (!k) throw new Error(`unknown rule kind ${spec.kind}`);
  const r = k.compile(spec, max);
  if (!r.ok) throw new Error(`rule does not compile: ${JSON.stringify(r.issues)}`);
  return r.rule;
}

/** Issue codes a spec raises at compile time (errors and warnings; [] when clean). */
export function compileIssues(spec: { kind: string } & Record<string, unknown>, max: number): RuleIssue[] {
  const k = getRuleKind(spec.kind);
  if (!k) return [{ code: 'rule.unknownKind', params: { kind: spec.kind } }];
  const r = k.compile(spec, max);
  return r.ok ? (r.rule.warnings ?? []) : r.issues;
}
