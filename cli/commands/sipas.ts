import { toJson } from '../json';
import type { Command } from './types';
import type { ParsedArgs } from '../args';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, type CliIO } from '../io';
import { formatIssue, t, formatNumber, formatPercent, type Lang, pushAll } from '../../engine';
import { hasErrors, issue, type Issue } from '../../engine';
import { scoreSipas, sipasTable, sipasUnitTable, sipasAggregationText, sipasUnofficialCount, type ScoreSipasOptions, type SipasInstrument, type SipasResult } from '../../engine';
import { loadSipasFile, loadSipasInstrument, loadSipasPrevious, saveSipasXlsx } from '../../files/sipas/node';
import { sipasToSurveyIndices, builtinUnits, qualityLines } from '../../engine';
import * as path from 'node:path';

const USAGE = 'parindex sipas <doc.json|responses.xlsx|responses.csv> [--json] [--target 90] [--method topTwoBox|meanScore] [--aggregate items|equal] [--unit <code>] [--items] [--sheet <name>] [--instrument=<file.json>] [--out <results.xlsx>] [--survey-indices] [--pool=<code>] [--previous=<last-year.json>] [--keep-flagged] [--lang en]';

/** Text width in characters (code points), for column alignment. */
const width = (s: string): number => [...s.normalize('NFC')].length;

/** Render rows of cells as an aligned text table (first row = header, underlined). */
export function textTable(rows: readonly (readonly string[])[]): string {
  const w: number[] = [];
  for (const r of rows) r.forEach((c, i) => (w[i] = Math.max(w[i] ?? 0, width(c))));
  const line = (r: readonly string[]): string => r.map((c, i) => c + ' '.repeat((w[i] ?? 0) - width(c))).join('  ').trimEnd();
  const [head, ...rest] = rows;
  if (!head) return '';
  return [line(head), w.map((x) => '─'.repeat(x)).join('  '), ...rest.map(line)].join('\n') + '\n';
}

function renderText(result: SipasResult, lang: Lang, unit: string | undefined, items: boolean): string {
  const vi = lang === 'vi';
  const m = result.method;
  let s = vi
    ? `Chỉ số hài lòng (SIPAS) — ${result.instrument.name} (${result.instrument.items} câu hỏi)\nPhương pháp: ${m.item === 'topTwoBox' ? 'tỷ lệ trả lời mức 4–5' : 'điểm trung bình quy về 0–100'}; mục tiêu ${formatPercent(m.target, lang)}; khoảng tin cậy 95%\n`
    : `Satisfaction index (SIPAS) — ${result.instrument.name} (${result.instrument.items} items)\nMethod: ${m.item === 'topTwoBox' ? 'share of answers at levels 4–5' : 'mean score rescaled to 0–100'}; target ${formatPercent(m.target, lang)}; 95% intervals\n`;
  s += sipasAggregationText(m, lang) + '\n\n';
  if (result.units.length === 0) return s + (vi ? 'Không có đơn vị nào có phiếu.\n' : 'No unit has responses.\n');
  s += textTable(sipasTable(result, { lang }));
  const shown = unit !== undefined ? result.units.filter((u) => u.unit === unit) : result.units.length === 1 ? result.units : [];
  for (const u of shown) {
    s += `\n${u.unit === u.name ? u.unit : `${u.unit} — ${u.name}`}\n` + textTable(sipasUnitTable(u, { lang, items }));
  }
  const unofficial = items && shown.length > 0 ? sipasUnofficialCount(result) : 0;
  if (unofficial > 0) s += t('sipas.text.unofficialNote', { count: unofficial }, lang) + '\n';
  s += '\n' + (vi ? 'Yếu tố kéo chỉ số chung xuống dưới mục tiêu nhiều nhất (điểm):' : 'Aspects pulling the overall index furthest below target (points):') + '\n';
  for (const u of result.units) {
    const top = u.drag.filter((d) => d.drag > 0).slice(0, 3);
    const txt = top.length === 0 ? (vi ? 'không có (đều đạt mục tiêu)' : 'none (all at or above target)') : top.map((d) => `${d.aspect} ${vi || d.nameEn === undefined ? d.name : d.nameEn} ${formatNumber(d.drag, lang, 2)}`).join('; ');
    s += `  ${u.unit}: ${txt}\n`;
  }
  const quality = qualityLines(result, lang, unit);
  if (quality.length > 0) s += '\n' + quality.join('\n') + '\n';
  const notes = result.issues.filter((i) => i.severity === 'info' && i.code !== 'sipas.quality.unit');
  if (notes.length > 0) s += '\n' + (vi ? 'Lưu ý:' : 'Notes:') + '\n' + notes.map((i) => '  ' + formatIssue(i, lang)).join('\n') + '\n';
  return s;
}

