import { scoringDocumentSchema, type ScoringDocument } from '../model/document';
import { hasErrors, type Issue } from '../model/issue';
import type { ResultsDocument, UnitResult } from '../model/results';
import type { Lang } from '../i18n/format';
import { fromZodIssues, typeIssue, REPORT_INPUT } from '../i18n/zod';
import { compileFramework, type CompiledFramework } from './validate';
import { getBuiltinFramework, unknownBuiltinIssue } from '../frameworks';
import { prepareDocument, rankUnits, scoreUnit, withMessages, type PreparedDocument, type UnitScore } from './score';
import { pushAll } from '../model/arrays';
import { withRankUncertainty } from './uncertainty';

export interface ScoreOptions {
  /** Language of reasons and messages (default vi). */
  lang?: Lang;
  /** Reference date (yyyy-mm-dd) recorded in the results; plan status uses it. */
  asOf?: string;
}

export interface ScoreOutcome {
  results: ResultsDocument;
  /** Every issue found (framework, document, values), located. */
  issues: Issue[];
  /** False when the input has errors (warnings do not count). */
  ok: boolean;
}

/**
 * A scored document kept in memory so that what-if can re-score only the units that change.
 * Treat as read-only.
 */
export interface ScoringSession {
  prep: PreparedDocument;
  lang: Lang;
  asOf?: string;
  /** Per scored unit, before ranking, in document order. */
  scores: ReadonlyMap<string, UnitScore>;
  /** Framework and document issues (not tied to scoring one unit). */
  baseIssues: readonly Issue[];
  outcome: ScoreOutcome;
}

export interface ParsedDocument {
  doc?: ScoringDocument;
  compiled?: CompiledFramework;
  issues: Issue[];
}

/**
 * Validate a scoring document (framework included); every problem reported with its path.
 * `framework` may also be the id of a built-in set ("thanh-xuan-2023").
 * @example const { doc, compiled, issues } = parseScoringDocument(JSON.parse(text));
 */
export function parseScoringDocument(raw: unknown): ParsedDocument {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { issues: [typeIssue('object', raw, { path: [] })] };
  const given = (raw as { framework?: unknown }).framework;
  if (typeof given === 'string') {
    // A built-in criteria set named by id: "framework": "thanh-xuan-2023".
    const builtin = getBuiltinFramework(given);
    if (!builtin) return { issues: [{ ...unknownBuiltinIssue(given), path: ['framework'] }] };
    return parseScoringDocument({ ...raw, framework: builtin });
  }
  const fw = compileFramework(given, ['framework']);
  // A tree too deep to parse safely stops here (the document schema would walk it again).
  if (fw.issues.some((i) => i.code === 'framework.tooDeep')) return { issues: fw.issues };
  const parsed = scoringDocumentSchema.safeParse(raw, REPORT_INPUT);
  const issues: Issue[] = [...fw.issues];
  if (!parsed.success) {
    pushAll(issues, fromZodIssues(parsed.error.issues.filter((zi) => zi.path[0] !== 'framework')));
    return { issues };
  }
  return fw.compiled ? { doc: parsed.data, compiled: fw.compiled, issues } : { doc: parsed.data, issues };
}

/**
 * Ranks, grades, issues and the results document from per-unit scores.
 * @example const outcome = assemble(prep, scores, baseIssues, 'vi');
 */
export function assemble(prep: PreparedDocument, scores: ReadonlyMap<string, UnitScore>, baseIssues: readonly Issue[], lang: Lang, asOf?: string): ScoreOutcome {
  const unscored: UnitResult[] = [];
  const issues: Issue[] = [...baseIssues];
  for (const u of prep.units) {
    const s = scores.get(u.code);
    if (!s) continue;
    unscored.push(s.result);
    pushAll(issues, s.issues);
  }
  const eps = prep.compiled.tieEpsilon;
  // ranks, then how sure each is: rank ranges within the survey indices' 95% intervals
  const units = withRankUncertainty(
    { compiled: prep.compiled, ...(prep.doc.surveyIndices ? { surveyIndices: prep.doc.surveyIndices } : {}), ...(prep.doc.surveyIntervals ? { surveyIntervals: prep.doc.surveyIntervals } : {}) },
    rankUnits(unscored, eps),
    eps,
  );
  const fw = prep.compiled.framework;
  const results: ResultsDocument = {
    framework: { id: fw.id, name: fw.name, ...(fw.year !== undefined ? { year: fw.year } : {}), target: prep.compiled.target },
    units,
    issues: withMessages(issues, lang),
    ...(asOf !== undefined ? { asOf } : {}),
  };
  return { results, issues, ok: !hasErrors(issues) };
}

function emptyResults(lang: Lang, issues: Issue[], doc: ScoringDocument | undefined): ScoreOutcome {
  const fw = doc?.framework;
  return {
    results: {
      framework: { id: fw?.id ?? '', name: fw?.name ?? '', ...(fw?.year !== undefined ? { year: fw.year } : {}), target: fw?.target ?? 90 },
      units: [],
      issues: withMessages(issues, lang),
    },
    issues,
    ok: false,
  };
}

/**
 * Score a document and keep what is needed for fast what-if.
 * Returns no session when the framework or the document shape is invalid.
 * @example
 * const { session } = createSession(doc);
 * if (session) whatIfSession(session, [{ unit: 'KG', criterion: '2.1', value: '100%' }]);
 */
export function createSession(raw: unknown, options: ScoreOptions = {}): { session?: ScoringSession; outcome: ScoreOutcome } {
  const lang = options.lang ?? 'vi';
  const parsed = parseScoringDocument(raw);
  if (!parsed.doc || !parsed.compiled) return { outcome: emptyResults(lang, parsed.issues, parsed.doc) };
  const prep = prepareDocument(parsed.doc, parsed.compiled);
  const scores = new Map<string, UnitScore>();
  for (const u of prep.units) scores.set(u.code, scoreUnit(prep, u, prep.answers.get(u.code), lang));
  const baseIssues = [...parsed.issues, ...prep.issues];
  const outcome = assemble(prep, scores, baseIssues, lang, options.asOf);
  const session: ScoringSession = { prep, lang, scores, baseIssues, outcome, ...(options.asOf !== undefined ? { asOf: options.asOf } : {}) };
  return { session, outcome };
}
