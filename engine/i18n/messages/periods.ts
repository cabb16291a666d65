import type { Catalogue } from '../catalogue';

/** Messages of rounds and years (engine/periods): closing a round, snapshots, crosswalks. */
export const periodsMessages = {
  'periods.round.selfAssessment': { vi: 'tự đánh giá', en: 'self-assessment' },
  'periods.round.appraisal1': { vi: 'thẩm định lần 1', en: 'appraisal round 1' },
  'periods.round.explanation': { vi: 'giải trình', en: 'explanation' },
  'periods.round.appraisal2': { vi: 'thẩm định lần 2', en: 'appraisal round 2' },
  'periods.unknownRound': {
    vi: 'Không có vòng "{round}"; các vòng: {known}',
    en: 'No round "{round}"; the rounds are: {known}',
  },
  'periods.alreadyLocked': {
    vi: 'Vòng {round} đã chốt lúc {at}; không chốt lại',
    en: 'Round {round} was already closed at {at}; not closed again',
  },
  'periods.notLocked': {
    vi: 'Vòng {round} chưa chốt nên không có gì để mở lại',
    en: 'Round {round} is not closed, so there is nothing to reopen',
  },
  'periods.reasonRequired': {
    vi: 'Mở lại vòng {round} cần lý do (ô "Lý do mở lại" trong ngăn tác vụ, hoặc --reason "…" ở dòng lệnh); lý do được ghi vào nhật ký',
    en: 'Reopening round {round} needs a reason (the "Reason for reopening" field in the task pane, or --reason "…" on the command line); the reason is written to the log',
  },
  'periods.locked': {
    vi: 'Đã chốt vòng {round} lúc {at}; mã băm số liệu của vòng: {sha256}',
    en: 'Round {round} closed at {at}; hash of the round\'s values: {sha256}',
  },
  'periods.reopened': {
    vi: 'Đã mở lại vòng {round} lúc {at}; lý do: {reason}',
    en: 'Round {round} reopened at {at}; reason: {reason}',
  },
  'periods.roundLocked': {
    vi: 'Vòng {round} đã chốt lúc {at}{by}: tệp "{file}" thay đổi {count} ô của vòng này (đầu tiên: tiêu chí {criterion} của đơn vị {unit}); tệp không được nhập. Muốn sửa, mở lại vòng có lý do (ngăn tác vụ: Tính điểm → Chốt điểm → Mở lại; dòng lệnh: parindex lock <sổ> --round {code} --reopen --reason "…")',
    en: 'Round {round} was closed at {at}{by}: file "{file}" changes {count} cells of that round (first: criterion {criterion} of unit {unit}); the file was not imported. To change it, reopen the round with a reason (task pane: Compute → Closing rounds → Reopen; command line: parindex lock <master> --round {code} --reopen --reason "…")',
  },
  'periods.appraisalLocked': {
    vi: 'Vòng {round} đã chốt lúc {at}{by}: không sửa điểm tiêu chí {criterion} của đơn vị {unit}. Muốn sửa, mở lại vòng có lý do (ngăn tác vụ: Tính điểm → Chốt điểm → Mở lại; dòng lệnh: parindex lock … --reopen --reason "…")',
    en: 'Round {round} was closed at {at}{by}: the points of criterion {criterion} of unit {unit} were not changed. To change them, reopen the round with a reason (task pane: Compute → Closing rounds → Reopen; command line: parindex lock … --reopen --reason "…")',
  },
  'periods.changedAfterLock': {
    vi: 'Số liệu vòng {round} đã bị thay đổi sau khi chốt lúc {at}: mã băm lúc chốt {locked}, nay {now}. Kết quả không khớp với số liệu đã chốt; trả lại số liệu cũ hoặc mở lại vòng có lý do rồi chốt lại',
    en: 'Values of round {round} changed after it was closed at {at}: hash at closing {locked}, now {now}. The results do not match the closed values; restore them, or reopen the round with a reason and close it again',
  },
  'periods.byWhom': { vi: ' bởi {by}', en: ' by {by}' },
  'periods.badLockRow': {
    vi: 'Dòng chốt vòng không đọc được: cần vòng, thao tác (chốt/mở lại) và thời điểm',
    en: 'Unreadable lock row: it needs a round, an action (close/reopen) and a time',
  },
  'crosswalk.badShare': {
    vi: 'Tỷ trọng chuyển đổi từ {from} sang {to} phải nằm trong (0; 1], đang là {share}',
    en: 'The share from {from} to {to} must lie in (0, 1], it is {share}',
  },
  'crosswalk.sharesOver': {
    vi: 'Tổng tỷ trọng của đơn vị cũ {from} là {total}, vượt 1',
    en: 'The shares of old unit {from} add up to {total}, more than 1',
  },
  'crosswalk.unknownTarget': {
    vi: 'Đơn vị mới {to} trong bảng chuyển đổi không có trong danh sách đơn vị',
    en: 'New unit {to} of the crosswalk is not in the unit list',
  },
  'crosswalk.noPrevious': {
    vi: 'Đơn vị cũ {from} trong bảng chuyển đổi không có kết quả năm trước; phần của nó bị bỏ qua',
    en: 'Old unit {from} of the crosswalk has no previous result; its part is left out',
  },
  'crosswalk.partial': {
    vi: 'Chỉ số năm trước của {to} chỉ tính được từ {found} trong số {sources} (thiếu kết quả năm trước)',
    en: 'The previous index of {to} comes only from {found} of {sources} (previous results missing)',
  },
  'crosswalk.badKind': {
    vi: 'Loại chuyển đổi "{kind}" không hợp lệ; dùng "đơn vị" hoặc "tiêu chí"',
    en: 'Crosswalk kind "{kind}" is not valid; use "unit" or "criterion"',
  },
  'crosswalk.criterionUnknownTarget': {
    vi: 'Mã tiêu chí mới {to} (chuyển từ {from}) không có trong bộ tiêu chí năm nay; điểm năm trước của {from} không được so sánh',
    en: 'New criterion code {to} (from {from}) is not in this year\'s criteria set; last year\'s points of {from} are not compared',
  },
  'crosswalk.criterionUnmapped': {
    vi: 'Tiêu chí năm trước {code} không có trong bộ tiêu chí năm nay và bảng chuyển đổi không chuyển nó sang mã nào; điểm năm trước của nó không được so sánh (thêm dòng loại "tiêu chí" vào trang "Chuyển đổi đơn vị")',
    en: 'Last year\'s criterion {code} is not in this year\'s criteria set and the crosswalk maps it to no code; its points are not compared (add a row of kind "criterion" to the sheet "Chuyển đổi đơn vị")',
  },
  'periods.duplicatePrevious': {
    vi: 'Kết quả năm {year} của đơn vị {unit} được khai hai lần{first}; mỗi đơn vị chỉ một dòng cho mỗi năm',
    en: 'The {year} result of unit {unit} is given twice{first}; one row per unit and year',
  },
  'periods.previousFirstAt': { vi: ' (lần đầu ở {at})', en: ' (first at {at})' },
  'periods.previousNoYear': { vi: '(không ghi năm)', en: '(no year)' },
  'periods.previousNotPast': {
    vi: 'Kết quả năm trước của đơn vị {unit} ghi năm {year}, không trước năm đánh giá {current}; dòng này bị bỏ qua',
    en: 'The previous result of unit {unit} is for {year}, not before the assessment year {current}; the row is left out',
  },
  'crosswalk.invalid': {
    vi: 'Bảng chuyển đổi (crosswalk) không hợp lệ: {detail}',
    en: 'The crosswalk is not valid: {detail}',
  },
  'snapshot.label': { vi: 'Mã băm dữ liệu đầu vào (SHA-256)', en: 'Input hash (SHA-256)' },
  'snapshot.lockedLabel': { vi: 'Các vòng đã chốt', en: 'Closed rounds' },
  'snapshot.none': { vi: '(chưa chốt vòng nào)', en: '(no round closed)' },
  'snapshot.note': {
    vi: 'Kiểm tra kết quả đã công bố với sổ tổng hợp: parindex validate <kết quả.xlsx> --against <sổ.xlsx>',
    en: 'Check a published result against its master: parindex validate <results.xlsx> --against <master.xlsx>',
  },
  'snapshot.noHash': {
    vi: 'Trang "Tổng hợp" của "{file}" không có mã băm dữ liệu đầu vào (tính điểm lại bằng phiên bản mới)',
    en: 'Sheet "Tổng hợp" of "{file}" holds no input hash (score it again with a newer version)',
  },
  'snapshot.match': {
    vi: 'Kết quả "{file}" khớp với sổ "{master}": mã băm {sha256}',
    en: 'Result "{file}" matches master "{master}": hash {sha256}',
  },
  'snapshot.mismatch': {
    vi: 'Kết quả "{file}" không khớp với sổ "{master}": mã băm trong kết quả {published}, của sổ {actual}; số liệu đầu vào đã khác',
    en: 'Result "{file}" does not match master "{master}": hash in the result {published}, of the master {actual}; the inputs differ',
  },
  'snapshot.stale': {
    vi: 'Số liệu trong chính "{file}" đã khác với lúc tính điểm: mã băm ghi {published}, tính lại {actual}',
    en: 'The inputs inside "{file}" changed since it was scored: hash written {published}, recomputed {actual}',
  },
  'years.sheetTitle': { vi: 'CHỈ SỐ CCHC QUA CÁC NĂM', en: 'PAR INDEX OVER THE YEARS' },
} as const satisfies Catalogue;
