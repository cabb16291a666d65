import type * as MathJs from 'mathjs';
import type { MathNode } from 'mathjs';
import { maxOf, minOf } from '../model/arrays';

/**
 * Formulas for the `formula` rule kind: parsed by a LIMITED mathjs instance (only the parser,
 * with import/createUnit/evaluate/parse/… overridden to throw, as the mathjs security notes
 * advise), then checked against an allow-list and turned into our own small tree, which our
 * own evaluator walks. mathjs never evaluates anything.
 *
 * Allowed: numbers, declared variables, `max` (the leaf maximum), + − * / (and unary −, +),
 * comparisons < <= > >= == !=, and / or / not, a ? b : c, and the functions min, max,
 * round (1 or 2 arguments) and if(cond, a, b). Everything else is refused.
 */

type MathLib = typeof MathJs;
/** The module loader's `require` (CommonJS under jest and the esbuild/webpack bundles), declared
 * here so that the engine compiles without Node types. */
declare const require: (id: 'mathjs') => unknown;
let loaded: { lib: MathLib; parse: (src: string) => MathNode } | undefined;

/**
 * The limited instance, built on first use: loading mathjs costs about half a second, which
 * every CLI command would otherwise pay even when no criteria set uses a formula.
 */
function limitedMath(): { lib: MathLib; parse: (src: string) => MathNode } {
  if (loaded) return loaded;
  // A plain require so bundlers (esbuild, webpack, ts-jest) resolve it while loading it lazily.
  const lib = require('mathjs') as MathLib;
  const math = lib.create(lib.parseDependencies ? { parseDependencies: lib.parseDependencies } : {});
  const parse = math.parse;
  const disabled = (name: string) => (): never => {
    throw new Error(`Function ${name} is disabled`);
  };
  math.import(
    {
      import: disabled('import'),
      createUnit: disabled('createUnit'),
      reviver: disabled('reviver'),
      evaluate: disabled('evaluate'),
      parse: disabled('parse'),
      simplify: disabled('simplify'),
      derivative: disabled('derivative'),
      resolve: disabled('resolve'),
      compile: disabled('compile'),
    },
    { override: true },
  );
  loaded = { lib, parse: (src) => parse(src) };
  return loaded;
}

export type BinOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';
export type Expr =
  | { t: 'num'; v: number }
  | { t: 'var'; name: string }
  | { t: 'neg'; a: Expr }
  | { t: 'not'; a: Expr }
  | { t: 'bin'; op: BinOp; a: Expr; b: Expr }
  | { t: 'if'; c: Expr; a: Expr; b: Expr }
  | { t: 'min' | 'max'; args: Expr[] }
  | { t: 'round'; a: Expr; digits?: Expr };

/** Why a formula was refused (a machine key; the message catalogue words it). */
export type Rejection =
  | 'syntax' | 'tooLong' | 'tooDeep' | 'string' | 'constant' | 'unknownSymbol' | 'unknownFunction'
  | 'operator' | 'implicit' | 'percent' | 'property' | 'assignment' | 'functionDefinition'
  | 'matrix' | 'object' | 'range' | 'block' | 'chained' | 'arity' | 'node';

export interface Refusal {
  reason: Rejection;
  token: string;
  pos?: number;
}

export const MAX_FORMULA_LENGTH = 500;
const MAX_DEPTH = 40;

const BIN_FN: Readonly<Record<string, BinOp>> = {
  add: '+', subtract: '-', multiply: '*', divide: '/',
  smaller: '<', smallerEq: '<=', larger: '>', largerEq: '>=', equal: '==', unequal: '!=',
  and: 'and', or: 'or',
};

/** Names that can never be variables: functions, words of the syntax, JavaScript internals. */
export const RESERVED = new Set([
  'max', 'min', 'round', 'if', 'and', 'or', 'not', 'xor', 'mod', 'to', 'in', 'true', 'false', 'null', 'undefined',
  'NaN', 'Infinity', 'end', 'constructor', 'prototype', '__proto__', '__defineGetter__', '__defineSetter__',
  '__lookupGetter__', '__lookupSetter__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf',
  'propertyIsEnumerable', 'toLocaleString', 'import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative',
  'resolve', 'compile', 'reviver', 'eval', 'Function', 'function', 'this', 'window', 'globalThis', 'process', 'require',
]);

export const NAME_RE = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Vietnamese forms write ×, ÷, −, ≤, ≥, ≠: accept them as * / - <= >= !=. */
export function normaliseFormula(s: string): string {
  return s.replace(/×/g, '*').replace(/÷/g, '/').replace(/[−–]/g, '-').replace(/≤/g, '<=').replace(/≥/g, '>=').replace(/≠/g, '!=');
}

