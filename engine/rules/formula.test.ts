import { compileIssues, compileRule } from './testkit';
import { analyseFormula } from './formulaExpr';

const RATE = { kind: 'formula', formula: 'min(dungHan / tong * max, max)', variables: ['dungHan', 'tong'] };

describe('formula: scoring (own evaluator over the checked tree)', () => {
  test.each([
    // 18 / 20 × 2 = 1,8
    [RATE, 2, { dungHan: 18, tong: 20 }, 1.8],
    [RATE, 2, { dungHan: '18', tong: '20' }, 1.8],
    // 25 / 20 × 2 = 2,5 → min(2,5; 2) = 2
    [RATE, 2, { dungHan: 25, tong: 20 }, 2],
    // Decision 766 style: if(tyLe >= 90, max, tyLe / 90 * max); 85 → 85/90
    [{ kind: 'formula', formula: 'if(tyLe >= 90, max, tyLe / 90 * max)', variables: ['tyLe'] }, 1, { tyLe: 85 }, 85 / 90],
    [{ kind: 'formula', formula: 'if(tyLe >= 90, max, tyLe / 90 * max)', variables: ['tyLe'] }, 1, { tyLe: '90%' }, 1],
    // one variable: the value itself
    [{ kind: 'formula', formula: 'tyLe >= 90 ? max : 0', variables: ['tyLe'] }, 1, 89.9, 0],
    [{ kind: 'formula', formula: 'tyLe >= 90 ? max : 0', variables: ['tyLe'] }, 1, '95', 1],
    // precedence: 2 + 3 × 1 = 5
    [{ kind: 'formula', formula: '2 + 3 * a', variables: ['a'] }, 10, { a: 1 }, 5],
    [{ kind: 'formula', formula: '-a + 4', variables: ['a'] }, 10, { a: 1 }, 3],
    [{ kind: 'formula', formula: '(a > 1 and a < 3) * max', variables: ['a'] }, 2, { a: 2 }, 2],
    [{ kind: 'formula', formula: '(a == 2 or a == 5) * max', variables: ['a'] }, 2, { a: 4 }, 0],
    [{ kind: 'formula', formula: 'not (a > 1)', variables: ['a'] }, 2, { a: 0 }, 1],
    // round half away from zero: 1 / 3 → 0,33; 0,125 → 0,13
    [{ kind: 'formula', formula: 'round(a / 3, 2)', variables: ['a'] }, 1, { a: 1 }, 0.33],
    [{ kind: 'formula', formula: 'round(a, 2)', variables: ['a'] }, 1, { a: 0.125 }, 0.13],
    // Vietnamese signs × ÷ −
    [{ kind: 'formula', formula: 'a × max ÷ 100 − 0,0'.replace(',', '.'), variables: ['a'] }, 1, { a: 50 }, 0.5],
    // clamped to [0, max]
    [{ kind: 'formula', formula: 'a - 5', variables: ['a'] }, 1, { a: 3 }, 0],
    [{ kind: 'formula', formula: 'a - 5', variables: ['a'] }, 1, { a: 10 }, 1],
    // a variable not used by the formula may be left blank
    [{ kind: 'formula', formula: 'a * max / 100', variables: ['a', 'ghiChu'] }, 1, { a: 40 }, 0.4],
  ] as const)('%j (max %p) with %j → %p', (spec, max, value, points) => {
    const o = compileRule(spec, max).score({ value });
    expect(o.issues).toEqual([]);
    expect(o.points).toBeCloseTo(points, 12);
  });

  test.each([
    [{ dungHan: 18 }, 'rule.formulaMissingVar', { name: 'tong' }],
    [{ dungHan: 18, tong: '' }, 'rule.formulaMissingVar', { name: 'tong' }],
    [{ dungHan: 'mười', tong: 20 }, 'rule.notANumber', { value: 'dungHan = mười' }],
    // 0 / 0 is not a number
    [{ dungHan: 0, tong: 0 }, 'rule.formulaNonFinite', { formula: 'min(dungHan / tong * max, max)' }],
    // a single value cannot fill two variables
    [18, 'rule.notAChoice', { value: '18', choices: ['dungHan', 'tong'] }],
  ] as const)('%j → %s', (value, code, params) => {
    const o = compileRule(RATE, 2).score({ value });
    expect(o).toMatchObject({ points: 0, missing: true });
    expect(o.issues).toEqual([{ code, params }]);
  });

  test('blank and N/A', () => {
    const r = compileRule(RATE, 2);
    expect(r.score({ value: undefined })).toMatchObject({ missing: true, issues: [] });
    expect(r.score({ value: 'Không áp dụng' }).facts.notApplicable).toBe(true);
  });

  test('input lists the variables', () => {
    expect(compileRule(RATE, 1).input).toEqual({ type: 'vars', names: ['dungHan', 'tong'] });
  });

  test('wording', () => {
    const r = compileRule(
      { kind: 'formula', formula: 'min(dungHan / tong * max, max)', variables: [{ name: 'dungHan', label: 'số hồ sơ đúng hạn', labelEn: 'files on time' }, { name: 'tong', label: 'tổng số hồ sơ' }] },
      1,
    );
    const o = r.score({ value: { dungHan: 18, tong: 20 } });
    expect(r.explain(o, 'vi')).toMatchInlineSnapshot(`"công thức min(dungHan / tong * max, max) với dungHan = 18, tong = 20: 0,9/1 điểm"`);
    expect(r.explain(o, 'en')).toMatchInlineSnapshot(`"formula min(dungHan / tong * max, max) with dungHan = 18, tong = 20: 0.9/1 points"`);
    expect(r.describe('vi')).toMatchInlineSnapshot(
      `"Điểm = min(dungHan ÷ tong × max, max) (dungHan: số hồ sơ đúng hạn; tong: tổng số hồ sơ); max = 1 điểm; kết quả giới hạn trong 0 đến 1 điểm"`,
    );
    const c = compileRule({ kind: 'formula', formula: 'a - 5', variables: ['a'] }, 1);
    expect(c.explain(c.score({ value: { a: 10 } }), 'vi')).toMatchInlineSnapshot(`"công thức a - 5 với a = 10 (kết quả 5, giới hạn trong [0; 1]): 1/1 điểm"`);
  });
});

