import { formatDate, type Lang } from '../i18n/format';
import { t } from '../i18n';
import type { TrackStatus } from './task';
import type { PlanJson, PlanReport } from './track';

const STATUS_WORDS: Record<string, { vi: string; en: string }> = {
  done: { vi: 'hoàn thành', en: 'done' },
  onTrack: { vi: 'đúng tiến độ', en: 'on track' },
  late: { vi: 'trễ hạn', en: 'late' },
  notStarted: { vi: 'chưa triển khai', en: 'not started' },
  notReported: { vi: 'chưa báo cáo', en: 'not reported' },
};

/**
 * A few plain-text lines on the plan for console summaries: tasks by status, the units with
 * late or not-started tasks (most first), and criteria that lost points with no task on them.
 * @example planSummaryLines(results.plan, 'vi')
 */
export function planSummaryLines(p: PlanJson, lang: Lang, maxUnits = 8): string[] {
  const vi = lang === 'vi';
  const counts = Object.entries(p.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${STATUS_WORDS[k]?.[lang] ?? k} ${n}`)
    .join(', ');
  const behind = p.late.filter((e) => e.status === 'late' || e.status === 'notStarted').length;
  const silent = p.late.length - behind;
  const lines = [
    vi
      ? `Kế hoạch (đến ${formatDate(p.asOf, lang)}): ${p.tasks.length} nhiệm vụ — ${counts}; theo đơn vị × nhiệm vụ: ${behind} trễ hạn hoặc chưa triển khai, ${silent} chưa báo cáo`
      : `Plan (as of ${formatDate(p.asOf, lang)}): ${p.tasks.length} tasks — ${counts}; by unit × task: ${behind} late or not started, ${silent} not reported`,
  ];
  const perUnit = new Map<string, number>();
  for (const e of p.late) if (e.status === 'late' || e.status === 'notStarted') perUnit.set(e.unit, (perUnit.get(e.unit) ?? 0) + 1);
  if (perUnit.size > 0) {
    const sorted = [...perUnit.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const shown = sorted.slice(0, maxUnits).map(([u, n]) => `${u} (${n})`).join(', ');
    const more = sorted.length > maxUnits ? (vi ? ` và ${sorted.length - maxUnits} đơn vị khác` : ` and ${sorted.length - maxUnits} more`) : '';
    lines.push(vi ? `Đơn vị chậm thực hiện nhiệm vụ: ${shown}${more}` : `Units with late tasks: ${shown}${more}`);
  }
  if (p.uncovered.length > 0)
    lines.push(vi ? `Tiêu chí bị trừ điểm chưa có nhiệm vụ: ${p.uncovered.join(', ')}` : `Criteria losing points with no task: ${p.uncovered.join(', ')}`);
  return lines;
}

/** "Hoàn thành", "Chậm tiến độ", … */
export function statusLabel(s: TrackStatus, lang: Lang = 'vi'): string {
  return t(`plan.track.${s}`, {}, lang);
}

/**
 * One line for a status bar or the CLI: "48 nhiệm vụ · 12 hoàn thành · 30 đúng tiến độ · 3 chậm tiến độ · 9/17 đơn vị đã báo cáo · 2 tiêu chí bị trừ điểm chưa có nhiệm vụ".
 * @example statusLine(report, 'vi')
 */
export function statusLine(report: PlanReport, lang: Lang = 'vi'): string {
  const c = report.counts;
  return t(
    'plan.statusLine',
    {
      n: report.tasks.length,
      done: c.done,
      onTrack: c.onTrack,
      late: c.late,
      notStarted: c.notStarted,
      notReported: c.notReported,
      reported: report.units.filter((u) => u.reported).length,
      units: report.units.length,
      uncovered: report.uncovered.length,
    },
    lang,
  );
}
