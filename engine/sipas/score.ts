import { issue, hasErrors, type Issue, type Location } from '../model/issue';
import { builtinSipasInstrument, validateSipasInstrument, OVERALL_KEY, type SipasInstrument } from './instrument';
import { fromZodIssues, REPORT_INPUT } from '../i18n/zod';
import { sipasDocumentSchema, sipasCountSchema, sipasPreviousSchema, SIPAS_MAX_COUNT, SIPAS_MAX_WEIGHT, type SipasDocument, type SipasPrevious } from './document';
import { sipasMethodSchema, levelScores, type AggregateMethod, type ItemMethod, type SipasMethod } from './method';
import { answerCode, BLANK, INVALID } from './answer';
import { wilson, normalInterval } from './interval';
import type { PrecisionFlag, SipasAspectResult, SipasDrag, SipasGroupResult, SipasItemResult, SipasQuality, SipasResult, SipasUnitResult, SipasWeightLevel } from './result';
import { ref } from '../model/issue';
import { answerCodes, guardRows, qualitySchema, qualitySettings, QUALITY_REASONS, type GuardRow, type QualityInput, type QualityReason, type QualitySettings } from './quality';
import { populationFor, weightUnit, type WeightRow, type WeightingSummary } from './weighting';
import { minOf } from '../model/arrays';

/** A unit's name and kind as a scoring document or a master workbook lists it. */
export interface SipasUnitInfo {
  code: string;
  name?: string;
  /** "ward", "district", "office"…: SIPAS ranks are computed among units of the same kind. */
  kind?: string;
}

export interface ScoreSipasOptions {
  /** Overrides the document's method.item. */
  method?: ItemMethod;
  /** Overrides the document's method.aggregate. */
  aggregate?: AggregateMethod;
  /** Overrides the document's target (percent). */
  target?: number;
  /**
   * Where a response row / count row (and item) sits in its source, for issues.
   * Default: a JSON path (["responses", 12, "answers", "q3"]). Sheet readers pass file/sheet/cell.
   */
  locate?: (source: 'responses' | 'counts', index: number, item?: string) => Location;
  /**
   * Row number shown in messages for a response row (default: its 1-based position in
   * `responses`). Sheet readers pass the sheet row so messages agree with the cell address.
   */
  rowOf?: (source: 'responses' | 'counts', index: number) => number;
  /** At most this many issues of one code are listed one by one; the rest are summed up. Default 200. */
  maxIssuesPerCode?: number;
  /**
   * Names and kinds of the units, for callers that hold the unit list outside the SIPAS
   * document (a master workbook's "Đơn vị" sheet, a scoring document's `units`): ranks are then
   * computed within each kind — the district is not ranked among its wards. The SIPAS document's
   * own `units` win, field by field, for the codes it lists. Units of no known kind rank together.
   */
  units?: readonly SipasUnitInfo[];
  /**
   * The survey-quality guard's settings, over the document's `quality` field by field (the CLI's
   * --keep-flagged gives `{ keep: true }`).
   */
  quality?: QualityInput;
}

export interface ScoreSipasOutput {
  result: SipasResult;
  /** false when the input has errors (warnings alone keep it true). */
  ok: boolean;
}

type Source = 'responses' | 'counts';

const defaultLocate = (source: Source, index: number, item?: string): Location =>
  source === 'responses' && item !== undefined ? { path: [source, index, 'answers', item] } : { path: [source, index] };

/** Issues with a cap per code, so a file full of typos yields a readable list. */
class IssueList {
  readonly list: Issue[] = [];
  private readonly perCode = new Map<string, number>();
  constructor(private readonly cap: number) {}
  add(i: Issue): void {
    const k = this.perCode.get(i.code) ?? 0;
    this.perCode.set(i.code, k + 1);
    if (k < this.cap) this.list.push(i);
  }
  finish(): Issue[] {
    for (const [code, k] of this.perCode) {
      if (k > this.cap) this.list.push(issue('sipas.moreIssues', { code, count: k - this.cap }, {}, 'warning'));
    }
    return this.list;
  }
}

