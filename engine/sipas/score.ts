import { issue, hasErrors, type Issue, type Location } from '../model/issue';
import { builtinSipasInstrument, validateSipasInstrument, zodIssues, OVERALL_KEY, type SipasInstrument } from './instrument';
import { sipasDocumentSchema, sipasCountSchema, sipasPreviousSchema, SIPAS_MAX_COUNT, SIPAS_MAX_WEIGHT, type SipasPrevious } from './document';
import { sipasMethodSchema, levelScores, type ItemMethod, type SipasMethod } from './method';
import { answerCode, BLANK, INVALID } from './answer';
import { wilson, normalInterval } from './interval';
import type { PrecisionFlag, SipasAspectResult, SipasDrag, SipasGroupResult, SipasItemResult, SipasResult, SipasUnitResult } from './result';

export interface ScoreSipasOptions {
  /** Overrides the document's method.item. */
  method?: ItemMethod;
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
}

export interface ScoreSipasOutput {
  result: SipasResult;
  /** false when the input has errors (warnings alone keep it true). */
  ok: boolean;
}

const defaultLocate = (source: 'responses' | 'counts', index: number, item?: string): Location =>
  source === 'responses' && item !== undefined ? { path: [source, index, 'answers', item] } : { path: [source, index] };

/** Per-unit tallies; arrays indexed by item (× 5 levels where noted). */
interface UnitTally {
  code: string;
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
  // linearisation sums of squares
  ssItem: Float64Array;
  ssAspect: Float64Array;
  ssGroup: Float64Array;
  ssOverall: number;
  // computed
  p: Float64Array;
  W: Float64Array;
  coefA: Float64Array;
  coefG: Float64Array;
  coefO: Float64Array;
}

function newTally(code: string, nItems: number, nAspects: number, nGroups: number): UnitTally {
  return {
    code,
    w: new Float64Array(nItems * 5),
    w2: new Float64Array(nItems),
    n: new Float64Array(nItems),
    counted: new Float64Array(nItems * 5),
    countedTotal: new Float64Array(nItems),
    blank: new Float64Array(nItems),
    invalid: new Float64Array(nItems),
    rows: 0,
    ssItem: new Float64Array(nItems),
    ssAspect: new Float64Array(nAspects),
    ssGroup: new Float64Array(nGroups),
    ssOverall: 0,
    p: new Float64Array(nItems),
    W: new Float64Array(nItems),
    coefA: new Float64Array(nItems),
    coefG: new Float64Array(nItems),
    coefO: new Float64Array(nItems),
  };
}

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

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Flat view of the instrument for the hot loops. */
interface Layout {
  ids: string[];
  itemIndex: Map<string, number>;
  aspectOf: Int32Array;
  groupOf: Int32Array;
  aspectGroup: Int32Array;
  nItems: number;
  nAspects: number;
  nGroups: number;
}

function layoutOf(ins: SipasInstrument): Layout {
  const ids: string[] = [];
  const aspectOfL: number[] = [];
  const groupOfL: number[] = [];
  const aspectGroupL: number[] = [];
  let a = 0;
  ins.groups.forEach((g, gi) => {
    for (const asp of g.aspects) {
      aspectGroupL.push(gi);
      for (const it of asp.items) {
        ids.push(it.id);
        aspectOfL.push(a);
        groupOfL.push(gi);
      }
      a++;
    }
  });
  return {
    ids,
    itemIndex: new Map(ids.map((id, i) => [id, i])),
    aspectOf: Int32Array.from(aspectOfL),
    groupOf: Int32Array.from(groupOfL),
    aspectGroup: Int32Array.from(aspectGroupL),
    nItems: ids.length,
    nAspects: a,
    nGroups: ins.groups.length,
  };
}

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

/**
 * An index kept within [0, 100]: a weighted mean of level scores can only leave that range by
 * rounding (100.00000000000001) or, were the input bounds ever bypassed, by overflow; anything
 * not finite becomes NaN ("no data"), never Infinity.
 */
function bounded(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  return x < 0 ? 0 : x > 100 ? 100 : x;
}

/** Indices closer than this (in percentage points) are equal for ranking. */
export const SIPAS_TIE_EPSILON = 1e-9;

