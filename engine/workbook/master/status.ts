import { issue, type Issue } from '../../model/issue';
import { dateParam } from '../../i18n/format';
import type { FrameworkNode } from '../../model/framework';
import { assessmentKey, type MasterDocument } from './types';

export interface UnitSubmission {
  unit: string;
  /** Submission rows the unit sent (an office's rows for the district count as the office's). */
  rows: number;
  /** Latest submission date seen (ISO). */
  lastSubmittedAt?: string;
  late: boolean;
  missing: boolean;
}

/**
 * Who has submitted, who is late (a submission date after the self-assessment deadline of
 * "Vòng đánh giá") and which scored units have no row at all. Late units are warnings located
 * at their latest "Ngày nộp" cell; missing ones are information.
 * @example const { units, issues } = submissionStatus(doc, 'master.xlsx');
 */
export function submissionStatus(doc: MasterDocument, file?: string): { units: UnitSubmission[]; issues: Issue[] } {
  const deadline = doc.extras.rounds.find((r) => r.round === 'selfAssessment')?.deadline;
  const issues: Issue[] = [];
  const units: UnitSubmission[] = [];
  // Who is expected to send a template: units with criteria for their own kind, and offices that
  // lead criteria of the district (they answer for it). The district itself answers through them.
  const leaves: { appliesTo: string[] | undefined; lead: string | undefined }[] = [];
  const walk = (ns: readonly FrameworkNode[], a: string[] | undefined, l: string | undefined): void => {
    for (const n of ns) {
      const aa = n.appliesTo ?? a;
      const ll = n.lead ?? l;
      if (n.children && n.children.length) walk(n.children, aa, ll);
      else if (n.channel !== 'survey') leaves.push({ appliesTo: aa, lead: ll });
    }
  };
  walk(doc.framework.nodes, undefined, undefined);
  const expected = doc.units.filter((u) => {
    if (u.scored === false || u.kind === 'district') return false;
    if (leaves.some((x) => !x.appliesTo || x.appliesTo.includes(u.kind))) return true;
    return u.kind === 'office' && leaves.some((x) => x.lead === u.code && x.appliesTo?.includes('district'));
  });
  for (const u of expected) {
    const metas = doc.extras.submissions.filter((m) => (m.by ?? m.unit) === u.code);
    const dates = metas.map((m) => m.submittedAt).filter((d): d is string => typeof d === 'string').sort();
    const last = dates[dates.length - 1];
    const late = Boolean(deadline && last && last.slice(0, 10) > deadline.slice(0, 10));
    const s: UnitSubmission = { unit: u.code, rows: metas.length, late, missing: metas.length === 0 };
    if (last) s.lastSubmittedAt = last;
    units.push(s);
    if (late && last && deadline) {
      const m = metas.find((x) => x.submittedAt === last);
      const ref = m ? doc.extras.locations[assessmentKey(m.unit, m.criterion)] : undefined;
      const cell = ref?.cells['submittedAt'];
      issues.push(
        issue('workbook.late', { submitted: dateParam(last.slice(0, 10)), deadline: dateParam(deadline) }, { ...(file ? { file } : {}), ...(ref ? { sheet: ref.sheet } : {}), ...(cell ? { cell } : {}), unit: u.code }, 'warning'),
      );
    }
    if (s.missing) issues.push(issue('workbook.notSubmitted', {}, { ...(file ? { file } : {}), unit: u.code }, 'info'));
  }
  return { units, issues };
}
