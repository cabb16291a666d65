import { z } from 'zod';
import { formatNumber, type Lang } from '../i18n/format';
import { defineRule } from './define';
import { EPS, missingText, pointsOf, preamble, scored, unusable, valueText } from './common';
import { analyseFormula, evaluateExpr, MAX_FORMULA_LENGTH, NAME_RE, normaliseFormula, RESERVED, variablesOf, type Expr, type Refusal } from './formulaExpr';
import type { RuleIssue } from './types';
import { parseNumber } from './value';

const variableSchema = z.union([
  z.string(),
  z.object({ name: z.string(), label: z.string().optional(), labelEn: z.string().optional() }).strict(),
]);

const paramsSchema = z
  .object({
    /** e.g. "min(dungHan / tong * max, max)". `max` is the leaf maximum. */
    formula: z.string().trim().min(1).max(MAX_FORMULA_LENGTH),
    /** Names the unit declares (the value is {name: number}); optional labels for templates. */
    variables: z.array(variableSchema).optional(),
  })
  .strict();
export type FormulaParams = z.infer<typeof paramsSchema>;

interface Variable {
  name: string;
  label?: string | undefined;
  labelEn?: string | undefined;
}

/** The variables a formula rule declares, names first. */
export function formulaVariables(p: FormulaParams): Variable[] {
  return (p.variables ?? []).map((v) => (typeof v === 'string' ? { name: v } : v));
}

/** The checked tree of each params object, computed once (params are frozen after compile). */
const analyses = new WeakMap<FormulaParams, { expr: Expr } | { refusal: Refusal }>();
function analysis(p: FormulaParams): { expr: Expr } | { refusal: Refusal } {
  let a = analyses.get(p);
  if (!a) {
    a = analyseFormula(p.formula, new Set(formulaVariables(p).map((v) => v.name)));
    analyses.set(p, a);
  }
  return a;
}

function scalarText(v: unknown): string {
  return valueText(v);
}

/**
 * `formula`: points from a formula over declared variables, evaluated by our own evaluator
 * over an allow-listed tree; result clamped to [0, max].
 * @example { "kind": "formula", "formula": "min(dungHan / tong * max, max)", "variables": ["dungHan", "tong"] }
 */
export const formulaRule = defineRule({
  kind: 'formula',
  label: { vi: 'Theo công thức', en: 'Formula' },
  params: paramsSchema,
  check(p) {
    const issues: RuleIssue[] = [];
    const seen = new Set<string>();
    for (const v of formulaVariables(p)) {
      const reason = !NAME_RE.test(v.name) ? 'pattern' : RESERVED.has(v.name) ? 'reserved' : seen.has(v.name) ? 'duplicate' : undefined;
      if (reason) issues.push({ code: 'rule.formulaVariable', params: { name: v.name, reason } });
      seen.add(v.name);
    }
    if (issues.length > 0) return issues;
    const a = analysis(p);
    if ('refusal' in a) {
      const r = a.refusal;
      issues.push({
        code: 'rule.formulaSyntax',
        params: { formula: p.formula, token: r.token, reason: r.reason, ...(r.pos !== undefined ? { pos: r.pos } : {}), allowed: ['max', ...seen] },
      });
    }
    return issues;
  },
  input: (p) => ({ type: 'vars', names: formulaVariables(p).map((v) => v.name) }),
  score(input, p, max) {
    const pre = preamble(input.value);
    if (pre) return pre;
    const a = analysis(p);
    if ('refusal' in a) return unusable({ code: 'rule.formulaSyntax', params: { formula: p.formula, token: a.refusal.token, reason: a.refusal.reason } });
    const names = formulaVariables(p).map((v) => v.name);
    const v = input.value;
    const raw: Record<string, unknown> =
      typeof v === 'object' && v !== null ? v : names.length === 1 && names[0] !== undefined ? { [names[0]]: v } : {};
    if (!(typeof v === 'object' && v !== null) && names.length !== 1)
      return unusable({ code: 'rule.notAChoice', params: { value: scalarText(v), choices: names } });
    const scope = new Map<string, number>([['max', max]]);
    const used = variablesOf(a.expr);
    const shown: string[] = [];
    for (const name of names) {
      const has = Object.prototype.hasOwnProperty.call(raw, name);
      const x = has ? raw[name] : undefined;
      if (x === undefined || x === null || x === '') {
        if (used.has(name)) return unusable({ code: 'rule.formulaMissingVar', params: { name } });
        continue;
      }
      const n = typeof x === 'string' || typeof x === 'number' ? parseNumber(x) : undefined;
      if (n === undefined) return unusable({ code: 'rule.notANumber', params: { value: `${name} = ${scalarText(x)}` } });
      scope.set(name, n);
      shown.push(`${name}=${n}`);
    }
    const result = evaluateExpr(a.expr, scope);
    if (!Number.isFinite(result)) return unusable({ code: 'rule.formulaNonFinite', params: { formula: p.formula } }, { vars: shown.join(';') });
    return scored(result, max, { raw: result, vars: shown.join(';') });
  },
  explain(o, p, max, lang) {
    const m = missingText(o, lang);
    if (m) return m;
    const vi = lang === 'vi';
    const vars = typeof o.facts.vars === 'string' && o.facts.vars !== '' ? o.facts.vars.split(';') : [];
    const withVars = vars
      .map((s) => {
        const [name, val] = s.split('=');
        return `${name} = ${formatNumber(Number(val), lang, 4)}`;
      })
      .join(', ');
    const f = normaliseFormula(p.formula);
    const head = vi ? `công thức ${f}` : `formula ${f}`;
    const w = withVars ? (vi ? ` với ${withVars}` : ` with ${withVars}`) : '';
    const raw = typeof o.facts.raw === 'number' ? o.facts.raw : o.points;
    const clamp = Math.abs(raw - o.points) > EPS ? (vi ? ` (kết quả ${formatNumber(raw, lang)}, giới hạn trong [0; ${formatNumber(max, lang)}])` : ` (result ${formatNumber(raw, lang)}, limited to [0, ${formatNumber(max, lang)}])`) : '';
    return `${head}${w}${clamp}: ${pointsOf(o.points, max, lang)}`;
  },
  describe(p, max, lang: Lang) {
    const vi = lang === 'vi';
    const labelled = formulaVariables(p)
      .filter((v) => (vi ? v.label : (v.labelEn ?? v.label)) !== undefined)
      .map((v) => `${v.name}: ${vi ? v.label : (v.labelEn ?? v.label)}`);
    const legend = labelled.length > 0 ? ` (${labelled.join('; ')})` : '';
    // as a person reads it: × ÷ ≤ ≥ ≠ rather than * / <= >= !=
    const f = normaliseFormula(p.formula).replace(/\s*<=\s*/g, ' ≤ ').replace(/\s*>=\s*/g, ' ≥ ').replace(/\s*!=\s*/g, ' ≠ ').replace(/\s*\*\s*/g, ' × ').replace(/\s*\/\s*/g, ' ÷ ');
    return vi
      ? `Điểm = ${f}${legend}; max = ${formatNumber(max, lang)} điểm; kết quả giới hạn trong 0 đến ${formatNumber(max, lang)} điểm`
      : `Points = ${f}${legend}; max = ${formatNumber(max, lang)}; result limited to 0–${formatNumber(max, lang)}`;
  },
});

/** Params of this kind, for readers that translate the rule (the templates' provisional-points formulas). */
export { paramsSchema as formulaParams };