function text(node: MathNode): string {
  try {
    return node.toString();
  } catch {
    return node.type;
  }
}

function errorChar(e: unknown): number | undefined {
  if (typeof e === 'object' && e !== null && 'char' in e) {
    const c = (e as { char: unknown }).char;
    if (typeof c === 'number') return c;
  }
  return undefined;
}

/**
 * Parse and check a formula. Returns our tree, or the first refusal with the offending token.
 * @example analyseFormula('min(a / b * max, max)', new Set(['a', 'b']))
 */
export function analyseFormula(formula: string, variables: ReadonlySet<string>): { expr: Expr } | { refusal: Refusal } {
  const src = normaliseFormula(formula);
  if (src.length > MAX_FORMULA_LENGTH) return { refusal: { reason: 'tooLong', token: src.slice(0, 20) + '…' } };
  let root: MathNode;
  try {
    root = limitedMath().parse(src);
  } catch (e) {
    const pos = errorChar(e);
    const token = pos !== undefined ? src.slice(Math.max(0, pos - 1), pos + 11) || src : src;
    return { refusal: { reason: 'syntax', token, ...(pos !== undefined ? { pos } : {}) } };
  }
  let expr: Expr;
  try {
    expr = convert(root, variables, 0);
  } catch (e) {
    if (e instanceof RefusalError) return { refusal: e.refusal };
    return { refusal: { reason: 'syntax', token: src } };
  }
  // Backstop: after the tree check, the text itself may hold only the characters of the
  // allowed syntax (this also refuses mathjs comments "#…"), no quotes, brackets, braces,
  // ';', a lone '=' or a '.' outside a number.
  const strange = /[^A-Za-z0-9_ \t+\-*/()<>=!?:,.]/.exec(src);
  if (strange) return { refusal: { reason: 'syntax', token: src.slice(strange.index, strange.index + 12), pos: strange.index + 1 } };
  // Hexadecimal, octal and binary literals (0x1F, 0o17, 0b101): plain decimals only.
  const radix = /(^|[^A-Za-z0-9_.])(0[xXoObB][0-9A-Za-z.]*)/.exec(src);
  if (radix) return { refusal: { reason: 'constant', token: radix[2] ?? src } };
  const masked = src.replace(/\d\.\d|\d\.(?!\w)|\.\d|[<>!=]=/g, (m) => m.replace(/[.=]/g, '0'));
  const bad = /[=.]/.exec(masked);
  if (bad) return { refusal: { reason: 'syntax', token: src.slice(bad.index, bad.index + 12), pos: bad.index + 1 } };
  return { expr };
}

class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
  }
}

function refuse(reason: Rejection, node: MathNode | string): never {
  throw new RefusalError({ reason, token: typeof node === 'string' ? node : text(node) });
}

