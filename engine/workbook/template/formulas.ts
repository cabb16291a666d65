/**
 * "Điểm tạm tính": each criterion's rule as an Excel formula over the row's declared value, so a
 * unit sees while typing the points the engine will give that value. One promise: a formula never
 * gives a number the engine would not. A value the formula does not read (a rare wording, an
 * ambiguous number) shows "?"; a rule it cannot translate gets no formula, only a note in the cell.
 *
 * What is read as the engine reads it (engine/rules, engine/workbook/import/parse.ts):
 * - blank → nothing (the engine then takes the self-score); "Không áp dụng" (or an explanation
 *   starting with it) → "KAD", or full points when the criterion's N/A policy is "full";
 * - words: the engine's own word lists (value.ts, timeliness.ts, deduction.ts), with and without
 *   diacritics, compared without regard to case;
 * - numbers typed as text: "87,5", "87.5", "87,5%", a leading minus ("1.234", which the importer
 *   questions — 1234 or 1,234? — shows "?"); numbers in cells (× 100 in a percent-formatted cell); a
 *   rate as a fraction of whole numbers "18/20"; a count "3/4" (perItem);
 * - dates: date cells, "dd/mm/yyyy" typed as text, "Quá hạn 5 ngày".
 *
 * Formulas are written as a file stores them (English function names, "," between arguments, a
 * function newer than Excel 2007 with its "_xlfn." prefix: NUMBERVALUE) and use only functions
 * Excel 2013 and LibreOffice both have. Long parts go into helper cells (hidden
 * columns right of the table), so no part is repeated.
 */
import type { FrameworkNode, NotApplicablePolicy } from '../../model/framework';
import { fold } from '../cells';
import { NA_WORDS, NO_WORDS, YES_WORDS } from '../../rules/value';
import { LATE, NOT_DONE, ON_TIME, lateShare, timelinessParams } from '../../rules/timeliness';
import { NONE_WORDS, deductionParams } from '../../rules/deduction';
import { yesNoParams } from '../../rules/yesNo';
import { levelsParams } from '../../rules/levels';
import { bandsParams, domainOf, scaleOf } from '../../rules/bands';
import { proportionalParams, type ProportionalParams } from '../../rules/proportional';
import { perItemParams } from '../../rules/perItem';
import { formulaParams, formulaVariables } from '../../rules/formula';
import { analyseFormula, type Expr } from '../../rules/formulaExpr';
import { awardPoints } from '../../rules/common';
import { toInterval, type Band } from '../../rules/bandsCore';
import type { TemplateRow } from './select';

/** Where the formula of one row reads from. */
export interface FormulaCells {
  /** A1 of the declared value, the self-score and the explanation of the row. */
  value: string;
  self: string;
  explanation: string;
  /** A1 of helper cell `i` of the row (hidden columns right of the table). */
  helper: (i: number) => string;
}

/** What the formula shows besides points: not applicable, a value it cannot read. */
export interface FormulaWords {
  notApplicable: string;
  unread: string;
}

export type Provisional =
  /** The formula of the cell, and the formulas of its helper cells (helper i = helpers[i]). */
  | { kind: 'formula'; formula: string; helpers: string[] }
  /** No formula: the rule is not translated (the cell gets a note instead). */
  | { kind: 'untranslated' };

/** Accented spellings of the engine's folded words, so "Có", "Đúng hạn" and "co", "dung han" all match. */
const ACCENTED: Readonly<Record<string, string>> = Object.freeze({
  co: 'có',
  dat: 'đạt',
  'da thuc hien': 'đã thực hiện',
  khong: 'không',
  'khong dat': 'không đạt',
  'chua thuc hien': 'chưa thực hiện',
  chua: 'chưa',
  'khong ap dung': 'không áp dụng',
  'khong phat sinh': 'không phát sinh',
  'khong vi pham': 'không vi phạm',
  'khong co vi pham': 'không có vi phạm',
  'khong co': 'không có',
  'dung han': 'đúng hạn',
  'truoc han': 'trước hạn',
  'hoan thanh dung han': 'hoàn thành đúng hạn',
  'da hoan thanh dung han': 'đã hoàn thành đúng hạn',
  som: 'sớm',
  'qua han': 'quá hạn',
  'tre han': 'trễ hạn',
  cham: 'chậm',
  'cham tien do': 'chậm tiến độ',
  'hoan thanh qua han': 'hoàn thành quá hạn',
  'hoan thanh cham': 'hoàn thành chậm',
  'khong thuc hien': 'không thực hiện',
  'chua hoan thanh': 'chưa hoàn thành',
  'khong hoan thanh': 'không hoàn thành',
});

