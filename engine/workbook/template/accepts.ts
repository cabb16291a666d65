/**
 * What the "Số liệu kê khai" cell of a template row takes, from the leaf's rule: the same wordings
 * the rule reads (docs/rules.md). The template writer uses it to choose the cell's Excel check
 * (one that lets every documented wording through, or none) and the importer to word its
 * messages ("hãy nhập số nguyên, ví dụ 3, hoặc 3/4").
 *
 * The importer itself accepts whatever the rule reads (parse.ts asks the rule); this table only
 * lists the wordings beyond the cell's InputSpec type, which an Excel type check would refuse.
 */
import type { CompiledRule, InputSpec } from '../../rules/types';
import { getRuleKind } from '../../rules/registry';
import type { RuleSpec } from '../../model/framework';
import type { AssessedValue } from '../../model/assessment';

/**
 * Wordings a rule kind documents for a cell besides its InputSpec type, by kind.
 * perItem: "3/4" (3 of 4 due done on time); deduction: "Không vi phạm"; rates: "18/20".
 */
function textForms(kind: string | undefined, spec: InputSpec): string[] {
  if (spec.type === 'rate') return ['18/20'];
  if (spec.type !== 'number') return [];
  if (kind === 'perItem') return [spec.max !== undefined ? `${Math.min(3, spec.max)}/${spec.max}` : '3/4'];
  if (kind === 'deduction') return ['Không vi phạm'];
  return [];
}

/** What a value cell takes, for the writer (Excel check) and the importer (messages). */
export interface ValueCell {
  /**
   * The Excel check the cell may carry: every documented wording passes it. `none` when the rule
   * also takes text that no Excel type check lets through ("4/4", "Không vi phạm", "18/20").
   */
  check: 'list' | 'number' | 'date' | 'none';
  /** Items of the dropdown (choices, then the aliases the rule also reads). */
  list: string[];
  /** Number format of the cell: "@" (text) when it takes text forms, so Excel keeps "4/4" as typed. */
  numFmt?: string;
  /** Count cell: whole numbers only. */
  count: boolean;
  /** One typical answer for messages (a number is shown in the reader's decimal convention). */
  example: number | string;
  /** Documented text wordings beyond the cell type ("3/4", "Không vi phạm", "18/20"). */
  forms: string[];
}

/** Aliases a rule's params declare for its labels (levels, severities): `[{label, aliases: [...]}]`. */
function aliasesOf(rule: RuleSpec | undefined): string[] {
  if (!rule) return [];
  const out: string[] = [];
  for (const v of Object.values(rule)) {
    if (!Array.isArray(v)) continue;
    for (const item of v as unknown[]) {
      if (typeof item !== 'object' || item === null || !('aliases' in item)) continue;
      const aliases: unknown = item.aliases;
      if (Array.isArray(aliases)) for (const a of aliases as unknown[]) if (typeof a === 'string' && a.trim() !== '') out.push(a.trim());
    }
  }
  return out;
}

/** A number inside [min, max] to show as an example: 2.5 (a decimal comma shows), else the bounds. */
function exampleNumber(spec: { min?: number; max?: number; integer?: boolean }): number {
  const want = spec.integer ? 3 : 2.5;
  const lo = spec.min ?? 0;
  const hi = spec.max ?? Number.POSITIVE_INFINITY;
  return Math.min(Math.max(want, lo), hi);
}

/**
 * The value cell of a leaf with this InputSpec, scored by a rule of `kind` with raw params `rule`.
 * @example valueCell('perItem', { type: 'number', min: 0, max: 4, integer: true }).forms // ["3/4"]
 */
export function valueCell(kind: string | undefined, spec: InputSpec, rule?: RuleSpec): ValueCell {
  const forms = textForms(kind, spec);
  switch (spec.type) {
    case 'choice':
      return { check: 'list', list: [...spec.choices, ...aliasesOf(rule).filter((a) => !spec.choices.includes(a))], count: false, example: spec.choices[0] ?? '', forms };
    case 'number': {
      const example = exampleNumber(spec);
      return forms.length > 0
        ? { check: 'none', list: [], numFmt: '@', count: spec.integer === true, example, forms }
        : { check: 'number', list: [], count: spec.integer === true, example, forms };
    }
    case 'rate':
      return { check: 'none', list: [], numFmt: '@', count: false, example: 87.5, forms };
    case 'date':
      // a date check stops text, so a cell that also takes words ("Chưa thực hiện") has none
      return { check: spec.choices && spec.choices.length > 0 ? 'none' : 'date', list: [], numFmt: 'dd/mm/yyyy', count: false, example: '25/07/2023', forms: spec.choices ?? [] };
    case 'vars':
      return { check: 'none', list: [], numFmt: '@', count: false, example: spec.names.map((n) => `${n} = 1`).join('; '), forms };
    case 'points':
    case 'survey':
      return { check: 'none', list: [], count: false, example: '', forms };
  }
}

/** A rule stored as JSON (the template's metadata keeps each row's rule); undefined when unreadable. */
export function storedRule(json: string | undefined): RuleSpec | undefined {
  if (!json) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('kind' in raw) || typeof raw.kind !== 'string') return undefined;
  return { ...(raw as Record<string, unknown>), kind: raw.kind };
}

/** Compile a stored rule for a leaf of this maximum; undefined when unknown or its params are bad. */
export function compileStoredRule(rule: RuleSpec | undefined, max: number): CompiledRule | undefined {
  if (!rule) return undefined;
  const res = getRuleKind(rule.kind)?.compile(rule, max);
  return res?.ok ? res.rule : undefined;
}

/** Does the rule read this value (a usable outcome, no error)? */
export function ruleReads(rule: CompiledRule | undefined, value: AssessedValue): boolean {
  if (!rule) return false;
  const o = rule.score({ value });
  return !o.missing && !o.issues.some((i) => (i.severity ?? 'error') === 'error');
}

function sameOutcome(rule: CompiledRule, a: AssessedValue, b: AssessedValue): boolean {
  const x = rule.score({ value: a });
  const y = rule.score({ value: b });
  return x.points === y.points && x.missing === y.missing && JSON.stringify(x.facts) === JSON.stringify(y.facts);
}

/** The listed choice the rule scores exactly like `value` ("yes" → "Có", "HTXS" → its level), if any. */
export function canonicalChoice(rule: CompiledRule, value: AssessedValue, choices: readonly string[]): string | undefined {
  return choices.find((c) => sameOutcome(rule, c, value));
}