function convert(node: MathNode, vars: ReadonlySet<string>, depth: number): Expr {
  if (depth > MAX_DEPTH) refuse('tooDeep', node);
  const d = depth + 1;
  if (limitedMath().lib.isParenthesisNode(node)) return convert(node.content, vars, d);
  if (limitedMath().lib.isConstantNode(node)) {
    const v: unknown = node.value;
    if (typeof v === 'number' && Number.isFinite(v)) return { t: 'num', v };
    refuse(typeof v === 'string' ? 'string' : 'constant', node);
  }
  if (limitedMath().lib.isSymbolNode(node)) {
    if (node.name === 'max' || vars.has(node.name)) return { t: 'var', name: node.name };
    refuse('unknownSymbol', node.name);
  }
  if (limitedMath().lib.isConditionalNode(node))
    return { t: 'if', c: convert(node.condition, vars, d), a: convert(node.trueExpr, vars, d), b: convert(node.falseExpr, vars, d) };
  if (limitedMath().lib.isOperatorNode(node)) {
    const fn: string = node.fn;
    const args = node.args;
    if (node.implicit) refuse('implicit', node);
    if ('isPercentage' in node && node.isPercentage === true) refuse('percent', node);
    if (args.length === 1) {
      const a = args[0];
      if (!a) refuse('operator', node);
      if (fn === 'unaryMinus') return { t: 'neg', a: convert(a, vars, d) };
      if (fn === 'unaryPlus') return convert(a, vars, d);
      if (fn === 'not') return { t: 'not', a: convert(a, vars, d) };
      refuse('operator', String(node.op));
    }
    const op = Object.prototype.hasOwnProperty.call(BIN_FN, fn) ? BIN_FN[fn] : undefined;
    const [a, b] = args;
    if (!op || args.length !== 2 || !a || !b) refuse('operator', String(node.op));
    return { t: 'bin', op, a: convert(a, vars, d), b: convert(b, vars, d) };
  }
  if (limitedMath().lib.isFunctionNode(node)) {
    const callee: MathNode = node.fn;
    if (!limitedMath().lib.isSymbolNode(callee)) refuse('property', node);
    const name = callee.name;
    const args = node.args.map((x) => convert(x, vars, d));
    if (name === 'min' || name === 'max') {
      if (args.length < 1) refuse('arity', node);
      return { t: name, args };
    }
    if (name === 'round') {
      const [a, digits] = args;
      if (!a || args.length > 2) refuse('arity', node);
      return digits ? { t: 'round', a, digits } : { t: 'round', a };
    }
    if (name === 'if') {
      const [c, a, b] = args;
      if (!c || !a || !b || args.length !== 3) refuse('arity', node);
      return { t: 'if', c, a, b };
    }
    refuse('unknownFunction', name);
  }
  switch (node.type) {
    case 'AccessorNode':
    case 'IndexNode':
      return refuse('property', node);
    case 'AssignmentNode':
      return refuse('assignment', node);
    case 'FunctionAssignmentNode':
      return refuse('functionDefinition', node);
    case 'ArrayNode':
      return refuse('matrix', node);
    case 'ObjectNode':
      return refuse('object', node);
    case 'RangeNode':
      return refuse('range', node);
    case 'BlockNode':
      return refuse('block', node);
    case 'RelationalNode':
      return refuse('chained', node);
    default:
      return refuse('node', node);
  }
}

/** Evaluate a checked tree. Comparisons and logic give 1 / 0; if() picks lazily. */
export function evaluateExpr(e: Expr, scope: ReadonlyMap<string, number>): number {
  switch (e.t) {
    case 'num':
      return e.v;
    case 'var':
      return scope.get(e.name) ?? Number.NaN;
    case 'neg':
      return -evaluateExpr(e.a, scope);
    case 'not':
      return evaluateExpr(e.a, scope) === 0 ? 1 : 0;
    case 'if':
      return evaluateExpr(e.c, scope) !== 0 ? evaluateExpr(e.a, scope) : evaluateExpr(e.b, scope);
    case 'min':
      return minOf(e.args.map((x) => evaluateExpr(x, scope)));
    case 'max':
      return maxOf(e.args.map((x) => evaluateExpr(x, scope)));
    case 'round': {
      const x = evaluateExpr(e.a, scope);
      const n = e.digits ? evaluateExpr(e.digits, scope) : 0;
      if (!Number.isInteger(n) || n < 0 || n > 10) return Number.NaN;
      const f = 10 ** n;
      // Half away from zero, like a spreadsheet's ROUND.
      return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
    }
    case 'bin': {
      if (e.op === 'and') return evaluateExpr(e.a, scope) !== 0 && evaluateExpr(e.b, scope) !== 0 ? 1 : 0;
      if (e.op === 'or') return evaluateExpr(e.a, scope) !== 0 || evaluateExpr(e.b, scope) !== 0 ? 1 : 0;
      const a = evaluateExpr(e.a, scope);
      const b = evaluateExpr(e.b, scope);
      switch (e.op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        case '<': return a < b ? 1 : 0;
        case '<=': return a <= b ? 1 : 0;
        case '>': return a > b ? 1 : 0;
        case '>=': return a >= b ? 1 : 0;
        case '==': return a === b ? 1 : 0;
        case '!=': return a !== b ? 1 : 0;
      }
    }
  }
  return Number.NaN;
}

/** Variables a tree reads (for "missing variable" checks). */
export function variablesOf(e: Expr, out: Set<string> = new Set()): Set<string> {
  switch (e.t) {
    case 'var': out.add(e.name); break;
    case 'neg': case 'not': variablesOf(e.a, out); break;
    case 'bin': variablesOf(e.a, out); variablesOf(e.b, out); break;
    case 'if': variablesOf(e.c, out); variablesOf(e.a, out); variablesOf(e.b, out); break;
    case 'min': case 'max': e.args.forEach((x) => variablesOf(x, out)); break;
    case 'round': variablesOf(e.a, out); if (e.digits) variablesOf(e.digits, out); break;
    case 'num': break;
  }
  return out;
}
