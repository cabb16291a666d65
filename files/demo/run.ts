/**
 * `parindex demo`: build the Thanh Xuân 2023 sample master workbook from samples/, then run
 * the yearly round as the office would: templates → units fill them → import → appraisal →
 * score. Writes <dir>/master-blank.xlsx, <dir>/templates/*.xlsx, <dir>/filled/*.xlsx,
 * <dir>/master.xlsx (submissions imported and appraised), <dir>/results.xlsx.
 */
import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import type { Lang } from '../../engine';
import type { Issue } from '../../engine';
import type { Assessment } from '../../engine';
import type { Unit } from '../../engine';
import type { Framework } from '../../engine';
import type { RenderedSheet } from '../../engine';
import type { ResultsDocument } from '../../engine';
import { getBuiltinFramework, builtinUnits } from '../../engine';
import { renderMasterInputSheets, assessmentKey, type MasterData, type SubmissionMeta, type SurveyCountRow } from '../../engine';
import type { SipasResult } from '../../engine';
import type { SubmissionStatus } from '../../engine';
import { templateFileName } from '../../engine';
import { renderStatusRegister } from '../../engine';
import { renderCrosswalkSheet, renderPreviousCriteriaSheet } from '../../engine';
import { planFromDocument, templateStatusSheet } from '../../engine';
import { ExcelJsPort } from '../port';
import { saveXlsxAtomically, writeFailedIssue, writeFileAtomically } from '../node';
import { writeTemplateFiles, fillTemplate } from '../templates';
import { importFilled } from '../import/import';
import { openRoundFile, scoreWorkbookFile, scoreLoadedWorkbook, readRoundSheets } from '../scoreWorkbook';
import { applyAppraisals, openMaster, type AppraisalEdit } from '../../engine';
import type { DemoSample } from './sample';
import sampleJson from '../../samples/thanh-xuan-2023.json';
import { pushAll } from '../../engine';

export const demoSample = sampleJson as unknown as DemoSample;

export interface DemoStep {
  /** 1-based step number and total. */
  step: number;
  total: number;
  label: { vi: string; en: string };
}

export interface DemoOptions {
  lang: Lang;
  onStep?: (s: DemoStep) => void;
}

export interface DemoResult {
  dir: string;
  files: { masterBlank: string; templates: string[]; filled: string[]; master: string; results: string };
  results?: ResultsDocument;
  sipas?: SipasResult;
  status: SubmissionStatus[];
  /** Issues of the round (import mistakes are expected: the sample units make some). */
  issues: Issue[];
  /** Milliseconds per step. */
  timings: Record<string, number>;
  /** Files that could not be written (read-only folder, no permission, disk full): the demo stopped there. */
  writeFailed?: Issue[];
}

const STEPS: DemoStep['label'][] = [
  { vi: 'Lập sổ tổng hợp từ dữ liệu mẫu', en: 'Building the master workbook from the sample' },
  { vi: 'Xuất biểu mẫu cho từng đơn vị', en: 'Writing one template per unit' },
  { vi: 'Đơn vị điền biểu mẫu (mô phỏng)', en: 'Units fill their templates (simulated)' },
  { vi: 'Nhận và kiểm tra biểu mẫu', en: 'Importing and checking the filled templates' },
  { vi: 'Ghi điểm thẩm định', en: 'Entering appraisal scores' },
  { vi: 'Tính điểm, ghi kết quả', en: 'Scoring and writing results' },
];