/**
 * Expressions refused when the framework is validated. Taken from the mathjs security notes
 * (functions import, createUnit, evaluate, parse, simplify, derivative, resolve, compile,
 * reviver) and published exploits against the mathjs expression parser (mathjs issues #821
 * and #822, 2017; advisories fixed in 3.10–3.17, 13.1.1 and 15.2): property access to
 * constructors, function definition, assignment, matrices, objects, strings.
 */
describe('formula: security — refused at compile time with rule.formulaSyntax', () => {
  const VARS = ['a', 'b'];
  test.each([
    // published exploits
    ['cos.constructor("return process")()', 'syntax'], // a call of a call does not even parse
    ['["//","a/*\\nreturn process.mainModule.require"]._data.map(cos.constructor)[1]()', 'property'],
    ['import({matrix:cos.constructor},{override:1});x=["ps"];x()', 'block'],
    ['{}.constructor.assign(cos.constructor, {binding: cos.bind})', 'property'],
    ['a=["x"]._data;a.isRange=true;x={subset:cos.constructor}[a];x()', 'block'],
    ['[].map.constructor("return this")()', 'syntax'],
    // disabled functions of the security notes
    ['import(a)', 'unknownFunction'],
    ['createUnit(a)', 'unknownFunction'],
    ['createUnit("foo")', 'string'],
    ['evaluate(a)', 'unknownFunction'],
    ['parse(a)', 'unknownFunction'],
    ['simplify(a)', 'unknownFunction'],
    ['derivative(a, b)', 'unknownFunction'],
    ['resolve(a)', 'unknownFunction'],
    ['compile(a)', 'unknownFunction'],
    ['reviver(a, b)', 'unknownFunction'],
    // property / index access
    ['a.constructor', 'property'],
    ['a["constructor"]', 'property'],
    ['a[1]', 'property'],
    ['a.__proto__', 'property'],
    // JavaScript internals as names
    ['constructor', 'unknownSymbol'],
    ['prototype * a', 'unknownSymbol'],
    ['__proto__', 'unknownSymbol'],
    ['toString(a)', 'unknownFunction'],
    // definitions and assignments
    ['f(x) = x * 2', 'functionDefinition'],
    ['a = 1', 'assignment'],
    ['max = 100', 'assignment'],
    // other syntax outside the allow-list
    ['[1, 2]', 'matrix'],
    ['{x: 1}', 'object'],
    ['1:3', 'range'],
    ['"abc"', 'string'],
    ['5 cm', 'implicit'],
    ['2 a', 'implicit'],
    ['2a', 'implicit'],
    ['a; b', 'block'],
    ['a\nb', 'block'],
    ['a ^ 2', 'operator'],
    ['a mod 2', 'operator'],
    ['a!', 'operator'],
    ['a \'', 'operator'],
    ['a & b', 'operator'],
    ['a xor b', 'operator'],
    ['50%', 'percent'],
    ['a < b < 3', 'chained'],
    ['sqrt(a)', 'unknownFunction'],
    ['abs(a)', 'unknownFunction'],
    ['round(a, 1, 2)', 'arity'],
    ['if(a, b)', 'arity'],
    ['min()', 'arity'],
    ['true', 'constant'],
    ['c + 1', 'unknownSymbol'],
    ['pi * a', 'unknownSymbol'],
    ['a # import(b)', 'syntax'], // a mathjs comment hides the rest: refused by the character check
    ['0x1F * a', 'constant'],
    ['0b101', 'constant'],
    ['a +', 'syntax'],
    ['(a', 'syntax'],
    [`${'('.repeat(60)}a${')'.repeat(60)}`, 'tooDeep'],
  ])('%s → %s', (formula, reason) => {
    const issues = compileIssues({ kind: 'formula', formula, variables: VARS }, 1);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'rule.formulaSyntax', params: { formula: formula.trim(), reason } });
    expect(typeof issues[0]?.params?.token).toBe('string');
  });

  test('the offending token is named', () => {
    expect(compileIssues({ kind: 'formula', formula: 'a * import(b)', variables: VARS }, 1)[0]?.params).toMatchObject({ token: 'import' });
    expect(compileIssues({ kind: 'formula', formula: 'a + b.constructor', variables: VARS }, 1)[0]?.params).toMatchObject({ token: 'b.constructor' });
  });

  test('the tree check stands even for what the backstop would also catch', () => {
    expect(analyseFormula('a.b', new Set(['a']))).toEqual({ refusal: { reason: 'property', token: 'a.b' } });
    expect(analyseFormula('1.5 * a', new Set(['a']))).toHaveProperty('expr');
    expect(analyseFormula('a <= 1.5 ? max : .5', new Set(['a']))).toHaveProperty('expr');
  });

  test.each([
    [['constructor'], 'reserved'],
    [['__proto__'], 'pattern'],
    [['toString'], 'reserved'],
    [['max'], 'reserved'],
    [['import'], 'reserved'],
    [['số'], 'pattern'],
    [['a.b'], 'pattern'],
    [['a', 'a'], 'duplicate'],
  ])('variable names %j refused (%s)', (variables, reason) => {
    expect(compileIssues({ kind: 'formula', formula: '1', variables }, 1)[0]).toMatchObject({ code: 'rule.formulaVariable', params: { reason } });
  });

  test('a formula longer than 500 characters is refused by the params schema', () => {
    expect(compileIssues({ kind: 'formula', formula: `a${' + a'.repeat(130)}`, variables: ['a'] }, 1).map((i) => i.code)).toEqual(['rule.badParams']);
  });
});
