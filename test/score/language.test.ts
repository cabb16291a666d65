/**
 * Scoring does not depend on the display language: the same input scored with `lang: 'vi'` and
 * `lang: 'en'` gives the same numbers, ranks, grades, gaps, SIPAS and plan results and the same
 * issues (codes, params, locations); only the human-readable text differs.
 */
import { scoreDocumentRound, scoreMasterRound, type ScoreRound } from '../../engine/app';
import { builtinUnits, getBuiltinFramework, type Lang } from '../../engine';
import { renderMasterInputSheets } from '../../engine/workbook/master';
import { renderStatusRegister } from '../../engine/plan';
import type { SheetSnapshot } from '../../engine/workbook/port';
import { ExcelJsPort } from '../../files/port';
import { demoSample, sampleAssessments, sampleMasterData } from '../../files/demo/run';
import elevenWards from '../fixtures/score/thanh-xuan-11-wards.json';
import sipasSmall from '../fixtures/sipas/small.json';

const AS_OF = '2023-12-15';

/** Keys whose values are words for a reader, in the requested language. */
const TEXT_KEYS = new Set(['message', 'reason', 'headTitle']);

/** The round with its reader's words left out. */
function languageFree(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(languageFree);
  if (typeof x !== 'object' || x === null) return x;
  return Object.fromEntries(
    Object.entries(x)
      .filter(([k]) => !TEXT_KEYS.has(k))
      .map(([k, v]) => [k, languageFree(v)]),
  );
}

function essentials(r: ScoreRound): unknown {
  return {
    ok: r.ok,
    counts: r.counts,
    units: (r.results?.units ?? []).map((u) => ({
      code: u.code,
      score: u.score,
      max: u.max,
      index: u.index,
      rank: u.rank,
      grade: u.grade,
      previous: u.previous,
      gaps: u.gaps.map((g) => [g.criterion, g.lost, g.recoverable]),
    })),
    issues: r.issues.map((i) => ({ code: i.code, severity: i.severity, params: i.params, path: i.path, file: i.file, sheet: i.sheet, cell: i.cell, unit: i.unit, criterion: i.criterion })),
    targets: languageFree(r.targets),
  };
}

function compare(score: (lang: Lang) => ScoreRound): void {
  const vi = score('vi');
  const en = score('en');
  expect(vi.results?.units.length).toBeGreaterThan(0);
  expect(vi.issues.length).toBeGreaterThan(0);
  expect(essentials(en)).toEqual(essentials(vi));
  expect(languageFree({ results: en.results, sipas: en.sipas, plan: en.plan, targets: en.targets, issues: en.issues })).toEqual(
    languageFree({ results: vi.results, sipas: vi.sipas, plan: vi.plan, targets: vi.targets, issues: vi.issues }),
  );
  // … and the words do differ, so the comparison above is not vacuous
  const words = (r: ScoreRound): string[] => (r.results?.units ?? []).flatMap((u) => u.gaps.map((g) => g.reason));
  expect(words(en)).not.toEqual(words(vi));
}

describe('results do not depend on the display language', () => {
  test('a JSON document (with SIPAS, a plan, a target and data errors)', () => {
    const doc = {
      ...elevenWards,
      assessments: [
        // an appraisal above the maximum, a value the rule cannot read, an unknown unit
        { unit: 'HD', criterion: '1.1', value: 'Có', self: 2, appraisal: [99] },
        { unit: 'HD', criterion: '1.2', value: 'maybe' },
        ...elevenWards.assessments.slice(2),
        { unit: 'ZZ', criterion: '1.1', self: 1 },
      ],
      sipas: sipasSmall,
      plan: { builtin: 'plan-thanh-xuan-2023' },
    };
    compare((lang) => scoreDocumentRound(doc, { lang, asOf: AS_OF, target: { rank: 3 }, file: 'doc.json' }));
  });

  test('a master workbook (the demo district: 12 units, 200 criteria, SIPAS counts, plan reports)', async () => {
    const framework = getBuiltinFramework(demoSample.frameworkId);
    if (!framework) throw new Error('no built-in framework');
    const { assessments, submissions } = sampleAssessments(demoSample);
    const first = assessments[0];
    const broken = first ? [{ ...first, appraisal: [99] }] : [];
    const data = { ...sampleMasterData(demoSample, framework, builtinUnits), assessments: [...assessments.slice(1), ...broken], submissions };
    const sheets = renderMasterInputSheets(data, { lang: 'vi' });
    if (demoSample.planStatuses?.length) sheets.push(renderStatusRegister(demoSample.planStatuses, { lang: 'vi' }));
    const port = ExcelJsPort.create();
    await port.write(sheets);
    const back = await ExcelJsPort.fromBuffer(await port.toBuffer());
    const snaps: SheetSnapshot[] = await back.read((await back.listSheets()).map((s) => s.name));
    compare((lang) => scoreMasterRound(snaps, { lang, asOf: AS_OF, target: { index: 90 }, file: 'master.xlsx', render: false }));
  }, 120_000);
});
