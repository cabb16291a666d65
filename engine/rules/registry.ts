import type { RuleKind } from './types';
import { pointsRule } from './points';
import { yesNoRule } from './yesNo';
import { levelsRule } from './levels';
import { bandsRule } from './bands';
import { proportionalRule } from './proportional';
import { deductionRule } from './deduction';
import { timelinessRule } from './timeliness';
import { surveyRule } from './survey';
import { perItemRule } from './perItem';
import { formulaRule } from './formula';

/**
 * The table of rule kinds. Add a kind: write one file next to this one with
 * `defineRule({ kind, label, params, input, score, explain, describe })`, then list it here.
 * No registration by import side effects.
 */
export const ruleKinds = Object.freeze({
  points: pointsRule,
  yesNo: yesNoRule,
  levels: levelsRule,
  bands: bandsRule,
  proportional: proportionalRule,
  deduction: deductionRule,
  timeliness: timelinessRule,
  survey: surveyRule,
  perItem: perItemRule,
  formula: formulaRule,
} satisfies Record<string, RuleKind>);

export type RuleKindName = keyof typeof ruleKinds;

export function getRuleKind(kind: string): RuleKind | undefined {
  return Object.prototype.hasOwnProperty.call(ruleKinds, kind) ? ruleKinds[kind as RuleKindName] : undefined;
}
