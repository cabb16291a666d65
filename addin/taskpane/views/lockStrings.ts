/**
 * The pane's words for closing a round ("Chốt điểm", docs/periods.md), Vietnamese first. Typed as
 * the pane's own catalogue is (addin/taskpane/i18n.ts); no key names an engine message code. The
 * refusals themselves (a closed round's import or appraisal) are the engine's located messages.
 */
import type { Catalogue, Lang } from '../../../engine';
import { lookup } from './strings';

const S = {
  'lock.title': { vi: 'Chốt điểm', en: 'Closing rounds' },
  'lock.intro': {
    vi: 'Chốt một vòng khi đã nhận đủ: sau đó biểu mẫu hoặc điểm thẩm định làm thay đổi số liệu của vòng bị từ chối. Mở lại phải ghi lý do. Mỗi lần chốt, mở lại được ghi thêm vào trang "Chốt điểm" và "Nhật ký nhập".',
    en: 'Close a round once everything is in: templates or appraisal points that would change its values are then refused. Reopening needs a reason. Every closing and reopening is appended to the sheets "Chốt điểm" and "Nhật ký nhập".',
  },
  'lock.round.selfAssessment': { vi: 'Tự đánh giá', en: 'Self-assessment' },
  'lock.round.appraisal1': { vi: 'Thẩm định lần 1', en: 'Appraisal round 1' },
  'lock.round.explanation': { vi: 'Giải trình', en: 'Explanation' },
  'lock.round.appraisal2': { vi: 'Thẩm định lần 2', en: 'Appraisal round 2' },
  'lock.open': { vi: 'Đang mở', en: 'Open' },
  'lock.closedAt': { vi: 'Đã chốt lúc {at}', en: 'Closed at {at}' },
  'lock.reopenedAt': { vi: 'Mở lại lúc {at}', en: 'Reopened at {at}' },
  'lock.by': { vi: 'bởi {by}', en: 'by {by}' },
  'lock.reasonWas': { vi: 'Lý do: {reason}', en: 'Reason: {reason}' },
  'lock.close': { vi: 'Chốt vòng', en: 'Close round' },
  'lock.reopen': { vi: 'Mở lại', en: 'Reopen' },
  'lock.closeTitle': { vi: 'Chốt vòng {round}?', en: 'Close round {round}?' },
  'lock.closeWarning': {
    vi: 'Sau khi chốt, không nhận thêm biểu mẫu hoặc thẩm định của vòng này.',
    en: 'Once closed, no more templates or appraisals of this round are accepted.',
  },
  'lock.byField': { vi: 'Người thực hiện (không bắt buộc)', en: 'By (optional)' },
  'lock.confirmClose': { vi: 'Chốt điểm', en: 'Close' },
  'lock.cancel': { vi: 'Huỷ', en: 'Cancel' },
  'lock.reopenTitle': { vi: 'Mở lại vòng {round}', en: 'Reopen round {round}' },
  'lock.reopenText': {
    vi: 'Sau khi mở lại, vòng này nhận biểu mẫu và điểm thẩm định như trước khi chốt. Lý do được ghi vào nhật ký.',
    en: 'Once reopened, the round accepts templates and appraisal points as before it was closed. The reason is written to the log.',
  },
  'lock.reasonField': { vi: 'Lý do mở lại (bắt buộc)', en: 'Reason for reopening (required)' },
  'lock.reasonMissing': { vi: 'Hãy ghi lý do mở lại vòng {round}.', en: 'Write why round {round} is reopened.' },
  'lock.confirmReopen': { vi: 'Mở lại vòng', en: 'Reopen round' },
  'lock.closed': { vi: 'Đã chốt vòng {round} lúc {at}.', en: 'Round {round} closed at {at}.' },
  'lock.reopened': { vi: 'Đã mở lại vòng {round} lúc {at}; lý do: {reason}.', en: 'Round {round} reopened at {at}; reason: {reason}.' },
  'lock.download': { vi: 'Tải sổ về để giữ thay đổi.', en: 'Download the workbook to keep the change.' },
  'lock.refused': { vi: 'Không thực hiện được: {detail}', en: 'Not done: {detail}' },
} as const satisfies Catalogue;

export type LockKey = keyof typeof S;

/** The panel's catalogue as data (for tests). */
export const lockStrings: Catalogue = S;

/** A panel string with {param} placeholders filled. */
export const sl: (key: LockKey, lang: Lang, params?: Record<string, string | number>) => string = lookup(S);
