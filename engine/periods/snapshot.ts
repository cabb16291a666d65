/**
 * The snapshot of a score: `{sha256, locked}` (CONTRACTS). `sha256` is the SHA-256 of a canonical
 * form of every input the scores depend on — the criteria set, the units, the declared values and
 * every round's points, the rounds' deadlines, the survey indices (and their intervals), last
 * year's results and the crosswalk — so the same inputs give the same hash whether they came from
 * a JSON document or a master workbook, in whatever row, column or sheet order, and any change to
 * one of them gives another. Words that do not change a score (names, notes, reasons, evidence
 * text) are left out. `locked` lists the rounds closed when the score was computed.
 */
import { scoringDocumentSchema, type ScoringDocument } from '../model/document';
import type { PreviousResult } from '../model/assessment';
import { DEFAULT_GRADES, type Framework } from '../model/framework';
import { DEFAULT_TARGET } from '../scoring/validate';
import { canonicalJson } from './canonical';
import { sha256Hex } from './sha256';
import type { Crosswalk } from './crosswalk';
import { ROUNDS, type RoundCode } from './lock';

export interface Snapshot {
  sha256: string;
  /** Rounds closed when the score was computed, in round order. */
  locked: string[];
}

/** Node fields that are words only (a score never depends on them). */
const WORDS = new Set(['name', 'nameEn', 'note', 'evidence', 'ruleText', 'description', 'level', 'label']);

function withoutWords(value: unknown): unknown {
  if (Array.isArray(value)) return (value as unknown[]).map(withoutWords);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (!WORDS.has(k)) out[k] = withoutWords(v);
    return out;
  }
  return value;
}

const byKey = <T>(key: (x: T) => string) => (a: T, b: T): number => {
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

export interface SnapshotInput {
  /** The document as scored (survey indices merged in). It is parsed again here so defaults agree. */
  document: ScoringDocument;
  /** Last year's results as given (before any crosswalk). */
  previous?: readonly PreviousResult[];
  crosswalk?: Crosswalk;
  /** Round deadlines ("Vòng đánh giá" or JSON `rounds`). */
  rounds?: readonly { round: string; deadline?: string; start?: string }[];
  locked?: readonly RoundCode[];
}

/** The canonical object hashed (exported for tests and for `explain`-like tools). */
export function snapshotCanonical(input: SnapshotInput): string {
  const parsed = scoringDocumentSchema.safeParse(input.document);
  const doc: ScoringDocument = parsed.success ? parsed.data : input.document;
  const fw: Framework = doc.framework;
  const { id: _id, name: _name, meta: _meta, ...given } = fw as Framework & { meta?: unknown };
  // defaults written out (a master writes them, a JSON document may leave them out)
  const fwRest = { ...given, grades: given.grades ?? DEFAULT_GRADES, target: given.target ?? DEFAULT_TARGET };
  const units = doc.units.map((u) => ({ code: u.code, kind: u.kind, scored: u.scored })).sort(byKey((u) => u.code));
  const assessments = doc.assessments
    .map((a) => ({ unit: a.unit, criterion: a.criterion, value: a.value, self: a.self, appraisal: a.appraisal && a.appraisal.length ? a.appraisal : undefined, notApplicable: a.notApplicable }))
    .filter((a) => a.value !== undefined || a.self !== undefined || a.appraisal !== undefined || a.notApplicable !== undefined)
    .sort(byKey((a) => `${a.unit}\u0000${a.criterion}`));
  const previous = [...(input.previous ?? doc.previous ?? [])].map((p) => ({ unit: p.unit, index: p.index, rank: p.rank, grade: p.grade, year: p.year })).sort(byKey((p) => `${p.unit}\u0000${p.year ?? ''}`));
  const crosswalk = input.crosswalk
    ? {
        units: input.crosswalk.units.map((e) => ({ from: e.from, to: e.to, share: e.share })).sort(byKey((e) => `${e.from}\u0000${e.to}`)),
        criteria: input.crosswalk.criteria.map((e) => ({ from: e.from, to: e.to })).sort(byKey((e) => `${e.from}\u0000${e.to}`)),
      }
    : undefined;
  const rounds = input.rounds?.length ? [...input.rounds].map((r) => ({ round: r.round, deadline: r.deadline?.slice(0, 10), start: r.start?.slice(0, 10) })).sort(byKey((r) => r.round)) : undefined;
  const canonical = {
    v: 1,
    framework: withoutWords(fwRest),
    units,
    assessments,
    surveyIndices: doc.surveyIndices && Object.keys(doc.surveyIndices).length ? doc.surveyIndices : undefined,
    surveyIntervals: doc.surveyIntervals && Object.keys(doc.surveyIntervals).length ? doc.surveyIntervals : undefined,
    previous: previous.length ? previous : undefined,
    crosswalk: crosswalk && (crosswalk.units.length || crosswalk.criteria.length) ? crosswalk : undefined,
    rounds,
  };
  return canonicalJson(canonical);
}

/** The snapshot of a score. */
export function snapshotOf(input: SnapshotInput): Snapshot {
  const locked = ROUNDS.filter((r) => (input.locked ?? []).includes(r));
  return { sha256: sha256Hex(snapshotCanonical(input)), locked: [...locked] };
}
