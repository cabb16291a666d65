/** Rule kinds of the scoring engine: the table, the types, and the value readers they share. */
export { ruleKinds, getRuleKind, type RuleKindName } from './registry';
export { defineRule } from './define';
export type { CompiledRule, CompileResult, Fact, InputSpec, RuleDefinition, RuleInput, RuleIssue, RuleKind, RuleOutcome } from './types';
export { fold, isNotApplicableValue, parseYesNo, parseNumber, parseRate, clampPoints } from './value';
export { parseDay, parseIsoDay, type Day } from './dates';
export { compileRule, compileIssues } from './testkit';
