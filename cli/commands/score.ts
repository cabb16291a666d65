import { toJson } from '../json';
import * as fs from 'node:fs';
import type { Command } from './types';
import type { CliIO } from '../io';
import type { ParsedArgs } from '../args';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io';
import { isWorkbookFile, scoreWorkbookFile } from '../../files/scoreWorkbook';
import { readJsonFile } from '../../files/node';
import { planSummaryLines, type PlanJson } from '../../engine';
import { scoreDocumentRound, gapsByLead, formatIssue, formatIndex, formatNumber, formatPercent, t, issue, hasErrors, type Issue, type Lang, type ResultsDocument, type ScoreRound, type ScoreTarget, type TargetGap, type UnitResult } from '../../engine';
import { sipasAggregationText, type SipasResult } from '../../engine';
import { maxOf, pushAll, rankUncertaintyLines, rankWithRange, yearsTextLines } from '../../engine';

const USAGE = 'parindex score <input.json|master.xlsx> [--json] [--target <chỉ số>|hang:<n>] [--unit <mã>] [--out <kết-quả.xlsx>] [--now yyyy-mm-dd] [--lang en]';

function printIssues(io: CliIO, issues: readonly Issue[], lang: Lang, file: string): void {
  for (const i of issues) io.stderr(formatIssue(i.file ? i : { ...i, file }, lang) + '\n');
}

function pad(s: string, n: number, right = false): string {
  const len = [...s].length;
  if (len >= n) return s;
  return right ? ' '.repeat(n - len) + s : s + ' '.repeat(n - len);
}

function trunc(s: string, n: number): string {
  const chars = [...s];
  return chars.length <= n ? s : chars.slice(0, n - 1).join('') + '…';
}

const KIND_TITLE: Record<string, { vi: string; en: string }> = {
  ward: { vi: 'Phường', en: 'Wards' },
  district: { vi: 'Quận', en: 'District' },
  office: { vi: 'Phòng, ban', en: 'Offices' },
  commune: { vi: 'Xã', en: 'Communes' },
  department: { vi: 'Sở, ngành', en: 'Departments' },
};

function change(u: UnitResult, lang: Lang): string {
  const p = u.previous;
  if (!p) return '';
  const sign = p.indexChange > 0 ? '+' : '';
  const rank = p.rankChange !== undefined ? ` (${p.rankChange > 0 ? '↑' + p.rankChange : p.rankChange < 0 ? '↓' + -p.rankChange : '='})` : '';
  return `${sign}${formatNumber(p.indexChange, lang)}${rank}`;
}

/** A readable table: one block per unit kind, ranked, with each unit's largest gaps. */
export function renderTable(results: ResultsDocument, lang: Lang, only?: string): string {
  const vi = lang === 'vi';
  const out: string[] = [];
  out.push(`${results.framework.name}${results.framework.year ? ` (${results.framework.year})` : ''}`);
  const units = only ? results.units.filter((u) => u.code === only) : results.units;
  const kinds = [...new Set(units.map((u) => u.kind))];
  for (const kind of kinds) {
    const list = units.filter((u) => u.kind === kind).sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
    out.push('');
    out.push(`${KIND_TITLE[kind]?.[lang] ?? kind} (${list.length})`);
    // "2 (1–3)": the ranks the unit can hold within its survey points' 95% intervals
    const rankWidth = Math.max(4, maxOf(list.map((u) => [...rankWithRange(u)].length), 0));
    const head = vi
      ? [pad('Hạng', rankWidth, true), pad('Mã', 5), pad('Đơn vị', 32), pad('Điểm', 8, true), pad('Tối đa', 7, true), pad('Chỉ số', 8, true), pad('Loại', 4), pad('So năm trước', 13)]
      : [pad('Rank', rankWidth, true), pad('Code', 5), pad('Unit', 32), pad('Score', 8, true), pad('Max', 7, true), pad('Index', 8, true), pad('Gr.', 4), pad('vs last year', 13)];
    out.push(head.join('  '));
    for (const u of list) {
      out.push(
        [
          pad(rankWithRange(u), rankWidth, true),
          pad(u.code, 5),
          pad(trunc(u.name, 32), 32),
          pad(formatNumber(u.score, lang), 8, true),
          pad(formatNumber(u.max, lang), 7, true),
          pad(formatIndex(u.index, lang), 8, true),
          pad(u.grade, 4),
          pad(change(u, lang), 13),
        ].join('  '),
      );
      for (const g of u.gaps.slice(0, 3))
        out.push(`        − ${formatNumber(g.lost, lang)} ${g.criterion}${g.lead ? ` [${g.lead}]` : ''}: ${trunc(g.reason, 90)}`);
      if (u.gaps.length > 3) out.push(`        ${vi ? `… và ${u.gaps.length - 3} tiêu chí khác bị trừ điểm` : `… and ${u.gaps.length - 3} more criteria lost points`}`);
    }
  }
  // each unit's index and rank over the years present (previous results with a year)
  const years = yearsTextLines(results, lang, only);
  if (years.length > 0) pushAll(out, ['', ...years]);
  const sure = rankUncertaintyLines(results, lang, only);
  if (sure.length > 0) pushAll(out, ['', ...sure]);
  const leads = gapsByLead(results, only).filter((r) => r.lost > 0);
  if (leads.length > 0) {
    out.push('');
    out.push(vi ? 'Điểm bị trừ theo đơn vị chủ trì' : 'Points lost by lead unit');
    for (const r of leads)
      out.push(`  ${pad(r.key || (vi ? '(chưa giao)' : '(none)'), 6)} ${pad(formatNumber(r.lost, lang), 8, true)}  ${vi ? 'tiêu chí' : 'criteria'}: ${r.criteria.join(', ')}`);
  }
  return out.join('\n') + '\n';
}

