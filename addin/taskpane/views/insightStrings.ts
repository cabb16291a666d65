/**
 * The pane's words for the insight panels (rank uncertainty, appraisal risks, survey quality),
 * Vietnamese first. Kept beside the panels so they can be mounted in any view; typed as the
 * pane's own catalogue is (addin/taskpane/i18n.ts), and no key names an engine message code.
 */
import type { Catalogue, Lang } from '../../../engine';
import { lookup } from './strings';

const S = {
  'insight.rank.title': { vi: 'Độ chắc chắn của thứ hạng', en: 'How sure the ranks are' },
  'insight.rank.intro': {
    vi: 'Khi điểm từ điều tra xã hội học dao động trong khoảng tin cậy 95%, các đơn vị dưới đây có thể đổi hạng.',
    en: 'When survey-derived points move within their 95% intervals, the units below can change rank.',
  },
  'insight.rank.none': { vi: 'Sai số chọn mẫu không làm thay đổi thứ hạng nào.', en: 'Sampling error changes no rank.' },
  'insight.rank.unit': { vi: 'Đơn vị', en: 'Unit' },
  'insight.rank.rank': { vi: 'Hạng', en: 'Rank' },
  'insight.rank.index': { vi: 'Chỉ số (thấp–cao)', en: 'Index (low–high)' },
  'insight.rank.next': { vi: 'Chắc chắn xếp trên đơn vị sau', en: 'Sure to be ahead of the next' },
  'insight.risk.title': { vi: 'Điểm tự chấm dễ bị trừ khi thẩm định', en: 'Self-scores likely to be cut at appraisal' },
  'insight.risk.none': { vi: 'Không thấy điểm tự chấm nào dễ bị trừ.', en: 'No self-score looks likely to be cut.' },
  'insight.risk.unitTotal': { vi: '{count} tiêu chí, {points} điểm có thể bị trừ', en: '{count} criteria, {points} points at risk' },
  'insight.risk.criterion': { vi: 'Tiêu chí {criterion}', en: 'Criterion {criterion}' },
  'insight.quality.title': { vi: 'Chất lượng phiếu khảo sát', en: 'Survey response quality' },
  'insight.quality.none': { vi: 'Không có phiếu nào bị đánh dấu.', en: 'No response flagged.' },
  'insight.quality.unit': { vi: 'Đơn vị', en: 'Unit' },
  'insight.quality.flagged': { vi: 'Bị đánh dấu', en: 'Flagged' },
  'insight.quality.setAside': { vi: 'Gác lại', en: 'Set aside' },
  'insight.quality.with': { vi: 'Tính cả', en: 'With them' },
  'insight.quality.without': { vi: 'Không tính', en: 'Without' },
  'insight.quality.nEffective': { vi: 'Cỡ mẫu hiệu dụng {n}', en: 'Effective sample size {n}' },
  'insight.years.title': { vi: 'Qua các năm', en: 'Over the years' },
  'insight.years.intro': {
    vi: 'Chỉ số và hạng (trong từng loại đơn vị) của các năm có số liệu: {years}. Năm trước của đơn vị mới sau sắp xếp là bình quân theo tỷ trọng của các đơn vị cũ.',
    en: 'Index and rank (within each unit kind) of the years with data: {years}. A past year of a new unit after a reorganisation is the share-weighted mean of its old units.',
  },
  'insight.years.from': { vi: 'So sánh với năm', en: 'Compare with year' },
  'insight.years.unit': { vi: 'Đơn vị', en: 'Unit' },
  'insight.years.change': { vi: '± so với {year}', en: '± since {year}' },
  'insight.years.rank': { vi: 'hạng {rank}', en: 'rank {rank}' },
  'insight.years.none': { vi: 'không có số liệu', en: 'no data' },
  'insight.years.shown': { vi: 'Đang hiện {shown}/{total} đơn vị', en: 'Showing {shown} of {total} units' },
  'insight.years.more': { vi: 'Hiện thêm', en: 'Show more' },
} as const satisfies Catalogue;

export type InsightKey = keyof typeof S;

/** The panels' catalogue as data (for tests). */
export const insightStrings: Catalogue = S;

/** A panel string with {param} placeholders filled. */
export const si: (key: InsightKey, lang: Lang, params?: Record<string, string | number>) => string = lookup(S);
