import fc from 'fast-check';
import { getRuleKind } from './registry';
import { analyseFormula } from './formulaExpr';

/**
 * Fuzzing the formula allow-list:
 *  - any text: analysing never throws;
 *  - whatever is accepted mentions no identifier outside {declared variables, max, min,
 *    round, if, and, or, not}, and no character outside arithmetic, comparison, ?:, (), commas;
 *  - formulas built from the allowed grammar are accepted and score within [0, max].
 */
const VARS = new Set(['a', 'b']);
const ALLOWED_WORDS = new Set(['a', 'b', 'max', 'min', 'round', 'if', 'and', 'or', 'not']);

const pieces = fc.constantFrom(
  'a', 'b', 'max', 'min', 'round', 'if', 'and', 'or', 'not', 'import', 'createUnit', 'evaluate', 'parse', 'constructor',
  '__proto__', 'prototype', 'cos', 'e', 'pi', 'x', '1', '0.5', '2', '(', ')', '[', ']', '{', '}', ',', '.', ';', '=', '==',
  '+', '-', '*', '/', '^', '%', '!', '?', ':', '<', '<=', '>', '"', "'", ' ', '\n', 'f(x)=', 'a.b', 'a[1]', '5 cm', '2a',
);
const soup = fc.array(pieces, { maxLength: 14 }).map((p) => p.join(''));

test('any text: never throws; anything accepted uses only allowed words and characters', () => {
  fc.assert(
    fc.property(fc.oneof(soup, fc.string({ maxLength: 40 })), (formula) => {
      const r = analyseFormula(formula, VARS);
      if ('expr' in r) {
        // numbers such as 1e3 or 2.5E-1 are not words
        const words = formula.replace(/(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/g, ' ').match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
        for (const w of words) expect(ALLOWED_WORDS.has(w)).toBe(true);
        expect(formula).toMatch(/^[A-Za-z0-9_ \t+\-*/()<>=!?:,.×÷−–≤≥≠]*$/);
      }
    }),
    { numRuns: 3000 },
  );
});

const grammar = fc.letrec<{ expr: string; atom: string }>((tie) => ({
  atom: fc.oneof(fc.constantFrom('a', 'b', 'max'), fc.integer({ min: 0, max: 200 }).map(String), fc.constantFrom('0.5', '1.25')),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('atom'),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!=', 'and', 'or'), tie('expr')).map(([x, op, y]) => `(${x} ${op} ${y})`),
    tie('expr').map((x) => `-(${x})`),
    tie('expr').map((x) => `not (${x})`),
    fc.tuple(tie('expr'), tie('expr')).map(([x, y]) => `min(${x}, ${y})`),
    fc.tuple(tie('expr'), tie('expr')).map(([x, y]) => `max(${x}, ${y})`),
    fc.tuple(tie('expr'), fc.integer({ min: 0, max: 3 })).map(([x, n]) => `round(${x}, ${n})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, x, y]) => `if(${c}, ${x}, ${y})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, x, y]) => `(${c} ? ${x} : ${y})`),
  ),
}));

test('formulas of the allowed grammar compile and score within [0, max]', () => {
  const kind = getRuleKind('formula');
  fc.assert(
    fc.property(grammar.expr.filter((f) => f.length <= 500), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (formula, a, b) => {
      const r = kind?.compile({ kind: 'formula', formula, variables: ['a', 'b'] }, 2);
      if (!r?.ok) throw new Error(`refused: ${formula} ${JSON.stringify(r && !r.ok ? r.issues : null)}`);
      const o = r.rule.score({ value: { a, b } });
      expect(o.points).toBeGreaterThanOrEqual(0);
      expect(o.points).toBeLessThanOrEqual(2);
      if (o.missing) expect(o.issues.map((i) => i.code)).toEqual(['rule.formulaNonFinite']);
    }),
    { numRuns: 1000 },
  );
});