function renderTarget(g: TargetGap, lang: Lang): string {
  const vi = lang === 'vi';
  if (g.issues.length > 0) return g.issues.map((i) => formatIssue(i, lang)).join('\n') + '\n';
  const lines: string[] = [];
  const head = vi
    ? `${g.unit}: chỉ số ${formatIndex(g.current.index, lang)} → mục tiêu ${formatIndex(g.targetIndex, lang)}: cần thêm ${formatNumber(g.pointsNeeded, lang)} điểm`
    : `${g.unit}: index ${formatIndex(g.current.index, lang)} → target ${formatIndex(g.targetIndex, lang)}: needs ${formatNumber(g.pointsNeeded, lang)} more points`;
  lines.push(head);
  if (g.rival && g.pointsNeeded > 0)
    lines.push(
      vi
        ? `   (bằng chỉ số của ${g.rival.unit} đang xếp hạng ${g.rival.rank}: đạt đúng mức này thì đồng hạng)`
        : `   (the index of ${g.rival.unit}, now rank ${g.rival.rank}: reaching exactly this ties it)`,
    );
  if (g.reached) return lines.join('\n') + (vi ? ' (đã đạt)\n' : ' (reached)\n');
  for (const p of g.plan) lines.push(`   + ${formatNumber(p.recoverable, lang)} ${p.criterion}${p.lead ? ` [${p.lead}]` : ''}: ${trunc(p.reason, 80)}`);
  if (!g.reachable)
    lines.push(
      vi
        ? `   Các tiêu chí có thể khắc phục chỉ bù được ${formatNumber(g.planPoints, lang)} điểm; phần còn lại phụ thuộc kết quả điều tra (${g.surveyGaps.map((s) => s.criterion).join(', ') || 'không có'})`
        : `   Recoverable criteria cover only ${formatNumber(g.planPoints, lang)} points; the rest depends on survey results (${g.surveyGaps.map((s) => s.criterion).join(', ') || 'none'})`,
    );
  return lines.join('\n') + '\n';
}

/** SIPAS overall index per unit (all units, or the one asked), headed by the aggregation used. */
export function renderSipasLines(sipas: SipasResult, lang: Lang, only?: string): string {
  const units = sipas.units.filter((u) => u.overall !== null && (only === undefined || u.unit === only));
  if (units.length === 0) return '';
  const head = t('sipas.summary.heading', { aggregation: sipasAggregationText(sipas.method, lang, { short: true }) }, lang);
  const list = units.map((u) => (u.rank !== null ? t('sipas.summary.unit', { unit: u.unit, index: formatIndex(u.overall ?? 0, lang), rank: u.rank }, lang) : `${u.unit} ${formatIndex(u.overall ?? 0, lang)}`));
  return `\n${head}\n  ${list.join('; ')}\n`;
}

/** A few lines on the plan: tasks by status, late units, criteria losing points with no task. */
function renderPlanSummary(p: PlanJson, lang: Lang): string {
  return ['', ...planSummaryLines(p, lang)].join('\n') + '\n';
}

/** How codes compare when looking for the one a user nearly typed: composed, no hidden characters or spaces, case ignored. */
const foldCode = (s: string): string => s.normalize('NFKC').replace(/[\p{Cc}\p{Cf}\p{Z}\s]/gu, '').toLowerCase();

/** The code that differs from `code` only in what the eye cannot see (hidden characters, accent encoding, case). */
function nearCode(code: string, codes: readonly string[]): string | undefined {
  const key = foldCode(code);
  return codes.find((c) => c !== code && foldCode(c) === key);
}

/** Parse `--target 90` / `--target hang:3`; undefined when absent, 'bad' when malformed. */
function parseTarget(flag: string | boolean | undefined): ScoreTarget | undefined | 'bad' {
  if (flag === undefined) return undefined;
  const text = typeof flag === 'string' ? flag.trim() : '';
  const rank = /^(?:hang|hạng|rank)[:=]?\s*(\d+)$/i.exec(text);
  const n = Number(text.replace('%', '').replace(',', '.'));
  if (rank) return Number(rank[1]) >= 1 ? { rank: Number(rank[1]) } : 'bad';
  if (text !== '' && Number.isFinite(n) && n >= 0 && n <= 100) return { index: n };
  return 'bad';
}