/** Ranks: 1 = highest; equal values (within SIPAS_TIE_EPSILON) share a rank, the next rank skips (1, 2, 2, 4). */
function ranks(values: (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((o) => o !== null && o > v + SIPAS_TIE_EPSILON).length));
}

/**
 * Score a SIPAS document: indices per item, aspect, group and overall for every unit,
 * 95% intervals, small-sample flags, gap to target, change from last year, drag analysis.
 * Problems come back as issues (never thrown): out-of-scale answers are excluded, counted
 * and listed as warnings with unit, row and item; structural problems are errors.
 * @example scoreSipas({ responses: [{ unit: 'KG', answers: { 'II.1.1': 5 } }] }).result.units[0]?.overall // 100
 */
export function scoreSipas(doc: unknown, options: ScoreSipasOptions = {}): ScoreSipasOutput {
  const issues = new IssueList(options.maxIssuesPerCode ?? 200);
  const locate = options.locate ?? defaultLocate;
  const rowOf = options.rowOf ?? ((_source: 'responses' | 'counts', index: number): number => index + 1);
  const parsed = sipasDocumentSchema.safeParse(doc);
  const emptyMethod = sipasMethodSchema.parse({});
  const empty = (ins?: SipasInstrument, m: SipasMethod = emptyMethod): ScoreSipasOutput => {
    const all = issues.finish();
    return {
      result: { instrument: { id: ins?.id ?? '', name: ins?.name ?? '', items: ins ? layoutOf(ins).nItems : 0 }, method: methodSummary(m), units: [], issues: all },
      ok: !hasErrors(all),
    };
  };
  if (!parsed.success) {
    for (const i of zodIssues(parsed.error, [], 'sipas.invalid')) issues.add(i);
    return empty();
  }
  const d = parsed.data;
  const methodParsed = sipasMethodSchema.safeParse({
    ...d.method,
    ...(d.target !== undefined && d.method?.target === undefined ? { target: d.target } : {}),
    ...(options.method !== undefined ? { item: options.method } : {}),
    ...(options.target !== undefined ? { target: options.target } : {}),
  });
  if (!methodParsed.success) {
    for (const i of zodIssues(methodParsed.error, ['method'], 'sipas.invalid')) issues.add(i);
    return empty();
  }
  const method: SipasMethod = methodParsed.data;

  // Instrument
  let ins: SipasInstrument | undefined;
  if (d.instrument === undefined || d.instrument === 'sipas-2022') ins = builtinSipasInstrument();
  else if (typeof d.instrument === 'string') issues.add(issue('sipas.instrument.unknown', { id: d.instrument }, { path: ['instrument'] }));
  else {
    const v = validateSipasInstrument(d.instrument);
    for (const i of v.issues) issues.add(i);
    ins = v.instrument;
  }
  if (!ins) return empty(undefined, method);
  const L = layoutOf(ins);
  const { nItems, nAspects, nGroups, ids, aspectOf, groupOf } = L;
  const y = levelScores(method.item);

  const tallies: UnitTally[] = [];
  const unitIndex = new Map<string, number>();
  const tallyFor = (code: string): number => {
    let u = unitIndex.get(code);
    if (u === undefined) {
      u = tallies.length;
      unitIndex.set(code, u);
      tallies.push(newTally(code, nItems, nAspects, nGroups));
    }
    return u;
  };

  // ---- Pass 1: respondent rows → tallies (codes kept in a byte array for pass 2)
  const rows = d.responses ?? [];
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
    const u = tallyFor(unit);
    const t = tallies[u] as UnitTally;
    t.rows++;
    rowUnit[r] = u;
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
      if (keyCache[j] === k) i = idxCache[j] as number;
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

  // Pooled unit: every accepted row again, from the byte codes (no second read of the answers).
  const poolCode = d.pool === undefined ? undefined : typeof d.pool === 'string' ? d.pool : d.pool.unit;
  let pool = -1;
  if (poolCode !== undefined) {
    if (unitIndex.has(poolCode)) issues.add(issue('sipas.pool.clash', { unit: poolCode }, { path: ['pool'], unit: poolCode }));
    else {
      pool = tallyFor(poolCode);
      const tp = tallies[pool] as UnitTally;
      for (let r = 0; r < R; r++) {
        if ((rowUnit[r] as number) < 0) continue;
        const w = rowWeight[r] as number;
        const base = r * nItems;
        tp.rows++;
        for (let i = 0; i < nItems; i++) {
          const c = codes[base + i] as number;
          if (c === BLANK) continue;
          if (c === INVALID) tp.invalid[i]!++;
          else {
            tp.w[i * 5 + c - 1]! += w;
            tp.w2[i]! += w * w;
            tp.n[i]!++;
          }
        }
      }
    }
  }

  // Blanks of respondent rows: every row answers each item validly, invalidly, or not at all.
  for (const t of tallies) for (let i = 0; i < nItems; i++) t.blank[i] = t.rows - (t.n[i] as number) - (t.invalid[i] as number);

  // ---- Counts
  const counts = d.counts ?? [];
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
    const c = sipasCountSchema.safeParse(raw);
    if (!c.success) {
      for (const zi of zodIssues(c.error, ['counts', ci], 'sipas.count.invalid')) issues.add({ ...zi, ...locate('counts', ci) });
      return;
    }
    const i = L.itemIndex.get(c.data.item);
    if (i === undefined) {
      issues.add(issue('sipas.count.unknownItem', { item: c.data.item }, { ...locate('counts', ci), unit: c.data.unit, criterion: c.data.item }));
      return;
    }
    if (c.data.unit === poolCode) {
      issues.add(issue('sipas.pool.clash', { unit: poolCode }, { ...locate('counts', ci), unit: poolCode }));
      return;
    }
    const targets = [tallies[tallyFor(c.data.unit)] as UnitTally];
    if (pool >= 0) targets.push(tallies[pool] as UnitTally);
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

  // ---- Item indices and composite coefficients per unit
  const itemWeight = new Float64Array(nItems);
  const aspectWeight = new Float64Array(nAspects);
  const groupWeight = new Float64Array(nGroups);
  {
    let i = 0;
    let a = 0;
    ins.groups.forEach((g, gi) => {
      groupWeight[gi] = g.weight;
      for (const asp of g.aspects) {
        aspectWeight[a++] = asp.weight;
        for (const it of asp.items) itemWeight[i++] = it.weight;
      }
    });
  }
  const aspectIdx: Float64Array[] = [];
  const groupIdx: Float64Array[] = [];
  const overallIdx: (number | null)[] = [];
  const aspectB: Float64Array[] = []; // aspect weight within its group (renormalised)
  const groupG: Float64Array[] = []; // group weight within overall (renormalised)
  for (const t of tallies) {
    for (let i = 0; i < nItems; i++) {
      let W = 0;
      let s = 0;
      for (let l = 0; l < 5; l++) {
        const wl = t.w[i * 5 + l] as number;
        W += wl;
        s += wl * (y[l] as number);
      }
      t.W[i] = W;
      t.p[i] = W > 0 ? bounded(s / W) : NaN;
    }
    // aspects: weights over items with data
    const aIdx = new Float64Array(nAspects).fill(NaN);
    const aSum = new Float64Array(nAspects);
    for (let i = 0; i < nItems; i++) if ((t.W[i] as number) > 0) aSum[aspectOf[i] as number]! += itemWeight[i] as number;
    for (let i = 0; i < nItems; i++) {
      const a = aspectOf[i] as number;
      t.coefA[i] = (t.W[i] as number) > 0 && (aSum[a] as number) > 0 ? (itemWeight[i] as number) / (aSum[a] as number) : 0;
    }
    for (let a = 0; a < nAspects; a++) if ((aSum[a] as number) > 0) aIdx[a] = 0;
    for (let i = 0; i < nItems; i++) if ((t.coefA[i] as number) > 0) aIdx[aspectOf[i] as number]! += (t.coefA[i] as number) * (t.p[i] as number);
    // groups
    const gSum = new Float64Array(nGroups);
    for (let a = 0; a < nAspects; a++) if (!Number.isNaN(aIdx[a] as number)) gSum[L.aspectGroup[a] as number]! += aspectWeight[a] as number;
    const b = new Float64Array(nAspects);
    for (let a = 0; a < nAspects; a++) {
      const g = L.aspectGroup[a] as number;
      b[a] = !Number.isNaN(aIdx[a] as number) && (gSum[g] as number) > 0 ? (aspectWeight[a] as number) / (gSum[g] as number) : 0;
    }
    const gIdx = new Float64Array(nGroups).fill(NaN);
    for (let g = 0; g < nGroups; g++) if ((gSum[g] as number) > 0) gIdx[g] = 0;
    for (let a = 0; a < nAspects; a++) if ((b[a] as number) > 0) gIdx[L.aspectGroup[a] as number]! += (b[a] as number) * (aIdx[a] as number);
    let oSum = 0;
    for (let g = 0; g < nGroups; g++) if (!Number.isNaN(gIdx[g] as number)) oSum += groupWeight[g] as number;
    const gg = new Float64Array(nGroups);
    let overall: number | null = oSum > 0 ? 0 : null;
    for (let g = 0; g < nGroups; g++) {
      gg[g] = !Number.isNaN(gIdx[g] as number) && oSum > 0 ? (groupWeight[g] as number) / oSum : 0;
      if (overall !== null && (gg[g] as number) > 0) overall += (gg[g] as number) * (gIdx[g] as number);
    }
    for (let i = 0; i < nItems; i++) {
      const a = aspectOf[i] as number;
      t.coefG[i] = (t.coefA[i] as number) * (b[a] as number);
      t.coefO[i] = (t.coefG[i] as number) * (gg[groupOf[i] as number] as number);
    }
    for (let a = 0; a < nAspects; a++) aIdx[a] = bounded(aIdx[a] as number);
    for (let g = 0; g < nGroups; g++) gIdx[g] = bounded(gIdx[g] as number);
    if (overall !== null) overall = Number.isNaN(bounded(overall)) ? null : bounded(overall);
    aspectIdx.push(aIdx);
    groupIdx.push(gIdx);
    overallIdx.push(overall);
    aspectB.push(b);
    groupG.push(gg);
  }

  // ---- Pass 2: linearised variance (respondent rows, then counted answers)
  const zA = new Float64Array(nAspects);
  const zG = new Float64Array(nGroups);
  /** Add one respondent's linearised contributions to the sums of squares of tally t. */
  const linearise = (t: UnitTally, base: number, w: number): void => {
    zA.fill(0);
    zG.fill(0);
    let zO = 0;
    const { p, W, ssItem, coefA, coefG, coefO } = t;
    for (let i = 0; i < nItems; i++) {
      const c = codes[base + i] as number;
      if (c === BLANK || c === INVALID) continue;
      const dv = (w * ((y[c - 1] as number) - (p[i] as number))) / (W[i] as number);
      ssItem[i]! += dv * dv;
      zA[aspectOf[i] as number]! += (coefA[i] as number) * dv;
      zG[groupOf[i] as number]! += (coefG[i] as number) * dv;
      zO += (coefO[i] as number) * dv;
    }
    for (let a = 0; a < nAspects; a++) t.ssAspect[a]! += (zA[a] as number) * (zA[a] as number);
    for (let g = 0; g < nGroups; g++) t.ssGroup[g]! += (zG[g] as number) * (zG[g] as number);
    t.ssOverall += zO * zO;
  };
  const poolTally = pool >= 0 ? (tallies[pool] as UnitTally) : undefined;
  for (let r = 0; r < R; r++) {
    const u = rowUnit[r] as number;
    if (u < 0) continue;
    linearise(tallies[u] as UnitTally, r * nItems, rowWeight[r] as number);
    if (poolTally) linearise(poolTally, r * nItems, rowWeight[r] as number);
  }
  for (const t of tallies) {
    for (let i = 0; i < nItems; i++) {
      for (let l = 0; l < 5; l++) {
        const k = t.counted[i * 5 + l] as number;
        if (k === 0) continue;
        const dv = ((y[l] as number) - (t.p[i] as number)) / (t.W[i] as number);
        const d2 = k * dv * dv;
        t.ssItem[i]! += d2;
        t.ssAspect[aspectOf[i] as number]! += (t.coefA[i] as number) * (t.coefA[i] as number) * d2;
        t.ssGroup[groupOf[i] as number]! += (t.coefG[i] as number) * (t.coefG[i] as number) * d2;
        t.ssOverall += (t.coefO[i] as number) * (t.coefO[i] as number) * d2;
      }
    }
  }

  // ---- Previous year
  const previous = new Map<string, SipasPrevious>();
  (d.previous ?? []).forEach((raw, pi) => {
    const p = sipasPreviousSchema.safeParse(raw);
    if (!p.success) for (const zi of zodIssues(p.error, ['previous', pi], 'sipas.previous.invalid')) issues.add(zi);
    else previous.set(p.data.unit, p.data);
  });
  const names = new Map((d.units ?? []).map((u) => [u.code, u.name]));
  const kinds = new Map((d.units ?? []).flatMap((u) => (u.kind !== undefined ? [[u.code, u.kind] as const] : [])));
  if (poolCode !== undefined && typeof d.pool === 'object' && d.pool.name !== undefined) names.set(poolCode, d.pool.name);

  // ---- Assemble results
  const nonNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
  const units: SipasUnitResult[] = tallies.map((t, u) => {
    const aIdx = aspectIdx[u] as Float64Array;
    const gIdx = groupIdx[u] as Float64Array;
    const overall = overallIdx[u] ?? null;
    const prev = previous.get(t.code);
    const prevOf = (code: string): number | undefined => prev?.indices?.[code];
    let i = 0;
    let a = 0;
    const groups: SipasGroupResult[] = ins.groups.map((g, gi) => {
      const aspects: SipasAspectResult[] = g.aspects.map((asp) => {
        const items: SipasItemResult[] = asp.items.map((it) => {
          const W = t.W[i] as number;
          const n = t.n[i] as number;
          const index = W > 0 ? (t.p[i] as number) : null;
          const nEff = (t.w2[i] as number) > 0 ? (W * W) / (t.w2[i] as number) : 0;
          let iv: { low: number; high: number } | null = null;
          if (index !== null) iv = method.item === 'topTwoBox' ? wilson(index / 100, nEff) : normalInterval(index, se(t.ssItem[i] as number, n));
          const res: SipasItemResult = {
            item: it.id,
            text: it.text,
            index,
            n,
            nEffective: nEff,
            low: iv ? iv.low : null,
            high: iv ? iv.high : null,
            levels: Array.from(t.w.subarray(i * 5, i * 5 + 5)),
            blank: t.blank[i] as number,
            invalid: t.invalid[i] as number,
            flags: flagsFor(n, index, iv?.low ?? null, iv?.high ?? null, method),
          };
          if (it.textEn !== undefined) res.textEn = it.textEn;
          i++;
          return res;
        });
        const index = nonNull(aIdx[a] as number);
        const withData = items.filter((x) => x.index !== null);
        const n = withData.length ? Math.min(...withData.map((x) => x.n)) : 0;
        const iv = index === null ? null : normalInterval(index, se(t.ssAspect[a] as number, n));
        const effW = (aspectB[u]?.[a] ?? 0) * (groupG[u]?.[gi] ?? 0);
        const res: SipasAspectResult = {
          code: asp.code,
          name: asp.name,
          index,
          n,
          low: iv ? iv.low : null,
          high: iv ? iv.high : null,
          weight: effW,
          gap: index === null ? null : method.target - index,
          flags: flagsFor(n, index, iv?.low ?? null, iv?.high ?? null, method),
          items,
        };
        if (asp.nameEn !== undefined) res.nameEn = asp.nameEn;
        const pv = prevOf(asp.code);
        if (pv !== undefined) {
          res.previous = pv;
          if (index !== null) res.change = index - pv;
        }
        a++;
        return res;
      });
      const index = nonNull(gIdx[gi] as number);
      const withData = aspects.filter((x) => x.index !== null);
      const n = withData.length ? Math.min(...withData.map((x) => x.n)) : 0;
      const iv = index === null ? null : normalInterval(index, se(t.ssGroup[gi] as number, n));
      const res: SipasGroupResult = {
        code: g.code,
        name: g.name,
        index,
        n,
        low: iv ? iv.low : null,
        high: iv ? iv.high : null,
        weight: groupG[u]?.[gi] ?? 0,
        gap: index === null ? null : method.target - index,
        flags: flagsFor(n, index, iv?.low ?? null, iv?.high ?? null, method),
        aspects,
      };
      if (g.nameEn !== undefined) res.nameEn = g.nameEn;
      const pv = prevOf(g.code);
      if (pv !== undefined) {
        res.previous = pv;
        if (index !== null) res.change = index - pv;
      }
      return res;
    });
    const withData = groups.filter((x) => x.index !== null);
    const nMin = withData.length ? Math.min(...withData.map((x) => x.n)) : 0;
    const iv = overall === null ? null : normalInterval(overall, se(t.ssOverall, nMin));
    let countedMax = 0;
    for (let k = 0; k < nItems; k++) countedMax = Math.max(countedMax, t.countedTotal[k] as number);
    const gap = overall === null ? null : method.target - overall;
    const drag: SipasDrag[] = [];
    for (const g of groups)
      for (const asp of g.aspects)
        if (asp.index !== null && asp.weight > 0) {
          const dr = (method.target - asp.index) * asp.weight;
          const item: SipasDrag = { aspect: asp.code, name: asp.name, group: g.code, index: asp.index, weight: asp.weight, drag: dr, share: gap !== null && gap > 0 ? dr / gap : null };
          if (asp.nameEn !== undefined) item.nameEn = asp.nameEn;
          drag.push(item);
        }
    drag.sort((x, z) => z.drag - x.drag);
    let blank = 0;
    let invalid = 0;
    for (let k = 0; k < nItems; k++) {
      blank += t.blank[k] as number;
      invalid += t.invalid[k] as number;
    }
    const res: SipasUnitResult = {
      unit: t.code,
      name: names.get(t.code) ?? t.code,
      ...(u === pool ? { kind: 'pool', pooled: true } : kinds.has(t.code) ? { kind: kinds.get(t.code) as string } : {}),
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
      drag,
    };
    const pOverall = prev?.overall ?? prevOf(OVERALL_KEY);
    if (prev) {
      res.previous = {};
      if (pOverall !== undefined) {
        res.previous.overall = pOverall;
        if (overall !== null) res.change = overall - pOverall;
      }
      if (prev.rank !== undefined) res.previous.rank = prev.rank;
    }
    return res;
  });
  // The pooled unit goes last.
  units.sort((x, z) => Number(x.pooled === true) - Number(z.pooled === true));
  // Ranks within each unit kind (units without a kind form one group); the pooled unit is not ranked.
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
  }
  units.forEach((x) => {
    if (x.previous?.rank !== undefined && x.rank !== null) x.previous.rankChange = x.previous.rank - x.rank;
    if (x.overall === null) issues.add(issue('sipas.unit.noData', { unit: x.unit }, { unit: x.unit }, 'warning'));
    else {
      const missing = x.groups.filter((g) => g.index === null).map((g) => g.code);
      if (missing.length > 0) issues.add(issue('sipas.unit.groupNoData', { unit: x.unit, groups: missing }, { unit: x.unit }, 'info'));
    }
    const flagged = x.groups.flatMap((g) => g.aspects.flatMap((asp) => asp.items.filter((it) => it.flags.length > 0).map((it) => it.item)));
    if (flagged.length > 0) issues.add(issue('sipas.smallSample', { unit: x.unit, count: flagged.length, items: flagged.slice(0, 10), minN: method.minN, halfWidth: method.maxHalfWidth }, { unit: x.unit }, 'info'));
  });
  for (const [code] of previous) if (!unitIndex.has(code)) issues.add(issue('sipas.previous.unknownUnit', { unit: code }, { unit: code }, 'warning'));
  const all = issues.finish();
  return {
    result: { instrument: { id: ins.id, name: ins.name, items: nItems }, method: methodSummary(method), units, issues: all },
    ok: !hasErrors(all),
  };
}

function methodSummary(m: SipasMethod): SipasResult['method'] {
  return {
    item: m.item,
    target: m.target,
    interval: m.item === 'topTwoBox' ? 'wilson+linearisation' : 'normal+linearisation',
    minN: m.minN,
    maxHalfWidth: m.maxHalfWidth,
  };
}