export const sipasCommand: Command = {
  name: 'sipas',
  usage: USAGE,
  summary: {
    vi: 'Tính Chỉ số hài lòng (SIPAS) theo câu hỏi, yếu tố, nhóm và chung; khoảng tin cậy, khoảng cách tới mục tiêu, yếu tố kéo chỉ số xuống',
    en: 'SIPAS satisfaction indices per item, aspect, group and overall; intervals, gap to target, drag analysis',
  },
  async run(args: ParsedArgs, io: CliIO): Promise<number> {
    const lang = args.lang;
    const file = args.positional[0];
    if (file === undefined || args.positional.length > 1) {
      io.stderr(t('cli.usage', { usage: USAGE }, lang) + '\n');
      return EXIT_USAGE;
    }
    const opts: ScoreSipasOptions = {};
    const tFlag = args.flags['target'];
    if (tFlag !== undefined) {
      const v = typeof tFlag === 'string' ? Number(tFlag.replace(',', '.').replace(/%$/, '')) : NaN;
      if (!Number.isFinite(v) || v < 0 || v > 100) {
        io.stderr(t('sipas.cli.badTarget', {}, lang) + '\n' + t('cli.usage', { usage: USAGE }, lang) + '\n');
        return EXIT_USAGE;
      }
      opts.target = v;
    }
    const mFlag = args.flags['method'];
    if (mFlag !== undefined) {
      if (mFlag !== 'topTwoBox' && mFlag !== 'meanScore') {
        io.stderr(t('sipas.cli.badMethod', {}, lang) + '\n');
        return EXIT_USAGE;
      }
      opts.method = mFlag;
    }
    const aFlag = args.flags['aggregate'];
    if (aFlag !== undefined) {
      if (aFlag !== 'items' && aFlag !== 'equal') {
        io.stderr(t('sipas.cli.badAggregate', {}, lang) + '\n');
        return EXIT_USAGE;
      }
      opts.aggregate = aFlag;
    }
    const outFlag = args.flags['out'];
    if (outFlag !== undefined) {
      if (typeof outFlag !== 'string' || !/\.xlsx$/i.test(outFlag)) {
        io.stderr(t('cli.usage', { usage: USAGE }, lang) + '\n');
        return EXIT_USAGE;
      }
      if (path.resolve(outFlag) === path.resolve(file)) {
        io.stderr(t('cli.sameFile', { file: outFlag }, lang) + '\n');
        return EXIT_USAGE;
      }
    }
    const issues: Issue[] = [];
    const insFlag = args.flags['instrument'];
    let instrument: SipasInstrument | undefined;
    if (typeof insFlag === 'string') {
      const r = await loadSipasInstrument(insFlag);
      pushAll(issues, r.issues);
      instrument = r.instrument;
      if (!instrument) return report(io, issues, lang);
    }
    const sheet = args.flags['sheet'];
    const loaded = await loadSipasFile(file, { ...(typeof sheet === 'string' ? { sheet } : {}), ...(instrument ? { instrument } : {}) });
    pushAll(issues, loaded.issues);
    if (!loaded.doc) return report(io, issues, lang);
    if (loaded.locate) opts.locate = loaded.locate;
    if (loaded.rowOf) opts.rowOf = loaded.rowOf;
    // A validated instrument has the shape of the instrument schema, so it can go back in the document.
    const doc = { ...loaded.doc, ...(instrument ? { instrument } : {}) };
    // Unit names and kinds: the document's, else the built-in unit list (codes it does not know stay as written).
    if (doc.units === undefined) doc.units = builtinUnits.map((u) => ({ code: u.code, name: u.name, kind: u.kind }));
    const prevFlag = args.flags['previous'];
    if (typeof prevFlag === 'string') {
      const p = await loadSipasPrevious(prevFlag);
      pushAll(issues, p.issues);
      if (!p.previous) return report(io, issues, lang);
      doc.previous = p.previous;
    }
    const poolFlag = args.flags['pool'];
    if (typeof poolFlag === 'string' && poolFlag !== '') {
      const known = doc.units.find((u) => u.code === poolFlag);
      doc.pool = known ? { unit: poolFlag, name: known.name } : poolFlag;
    }
    // flagged responses (bursts, straight-lining, duplicates, outside hours) count only when kept
    if (args.flags['keep-flagged'] === true) opts.quality = { keep: true };
    const { result } = scoreSipas(doc, opts);
    const fileName = file.split(/[\\/]/).pop() ?? file;
    const all = [...issues, ...result.issues.map((i) => (i.file === undefined && i.sheet === undefined && i.path !== undefined ? { ...i, file: fileName } : i))];
    result.issues = all;
    const unitFlag = args.flags['unit'];
    const unit = typeof unitFlag === 'string' ? unitFlag : undefined;
    if (unit !== undefined && !result.units.some((u) => u.unit === unit)) all.push(issue('sipas.unit.noData', { unit }, { unit }, 'warning'));
    if (typeof outFlag === 'string' && result.units.length > 0) {
      const w = await saveSipasXlsx(result, outFlag, lang);
      pushAll(all, w);
      if (w.length === 0) io.stderr(t('sipas.file.written', { file: outFlag }, lang) + '\n');
    }
    if (args.flags['survey-indices'] === true) {
      io.stdout(toJson({ surveyIndices: sipasToSurveyIndices(result) }) + '\n');
    } else if (args.flags['json'] === true) {
      const out = { ...result, issues: all.map((i) => ({ ...i, message: t(i.code, i.params, lang) })) };
      io.stdout(toJson(out) + '\n');
    } else {
      io.stdout(renderText(result, lang, unit, args.flags['items'] === true));
    }
    return report(io, all, lang);
  },
};

/** Errors and warnings go to stderr, located; exit 1 when any error. */
function report(io: CliIO, issues: readonly Issue[], lang: Lang): number {
  const shown = issues.filter((i) => i.severity !== 'info');
  if (shown.length > 0) io.stderr(shown.map((i) => formatIssue(i, lang)).join('\n') + '\n');
  return hasErrors(issues) ? EXIT_INPUT : EXIT_OK;
}