/**
 * Score a master workbook or a JSON document through the engine's application layer; the same
 * printing for both: table (or JSON), plan summary, target gaps, located issues.
 */
async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const lang = args.lang;
  const input = args.positional[0];
  if (input === undefined || args.positional.length > 1) {
    io.stderr(t('cli.usage', { usage: USAGE }, lang) + '\n');
    return EXIT_USAGE;
  }
  const target = parseTarget(args.flags['target']);
  if (target === 'bad') {
    io.stderr(t('cli.badTarget', { value: String(args.flags['target']) }, lang) + '\n' + t('cli.usage', { usage: USAGE }, lang) + '\n');
    return EXIT_USAGE;
  }
  const unitFlag = args.flags['unit'];
  const only = typeof unitFlag === 'string' ? unitFlag : undefined;
  const json = args.flags['json'] === true;
  const now = typeof args.flags['now'] === 'string' ? args.flags['now'] : undefined;
  const common = { lang, ...(now ? { asOf: now } : {}), ...(target ? { target } : {}), ...(only !== undefined ? { unit: only } : {}) };
  let round: Partial<ScoreRound> & { issues: Issue[] };
  let outPath: string | undefined;
  // a workbook by its content, whatever its name (.xlsm, .ods, an .xlsx renamed .json): never read as JSON
  if (/\.xlsx$/i.test(input) || (await isWorkbookFile(input))) {
    const outFlag = args.flags['out'];
    const r = await scoreWorkbookFile(input, { ...common, json, ...(typeof outFlag === 'string' ? { out: outFlag } : {}) });
    round = r;
    outPath = r.outPath;
  } else {
    if (!fs.existsSync(input)) {
      printIssues(io, [issue('input.fileMissing', { file: input })], lang, input);
      return EXIT_INPUT;
    }
    // Size checked before reading (MAX_JSON_BYTES); syntax errors located at the file.
    const read = await readJsonFile(input, input);
    if (read.issues.length > 0) {
      printIssues(io, read.issues, lang, input);
      return EXIT_INPUT;
    }
    round = scoreDocumentRound(read.raw, { ...common, file: input });
  }
  const results = round.results;
  const unknownUnit = round.issues.some((i) => i.code === 'scoring.unknownScoredUnit');
  // `--unit` naming no scored unit is a usage error: say which codes there are, or the one it nearly is
  if (unknownUnit && results && only !== undefined) {
    const codes = results.units.map((u) => u.code);
    const near = nearCode(only, codes);
    const file = input.split(/[\\/]/).pop() ?? input;
    io.stderr(
      (near !== undefined ? t('cli.unknownUnitNear', { unit: only, near, file }, lang) : t('cli.unknownUnit', { unit: only, file, known: codes }, lang)) +
        '\n' +
        t('cli.usage', { usage: USAGE }, lang) +
        '\n',
    );
    return EXIT_USAGE;
  }
  if (results && !unknownUnit) {
    if (json) {
      const doc = { ...results, issues: round.issues.map((i) => ({ ...i, message: t(i.code, i.params, lang) })), ...(round.targets ? { targets: round.targets } : {}) };
      io.stdout(toJson(doc) + '\n');
    } else if (results.units.length > 0) {
      io.stdout(renderTable(results, lang, only));
      if (results.sipas) io.stdout(renderSipasLines(results.sipas, lang, only));
      if (round.plan) io.stdout(renderPlanSummary(round.plan, lang));
      if (round.targets && target) {
        const head =
          target.rank !== undefined
            ? lang === 'vi' ? `Khoảng cách đến hạng ${target.rank}` : `Gap to rank ${target.rank}`
            : lang === 'vi' ? `Khoảng cách đến chỉ số mục tiêu ${formatPercent(target.index ?? 0, lang)}` : `Gap to the target index ${formatPercent(target.index ?? 0, lang)}`;
        io.stdout('\n' + head + '\n');
        for (const g of round.targets) io.stdout(renderTarget(g, lang));
      }
    }
  }
  if (outPath) io.stderr(t('score.written', { file: outPath }, lang) + '\n');
  printIssues(io, round.issues, lang, input);
  return results && !hasErrors(round.issues) ? EXIT_OK : EXIT_INPUT;
}

export const scoreCommand: Command = {
  name: 'score',
  usage: USAGE,
  summary: {
    vi: 'Chấm điểm: chỉ số, xếp loại, thứ hạng, điểm bị trừ theo đơn vị chủ trì (--json: tài liệu kết quả)',
    en: 'Score: index, grade, rank, points lost by lead unit (--json: results document)',
  },
  run,
};