/** The sample as master data (no submissions yet: those come through the templates). */
export function sampleMasterData(sample: DemoSample, framework: Framework, units: readonly Unit[], options: { responses?: boolean } = {}): MasterData {
  const items = sample.survey.items;
  const decode = (s: string, k: number): number | null => {
    const d = Number(s[k] ?? '0');
    return d >= 1 && d <= 5 ? d : null;
  };
  const survey: NonNullable<MasterData['survey']> = {};
  if (options.responses) {
    // one row per respondent (the "Khảo sát" sheet)
    survey.responses = Object.entries(sample.survey.responses).flatMap(([unit, list]) =>
      list.map((s, i) => ({ unit, respondent: String(i + 1), answers: Object.fromEntries(items.map((it, k) => [it, decode(s, k)])) })),
    );
    survey.items = [...items];
  } else {
    // answers counted by level per unit and item (the "Khảo sát - tổng hợp" sheet): same indices, far fewer cells
    const counts: SurveyCountRow[] = [];
    const pooled = items.map(() => ({ levels: [0, 0, 0, 0, 0] as [number, number, number, number, number], blank: 0 }));
    for (const [unit, list] of Object.entries(sample.survey.responses)) {
      items.forEach((item, k) => {
        const levels: [number, number, number, number, number] = [0, 0, 0, 0, 0];
        let blank = 0;
        for (const s of list) {
          const d = decode(s, k);
          if (d === null) blank++;
          else levels[d - 1] = (levels[d - 1] ?? 0) + 1;
        }
        const p = pooled[k];
        if (p) {
          levels.forEach((x, i) => (p.levels[i] = (p.levels[i] ?? 0) + x));
          p.blank += blank;
        }
        counts.push({ unit, item, levels, blank });
      });
    }
    // the district's satisfaction: all wards' respondents together
    const district = units.find((u) => u.kind === 'district');
    if (district) items.forEach((item, k) => {
      const p = pooled[k];
      if (p) counts.push({ unit: district.code, item, levels: p.levels, blank: p.blank });
    });
    survey.counts = counts;
    // the QR-code answers, one row each with device and time, beside the counted answers: the
    // survey-quality guard flags the burst and sets it aside
    const kiosk = sample.survey.kiosk ?? [];
    if (kiosk.length > 0) {
      survey.responses = kiosk.map((k, i) => ({ unit: k.unit, respondent: `QR-${i + 1}`, device: k.device, at: k.at, answers: Object.fromEntries(items.map((it, j) => [it, decode(k.answers, j)])) }));
      survey.items = [...items];
    }
  }
  if (sample.surveyIndices) survey.indices = sample.surveyIndices;
  return {
    framework: { ...framework, year: sample.year },
    units: [...units],
    assessments: [],
    submissions: [],
    rounds: sample.rounds,
    survey,
    previous: sample.previous,
    ...(sample.plan ? { plan: sample.plan } : {}),
    settings: { sipasMethod: 'topTwoBox', surveyTarget: 90, note: sample.name, ...(sample.planId ? { planId: sample.planId } : {}) },
  };
}

/** The sample's submissions as assessments (the direct path, without templates). */
export function sampleAssessments(sample: DemoSample): { assessments: Assessment[]; submissions: SubmissionMeta[] } {
  const assessments: Assessment[] = [];
  const submissions: SubmissionMeta[] = [];
  const ap = new Map(sample.appraisals.map((a) => [assessmentKey(a.unit, a.criterion), a]));
  for (const s of sample.submissions) {
    for (const r of s.rows) {
      const a: Assessment = { unit: s.unit, criterion: r.criterion };
      if (r.value !== undefined) a.value = r.value;
      if (r.self !== undefined) a.self = r.self;
      if (r.evidence) a.evidence = r.evidence;
      if (r.explanation) a.explanation = r.explanation;
      const x = ap.get(assessmentKey(s.unit, r.criterion));
      if (x) {
        a.appraisal = [...x.appraisal];
        const reason = x.reasons[x.reasons.length - 1];
        if (reason) a.reason = reason;
      }
      assessments.push(a);
      submissions.push({ unit: s.unit, criterion: r.criterion, submittedAt: s.submittedAt, sourceFile: `tu-danh-gia-${s.from}.xlsx`, ...(s.from !== s.unit ? { by: s.from } : {}), ...(x ? { reasons: [x.reasons[0], x.reasons[1]] as [string | undefined, string | undefined] } : {}) });
    }
  }
  return { assessments, submissions };
}

