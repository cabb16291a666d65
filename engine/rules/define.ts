import type { CompiledRule, CompileResult, RuleDefinition, RuleKind, RuleIssue } from './types';
import { fromZodIssues, REPORT_INPUT } from '../i18n/zod';

/**
 * Wrap a rule definition into a registry entry: params are parsed with zod once, when the
 * framework is loaded; bad params become issues (code `rule.badParams`), never exceptions.
 */
export function defineRule<P>(def: RuleDefinition<P>): RuleKind {
  return Object.freeze({
    kind: def.kind,
    label: def.label,
    compile(rawParams: Record<string, unknown>, max: number): CompileResult {
      const { kind: _kind, ...rest } = rawParams;
      void _kind;
      const parsed = def.params.safeParse(rest, REPORT_INPUT);
      if (!parsed.success) {
        const issues: RuleIssue[] = fromZodIssues(parsed.error.issues, {}, { code: 'rule.badParams', params: { kind: def.kind } }).map((i) => ({ code: i.code, ...(i.params ? { params: i.params } : {}) }));
        return { ok: false, issues };
      }
      const params = parsed.data;
      const extra = def.check ? def.check(params, max) : [];
      if (extra.some((i) => (i.severity ?? 'error') === 'error')) return { ok: false, issues: extra };
      const rule: CompiledRule = {
        kind: def.kind,
        max,
        input: def.input(params, max),
        score: (input) => def.score(input, params, max),
        explain: (outcome, lang) => def.explain(outcome, params, max, lang),
        describe: (lang) => def.describe(params, max, lang),
        ...(extra.length > 0 ? { warnings: extra } : {}),
      };
      return { ok: true, rule: Object.freeze(rule) };
    },
  });
}
