import type { Command } from './types';
import { EXIT_INPUT, EXIT_USAGE } from '../io';
import { toJson } from '../json';
import { formatDate, t, type Lang } from '../../engine';
import { headTitle, planSummaryLines, type PlanJson } from '../../engine';
import { builtinUnits } from '../../engine';
import * as fs from 'node:fs';
import { scoreDocumentRound, formatIssue, hasErrors, issue, type ScoreRound, type Issue } from '../../engine';
import { isWorkbookFile, scoreWorkbookFile } from '../../files/scoreWorkbook';
import { readJsonFile } from '../../files/node';

/** Score the input through the application layer (no file written): the plan part and the issues. */
async function scoreForPlan(input: string, lang: Lang, now: string | undefined): Promise<(Partial<ScoreRound> & { issues: Issue[] }) | undefined> {
  const common = { lang, ...(now ? { asOf: now } : {}) };
  if (/\.xlsx$/i.test(input) || (await isWorkbookFile(input))) return scoreWorkbookFile(input, { ...common, json: true });
  if (!fs.existsSync(input)) return { issues: [issue('input.fileMissing', { file: input })] };
  const read = await readJsonFile(input, input);
  if (read.issues.length > 0) return { issues: read.issues };
  return scoreDocumentRound(read.raw, { ...common, file: input });
}

const STATUS: Record<string, { vi: string; en: string }> = {
  late: { vi: 'trễ hạn', en: 'late' },
  notStarted: { vi: 'chưa triển khai', en: 'not started' },
  notReported: { vi: 'chưa báo cáo', en: 'not reported' },
};

interface ScoredForPlan {
  plan?: PlanJson;
  units?: { code: string; name: string; kind: string }[];
}

/**
 * The responsibility list (for the report to the district leadership): every unit late on, or not
 * started with, a plan task — with the head who answers for it — then criteria losing points with
 * no task. `--all` adds "not reported"; `--json` prints the `plan` section of `score --json`.
 */
export function renderPlan(p: PlanJson, names: ReadonlyMap<string, { name: string; kind: string }>, lang: Lang, all: boolean): string {
  const vi = lang === 'vi';
  const titles = new Map(p.tasks.map((x) => [x.id, x.title]));
  const rows = p.late.filter((e) => all || e.status !== 'notReported');
  const lines = [...planSummaryLines(p, lang), ''];
  if (rows.length === 0) {
    lines.push(vi ? 'Không có đơn vị trễ hạn hoặc chưa triển khai nhiệm vụ.' : 'No unit is late on, or has not started, a task.');
  } else {
    lines.push(vi ? 'Danh sách đơn vị chậm thực hiện nhiệm vụ (xác định trách nhiệm người đứng đầu):' : 'Units late on plan tasks (responsibility of the head of unit):');
    const sorted = [...rows].sort((a, b) => a.unit.localeCompare(b.unit) || a.due.localeCompare(b.due) || a.task.localeCompare(b.task));
    for (const e of sorted) {
      const who = names.get(e.unit);
      const head = headTitle(who?.kind ?? 'office', lang);
      const title = titles.get(e.task) ?? '';
      const role = e.role === 'lead' ? (vi ? 'chủ trì' : 'lead') : vi ? 'phối hợp' : 'coordinator';
      lines.push(
        `  ${e.unit.padEnd(5)} ${(who?.name ?? e.unit).slice(0, 34).padEnd(34)} ${e.task.padEnd(10)} ${(STATUS[e.status]?.[lang] ?? e.status).padEnd(15)} ${(vi ? 'hạn ' : 'due ') + formatDate(e.due, lang)}  ${role} · ${head}`,
      );
      if (title) lines.push(`        ${title.length > 110 ? title.slice(0, 109) + '…' : title}`);
    }
  }
  return lines.join('\n') + '\n';
}

export const planCommand: Command = {
  name: 'plan',
  usage: 'parindex plan <master.xlsx|input.json> [--json] [--all] [--now yyyy-mm-dd] [--lang en]',
  summary: {
    vi: 'Theo dõi Kế hoạch: nhiệm vụ theo tình trạng, danh sách đơn vị chậm (trách nhiệm người đứng đầu), tiêu chí bị trừ điểm chưa có nhiệm vụ',
    en: 'Plan tracking: tasks by status, units late on tasks (head of unit responsible), criteria losing points with no task',
  },
  async run(args, io) {
    const lang = args.lang;
    const input = args.positional[0];
    if (!input || args.positional.length > 1) {
      io.stderr(t('cli.usage', { usage: this.usage }, lang) + '\n');
      return EXIT_USAGE;
    }
    // Score exactly as `score --json` does (no file is written), then read its plan section.
    const now = typeof args.flags['now'] === 'string' ? args.flags['now'] : undefined;
    const r = await scoreForPlan(input, lang, now);
    if (r === undefined) return EXIT_INPUT;
    for (const i of r.issues) io.stderr(formatIssue(i, lang) + '\n');
    const code = r.results && !hasErrors(r.issues) ? 0 : EXIT_INPUT;
    const scored: ScoredForPlan = { ...(r.plan ? { plan: r.plan } : {}), units: r.results?.units ?? [] };
    if (!scored.plan) {
      io.stderr(t('plan.none', { file: input }, lang) + '\n');
      return EXIT_INPUT;
    }
    if (args.flags['json'] === true) io.stdout(toJson(scored.plan) + '\n');
    else {
      // Names of scored units from the results; offices (not scored) from the master's unit list, else the built-in one.
      const names = new Map([...builtinUnits, ...(r.master?.doc.units ?? []), ...(scored.units ?? [])].map((u) => [u.code, { name: u.name, kind: u.kind }]));
      io.stdout(renderPlan(scored.plan, names, lang, args.flags['all'] === true));
    }
    return code;
  },
};
