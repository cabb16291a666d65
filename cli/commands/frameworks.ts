import type { Command } from './types';
import { EXIT_OK, EXIT_USAGE } from '../io';
import { toJson } from '../json';
import { builtinFrameworkSummaries, frameworkYears, t, type FrameworkSummary, type Lang } from '../../engine';

const USAGE = 'parindex frameworks [--json] [--lang en]';

/** The points line: official, illustrative, or both with the number of nodes marked each way. */
function pointsLine(s: FrameworkSummary, lang: Lang): string {
  const official = s.officialNodes;
  const illustrative = s.illustrativeNodes;
  if (official > 0 && illustrative > 0) return t('framework.list.mixed', { official, illustrative }, lang);
  const all = official > 0 ? 'official' : illustrative > 0 ? 'illustrative' : s.points;
  return t(all === 'official' ? 'framework.list.official' : 'framework.list.illustrative', {}, lang);
}

/**
 * The built-in sets, one block each: id and years, name, legal basis, structure, points.
 * @example renderFrameworkList(builtinFrameworkSummaries(), 'vi')
 */
export function renderFrameworkList(list: readonly FrameworkSummary[], lang: Lang): string {
  const out = [t('framework.list.head', { count: list.length }, lang)];
  for (const s of list) {
    const years = frameworkYears(s.years, lang);
    out.push('', `${s.id}${years ? ` — ${years}` : ''}`, `  ${s.name}`);
    if (!years) out.push('  ' + t('framework.list.noYears', {}, lang));
    if (s.legalBasis) out.push('  ' + t('framework.list.legalBasis', { basis: s.legalBasis }, lang));
    out.push('  ' + t('framework.list.structure', { areas: s.areas, leaves: s.leaves, appraisal: s.appraisal, survey: s.survey }, lang));
    out.push('  ' + pointsLine(s, lang));
    if (s.missingSurvey === 'rescale') out.push('  ' + t('framework.list.rescale', {}, lang));
  }
  return out.join('\n') + '\n';
}

export const frameworksCommand: Command = {
  name: 'frameworks',
  usage: USAGE,
  summary: {
    vi: 'Liệt kê các bộ tiêu chí dựng sẵn: năm áp dụng, căn cứ pháp lý, cấu trúc, điểm chính thức hay minh hoạ',
    en: 'Lists the built-in criteria sets: years covered, legal basis, structure, official or illustrative points',
  },
  async run(args, io) {
    const lang = args.lang;
    if (args.positional.length > 0) {
      io.stderr(t('cli.usage', { usage: USAGE }, lang) + '\n');
      return EXIT_USAGE;
    }
    const list = builtinFrameworkSummaries();
    if (args.flags['json'] === true) {
      io.stdout(toJson(list.map((s) => ({ ...s, ...(s.years ? { yearsText: frameworkYears(s.years, lang) } : {}) }))) + '\n');
      return EXIT_OK;
    }
    io.stdout(renderFrameworkList(list, lang));
    return EXIT_OK;
  },
};
