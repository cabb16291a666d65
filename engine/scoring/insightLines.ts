/**
 * The insight analyses in words, for text hosts (the CLI) and the pane: how sure each rank is,
 * which survey responses the quality guard set aside, how responses were weighted. Numbers are
 * passed to the catalogues rounded to two decimals and formatted in the reader's language.
 */
import { t } from '../i18n';
import type { Lang } from '../i18n/format';
import type { ResultsDocument } from '../model/results';
import type { SipasResult } from '../sipas/result';
import { QUALITY_REASONS, type QualityReason } from '../sipas/quality';
import { rankWithRange } from './uncertainty';

const r2 = (x: number): number => Math.round(x * 100) / 100;

/** Pairs whose order is less sure than this are listed. */
export const UNSURE_ORDER = 0.95;

const REASON_NAME: Readonly<Record<QualityReason, 'sipas.quality.name.burst' | 'sipas.quality.name.straightLining' | 'sipas.quality.name.duplicate' | 'sipas.quality.name.outsideHours'>> = {
  burst: 'sipas.quality.name.burst',
  straightLining: 'sipas.quality.name.straightLining',
  duplicate: 'sipas.quality.name.duplicate',
  outsideHours: 'sipas.quality.name.outsideHours',
};

/**
 * The name of a quality reason in the reader's language.
 * @example qualityReasonName('burst', 'vi') // "Dồn dập từ một thiết bị"
 */
export function qualityReasonName(reason: QualityReason, lang: Lang): string {
  return t(REASON_NAME[reason], {}, lang);
}

/**
 * Lines on rank uncertainty: each unit whose rank can change (rank, range, index interval), then
 * neighbours whose order is less than 95% sure; empty when no unit has sampling error.
 * @example rankUncertaintyLines(results, 'vi') // ["Độ chắc chắn…", "  KG: hạng 1, có thể từ 1 đến 2; …", …]
 */
export function rankUncertaintyLines(results: ResultsDocument, lang: Lang, only?: string): string[] {
  const units = results.units.filter((u) => only === undefined || u.code === only);
  if (!results.units.some((u) => u.indexRange)) return [];
  const out = [t('rank.text.head', {}, lang)];
  const moving = units.filter((u) => u.rankRange && u.rankRange[0] !== u.rankRange[1]).sort((a, b) => a.kind.localeCompare(b.kind) || a.rank - b.rank);
  for (const u of moving) {
    const [best, worst] = u.rankRange ?? [u.rank, u.rank];
    const [low, high] = u.indexRange ?? [u.index, u.index];
    out.push('  ' + t('rank.text.unit', { unit: u.code, rank: u.rank, best, worst, index: r2(u.index), low: r2(low), high: r2(high) }, lang));
  }
  for (const u of units) {
    const n = u.aheadOfNext;
    if (n && n.probability < UNSURE_ORDER) out.push('  ' + t('rank.text.pair', { unit: u.code, next: n.unit, probability: r2(n.probability * 100) }, lang));
  }
  if (out.length === 1) out.push('  ' + t('rank.text.sure', {}, lang));
  return out;
}

/** "2 (1–3)" — the rank with its range (re-exported for hosts). */
export { rankWithRange };

/**
 * Lines on the survey-quality guard and the weighting, per unit with something to say.
 * @example qualityLines(result, 'vi') // ["Kiểm tra chất lượng phiếu…", "  KG: 4 phiếu bị đánh dấu (Dồn dập từ một thiết bị: 4), …"]
 */
export function qualityLines(result: SipasResult, lang: Lang, only?: string): string[] {
  const units = result.units.filter((u) => !u.pooled && (only === undefined || u.unit === only));
  const out: string[] = [];
  if (units.some((u) => u.quality)) {
    out.push(t('sipas.text.qualityHead', {}, lang));
    const flagged = units.filter((u) => (u.quality?.flagged ?? 0) > 0);
    for (const u of flagged) {
      const q = u.quality;
      if (!q) continue;
      const reasons = QUALITY_REASONS.filter((x) => (q.reasons[x] ?? 0) > 0).map((x) => t('sipas.text.qualityReason', { reason: qualityReasonName(x, lang), count: q.reasons[x] ?? 0 }, lang));
      out.push(
        '  ' +
          t('sipas.text.qualityUnit', { unit: u.unit, flagged: q.flagged, reasons: reasons.join('; '), setAside: q.setAside, without: q.overallWithout === null ? '—' : r2(q.overallWithout), with: q.overallWith === null ? '—' : r2(q.overallWith) }, lang),
      );
    }
    if (flagged.length === 0) out.push('  ' + t('sipas.text.qualityClean', {}, lang));
  }
  for (const u of units) {
    const w = u.weighting;
    if (w) out.push('  ' + t('sipas.text.weightingUnit', { unit: u.unit, method: t(w.method === 'cells' ? 'sipas.text.weighting.cells' : 'sipas.text.weighting.raking', {}, lang), n: w.n, nEffective: r2(w.nEffective) }, lang));
  }
  return out;
}
