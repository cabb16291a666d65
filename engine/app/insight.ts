/**
 * The insight analyses of a round (issue 15) as the application layer runs them: appraisal risks
 * at scoring (JSON document or master) and at import (the filled templates' own cells). Rank
 * uncertainty is part of ranking itself (engine/scoring/uncertainty.ts) and the survey-quality
 * guard part of SIPAS scoring (engine/sipas/quality.ts).
 */
import type { Issue } from '../model/issue';
import type { Assessment, PreviousCriterion } from '../model/assessment';
import type { Framework } from '../model/framework';
import type { Unit } from '../model/unit';
import type { SheetSnapshot } from '../workbook/port';
import type { FilledParse } from '../workbook/import';
import { compileFramework } from '../scoring/validate';
import type { ScoringSession } from '../scoring/document';
import { appraisalRisks } from '../scoring/risk';
import { locateIssues, type MasterDocument } from '../workbook/master';
import { readPreviousCriteria } from '../workbook/master/previousCriteria';
import { SELF_SHEET } from '../workbook/template/layout';
import { mapPreviousCriteria, readCrosswalkSheet } from '../periods';

/**
 * Appraisal risks of a scoring document (rows not yet decided by an appraisal round).
 * @example risksOfDocument(doc) // [{ code: 'risk.selfAboveRule', unit: 'KG', criterion: '1.1', … }]
 */
export function risksOfDocument(doc: { framework: Framework | unknown; units: readonly Unit[]; assessments: readonly Assessment[]; previousCriteria?: readonly PreviousCriterion[] | undefined }): Issue[] {
  const compiled = compileFramework(doc.framework).compiled;
  if (!compiled) return [];
  return appraisalRisks({ compiled, assessments: doc.assessments, units: doc.units, ...(doc.previousCriteria ? { previousCriteria: doc.previousCriteria } : {}) });
}

/** Appraisal risks of a scored session (its compiled criteria set, as scored). */
export function risksOfSession(session: ScoringSession): Issue[] {
  const d = session.prep.doc;
  return appraisalRisks({ compiled: session.prep.compiled, assessments: d.assessments, units: d.units, ...(d.previousCriteria ? { previousCriteria: d.previousCriteria } : {}) });
}

/**
 * Appraisal risks of a master, located on "Kê khai" (the self-score or evidence cell); last
 * year's points from "Năm trước - tiêu chí" when the master has it.
 */
export function risksOfMaster(doc: MasterDocument, snapshots: readonly SheetSnapshot[], file?: string): Issue[] {
  const previousCriteria = readPreviousCriteria(snapshots);
  const risks = risksOfDocument({ framework: doc.framework, units: doc.units, assessments: doc.assessments, previousCriteria });
  return locateIssues(risks, doc, file);
}

/**
 * Appraisal risks of the files just imported, located on each filled template's own cells (the
 * unit sees where to act), for the data-check sheet of the new master.
 */
export function risksOfImport(files: readonly FilledParse[], framework: Framework, units: readonly Unit[], masterSnapshots: readonly SheetSnapshot[]): Issue[] {
  const out: Issue[] = [];
  const compiled = compileFramework(framework).compiled;
  if (!compiled) return out;
  // last year's codes on this year's (criteria rows of "Chuyển đổi đơn vị"); scoring reports unmapped codes
  const previousCriteria = mapPreviousCriteria(readPreviousCriteria(masterSnapshots), readCrosswalkSheet(masterSnapshots).crosswalk, new Set(compiled.byCode.keys())).previous;
  const all = appraisalRisks({ compiled, assessments: files.flatMap((f) => f.assessments), units, previousCriteria });
  for (const r of all) {
    const file = files.find((f) => f.rows.some((x) => x.unit === r.unit && x.criterion === r.criterion));
    const row = file?.rows.find((x) => x.unit === r.unit && x.criterion === r.criterion);
    const field = r.params?.['field'] === 'evidence' ? 'evidence' : 'self';
    const cell = row?.cells[field] ?? row?.cells.self;
    out.push({ ...r, ...(file ? { file: file.file, sheet: SELF_SHEET } : {}), ...(cell ? { cell } : {}) });
  }
  return out;
}