async function writeSheets(sheets: ReturnType<typeof renderMasterInputSheets>, outPath: string): Promise<Issue[]> {
  const port = ExcelJsPort.create();
  await port.write(sheets);
  return saveXlsxAtomically(port, outPath);
}

/**
 * Run the whole demo into `dir`.
 * @example const r = await runDemo('out/demo', { lang: 'vi' });
 */
export async function runDemo(dir: string, options: DemoOptions): Promise<DemoResult> {
  const sample = demoSample;
  const timings: Record<string, number> = {};
  const issues: Issue[] = [];
  let t0 = Date.now();
  const step = (i: number): void => {
    const label = STEPS[i - 1] ?? STEPS[0] ?? { vi: '', en: '' };
    if (i > 1) timings[String(i - 1)] = Date.now() - t0;
    t0 = Date.now();
    options.onStep?.({ step: i, total: STEPS.length, label });
  };
  const framework = getBuiltinFramework(sample.frameworkId);
  if (!framework) throw new Error(`built-in framework ${sample.frameworkId} not found`);
  const units = builtinUnits;
  const files = {
    masterBlank: path.join(dir, 'master-blank.xlsx'),
    templates: [] as string[],
    filled: [] as string[],
    master: path.join(dir, 'master.xlsx'),
    results: path.join(dir, 'results.xlsx'),
  };
  // a file that cannot be written stops the demo, saying which file and why
  const failed = (): Issue[] => issues.filter((i) => i.code === 'file.writeFailed');
  const stop = (): DemoResult => ({ dir, files, status: [], issues, timings, writeFailed: failed() });
  for (const sub of ['templates', 'filled']) {
    try {
      await fsp.mkdir(path.join(dir, sub), { recursive: true });
    } catch (e) {
      issues.push(writeFailedIssue(e, path.join(dir, sub)));
      return stop();
    }
  }

  // 1. master workbook before the round
  step(1);
  const data = sampleMasterData(sample, framework, units);
  const inputSheets = renderMasterInputSheets(data, { lang: options.lang });
  // the lead offices' quarterly reports on the plan's tasks (plan module's register sheet)
  if (sample.planStatuses && sample.planStatuses.length) inputSheets.push(renderStatusRegister(sample.planStatuses, { lang: options.lang }));
  // last year's criterion points on last year's codes, and the codes that moved (docs/periods.md)
  if (sample.previousCriteria?.length) inputSheets.push(renderPreviousCriteriaSheet(sample.previousCriteria, options.lang));
  if (sample.criteriaCrosswalk?.length) inputSheets.push(renderCrosswalkSheet({ units: [], criteria: sample.criteriaCrosswalk.map((c) => ({ from: c.from, to: c.to, ...(c.note ? { note: c.note } : {}) })) }, options.lang));
  pushAll(issues, (await writeSheets(inputSheets, files.masterBlank)));
  if (failed().length > 0) return stop();

  // 2. templates
  step(2);
  // the same criteria set and units as master-blank.xlsx, without reading that file back
  const selfRound = sample.rounds.find((x) => x.round === 'selfAssessment');
  // every template carries the unit's progress sheet of the plan, as `parindex templates` makes it
  const plan = sample.planId ? planFromDocument({ builtin: sample.planId }, { units: data.units }).plan : undefined;
  const now = `${sample.year}-11-01T08:00`;
  const progress = (unit: Unit): RenderedSheet[] => {
    const sheet = plan ? templateStatusSheet(plan.tasks, unit.code, { units: data.units, lang: options.lang, now, ...(selfRound ? { deadline: selfRound.deadline } : {}) }) : undefined;
    return sheet ? [sheet] : [];
  };
  const tpl = await writeTemplateFiles(data.framework, data.units, path.join(dir, 'templates'), {
    lang: options.lang,
    now,
    inputPaths: [files.masterBlank],
    extraSheets: progress,
    ...(selfRound ? { deadline: selfRound.deadline, round: selfRound.label ?? selfRound.round } : {}),
  });
  pushAll(issues, tpl.issues);
  files.templates = tpl.files;
  if (failed().length > 0) return stop();

  // 3. units fill their templates (mistakes included), file times = submission times
  step(3);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  for (const s of sample.submissions) {
    const u = unitByCode.get(s.from);
    if (!u) continue;
    const name = templateFileName(u);
    const src = path.join(dir, 'templates', name);
    let blank: Uint8Array;
    try {
      blank = new Uint8Array(await fsp.readFile(src));
    } catch {
      continue;
    }
    const mistakes = sample.mistakes.filter((m) => m.from === s.from);
    const answers = s.rows.map((r) => {
      const m = mistakes.find((x) => x.criterion === r.criterion);
      const a = { criterion: r.criterion, ...(r.value !== undefined ? { value: r.value } : {}), ...(r.self !== undefined ? { self: r.self } : {}), ...(r.evidence ? { evidence: r.evidence } : {}), ...(r.explanation ? { explanation: r.explanation } : {}) };
      return m ? { ...a, [m.field]: m.value } : a;
    });
    const filled = await fillTemplate(blank, answers);
    const out = path.join(dir, 'filled', name);
    try {
      await writeFileAtomically(out, filled.bytes);
      const when = new Date(`${s.submittedAt}:00Z`);
      await fsp.utimes(out, when, when);
    } catch (e) {
      issues.push(writeFailedIssue(e, out));
      return stop();
    }
    files.filled.push(out);
  }

  // 4. import (valid rows of files with mistakes are taken; the mistakes are listed)
  step(4);
  const imp = await importFilled(files.masterBlank, files.filled, files.master, { lang: options.lang, now: `${sample.asOf}T09:00`, acceptValidRows: true });
  pushAll(issues, imp.issues);
  const status = imp.units;
  if (failed().length > 0) return stop();

  // 5. appraisal: the council's scores go into "Kê khai" of the imported master
  step(5);
  const read = await openRoundFile(files.master);
  let scored: Awaited<ReturnType<typeof scoreWorkbookFile>>;
  const opened = read.port ? openMaster(read.snapshots, { file: read.label }) : undefined;
  if (read.port && opened?.scorable) {
    const edits: AppraisalEdit[] = sample.appraisals.map((a) => {
      const reason = a.reasons[a.reasons.length - 1];
      return { unit: a.unit, criterion: a.criterion, appraisal: [...a.appraisal], reasons: [a.reasons[0], a.reasons[1]], ...(reason ? { reason } : {}) };
    });
    const ap = applyAppraisals(opened.doc, edits, options.lang);
    pushAll(issues, ap.issues);
    await read.port.write(ap.sheets);
    const tmp = path.join(dir, '.master-appraised.xlsx');
    pushAll(issues, (await saveXlsxAtomically(read.port, tmp)));
    if (failed().length > 0) return stop();
    try {
      await fsp.rename(tmp, files.master);
    } catch (e) {
      issues.push(writeFailedIssue(e, files.master));
      return stop();
    }
    // 6. score the workbook already in memory (same content as master.xlsx, not read again)
    step(6);
    const snapshots = await readRoundSheets(read.port);
    scored = await scoreLoadedWorkbook(read.port, snapshots, files.master, { lang: options.lang, out: files.results, asOf: sample.asOf });
  } else {
    step(6);
    scored = await scoreWorkbookFile(files.master, { lang: options.lang, out: files.results, asOf: sample.asOf });
  }
  pushAll(issues, scored.issues);
  timings['6'] = Date.now() - t0;
  const result: DemoResult = { dir, files, status, issues, timings, ...(failed().length > 0 ? { writeFailed: failed() } : {}) };
  if (scored.results) result.results = scored.results;
  if (scored.sipas) result.sipas = scored.sipas;
  return result;
}