/** What every phase needs to report problems. */
interface Reporter {
  issues: IssueList;
  locate: (source: Source, index: number, item?: string) => Location;
  rowOf: (source: Source, index: number) => number;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

// ---------------------------------------------------------------------------------------------
// Layout: a flat view of the instrument for the hot loops

interface Layout {
  ids: string[];
  itemIndex: Map<string, number>;
  aspectOf: Int32Array;
  groupOf: Int32Array;
  aspectGroup: Int32Array;
  itemWeight: Float64Array;
  aspectWeight: Float64Array;
  groupWeight: Float64Array;
  /** 1 where a part weighs by its items with data (aggregate "items", no weight declared at its level). */
  aspectByItems: Uint8Array;
  groupByItems: boolean;
  nItems: number;
  nAspects: number;
  nGroups: number;
}

/**
 * The flat view of an instrument under an aggregation: a level whose parts declare weights uses
 * them (an undeclared part counts 1); otherwise "equal" weighs its parts alike and "items" by
 * their items (resolved per unit, over the items with data, in `estimate`).
 */
function layoutOf(ins: SipasInstrument, aggregate: AggregateMethod): Layout {
  const ids: string[] = [];
  const aspectOf: number[] = [];
  const groupOf: number[] = [];
  const aspectGroup: number[] = [];
  const itemWeight: number[] = [];
  const aspectWeight: number[] = [];
  const groupWeight: number[] = [];
  const aspectByItems: number[] = [];
  const byItems = aggregate === 'items';
  ins.groups.forEach((g, gi) => {
    groupWeight.push(g.weight ?? 1);
    const aspectsByItems = byItems && g.aspects.every((asp) => asp.weight === undefined);
    for (const asp of g.aspects) {
      const a = aspectGroup.length;
      aspectGroup.push(gi);
      aspectWeight.push(asp.weight ?? 1);
      aspectByItems.push(aspectsByItems ? 1 : 0);
      for (const it of asp.items) {
        ids.push(it.id);
        aspectOf.push(a);
        groupOf.push(gi);
        itemWeight.push(it.weight ?? 1);
      }
    }
  });
  return {
    ids,
    itemIndex: new Map(ids.map((id, i) => [id, i])),
    aspectOf: Int32Array.from(aspectOf),
    groupOf: Int32Array.from(groupOf),
    aspectGroup: Int32Array.from(aspectGroup),
    itemWeight: Float64Array.from(itemWeight),
    aspectWeight: Float64Array.from(aspectWeight),
    groupWeight: Float64Array.from(groupWeight),
    aspectByItems: Uint8Array.from(aspectByItems),
    groupByItems: byItems && ins.groups.every((g) => g.weight === undefined),
    nItems: ids.length,
    nAspects: aspectGroup.length,
    nGroups: ins.groups.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Tallies: per unit, arrays indexed by item (× 5 levels where noted)

interface UnitTally {
  code: string;
  /** Position in the tally list (respondent rows refer to their unit by it). */
  id: number;
  /** Weighted answers per item × level (respondent rows and counts together). */
  w: Float64Array;
  /** Σ weight² of valid answers per item (Kish effective n). */
  w2: Float64Array;
  /** Unweighted valid answers per item. */
  n: Float64Array;
  /** Counted answers (counts input only) per item × level, for the variance. */
  counted: Float64Array;
  countedTotal: Float64Array;
  blank: Float64Array;
  invalid: Float64Array;
  rows: number;
  // estimates (phase "estimate")
  /** Item index (NaN without data) and total weight of valid answers per item. */
  p: Float64Array;
  W: Float64Array;
  /** Coefficient of each item in its aspect, its group and the overall index. */
  coefA: Float64Array;
  coefG: Float64Array;
  coefO: Float64Array;
  /** Aspect and group indices (NaN without data) and the overall index. */
  aspect: Float64Array;
  group: Float64Array;
  overall: number | null;
  /** Aspect weight within its group and group weight within the overall index, renormalised over parts with data. */
  aspectShare: Float64Array;
  groupShare: Float64Array;
  // linearisation sums of squares (phase "variance")
  ssItem: Float64Array;
  ssAspect: Float64Array;
  ssGroup: Float64Array;
  ssOverall: number;
}

function newTally(code: string, id: number, L: Layout): UnitTally {
  const { nItems, nAspects, nGroups } = L;
  return {
    code,
    id,
    w: new Float64Array(nItems * 5),
    w2: new Float64Array(nItems),
    n: new Float64Array(nItems),
    counted: new Float64Array(nItems * 5),
    countedTotal: new Float64Array(nItems),
    blank: new Float64Array(nItems),
    invalid: new Float64Array(nItems),
    rows: 0,
    p: new Float64Array(nItems),
    W: new Float64Array(nItems),
    coefA: new Float64Array(nItems),
    coefG: new Float64Array(nItems),
    coefO: new Float64Array(nItems),
    aspect: new Float64Array(nAspects),
    group: new Float64Array(nGroups),
    overall: null,
    aspectShare: new Float64Array(nAspects),
    groupShare: new Float64Array(nGroups),
    ssItem: new Float64Array(nItems),
    ssAspect: new Float64Array(nAspects),
    ssGroup: new Float64Array(nGroups),
    ssOverall: 0,
  };
}

/** The units' tallies in order of first appearance. */
class Tallies {
  readonly list: UnitTally[] = [];
  private readonly byCode = new Map<string, UnitTally>();
  constructor(private readonly L: Layout) {}
  has(code: string): boolean {
    return this.byCode.has(code);
  }
  /** The tally of a unit, created on first use. */
  of(code: string): UnitTally {
    let t = this.byCode.get(code);
    if (t === undefined) {
      t = newTally(code, this.list.length, this.L);
      this.byCode.set(code, t);
      this.list.push(t);
    }
    return t;
  }
}

/** Respondent rows as answer codes (row × item: BLANK, INVALID or the level 1..5), for the pool and the variance. */
interface RowCodes {
  count: number;
  codes: Uint8Array;
  /** Tally id of each accepted row; −1 for a rejected row. */
  unit: Int32Array;
  weight: Float64Array;
}

// ---------------------------------------------------------------------------------------------
// Phase 0: read the document, method and instrument

interface Input {
  doc: SipasDocument;
  method: SipasMethod;
  instrument: SipasInstrument;
}

function readInput(doc: unknown, options: ScoreSipasOptions, issues: IssueList): Input | { method: SipasMethod } {
  const fallback = { method: sipasMethodSchema.parse({}) };
  const parsed = sipasDocumentSchema.safeParse(doc, REPORT_INPUT);
  if (!parsed.success) {
    for (const i of fromZodIssues(parsed.error.issues, {}, { code: 'sipas.invalid' })) issues.add(i);
    return fallback;
  }
  const d = parsed.data;
  const methodParsed = sipasMethodSchema.safeParse({
    ...d.method,
    ...(d.target !== undefined && d.method?.target === undefined ? { target: d.target } : {}),
    ...(options.method !== undefined ? { item: options.method } : {}),
    ...(options.aggregate !== undefined ? { aggregate: options.aggregate } : {}),
    ...(options.target !== undefined ? { target: options.target } : {}),
  }, REPORT_INPUT);
  if (!methodParsed.success) {
    for (const i of fromZodIssues(methodParsed.error.issues, { path: ['method'] }, { code: 'sipas.invalid' })) issues.add(i);
    return fallback;
  }
  const method = methodParsed.data;
  let instrument: SipasInstrument | undefined;
  if (d.instrument === undefined || d.instrument === 'sipas-2022') instrument = builtinSipasInstrument();
  else if (typeof d.instrument === 'string') issues.add(issue('sipas.instrument.unknown', { id: d.instrument }, { path: ['instrument'] }));
  else {
    const v = validateSipasInstrument(d.instrument);
    for (const i of v.issues) issues.add(i);
    instrument = v.instrument;
  }
  return instrument ? { doc: d, method, instrument } : { method };
}

// ---------------------------------------------------------------------------------------------
// Phase 1: tally respondent rows and counts

/** Respondent rows → tallies; the answer codes are kept in a byte array for the pool and the variance. */
/** Rows the quality guard set aside, and post-stratification factors on the rows' weights. */
interface RowAdjust {
  skip?: ReadonlySet<number>;
  factor?: Float64Array;
}

function tallyResponses(rows: readonly unknown[], tallies: Tallies, L: Layout, rep: Reporter, adjust: RowAdjust = {}): RowCodes {
  const { issues, locate, rowOf } = rep;
  const { nItems } = L;
  const R = rows.length;
  const codes = new Uint8Array(R * nItems);
  const rowUnit = new Int32Array(R).fill(-1);
  const rowWeight = new Float64Array(R);
  const unknownItems = new Set<string>();
  const keyCache: string[] = [];
  const idxCache: number[] = [];
  for (let r = 0; r < R; r++) {
    const row = rows[r];
    if (!isRecord(row)) {
      issues.add(issue('sipas.response.notObject', { row: rowOf('responses', r) }, locate('responses', r)));
      continue;
    }
    const unit = row['unit'];
    if (typeof unit !== 'string' || unit.trim() === '') {
      issues.add(issue('sipas.response.noUnit', { row: rowOf('responses', r) }, locate('responses', r)));
      continue;
    }
    const answers = row['answers'];
    if (!isRecord(answers)) {
      issues.add(issue('sipas.response.noAnswers', { row: rowOf('responses', r) }, { ...locate('responses', r), unit }));
      continue;
    }
    let w = 1;
    const rawW = row['weight'];
    if (rawW !== undefined && rawW !== null) {
      if (typeof rawW !== 'number' || !Number.isFinite(rawW) || rawW <= 0 || rawW > SIPAS_MAX_WEIGHT) {
        issues.add(issue('sipas.response.badWeight', { row: rowOf('responses', r), value: String(rawW), max: SIPAS_MAX_WEIGHT }, { ...locate('responses', r), unit }));
        continue;
      }
      w = rawW;
    }
    const t = tallies.of(unit);
    // set aside by the quality guard: the unit is listed, the row does not count
    if (adjust.skip?.has(r)) continue;
    const f = adjust.factor?.[r];
    // a stratum whose population share is 0 does not count
    if (f !== undefined && !(f > 0)) continue;
    if (f !== undefined && Number.isFinite(f)) w *= f;
    t.rows++;
    rowUnit[r] = t.id;
    rowWeight[r] = w;
    const base = r * nItems;
    const tw = t.w;
    const tw2 = t.w2;
    const tn = t.n;
    const ww = w * w;
    // One pass over the row's own keys. for…in over same-shaped objects (parsed JSON, reader
    // rows) walks V8's enum cache and `answers[k]` becomes a direct field load; the item index of
    // the j-th key is remembered from the previous row, so a Map lookup happens only when the
    // key order changes. Items a row does not mention stay BLANK and are counted after the loop.
    let j = 0;
    for (const k in answers) {
      let i: number;
      if (keyCache[j] === k) i = idxCache[j] ?? -1;
      else {
        i = L.itemIndex.get(k) ?? -1;
        keyCache[j] = k;
        idxCache[j] = i;
        if (i < 0 && !unknownItems.has(k)) {
          unknownItems.add(k);
          issues.add(issue('sipas.response.unknownItem', { item: k, row: rowOf('responses', r) }, { ...locate('responses', r, k), unit }, 'warning'));
        }
      }
      j++;
      if (i < 0) continue;
      const v = answers[k];
      let c: number;
      if (typeof v === 'number' && v >= 1 && v <= 5 && (v | 0) === v) c = v; // fast path
      else c = answerCode(v);
      if (c === BLANK) continue;
      if (codes[base + i] !== BLANK) continue; // the same item twice in one row (cannot happen in JSON)
      if (c === INVALID) {
        t.invalid[i]!++;
        codes[base + i] = INVALID;
        issues.add(issue('sipas.answer.outOfScale', { row: rowOf('responses', r), item: k, value: String(v) }, { ...locate('responses', r, k), unit, criterion: k }, 'warning'));
      } else {
        codes[base + i] = c;
        tw[i * 5 + c - 1]! += w;
        tw2[i]! += ww;
        tn[i]!++;
      }
    }
  }
  return { count: R, codes, unit: rowUnit, weight: rowWeight };
}

/** The pooled unit: every accepted respondent row again, from the byte codes (no second read of the answers). */
function tallyPool(poolCode: string, rows: RowCodes, tallies: Tallies, L: Layout, issues: IssueList): UnitTally | undefined {
  if (tallies.has(poolCode)) {
    issues.add(issue('sipas.pool.clash', { unit: poolCode }, { path: ['pool'], unit: poolCode }));
    return undefined;
  }
  const { nItems } = L;
  const tp = tallies.of(poolCode);
  for (let r = 0; r < rows.count; r++) {
    if (rows.unit[r]! < 0) continue;
    const w = rows.weight[r]!;
    const base = r * nItems;
    tp.rows++;
    for (let i = 0; i < nItems; i++) {
      const c = rows.codes[base + i]!;
      if (c === BLANK) continue;
      if (c === INVALID) tp.invalid[i]!++;
      else {
        tp.w[i * 5 + c - 1]! += w;
        tp.w2[i]! += w * w;
        tp.n[i]!++;
      }
    }
  }
  return tp;
}

/** Blanks of respondent rows: every row answers each item validly, invalidly, or not at all. */
function countBlanks(tallies: Tallies, L: Layout): void {
  for (const t of tallies.list) for (let i = 0; i < L.nItems; i++) t.blank[i] = t.rows - t.n[i]! - t.invalid[i]!;
}

/** Count rows → tallies of their unit (and of the pooled unit). */
function tallyCounts(counts: readonly unknown[], tallies: Tallies, pool: { code: string | undefined; tally: UnitTally | undefined }, L: Layout, rep: Reporter): void {
  const { issues, locate } = rep;
  counts.forEach((raw, ci) => {
    // Numbers that are negative, not finite or above SIPAS_MAX_COUNT: one issue with the value
    // and the bound (other shape problems are reported by the schema below).
    if (isRecord(raw)) {
      const bad: { key: (string | number)[]; value: number }[] = [];
      const lv = raw['levels'];
      if (Array.isArray(lv)) lv.forEach((v: unknown, l) => typeof v === 'number' && !(v >= 0 && v <= SIPAS_MAX_COUNT) && bad.push({ key: ['levels', l], value: v }));
      const bl = raw['blank'];
      if (typeof bl === 'number' && !(bl >= 0 && bl <= SIPAS_MAX_COUNT)) bad.push({ key: ['blank'], value: bl });
      if (bad.length > 0) {
        const unit = typeof raw['unit'] === 'string' ? raw['unit'] : undefined;
        const item = typeof raw['item'] === 'string' ? raw['item'] : undefined;
        for (const b of bad)
          issues.add(
            issue(
              'sipas.count.outOfRange',
              { path: ['counts', ci, ...b.key].join('.'), value: String(b.value), max: SIPAS_MAX_COUNT },
              { ...locate('counts', ci), ...(unit !== undefined ? { unit } : {}), ...(item !== undefined ? { criterion: item } : {}) },
            ),
          );
        return;
      }
    }
    const c = sipasCountSchema.safeParse(raw, REPORT_INPUT);
    if (!c.success) {
      for (const zi of fromZodIssues(c.error.issues, { path: ['counts', ci] }, { code: 'sipas.count.invalid' })) issues.add({ ...zi, ...locate('counts', ci) });
      return;
    }
    const i = L.itemIndex.get(c.data.item);
    if (i === undefined) {
      issues.add(issue('sipas.count.unknownItem', { item: c.data.item }, { ...locate('counts', ci), unit: c.data.unit, criterion: c.data.item }));
      return;
    }
    if (c.data.unit === pool.code) {
      issues.add(issue('sipas.pool.clash', { unit: pool.code }, { ...locate('counts', ci), unit: pool.code }));
      return;
    }
    const targets = [tallies.of(c.data.unit)];
    if (pool.tally) targets.push(pool.tally);
    for (const t of targets) {
      let total = 0;
      c.data.levels.forEach((k, l) => {
        t.w[i * 5 + l]! += k;
        t.counted[i * 5 + l]! += k;
        total += k;
      });
      t.w2[i]! += total;
      t.n[i]! += total;
      t.countedTotal[i]! += total + (c.data.blank ?? 0);
      t.blank[i]! += c.data.blank ?? 0;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Phase 2: estimate indices and the composite coefficients, then the linearised variances

/**
 * An index kept within [0, 100]: a weighted mean of level scores can only leave that range by
 * rounding (100.00000000000001) or, were the input bounds ever bypassed, by overflow; anything
 * not finite becomes NaN ("no data"), never Infinity.
 */
function bounded(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  return x < 0 ? 0 : x > 100 ? 100 : x;
}

/**
 * Item, aspect, group and overall indices of one unit, with the coefficient of each item in
 * its aspect, group and the overall index (weights renormalised over the parts with data).
 * A part that weighs by its items (see layoutOf) weighs Σ item weights of its items with data,
 * so its parent is the (weighted) mean of all the item indices below it.
 */
function estimate(t: UnitTally, L: Layout, y: Float64Array): void {
  const { nItems, nAspects, nGroups, aspectOf, groupOf, aspectGroup, itemWeight, aspectWeight, groupWeight, aspectByItems, groupByItems } = L;
  for (let i = 0; i < nItems; i++) {
    let W = 0;
    let s = 0;
    for (let l = 0; l < 5; l++) {
      const wl = t.w[i * 5 + l]!;
      W += wl;
      s += wl * y[l]!;
    }
    t.W[i] = W;
    t.p[i] = W > 0 ? bounded(s / W) : NaN;
  }
  // aspects: weights over items with data
  const aIdx = t.aspect.fill(NaN);
  const aSum = new Float64Array(nAspects);
  for (let i = 0; i < nItems; i++) if (t.W[i]! > 0) aSum[aspectOf[i]!]! += itemWeight[i]!;
  for (let i = 0; i < nItems; i++) {
    const a = aspectOf[i]!;
    t.coefA[i] = t.W[i]! > 0 && aSum[a]! > 0 ? itemWeight[i]! / aSum[a]! : 0;
  }
  for (let a = 0; a < nAspects; a++) if (aSum[a]! > 0) aIdx[a] = 0;
  for (let i = 0; i < nItems; i++) if (t.coefA[i]! > 0) aIdx[aspectOf[i]!]! += t.coefA[i]! * t.p[i]!;
  // groups: an aspect weighs its declared weight, or (by items) the weight of its items with data
  const wA = new Float64Array(nAspects);
  const gSum = new Float64Array(nGroups);
  const gItems = new Float64Array(nGroups);
  for (let a = 0; a < nAspects; a++) {
    if (Number.isNaN(aIdx[a]!)) continue;
    wA[a] = aspectByItems[a] === 1 ? aSum[a]! : aspectWeight[a]!;
    gSum[aspectGroup[a]!]! += wA[a]!;
    gItems[aspectGroup[a]!]! += aSum[a]!;
  }
  const b = t.aspectShare;
  for (let a = 0; a < nAspects; a++) {
    const g = aspectGroup[a]!;
    b[a] = !Number.isNaN(aIdx[a]!) && gSum[g]! > 0 ? wA[a]! / gSum[g]! : 0;
  }
  const gIdx = t.group.fill(NaN);
  for (let g = 0; g < nGroups; g++) if (gSum[g]! > 0) gIdx[g] = 0;
  for (let a = 0; a < nAspects; a++) if (b[a]! > 0) gIdx[aspectGroup[a]!]! += b[a]! * aIdx[a]!;
  // overall: a group weighs its declared weight, or (by items) the weight of its items with data
  const wG = new Float64Array(nGroups);
  let oSum = 0;
  for (let g = 0; g < nGroups; g++) {
    if (Number.isNaN(gIdx[g]!)) continue;
    wG[g] = groupByItems ? gItems[g]! : groupWeight[g]!;
    oSum += wG[g]!;
  }
  const gg = t.groupShare;
  let overall: number | null = oSum > 0 ? 0 : null;
  for (let g = 0; g < nGroups; g++) {
    gg[g] = !Number.isNaN(gIdx[g]!) && oSum > 0 ? wG[g]! / oSum : 0;
    if (overall !== null && gg[g]! > 0) overall += gg[g]! * gIdx[g]!;
  }
  for (let i = 0; i < nItems; i++) {
    t.coefG[i] = t.coefA[i]! * b[aspectOf[i]!]!;
    t.coefO[i] = t.coefG[i]! * gg[groupOf[i]!]!;
  }
  for (let a = 0; a < nAspects; a++) aIdx[a] = bounded(aIdx[a]!);
  for (let g = 0; g < nGroups; g++) gIdx[g] = bounded(gIdx[g]!);
  if (overall !== null) overall = Number.isNaN(bounded(overall)) ? null : bounded(overall);
  t.overall = overall;
}

/**
 * Linearised sums of squares: each respondent row's contributions to its unit (and to the
 * pooled unit), then the counted answers (independent between items).
 */
function variance(tallies: Tallies, pool: UnitTally | undefined, rows: RowCodes, L: Layout, y: Float64Array): void {
  const { nItems, nAspects, nGroups, aspectOf, groupOf } = L;
  const { codes } = rows;
  const zA = new Float64Array(nAspects);
  const zG = new Float64Array(nGroups);
  /** Add one respondent's linearised contributions to the sums of squares of tally t. */
  const linearise = (t: UnitTally, base: number, w: number): void => {
    zA.fill(0);
    zG.fill(0);
    let zO = 0;
    const { p, W, ssItem, coefA, coefG, coefO } = t;
    for (let i = 0; i < nItems; i++) {
      const c = codes[base + i]!;
      if (c === BLANK || c === INVALID) continue;
      const dv = (w * (y[c - 1]! - p[i]!)) / W[i]!;
      ssItem[i]! += dv * dv;
      zA[aspectOf[i]!]! += coefA[i]! * dv;
      zG[groupOf[i]!]! += coefG[i]! * dv;
      zO += coefO[i]! * dv;
    }
    for (let a = 0; a < nAspects; a++) t.ssAspect[a]! += zA[a]! * zA[a]!;
    for (let g = 0; g < nGroups; g++) t.ssGroup[g]! += zG[g]! * zG[g]!;
    t.ssOverall += zO * zO;
  };
  for (let r = 0; r < rows.count; r++) {
    const t = tallies.list[rows.unit[r]!];
    if (!t) continue;
    linearise(t, r * nItems, rows.weight[r]!);
    if (pool) linearise(pool, r * nItems, rows.weight[r]!);
  }
  for (const t of tallies.list) {
    for (let i = 0; i < nItems; i++) {
      for (let l = 0; l < 5; l++) {
        const k = t.counted[i * 5 + l]!;
        if (k === 0) continue;
        const dv = (y[l]! - t.p[i]!) / t.W[i]!;
        const d2 = k * dv * dv;
        t.ssItem[i]! += d2;
        t.ssAspect[aspectOf[i]!]! += t.coefA[i]! * t.coefA[i]! * d2;
        t.ssGroup[groupOf[i]!]! += t.coefG[i]! * t.coefG[i]! * d2;
        t.ssOverall += t.coefO[i]! * t.coefO[i]! * d2;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Phase 3: assemble the unit results

/** Variance factor n/(n−1) of the linearisation estimator (undefined when n < 2). */
function se(ss: number, n: number): number | undefined {
  if (!(n >= 2)) return undefined;
  return Math.sqrt((ss * n) / (n - 1));
}

function flagsFor(n: number, est: number | null, low: number | null, high: number | null, m: SipasMethod): PrecisionFlag[] {
  if (est === null || low === null || high === null) return [];
  const f: PrecisionFlag[] = [];
  if (n < m.minN) f.push('smallSample');
  if (Math.max(est - low, high - est) > m.maxHalfWidth) f.push('wideInterval');
  return f;
}

const nonNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Smallest n among the parts with data (0 when none has data). */
const minN = (parts: readonly { index: number | null; n: number }[]): number => {
  const withData = parts.filter((x) => x.index !== null);
  return minOf(withData.map((x) => x.n), 0);
};

/** Name and kind of a unit: the SIPAS document's `units` first, then the caller's. */
interface UnitDirectory {
  name(code: string): string | undefined;
  kind(code: string): string | undefined;
}

function unitDirectory(d: SipasDocument, poolCode: string | undefined, given: readonly SipasUnitInfo[] | undefined): UnitDirectory {
  const names = new Map<string, string>();
  const kinds = new Map<string, string>();
  for (const u of given ?? []) {
    if (u.name !== undefined && u.name.trim() !== '') names.set(u.code, u.name);
    if (u.kind !== undefined && u.kind.trim() !== '') kinds.set(u.code, u.kind);
  }
  for (const u of d.units ?? []) {
    names.set(u.code, u.name);
    if (u.kind !== undefined) kinds.set(u.code, u.kind);
  }
  if (poolCode !== undefined && typeof d.pool === 'object' && d.pool.name !== undefined) names.set(poolCode, d.pool.name);
  return { name: (code) => names.get(code), kind: (code) => kinds.get(code) };
}

/** Last year's entries by unit (invalid entries reported and skipped). */
function readPrevious(raw: readonly unknown[], issues: IssueList): Map<string, SipasPrevious> {
  const previous = new Map<string, SipasPrevious>();
  raw.forEach((x, pi) => {
    const p = sipasPreviousSchema.safeParse(x, REPORT_INPUT);
    if (!p.success) for (const zi of fromZodIssues(p.error.issues, { path: ['previous', pi] }, { code: 'sipas.previous.invalid' })) issues.add(zi);
    else previous.set(p.data.unit, p.data);
  });
  return previous;
}

interface AssembleContext {
  ins: SipasInstrument;
  method: SipasMethod;
  previous: ReadonlyMap<string, SipasPrevious>;
  units: UnitDirectory;
  pool: UnitTally | undefined;
}

function assembleUnit(t: UnitTally, cx: AssembleContext): SipasUnitResult {
  const { ins, method } = cx;
  const prev = cx.previous.get(t.code);
  const prevOf = (code: string): number | undefined => prev?.indices?.[code];
  /** Last year's index of a group or aspect and the change from it. */
  const withPrevious = <T extends { index: number | null; previous?: number; change?: number }>(res: T, code: string): T => {
    const pv = prevOf(code);
    if (pv !== undefined) {
      res.previous = pv;
      if (res.index !== null) res.change = res.index - pv;
    }
    return res;
  };
  let i = 0;
  let a = 0;
  const groups: SipasGroupResult[] = ins.groups.map((g, gi) => {
    const aspects: SipasAspectResult[] = g.aspects.map((asp) => {
      const items: SipasItemResult[] = asp.items.map((it) => {
        const W = t.W[i]!;
        const n = t.n[i]!;
        const index = W > 0 ? t.p[i]! : null;
        const nEff = t.w2[i]! > 0 ? (W * W) / t.w2[i]! : 0;
        let iv: { low: number; high: number } | null = null;
        if (index !== null) iv = method.item === 'topTwoBox' ? wilson(index / 100, nEff) : normalInterval(index, se(t.ssItem[i]!, n));
        const res: SipasItemResult = {
          item: it.id,
          text: it.text,
          index,
          n,
          nEffective: nEff,
          low: iv ? iv.low : null,
          high: iv ? iv.high : null,
          levels: Array.from(t.w.subarray(i * 5, i * 5 + 5)),
          blank: t.blank[i]!,
          invalid: t.invalid[i]!,
          flags: flagsFor(n, index, iv?.low ?? null, iv?.high ?? null, method),
        };
        if (it.textEn !== undefined) res.textEn = it.textEn;
        if (it.unofficial === true) res.unofficial = true;
        i++;
        return res;
      });
      const index = nonNull(t.aspect[a]!);
      const n = minN(items);
      const iv = index === null ? null : normalInterval(index, se(t.ssAspect[a]!, n));
      const res: SipasAspectResult = {
        code: asp.code,
        name: asp.name,
        index,
        n,
        low: iv ? iv.low : null,
        high: iv ? iv.high : null,
        weight: (t.aspectShare[a] ?? 0) * (t.groupShare[gi] ?? 0),
        gap: index === null ? null : method.target - index,
        flags: flagsFor(n, index, iv?.low ?? null, iv?.high ?? null, method),
        items,
      };
      if (asp.nameEn !== undefined) res.nameEn = asp.nameEn;
      a++;
      return withPrevious(res, asp.code);
    });
    const index = nonNull(t.group[gi]!);
    const n = minN(aspects);
    const iv = index === null ? null : normalInterval(index, se(t.ssGroup[gi]!, n));
    const res: SipasGroupResult = {
      code: g.code,
      name: g.name,
      index,
      n,
      low: iv ? iv.low : null,
      high: iv ? iv.high : null,
      weight: t.groupShare[gi] ?? 0,
      gap: index === null ? null : method.target - index,
      flags: flagsFor(n, index, iv?.low ?? null, iv?.high ?? null, method),
      aspects,
    };
    if (g.nameEn !== undefined) res.nameEn = g.nameEn;
    return withPrevious(res, g.code);
  });
  const overall = t.overall;
  const nMin = minN(groups);
  const iv = overall === null ? null : normalInterval(overall, se(t.ssOverall, nMin));
  let countedMax = 0;
  let blank = 0;
  let invalid = 0;
  for (let k = 0; k < t.countedTotal.length; k++) {
    countedMax = Math.max(countedMax, t.countedTotal[k]!);
    blank += t.blank[k]!;
    invalid += t.invalid[k]!;
  }
  const gap = overall === null ? null : method.target - overall;
  const kind = t === cx.pool ? 'pool' : cx.units.kind(t.code);
  const res: SipasUnitResult = {
    unit: t.code,
    name: cx.units.name(t.code) ?? t.code,
    ...(kind !== undefined ? { kind } : {}),
    ...(t === cx.pool ? { pooled: true } : {}),
    overall,
    n: t.rows + countedMax,
    low: iv ? iv.low : null,
    high: iv ? iv.high : null,
    rank: null,
    target: method.target,
    gap,
    meetsTarget: overall === null ? null : overall >= method.target,
    blank,
    invalid,
    flags: flagsFor(nMin, overall, iv?.low ?? null, iv?.high ?? null, method),
    groups,
    drag: dragOf(groups, method.target, gap),
  };
  if (prev) {
    const pOverall = prev.overall ?? prevOf(OVERALL_KEY);
    res.previous = {};
    if (pOverall !== undefined) {
      res.previous.overall = pOverall;
      if (overall !== null) res.change = overall - pOverall;
    }
    if (prev.rank !== undefined) res.previous.rank = prev.rank;
  }
  return res;
}

/** Aspects by how far they keep the overall index below target: (target − index) × effective weight, largest first. */
function dragOf(groups: readonly SipasGroupResult[], target: number, gap: number | null): SipasDrag[] {
  const drag: SipasDrag[] = [];
  for (const g of groups)
    for (const asp of g.aspects)
      if (asp.index !== null && asp.weight > 0) {
        const dr = (target - asp.index) * asp.weight;
        const item: SipasDrag = { aspect: asp.code, name: asp.name, group: g.code, index: asp.index, weight: asp.weight, drag: dr, share: gap !== null && gap > 0 ? dr / gap : null };
        if (asp.nameEn !== undefined) item.nameEn = asp.nameEn;
        drag.push(item);
      }
  return drag.sort((x, z) => z.drag - x.drag);
}

// ---------------------------------------------------------------------------------------------
// Phase 4: ranks within kind, year-on-year rank change, per-unit notes

/** Indices closer than this (in percentage points) are equal for ranking. */
export const SIPAS_TIE_EPSILON = 1e-9;

/** Ranks: 1 = highest; equal values (within SIPAS_TIE_EPSILON) share a rank, the next rank skips (1, 2, 2, 4). */
function ranks(values: (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((o) => o !== null && o > v + SIPAS_TIE_EPSILON).length));
}

/**
 * Ranks within each unit kind (units without a kind form one group; the pooled unit is not
 * ranked). `previous.rankChange` = last year's rank − this year's, only where this year's rank
 * has a comparison group: a unit ranked alone in its kind (the district, "1 of 1") keeps last
 * year's rank without a change, since last year's rank was taken among other units.
 */
function rankWithinKind(units: readonly SipasUnitResult[]): void {
  const byKind = new Map<string, SipasUnitResult[]>();
  for (const x of units) {
    if (x.pooled) continue;
    const list = byKind.get(x.kind ?? '') ?? [];
    list.push(x);
    byKind.set(x.kind ?? '', list);
  }
  for (const list of byKind.values()) {
    const rk = ranks(list.map((x) => x.overall));
    list.forEach((x, k) => (x.rank = rk[k] ?? null));
    const ranked = list.filter((x) => x.rank !== null).length;
    for (const x of list) if (x.previous?.rank !== undefined && x.rank !== null && ranked >= 2) x.previous.rankChange = x.previous.rank - x.rank;
  }
}

/** Units without data, groups without data, items flagged as imprecise. */
function unitNotes(units: readonly SipasUnitResult[], method: SipasMethod, issues: IssueList): void {
  for (const x of units) {
    if (x.overall === null) issues.add(issue('sipas.unit.noData', { unit: x.unit }, { unit: x.unit }, 'warning'));
    else {
      const missing = x.groups.filter((g) => g.index === null).map((g) => g.code);
      if (missing.length > 0) issues.add(issue('sipas.unit.groupNoData', { unit: x.unit, groups: missing }, { unit: x.unit }, 'info'));
    }
    const flagged = x.groups.flatMap((g) => g.aspects.flatMap((asp) => asp.items.filter((it) => it.flags.length > 0).map((it) => it.item)));
    if (flagged.length > 0) issues.add(issue('sipas.smallSample', { unit: x.unit, count: flagged.length, items: flagged.slice(0, 10), minN: method.minN, halfWidth: method.maxHalfWidth }, { unit: x.unit }, 'info'));
  }
}

/** Levels of the instrument where weights are declared (they override the aggregation there). */
function declaredWeights(ins: SipasInstrument): SipasWeightLevel[] {
  const levels: SipasWeightLevel[] = [];
  if (ins.groups.some((g) => g.weight !== undefined)) levels.push('group');
  if (ins.groups.some((g) => g.aspects.some((a) => a.weight !== undefined))) levels.push('aspect');
  if (ins.groups.some((g) => g.aspects.some((a) => a.items.some((it) => it.weight !== undefined)))) levels.push('item');
  return levels;
}

function methodSummary(m: SipasMethod, ins?: SipasInstrument): SipasResult['method'] {
  const out: SipasResult['method'] = {
    item: m.item,
    aggregate: m.aggregate,
    target: m.target,
    interval: m.item === 'topTwoBox' ? 'wilson+linearisation' : 'normal+linearisation',
    minN: m.minN,
    maxHalfWidth: m.maxHalfWidth,
  };
  const levels = ins ? declaredWeights(ins) : [];
  if (levels.length > 0) out.declaredWeights = levels;
  return out;
}

/**
 * Score a SIPAS document: indices per item, aspect, group and overall for every unit,
 * 95% intervals, small-sample flags, gap to target, change from last year, drag analysis,
 * ranks within unit kind. Problems come back as issues (never thrown): out-of-scale answers
 * are excluded, counted and listed as warnings with unit, row and item; structural problems
 * are errors.
 *
 * Phases: read (document, method, instrument) → tally (respondent rows, pool, counts) →
 * estimate (indices, composite coefficients, linearised variances) → assemble (unit results)
 * → rank (within kind, year on year).
 * @example scoreSipas({ responses: [{ unit: 'KG', answers: { 'II.1.1': 5 } }] }).result.units[0]?.overall // 100
 * @example scoreSipas(doc, { units: [{ code: 'QTX', name: 'UBND quận Thanh Xuân', kind: 'district' }, …] }) // the district ranked apart from the wards
 */
export function scoreSipas(doc: unknown, options: ScoreSipasOptions = {}): ScoreSipasOutput {
  const issues = new IssueList(options.maxIssuesPerCode ?? 200);
  const rep: Reporter = { issues, locate: options.locate ?? defaultLocate, rowOf: options.rowOf ?? ((_source: Source, index: number): number => index + 1) };
  const input = readInput(doc, options, issues);
  if (!('instrument' in input)) {
    const all = issues.finish();
    return { result: { instrument: { id: '', name: '', items: 0 }, method: methodSummary(input.method), units: [], issues: all }, ok: !hasErrors(all) };
  }
  const { doc: d, method, instrument: ins } = input;
  const L = layoutOf(ins, method.aggregate);
  const y = levelScores(method.item);
  const responses = d.responses ?? [];

  // the survey-quality guard, then post-stratification of the responses that count
  const settings = qualityOf(d, options, issues);
  const guard = guardResponses(responses, L, settings);
  const weighted = weightResponses(d, responses, guard.setAside, issues);

  const previous = readPrevious(d.previous ?? [], issues);
  const units = scoreUnits({ d, L, y, ins, method, previous, options }, responses, rep, { skip: guard.setAside, ...(weighted.factor ? { factor: weighted.factor } : {}) });
  for (const [code] of previous) if (!units.some((u) => u.unit === code)) issues.add(issue('sipas.previous.unknownUnit', { unit: code }, { unit: code }, 'warning'));

  // the overall index counting every flagged response, and leaving every one out (one of the
  // two is the run above unless only some reasons are kept)
  const overallBy = (skip: ReadonlySet<number>): Map<string, number | null> => {
    if (skip.size === guard.setAside.size && [...skip].every((r) => guard.setAside.has(r))) return new Map(units.map((u) => [u.unit, u.overall]));
    const quiet: Reporter = { issues: new IssueList(0), locate: rep.locate, rowOf: rep.rowOf };
    const factor = weightResponses(d, responses, skip, new IssueList(0)).factor;
    const alt = scoreUnits({ d, L, y, ins, method, previous, options }, responses, quiet, { skip, ...(factor ? { factor } : {}) });
    return new Map(alt.map((u) => [u.unit, u.overall]));
  };
  const withAll = guard.reasons.size > 0 ? overallBy(new Set()) : undefined;
  const withoutAny = guard.reasons.size > 0 ? overallBy(new Set(guard.reasons.keys())) : undefined;
  for (const u of units) {
    const q = guard.byUnit.get(u.unit);
    if (q) u.quality = { ...q, overallWith: withAll?.get(u.unit) ?? u.overall, overallWithout: withoutAny ? (withoutAny.get(u.unit) ?? null) : u.overall };
  }
  for (const u of units) {
    const w = weighted.summaries.get(u.unit);
    if (w) u.weighting = w;
  }
  qualityNotes(units, guard, responses, rep);
  unitNotes(units, method, issues);
  const all = issues.finish();
  return {
    result: { instrument: { id: ins.id, name: ins.name, items: L.nItems }, method: { ...methodSummary(method, ins), quality: settings }, units, issues: all },
    ok: !hasErrors(all),
  };
}

interface RunContext {
  d: SipasDocument;
  L: Layout;
  y: Float64Array;
  ins: SipasInstrument;
  method: SipasMethod;
  previous: ReadonlyMap<string, SipasPrevious>;
  options: ScoreSipasOptions;
}

/** Tally → estimate → assemble → rank: the unit results for one choice of rows. */
function scoreUnits(cx: RunContext, responses: readonly unknown[], rep: Reporter, adjust: RowAdjust): SipasUnitResult[] {
  const { d, L, y } = cx;
  const tallies = new Tallies(L);
  const rows = tallyResponses(responses, tallies, L, rep, adjust);
  const poolCode = d.pool === undefined ? undefined : typeof d.pool === 'string' ? d.pool : d.pool.unit;
  const pool = poolCode !== undefined ? tallyPool(poolCode, rows, tallies, L, rep.issues) : undefined;
  countBlanks(tallies, L);
  tallyCounts(d.counts ?? [], tallies, { code: poolCode, tally: pool }, L, rep);
  for (const t of tallies.list) estimate(t, L, y);
  variance(tallies, pool, rows, L, y);
  const ax: AssembleContext = { ins: cx.ins, method: cx.method, previous: cx.previous, units: unitDirectory(d, poolCode, cx.options.units), pool };
  const units = tallies.list.map((t) => assembleUnit(t, ax));
  // The pooled unit goes last.
  units.sort((x, z) => Number(x.pooled === true) - Number(z.pooled === true));
  rankWithinKind(units);
  return units;
}

/** The guard's settings: the document's `quality`, then the caller's, field by field. */
function qualityOf(d: SipasDocument, options: ScoreSipasOptions, issues: IssueList): QualitySettings {
  if (options.quality === undefined) return qualitySettings(d.quality);
  const given = qualitySchema.safeParse(options.quality, REPORT_INPUT);
  if (!given.success) {
    for (const i of fromZodIssues(given.error.issues, { path: ['quality'] }, { code: 'sipas.invalid' })) issues.add(i);
    return qualitySettings(d.quality);
  }
  return qualitySettings({ ...d.quality, ...given.data });
}

const textOf = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);

/** The guard over the response rows, with per-unit counts. */
function guardResponses(responses: readonly unknown[], L: Layout, settings: QualitySettings): ReturnType<typeof guardRows> & { byUnit: Map<string, Omit<SipasQuality, 'overallWith' | 'overallWithout'>> } {
  const rows: (GuardRow | undefined)[] = responses.map((row) => {
    if (!isRecord(row)) return undefined;
    const unit = row['unit'];
    const answers = row['answers'];
    if (typeof unit !== 'string' || unit.trim() === '' || !isRecord(answers)) return undefined;
    const g: GuardRow = { unit, codes: answerCodes(answers, L.ids) };
    const id = textOf(row['id']);
    const device = textOf(row['device']);
    const at = textOf(row['at']);
    if (id !== undefined) g.id = id;
    if (device !== undefined) g.device = device;
    if (at !== undefined) g.at = at;
    return g;
  });
  const found = guardRows(rows, settings);
  const byUnit = new Map<string, Omit<SipasQuality, 'overallWith' | 'overallWithout'>>();
  rows.forEach((row, r) => {
    if (!row) return;
    let q = byUnit.get(row.unit);
    if (!q) {
      q = { flagged: 0, reasons: {}, setAside: 0 };
      byUnit.set(row.unit, q);
    }
    const why = found.reasons.get(r);
    if (!why) return;
    q.flagged++;
    for (const x of why) q.reasons[x] = (q.reasons[x] ?? 0) + 1;
    if (found.setAside.has(r)) q.setAside++;
  });
  return { ...found, byUnit };
}

/** Post-stratification factors per row (1 where the document gives no population), and each unit's summary. */
function weightResponses(d: SipasDocument, responses: readonly unknown[], skip: ReadonlySet<number>, issues: IssueList): { factor?: Float64Array; summaries: Map<string, WeightingSummary> } {
  const summaries = new Map<string, WeightingSummary>();
  const pops = d.weighting?.population;
  if (!pops) return { summaries };
  const factor = new Float64Array(responses.length).fill(1);
  const byUnit = new Map<string, { index: number; row: WeightRow }[]>();
  responses.forEach((row, r) => {
    if (skip.has(r) || !isRecord(row)) return;
    const unit = row['unit'];
    const w = row['weight'];
    const weight = w === undefined || w === null ? 1 : typeof w === 'number' && Number.isFinite(w) && w > 0 && w <= SIPAS_MAX_WEIGHT ? w : undefined;
    if (typeof unit !== 'string' || unit.trim() === '' || weight === undefined || !isRecord(row['answers'])) return;
    const strata = row['strata'];
    const list = byUnit.get(unit) ?? [];
    list.push({ index: r, row: { unit, weight, ...(isRecord(strata) ? { strata } : {}) } });
    byUnit.set(unit, list);
  });
  for (const [unit, list] of byUnit) {
    const pop = populationFor(pops, unit);
    if (!pop) continue;
    const { factors, summary } = weightUnit(list.map((x) => x.row), pop);
    list.forEach((x, k) => (factor[x.index] = factors[k] ?? 1));
    summaries.set(unit, summary);
    if (summary.unmatched > 0) issues.add(issue('sipas.weighting.unmatched', { unit, count: summary.unmatched, n: summary.n }, { unit, path: ['weighting'] }, 'warning'));
    if (summary.empty.length > 0) issues.add(issue('sipas.weighting.emptyCells', { unit, cells: summary.empty }, { unit, path: ['weighting'] }, 'warning'));
    if (summary.converged === false) issues.add(issue('sipas.weighting.notConverged', { unit, rounds: summary.iterations ?? 0 }, { unit, path: ['weighting'] }, 'warning'));
  }
  return { factor, summaries };
}

const REASON_REF: Readonly<Record<QualityReason, 'sipas.quality.reason.burst' | 'sipas.quality.reason.straightLining' | 'sipas.quality.reason.duplicate' | 'sipas.quality.reason.outsideHours'>> = {
  burst: 'sipas.quality.reason.burst',
  straightLining: 'sipas.quality.reason.straightLining',
  duplicate: 'sipas.quality.reason.duplicate',
  outsideHours: 'sipas.quality.reason.outsideHours',
};

/** One located warning per flagged row (reasons, whether it counts), one line per unit with the index both ways. */
function qualityNotes(units: readonly SipasUnitResult[], guard: ReturnType<typeof guardRows>, responses: readonly unknown[], rep: Reporter): void {
  for (const [r, why] of [...guard.reasons].sort((a, b) => a[0] - b[0])) {
    const row = responses[r];
    const unit = isRecord(row) && typeof row['unit'] === 'string' ? row['unit'] : undefined;
    const reasons = QUALITY_REASONS.filter((x) => why.includes(x)).map((x) => ref(REASON_REF[x]));
    rep.issues.add(
      issue(guard.setAside.has(r) ? 'sipas.quality.setAside' : 'sipas.quality.kept', { row: rep.rowOf('responses', r), reasons }, { ...rep.locate('responses', r), ...(unit !== undefined ? { unit } : {}) }, 'warning'),
    );
  }
  for (const u of units) {
    const q = u.quality;
    if (!q || q.flagged === 0) continue;
    rep.issues.add(
      issue('sipas.quality.unit', { unit: u.unit, flagged: q.flagged, setAside: q.setAside, with: q.overallWith ?? '—', without: q.overallWithout ?? '—' }, { unit: u.unit }, 'info'),
    );
  }
}
