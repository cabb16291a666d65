import type { z } from 'zod';
import type { AssessedValue } from '../model/assessment';
import type { IssueParams, MessageCode } from '../model/issue';
import type { Lang } from '../i18n/format';

/** What a unit must enter for a leaf: drives template cells (dropdowns, limits, dates). */
export type InputSpec =
  | { type: 'choice'; choices: string[] }
  | { type: 'number'; min?: number; max?: number; integer?: boolean; unit?: string }
  /** A rate in percent, 0–100 (a cell formatted as % holding 0.87 is read as 87). */
  | { type: 'rate' }
  /** A date cell; `choices` are words also accepted instead of a date ("Chưa thực hiện"). */
  | { type: 'date'; choices?: string[] }
  /** Points entered directly (0..max in 0.25 steps). */
  | { type: 'points' }
  /** Named variables for a formula; the value is an object { name: number }. */
  | { type: 'vars'; names: string[] }
  /** No declared value: points come from a survey index. */
  | { type: 'survey' };

/** A rule-level problem; the caller adds the location (unit, criterion, cell). */
export interface RuleIssue {
  code: MessageCode;
  params?: IssueParams;
  severity?: 'error' | 'warning';
}

export interface RuleInput {
  /** Declared value (số liệu kê khai). */
  value: AssessedValue | undefined;
  /** Self-score, used by `points` when no value is given. */
  self?: number | undefined;
  /** Satisfaction index (0–100) resolved for this unit and leaf, used by `survey`. */
  survey?: number | undefined;
}

export type Fact = string | number | boolean | null;

export interface RuleOutcome {
  /** Points in [0, max]. */
  points: number;
  /** True when no usable input was found (points are then 0). */
  missing: boolean;
  issues: RuleIssue[];
  /** Values seen and intermediate results, used by `explain`. */
  facts: Record<string, Fact>;
}

/** A rule kind: params schema, pure score, explanation in words. One file per kind. */
export interface RuleDefinition<P> {
  kind: string;
  /** Short label for pickers and docs. */
  label: { vi: string; en: string };
  params: z.ZodType<P>;
  /** Extra checks of params against the leaf's maximum (ordering, allow-lists…). */
  check?(params: P, max: number): RuleIssue[];
  input(params: P, max: number): InputSpec;
  score(input: RuleInput, params: P, max: number): RuleOutcome;
  /** Why the leaf got these points, e.g. "tỷ lệ 87% < 95%: 0,5/1 điểm". */
  explain(outcome: RuleOutcome, params: P, max: number, lang: Lang): string;
  /** The rule in words (cách tính điểm), for templates and reports. */
  describe(params: P, max: number, lang: Lang): string;
}

/** A rule bound to its params and maximum: what the scorer calls. */
export interface CompiledRule {
  kind: string;
  max: number;
  input: InputSpec;
  score(input: RuleInput): RuleOutcome;
  explain(outcome: RuleOutcome, lang: Lang): string;
  describe(lang: Lang): string;
  /** Non-blocking findings of `check` (severity warning), e.g. bands leaving a gap. */
  warnings?: RuleIssue[];
}

export type CompileResult = { ok: true; rule: CompiledRule } | { ok: false; issues: RuleIssue[] };

/** Type-erased rule kind, so the registry can hold kinds with different params. */
export interface RuleKind {
  kind: string;
  label: { vi: string; en: string };
  compile(rawParams: Record<string, unknown>, max: number): CompileResult;
}
