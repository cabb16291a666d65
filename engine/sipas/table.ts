import { formatNumber, formatPercent, type Lang } from '../i18n/format';
import { t, type MessageCode } from '../i18n';
import { ref } from '../model/issue';
import type { SipasItemResult, SipasResult, SipasUnitResult, SipasWeightLevel } from './result';

export interface SipasTableOptions {
  lang?: Lang;
  /** Decimals shown (default 2). */
  decimals?: number;
}

const pct = (x: number | null, lang: Lang, d: number): string => (x === null ? '—' : formatPercent(x, lang, d));
const range = (lo: number | null, hi: number | null, lang: Lang, d: number): string =>
  lo === null || hi === null ? '—' : `${formatNumber(lo, lang, d)}–${formatNumber(hi, lang, d)}`;
const signed = (x: number | undefined, lang: Lang, d: number): string => (x === undefined ? '' : (x > 0 ? '+' : '') + formatNumber(x, lang, d));

const KIND_WORDS: Record<string, { vi: string; en: string }> = {
  district: { vi: 'Quận', en: 'District' },
  department: { vi: 'Sở, ngành', en: 'Department' },
  office: { vi: 'Phòng, ban', en: 'Office' },
  ward: { vi: 'Phường', en: 'Ward' },
  commune: { vi: 'Xã', en: 'Commune' },
  pool: { vi: 'Gộp', en: 'Pooled' },
};
/** A unit kind in words ("ward" → "Phường"); other kinds as written, unknown kind empty. */
const kindWord = (kind: string | undefined, lang: Lang): string => (kind === undefined ? '' : (KIND_WORDS[kind]?.[lang] ?? kind));

const LEVEL_WORDS: Record<SipasWeightLevel, MessageCode> = { group: 'sipas.level.group', aspect: 'sipas.level.aspect', item: 'sipas.level.item' };

/**
 * Which aggregation a result used, in words: "items" or "equal", and the levels where the
 * instrument's declared weights replaced it (`short`: a few words, for summary lines).
 * @example sipasAggregationText(result.method, 'vi') // "Tổng hợp theo câu hỏi (items): mỗi yếu tố, nhóm và chỉ số chung là bình quân mọi câu hỏi thuộc nó, …"
 */
export function sipasAggregationText(method: SipasResult['method'], lang: Lang = 'vi', options: { short?: boolean } = {}): string {
  // A result read back from an older file has no `aggregate`: it was computed with equal weights.
  const byItems = method.aggregate === 'items';
  const main = options.short
    ? t(byItems ? 'sipas.aggregate.itemsShort' : 'sipas.aggregate.equalShort', {}, lang)
    : t(byItems ? 'sipas.aggregate.items' : 'sipas.aggregate.equal', {}, lang);
  const levels = method.declaredWeights ?? [];
  if (levels.length === 0) return main;
  const declared = t(options.short ? 'sipas.aggregate.declaredShort' : 'sipas.aggregate.declared', { levels: levels.map((l) => ref(LEVEL_WORDS[l])) }, lang);
  return `${main}; ${declared}`;
}

/** Marker after an item text that is not quoted from a decision. */
export const UNOFFICIAL_MARK = '†';

/** An item's text in the language asked, with the unofficial-wording marker. */
export function sipasItemText(it: SipasItemResult, lang: Lang = 'vi'): string {
  const text = lang === 'en' && it.textEn ? it.textEn : it.text;
  return it.unofficial === true && text !== '' ? `${text} ${UNOFFICIAL_MARK}` : text;
}

/** How many items of a result's first unit carry unofficial wording (the instrument is the same for all units). */
export function sipasUnofficialCount(result: SipasResult): number {
  const u = result.units[0];
  return u ? u.groups.reduce((s, g) => s + g.aspects.reduce((k, a) => k + a.items.filter((it) => it.unofficial === true).length, 0), 0) : 0;
}