/** The spellings a formula compares with: each word, its accented form, and the folded form of labels (case is ignored by Excel). */
export function spellings(words: Iterable<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (w: string): void => {
    const k = w.toLocaleLowerCase('vi');
    if (w.trim() === '' || seen.has(k)) return;
    seen.add(k);
    out.push(w);
  };
  for (const w of words) {
    add(w);
    const f = fold(w);
    add(f);
    const accented = ACCENTED[f];
    if (accented) add(accented);
  }
  return out;
}

/** An Excel text literal. */
export function excelText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A number as a formula writes it (no exponent for ordinary values, "." for decimals). */
export function excelNumber(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  const r = Math.round(x * 1e12) / 1e12;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Is the text `t` one of `words` (exact, case ignored; no wildcards)? */
function inList(t: string, words: readonly string[]): string {
  if (words.length === 0) return 'FALSE';
  return `SUMPRODUCT(--(${t}={${words.map(excelText).join(',')}}))>0`;
}

const SEQ = (n: number): string => `{${Array.from({ length: n }, (_, i) => i + 1).join(',')}}`;

/**
 * Only the characters of `chars` in text `t` (at most `n` characters long; empty is false). The
 * text is padded with "0" (one of `chars`): LibreOffice's FIND of an empty text is an error.
 */
function onlyChars(t: string, chars: string, n: number): string {
  return `AND(LEN(${t})>0,LEN(${t})<=${n},SUMPRODUCT(--ISERROR(FIND(MID(${t}&REPT("0",${n}),${SEQ(n)},1),${excelText(chars)})))=0)`;
}

/** Count of `ch` in text `t`. */
function countOf(t: string, ch: string): string {
  return `(LEN(${t})-LEN(SUBSTITUTE(${t},${excelText(ch)},"")))`;
}

/**
 * An unsigned number written as text, as parseNumber reads it, or an error: digits with one
 * decimal comma ("87,5", "5,", ",5") or one decimal point ("87.5"). One point followed by exactly
 * three digits after 1–3 leading digits (not starting with 0), "1.234", is an error: parseNumber
 * reads 1234 but the importer questions it (1,234?). Anything else (two separators, letters,
 * exponents) is an error too: the caller shows "?".
 */
function parseUnsigned(u: string): string {
  const dots = countOf(u, '.');
  const commas = countOf(u, ',');
  const pos = `FIND(".",${u})`;
  const thousands = `AND(LEN(${u})-${pos}=3,${pos}<=4,${pos}>1,LEFT(${u},1)<>"0")`;
  return (
    `IF(AND(${onlyChars(u, '0123456789.,', 40)},SUMPRODUCT(--ISNUMBER(FIND({"0","1","2","3","4","5","6","7","8","9"},${u})))>0),` +
    `IF(${dots}+${commas}=0,_xlfn.NUMBERVALUE(${u},".",","),` +
    `IF(AND(${commas}=1,${dots}=0),_xlfn.NUMBERVALUE(${u},",","."),` +
    `IF(AND(${dots}=1,${commas}=0),IF(${thousands},NA(),_xlfn.NUMBERVALUE(${u},".",",")),NA()))),NA())`
  );
}

/** Whole number written as digits only (at most 15), as a number; an error otherwise. */
function wholeOf(t: string): string {
  return `IF(${onlyChars(t, '0123456789', 15)},_xlfn.NUMBERVALUE(${t},".",","),NA())`;
}

/** Builds one row's formula and its helper cells. */
class Builder {
  readonly helpers: string[] = [];
  constructor(
    readonly cells: FormulaCells,
    readonly max: number,
    readonly words: FormulaWords,
    readonly na: NotApplicablePolicy,
  ) {}

  /** Add a helper cell; its A1 address. */
  helper(formula: string): string {
    this.helpers.push(formula);
    return this.cells.helper(this.helpers.length - 1);
  }

  get V(): string {
    return this.cells.value;
  }

  /** The value cell as trimmed text. */
  get T(): string {
    return `TRIM(${this.V}&"")`;
  }

  get M(): string {
    return excelNumber(this.max);
  }

  /** Points clamped to [0, max]. */
  clamp(x: string): string {
    return `MAX(0,MIN(${this.M},${x}))`;
  }

  /** What "not applicable" gives: KAD, or full points under the "full" policy. */
  get naResult(): string {
    return this.na === 'full' ? this.M : excelText(this.words.notApplicable);
  }

  get unread(): string {
    return excelText(this.words.unread);
  }

  /**
   * The common frame: blank → "" (or N/A when the explanation says "Không áp dụng…"), N/A words →
   * N/A, else `body`; any error → "?".
   */
  frame(body: string): string {
    const e = `TRIM(${this.cells.explanation}&"")`;
    const explNa = ['không áp dụng', 'khong ap dung', 'không phát sinh', 'khong phat sinh'].map((w) => `LEFT(${e},${w.length})=${excelText(w)}`).join(',');
    return `IFERROR(IF(${this.T}="",IF(OR(${explNa}),${this.naResult},""),IF(${inList(this.T, spellings(NA_WORDS))},${this.naResult},${body})),${this.unread})`;
  }

  /** Helper: the declared value as a number (a number cell, × 100 when formatted as %, or a number typed as text), "" when it is none. */
  number(): string {
    const cleaned = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${this.V}&""," ",""),CHAR(10),""),"−","-")`;
    const h0 = this.helper(`IF(ISNUMBER(${this.V}),"",IF(RIGHT(${cleaned},1)="%",LEFT(${cleaned},LEN(${cleaned})-1),${cleaned}))`);
    const h1 = this.helper(`IF(OR(LEFT(${h0},1)="-",LEFT(${h0},1)="+"),MID(${h0},2,999),${h0})`);
    return this.helper(`IF(ISNUMBER(${this.V}),${this.V}*IF(LEFT(CELL("format",${this.V}),1)="P",100,1),IFERROR(IF(LEFT(${h0},1)="-",-1,1)*${parseUnsigned(h1)},""))`);
  }

  /** Helpers: the two whole numbers of "a/b" (or "" each when the value is no such fraction). */
  fraction(): { a: string; b: string; is: string } {
    const t = this.T;
    const is = `AND(NOT(ISNUMBER(${this.V})),${countOf(t, '/')}=1)`;
    const a = this.helper(`IF(${is},IFERROR(${wholeOf(`TRIM(LEFT(${t},FIND("/",${t})-1))`)},""),"")`);
    const b = this.helper(`IF(${is},IFERROR(${wholeOf(`TRIM(MID(${t},FIND("/",${t})+1,999))`)},""),"")`);
    return { a, b, is };
  }

  /** Helper: a rate in percent as parseRate reads it ("18/20" → 90), "" when it is none. */
  rate(): string {
    const n = this.number();
    const f = this.fraction();
    return this.helper(`IF(${f.is},IF(AND(ISNUMBER(${f.a}),ISNUMBER(${f.b})),IF(${f.b}>0,${f.a}/${f.b}*100,""),""),${n})`);
  }
}

/** Policy for "not applicable" of each leaf code: the node's own, else its nearest ancestor's, else the set's (default exclude). */
export function notApplicablePolicies(nodes: readonly FrameworkNode[], fallback: NotApplicablePolicy = 'exclude'): Map<string, NotApplicablePolicy> {
  const out = new Map<string, NotApplicablePolicy>();
  const walk = (ns: readonly FrameworkNode[], inherited: NotApplicablePolicy): void => {
    for (const n of ns) {
      const p = n.notApplicable ?? inherited;
      out.set(n.code, p);
      if (n.children) walk(n.children, p);
    }
  };
  walk(nodes, fallback);
  return out;
}

/** Rows whose points the unit enters itself (kind "points", or no rule): the self-score, within [0, max]. */
function selfPoints(b: Builder): Provisional {
  return { kind: 'formula', formula: `IF(ISNUMBER(${b.cells.self}),${b.clamp(b.cells.self)},"")`, helpers: [] };
}

function yesNo(b: Builder, raw: unknown): Provisional | undefined {
  const p = yesNoParams.safeParse(raw);
  if (!p.success) return undefined;
  const yes = excelNumber((p.data.yes ?? 1) * b.max);
  const no = excelNumber((p.data.no ?? 0) * b.max);
  // a number cell: 1 is yes, 0 is no (parseYesNo); TRUE/FALSE are read as their words
  const body = `IF(${inList(b.T, [...spellings(YES_WORDS), '1'])},${yes},IF(${inList(b.T, [...spellings(NO_WORDS), '0'])},${no},${b.unread}))`;
  return { kind: 'formula', formula: b.frame(body), helpers: b.helpers };
}

function levels(b: Builder, raw: unknown): Provisional | undefined {
  const p = levelsParams.safeParse(raw);
  if (!p.success) return undefined;
  let body = b.unread;
  for (let i = p.data.levels.length - 1; i >= 0; i--) {
    const l = p.data.levels[i];
    if (!l) continue;
    body = `IF(${inList(b.T, spellings([l.label, ...(l.aliases ?? [])]))},${excelNumber(awardPoints(l, b.max))},${body})`;
  }
  return { kind: 'formula', formula: b.frame(body), helpers: b.helpers };
}

/** Is x inside the band (its ends and their inclusion as bandsCore reads them)? */
function bandTest(x: string, band: Band): string {
  const iv = toInterval(band);
  const parts: string[] = [];
  if (Number.isFinite(iv.lo)) parts.push(`${x}${iv.loInc ? '>=' : '>'}${excelNumber(iv.lo)}`);
  if (Number.isFinite(iv.hi)) parts.push(`${x}${iv.hiInc ? '<=' : '<'}${excelNumber(iv.hi)}`);
  return parts.length === 0 ? 'TRUE' : parts.length === 1 ? (parts[0] ?? 'TRUE') : `AND(${parts.join(',')})`;
}

/** The first band holding x, in the listed order (0 points outside every band, as the engine). */
function bandsBody(x: string, bands: readonly Band[], max: number): string {
  let body = '0';
  for (let i = bands.length - 1; i >= 0; i--) {
    const band = bands[i];
    if (band) body = `IF(${bandTest(x, band)},${excelNumber(awardPoints(band, max))},${body})`;
  }
  return body;
}

function bands(b: Builder, raw: unknown): Provisional | undefined {
  const p = bandsParams.safeParse(raw);
  if (!p.success) return undefined;
  const x = scaleOf(p.data) === 'rate' ? b.rate() : b.number();
  const d = domainOf(p.data);
  const outside: string[] = [];
  if (Number.isFinite(d.min)) outside.push(`${x}<${excelNumber(d.min)}`);
  if (Number.isFinite(d.max)) outside.push(`${x}>${excelNumber(d.max)}`);
  const guard = outside.length > 0 ? `OR(${outside.join(',')})` : 'FALSE';
  const body = `IF(${x}="",${b.unread},IF(${guard},${b.unread},${bandsBody(x, p.data.bands, b.max)}))`;
  return { kind: 'formula', formula: b.frame(body), helpers: b.helpers };
}

/** Round down to a multiple of step (stepDown), as the rules do. */
function stepDown(x: string, step: number | undefined): string {
  return step === undefined ? x : `INT(${x}/${excelNumber(step)}+1E-9)*${excelNumber(step)}`;
}

/** proportionalPoints: full from the threshold, else max × rate / threshold (or the inverse form). */
function proportionalBody(r: string, p: ProportionalParams, b: Builder): string {
  const M = b.M;
  if (p.inverse) {
    const f = p.fullAt ?? 0;
    // a lower-is-better rate cannot exceed 100%
    return `IF(OR(${r}<0,${r}>100),${b.unread},IF(${r}<=${excelNumber(f)}+1E-9,${M},${b.clamp(stepDown(`MIN(${M},${M}*(100-${r})/${excelNumber(100 - f)})`, p.step))}))`;
  }
  const f = p.fullAt ?? 100;
  return `IF(${r}<0,${b.unread},IF(${r}>=${excelNumber(f)}-1E-9,${M},${b.clamp(stepDown(`MIN(${M},${M}*${r}/${excelNumber(f)})`, p.step))}))`;
}

function proportional(b: Builder, raw: unknown): Provisional | undefined {
  const p = proportionalParams.safeParse(raw);
  if (!p.success) return undefined;
  const r = b.rate();
  return { kind: 'formula', formula: b.frame(`IF(${r}="",${b.unread},${proportionalBody(r, p.data, b)})`), helpers: b.helpers };
}

function deduction(b: Builder, raw: unknown): Provisional | undefined {
  const p = deductionParams.safeParse(raw);
  if (!p.success) return undefined;
  const none = spellings(NONE_WORDS);
  if (p.data.severities) {
    let body = b.unread;
    for (let i = p.data.severities.length - 1; i >= 0; i--) {
      const s = p.data.severities[i];
      if (s) body = `IF(${inList(b.T, spellings([s.label, ...(s.aliases ?? [])]))},${excelNumber(b.max - s.share * b.max)},${body})`;
    }
    return { kind: 'formula', formula: b.frame(`IF(${inList(b.T, none)},${b.M},${body})`), helpers: b.helpers };
  }
  const n = b.number();
  const per = p.data.per ?? 0;
  const zero = p.data.zeroAt !== undefined ? `${n}>=${excelNumber(p.data.zeroAt)}` : 'FALSE';
  const count = `IF(${n}="",${b.unread},IF(OR(${n}<0,${n}<>INT(${n})),${b.unread},IF(${zero},0,${b.clamp(`${b.M}-${n}*${excelNumber(per)}`)})))`;
  return { kind: 'formula', formula: b.frame(`IF(${inList(b.T, none)},${b.M},${count})`), helpers: b.helpers };
}

function timeliness(b: Builder, raw: unknown): Provisional | undefined {
  const p = timelinessParams.safeParse(raw);
  if (!p.success) return undefined;
  const params = p.data;
  const M = b.M;
  const share = (days: string): string => {
    if (!params.schedule) return excelNumber(lateShare(params, undefined));
    let s = excelNumber(params.after ?? 0);
    for (let i = params.schedule.length - 1; i >= 0; i--) {
      const step = params.schedule[i];
      if (step) s = `IF(${days}<=${excelNumber(step.upTo)},${excelNumber(step.share)},${s})`;
    }
    return s;
  };
  const byDays = (days: string): string => `IF(${days}<=0,${M},${share(days)}*${M})`;
  const t = b.T;
  // "Quá hạn 5 ngày": the days between the words
  const lateWords = `AND(OR(LEFT(${t},8)="quá hạn ",LEFT(${t},8)="qua han "),OR(RIGHT(${t},5)=" ngày",RIGHT(${t},5)=" ngay"))`;
  const days = b.helper(`IF(${lateWords},IFERROR(${wholeOf(`TRIM(MID(${t},9,LEN(${t})-13))`)},""),"")`);
  let dateBody = b.unread;
  const iso = params.deadline !== undefined ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(params.deadline) : null;
  if (iso) {
    const deadline = `DATE(${Number(iso[1])},${Number(iso[2])},${Number(iso[3])})`;
    // a date cell, or "dd/mm/yyyy" typed as text (checked to be a real day of 1900–2200)
    const p1 = `FIND("/",${t})`;
    const p2 = `FIND("/",${t},${p1}+1)`;
    const dd = `LEFT(${t},${p1}-1)`;
    const mm = `MID(${t},${p1}+1,${p2}-${p1}-1)`;
    const yy = `MID(${t},${p2}+1,99)`;
    const partsOk = `AND(${countOf(t, '/')}=2,LEN(${dd})<=2,LEN(${mm})<=2,LEN(${yy})=4)`;
    const built = `DATE(${wholeOf(yy)},${wholeOf(mm)},${wholeOf(dd)})`;
    const textDate = `IF(${partsOk},IF(AND(${wholeOf(yy)}>=1900,${wholeOf(yy)}<=2200,MONTH(${built})=${wholeOf(mm)},DAY(${built})=${wholeOf(dd)}),${built},NA()),NA())`;
    const done = b.helper(`IF(ISNUMBER(${b.V}),INT(${b.V}),IFERROR(${textDate},""))`);
    dateBody = `IF(${done}="",${b.unread},${byDays(`${done}-${deadline}`)})`;
  }
  const body =
    `IF(${inList(t, spellings(ON_TIME))},${M},` +
    `IF(${inList(t, spellings(NOT_DONE))},${excelNumber((params.notDone ?? 0) * b.max)},` +
    `IF(${inList(t, spellings(LATE))},${excelNumber(lateShare(params, undefined) * b.max)},` +
    `IF(ISNUMBER(${days}),${byDays(days)},${dateBody}))))`;
  return { kind: 'formula', formula: b.frame(body), helpers: b.helpers };
}

function perItem(b: Builder, raw: unknown): Provisional | undefined {
  const p = perItemParams.safeParse(raw);
  if (!p.success) return undefined;
  const params = p.data;
  // counts typed as "name = value" pairs (no `per`, no `due`) are not translated
  if (params.per === undefined && params.due === undefined) return undefined;
  const points = (onTime: string, due: string | undefined): string => {
    const per = params.per !== undefined ? excelNumber(params.per) : due !== undefined ? `(${b.M}/${due})` : undefined;
    if (per === undefined) return b.unread;
    const guard = params.per === undefined && due !== undefined ? `${due}<=0` : 'FALSE';
    return `IF(${guard},${b.unread},${b.clamp(`${onTime}*${per}`)})`;
  };
  const n = b.number();
  const f = b.fraction();
  const single = `IF(${n}="",${b.unread},IF(OR(${n}<0,${n}<>INT(${n})),${b.unread},${points(n, params.due !== undefined ? excelNumber(params.due) : undefined)}))`;
  const pair = `IF(AND(ISNUMBER(${f.a}),ISNUMBER(${f.b})),${points(f.a, f.b)},${b.unread})`;
  return { kind: 'formula', formula: b.frame(`IF(${f.is},${pair},${single})`), helpers: b.helpers };
}

const CMP: Readonly<Record<string, string>> = Object.freeze({ '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '=', '!=': '<>' });

/** A checked formula tree as Excel; undefined for what has no faithful translation (round to a digit count that is not a constant 0–10). */
export function exprToExcel(e: Expr, ref: (name: string) => string): string | undefined {
  const go = (x: Expr): string | undefined => exprToExcel(x, ref);
  switch (e.t) {
    case 'num':
      return excelNumber(e.v);
    case 'var':
      return ref(e.name);
    case 'neg': {
      const a = go(e.a);
      return a === undefined ? undefined : `(-(${a}))`;
    }
    case 'not': {
      const a = go(e.a);
      return a === undefined ? undefined : `IF((${a})=0,1,0)`;
    }
    case 'if': {
      const [c, a, b] = [go(e.c), go(e.a), go(e.b)];
      return c === undefined || a === undefined || b === undefined ? undefined : `IF((${c})<>0,${a},${b})`;
    }
    case 'min':
    case 'max': {
      const args = e.args.map(go);
      if (args.some((x) => x === undefined)) return undefined;
      return `${e.t === 'min' ? 'MIN' : 'MAX'}(${args.join(',')})`;
    }
    case 'round': {
      const a = go(e.a);
      if (a === undefined) return undefined;
      if (!e.digits) return `ROUND(${a},0)`;
      if (e.digits.t !== 'num' || !Number.isInteger(e.digits.v) || e.digits.v < 0 || e.digits.v > 10) return undefined;
      return `ROUND(${a},${e.digits.v})`;
    }
    case 'bin': {
      const [a, b] = [go(e.a), go(e.b)];
      if (a === undefined || b === undefined) return undefined;
      switch (e.op) {
        case '+':
        case '-':
        case '*':
        case '/':
          return `(${a}${e.op}${b})`;
        case 'and':
          return `IF(AND((${a})<>0,(${b})<>0),1,0)`;
        case 'or':
          return `IF(OR((${a})<>0,(${b})<>0),1,0)`;
        default:
          return `IF((${a})${CMP[e.op] ?? '='}(${b}),1,0)`;
      }
    }
  }
}

function formulaKind(b: Builder, raw: unknown): Provisional | undefined {
  const p = formulaParams.safeParse(raw);
  if (!p.success) return undefined;
  const vars = formulaVariables(p.data).map((v) => v.name);
  const a = analyseFormula(p.data.formula, new Set(vars));
  if ('refusal' in a) return undefined;
  // "a = 18; b = 20" (also ":" and new lines), as parseVarsText reads it: ";a=18;b=20;"
  const text = `";"&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(SUBSTITUTE(SUBSTITUTE(${b.V}&"",CHAR(13),""),CHAR(10),";")),":","=")," =","="),"= ","="),"; ",";")," ;",";")&";"`;
  const pairs = b.helper(`IF(ISNUMBER(${b.V}),"",${text})`);
  const cells = new Map<string, string>();
  for (const name of vars) {
    const at = `FIND(${excelText(`;${name}=`)},${pairs})`;
    const start = `${at}+${name.length + 2}`;
    const raw0 = b.helper(`IFERROR(MID(${pairs},${start},FIND(";",${pairs},${start})-(${start})),"")`);
    const h0 = b.helper(`IF(OR(LEFT(${raw0},1)="-",LEFT(${raw0},1)="+",LEFT(${raw0},1)="−"),MID(${raw0},2,999),${raw0})`);
    cells.set(name, b.helper(`IF(${raw0}="","",IFERROR(IF(OR(LEFT(${raw0},1)="-",LEFT(${raw0},1)="−"),-1,1)*${parseUnsigned(h0)},"?"))`));
  }
  // one variable: a plain number is its value
  const single = vars.length === 1 ? b.number() : undefined;
  const refOf = (name: string): string => (name === 'max' ? b.M : (cells.get(name) ?? 'NA()'));
  const expr = exprToExcel(a.expr, refOf);
  if (expr === undefined) return undefined;
  // every "name = value" part names a declared variable once, each value reads as a number, every variable the formula uses is there
  const found = vars.map((n) => `IF(${cells.get(n) ?? '""'}="",0,1)`).join('+') || '0';
  const bad = vars.map((n) => `${cells.get(n) ?? '""'}="?"`);
  const used = [...new Set(varsUsed(a.expr))].filter((n) => n !== 'max').map((n) => `${cells.get(n) ?? '""'}=""`);
  const valid = `AND(${countOf(pairs, '=')}=${found}${bad.length ? `,NOT(OR(${bad.join(',')}))` : ''}${used.length ? `,NOT(OR(${used.join(',')}))` : ''})`;
  let body = `IF(${valid},${b.clamp(expr)},${b.unread})`;
  if (single !== undefined && vars[0] !== undefined) {
    const one = exprToExcel(a.expr, (name) => (name === 'max' ? b.M : single));
    if (one !== undefined) body = `IF(AND(${pairs}="",ISNUMBER(${single})),${b.clamp(one)},IF(AND(${pairs}<>"",ISERROR(FIND("=",${pairs}))),IF(ISNUMBER(${single}),${b.clamp(one)},${b.unread}),${body}))`;
  }
  return { kind: 'formula', formula: b.frame(body), helpers: b.helpers };
}

function varsUsed(e: Expr, out: string[] = []): string[] {
  switch (e.t) {
    case 'var':
      out.push(e.name);
      break;
    case 'neg':
    case 'not':
      varsUsed(e.a, out);
      break;
    case 'bin':
      varsUsed(e.a, out);
      varsUsed(e.b, out);
      break;
    case 'if':
      varsUsed(e.c, out);
      varsUsed(e.a, out);
      varsUsed(e.b, out);
      break;
    case 'min':
    case 'max':
      e.args.forEach((x) => varsUsed(x, out));
      break;
    case 'round':
      varsUsed(e.a, out);
      if (e.digits) varsUsed(e.digits, out);
      break;
    case 'num':
      break;
  }
  return out;
}

/**
 * The formula of a leaf row's "Điểm tạm tính" cell (survey rows have none).
 * @example provisionalFormula(row, { value: 'D6', self: 'I6', explanation: 'J6', helper: (i) => `${columnName(12 + i)}6` }, 'exclude', words)
 */
export function provisionalFormula(row: TemplateRow, cells: FormulaCells, na: NotApplicablePolicy, words: FormulaWords): Provisional {
  const b = new Builder(cells, row.max, words, na);
  const spec = row.node.rule;
  if (!spec || !row.rule || spec.kind === 'points') return selfPoints(b);
  const { kind: _kind, ...raw } = spec;
  void _kind;
  let out: Provisional | undefined;
  switch (spec.kind) {
    case 'yesNo':
      out = yesNo(b, raw);
      break;
    case 'levels':
      out = levels(b, raw);
      break;
    case 'bands':
      out = bands(b, raw);
      break;
    case 'proportional':
      out = proportional(b, raw);
      break;
    case 'deduction':
      out = deduction(b, raw);
      break;
    case 'timeliness':
      out = timeliness(b, raw);
      break;
    case 'perItem':
      out = perItem(b, raw);
      break;
    case 'formula':
      out = formulaKind(b, raw);
      break;
    default:
      out = undefined;
  }
  return out ?? { kind: 'untranslated' };
}