/**
 * Summary table of all units (header row first): unit, n, overall, 95% interval, rank,
 * one column per group, gap to target, change from last year, and — when the units are of more
 * than one kind — the unit kind (ranks are within kind). Display rounding only.
 * @example sipasTable(result, { lang: 'vi' })[0] // ["Đơn vị", "Số phiếu", "Chỉ số chung", …]
 */
export function sipasTable(result: SipasResult, options: SipasTableOptions = {}): string[][] {
  const lang = options.lang ?? 'vi';
  const d = options.decimals ?? 2;
  const vi = lang === 'vi';
  const groupCodes = result.units[0]?.groups.map((g) => g.code) ?? [];
  const head = [
    vi ? 'Đơn vị' : 'Unit',
    vi ? 'Số phiếu' : 'Respondents',
    vi ? 'Chỉ số chung' : 'Overall',
    vi ? 'KTC 95%' : '95% CI',
    vi ? 'Hạng' : 'Rank',
    ...groupCodes.map((c) => (vi ? `Nhóm ${c}` : `Group ${c}`)),
    vi ? `Cách mục tiêu ${formatPercent(result.method.target, lang)}` : `Gap to ${formatPercent(result.method.target, lang)}`,
    vi ? 'So với năm trước' : 'Change',
  ];
  const kinds = new Set(result.units.map((u) => u.kind ?? ''));
  const withKind = kinds.size > 1;
  if (withKind) head.push(vi ? 'Loại đơn vị' : 'Kind');
  const rows = result.units.map((u) => [
    u.unit === u.name ? u.unit : `${u.unit} — ${u.name}`,
    formatNumber(u.n, lang, 0),
    pct(u.overall, lang, d),
    range(u.low, u.high, lang, d),
    u.rank === null ? '—' : String(u.rank),
    ...u.groups.map((g) => pct(g.index, lang, d)),
    u.gap === null ? '—' : u.gap <= 0 ? (vi ? 'đạt' : 'met') : formatNumber(u.gap, lang, d),
    signed(u.change, lang, d),
    ...(withKind ? [kindWord(u.kind, lang)] : []),
  ]);
  return [head, ...rows];
}

/**
 * Detail table of one unit: group / aspect / item rows with index, n, 95% interval, flags,
 * then the drag ranking. Items are listed when `items` is true.
 */
export function sipasUnitTable(u: SipasUnitResult, options: SipasTableOptions & { items?: boolean } = {}): string[][] {
  const lang = options.lang ?? 'vi';
  const d = options.decimals ?? 2;
  const vi = lang === 'vi';
  const nm = (v: string, en: string | undefined): string => (lang === 'en' && en ? en : v);
  const flag = (f: string[]): string => (f.length === 0 ? '' : vi ? '⚠ mẫu nhỏ / KTC rộng' : '⚠ small sample / wide CI');
  const out: string[][] = [[vi ? 'Mã' : 'Code', vi ? 'Nội dung' : 'Name', vi ? 'Chỉ số' : 'Index', 'n', vi ? 'KTC 95%' : '95% CI', vi ? 'Lực kéo' : 'Drag', '']];
  const dragOf = new Map(u.drag.map((x) => [x.aspect, x.drag]));
  for (const g of u.groups) {
    out.push([g.code, nm(g.name, g.nameEn), pct(g.index, lang, d), formatNumber(g.n, lang, 0), range(g.low, g.high, lang, d), '', flag(g.flags)]);
    for (const a of g.aspects) {
      const dr = dragOf.get(a.code);
      out.push(['  ' + a.code, nm(a.name, a.nameEn), pct(a.index, lang, d), formatNumber(a.n, lang, 0), range(a.low, a.high, lang, d), dr === undefined ? '' : formatNumber(dr, lang, d), flag(a.flags)]);
      if (options.items)
        for (const it of a.items)
          out.push(['    ' + it.item, sipasItemText(it, lang), pct(it.index, lang, d), formatNumber(it.n, lang, 0), range(it.low, it.high, lang, d), '', flag(it.flags)]);
    }
  }
  return out;
}
