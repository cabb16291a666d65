import type { Catalogue } from '../catalogue';

/** Messages of the scoring module. Keys are issue codes; {name} placeholders take issue params. */
export const scoringMessages = {
  'framework.tooDeep': {
    vi: 'Cây tiêu chí lồng nhau quá {max} cấp (tại {path}); bộ tiêu chí thực tế chỉ có vài cấp — kiểm tra các tiêu chí con lồng nhau',
    en: 'The criteria tree is nested deeper than {max} levels (at {path}); real criteria sets have a few levels — check the nested children',
  },
  // Rank uncertainty (engine/scoring/uncertainty.ts), printed by the CLI and the pane
  'rank.text.head': {
    vi: 'Độ chắc chắn của thứ hạng (khi điểm từ điều tra xã hội học dao động trong khoảng tin cậy 95%):',
    en: 'How sure the ranks are (survey-derived points moving within their 95% intervals):',
  },
  'rank.text.unit': { vi: '{unit}: hạng {rank}, có thể từ {best} đến {worst}; chỉ số {index}% (từ {low}% đến {high}%)', en: '{unit}: rank {rank}, anywhere from {best} to {worst}; index {index}% ({low}% to {high}%)' },
  'rank.text.pair': { vi: '{unit} xếp trên {next}: xác suất đúng thứ tự {probability}%', en: '{unit} ahead of {next}: probability the order is right {probability}%' },
  'rank.text.sure': { vi: 'Sai số chọn mẫu không làm thay đổi thứ hạng nào.', en: 'Sampling error changes no rank.' },
  'rank.sheet.range': { vi: 'Khoảng hạng (95%)', en: 'Rank range (95%)' },
  'rank.sheet.low': { vi: 'Chỉ số thấp nhất (%)', en: 'Lowest index (%)' },
  'rank.sheet.high': { vi: 'Chỉ số cao nhất (%)', en: 'Highest index (%)' },
  'rank.sheet.aheadOfNext': { vi: 'Xác suất xếp trên đơn vị kế tiếp', en: 'Probability ahead of the next unit' },
  'rank.sheet.minus': { vi: 'Sai số dưới (điểm chỉ số)', en: 'Below (index points)' },
  'rank.sheet.plus': { vi: 'Sai số trên (điểm chỉ số)', en: 'Above (index points)' },
  'rank.sheet.note': {
    vi: 'Khoảng hạng: các thứ hạng đơn vị có thể có khi điểm từ điều tra xã hội học dao động trong khoảng tin cậy 95% (chỉ số thấp nhất, cao nhất; trên biểu đồ là vạch sai số). Xác suất: khả năng đơn vị thật sự đứng trên đơn vị xếp ngay sau (xấp xỉ chuẩn).',
    en: 'Rank range: the ranks a unit can hold when its survey-derived points move within their 95% intervals (lowest and highest index; error bars on the chart). Probability: how likely the unit is truly ahead of the next one (normal approximation).',
  },
  // The self-check sheet of a unit template (engine/workbook/template/selfCheck.ts)
  'selfCheck.title': { vi: 'Tự kiểm tra trước khi gửi', en: 'Check before sending' },
  'selfCheck.note': {
    vi: 'Các dòng dưới đây tự tính lại khi nhập số liệu ở trang "Tự đánh giá": tiêu chí nào có điểm tự chấm dễ bị trừ khi thẩm định và bao nhiêu điểm. Xử lý trước các dòng có nhiều điểm nhất (tô đỏ), rồi mới gửi tệp.',
    en: 'The rows below follow what is entered on the "Tự đánh giá" sheet: which self-scores are likely to be cut at appraisal, and by how many points. Deal with the rows with the most points (in red) first, then send the file.',
  },
  'selfCheck.total': { vi: 'Tổng số điểm có thể bị trừ', en: 'Total points at risk' },
  'selfCheck.code': { vi: 'Mã tiêu chí', en: 'Criterion' },
  'selfCheck.name': { vi: 'Tên tiêu chí', en: 'Name' },
  'selfCheck.max': { vi: 'Điểm tối đa', en: 'Max' },
  'selfCheck.self': { vi: 'Điểm tự chấm', en: 'Self-score' },
  'selfCheck.provisional': { vi: 'Điểm tạm tính', en: 'Provisional points' },
  'selfCheck.lastYear': { vi: 'Điểm thẩm định năm trước', en: "Last year's appraised points" },
  'selfCheck.warning': { vi: 'Cảnh báo', en: 'Warning' },
  'selfCheck.atStake': { vi: 'Điểm có thể bị trừ', en: 'Points at risk' },
  'selfCheck.aboveRule': { vi: 'tự chấm cao hơn điểm tính theo số liệu kê khai', en: 'self-score above what the declared value gives' },
  'selfCheck.noEvidence': { vi: 'tự chấm tối đa nhưng chưa ghi tài liệu kiểm chứng', en: 'full points with no evidence document' },
  'selfCheck.aboveLastYear': { vi: 'cao hơn điểm thẩm định năm trước: cần tài liệu mới', en: "above last year's appraised points: new evidence needed" },
  'selfCheck.notReference': { vi: 'tài liệu kiểm chứng chưa có số, ký hiệu, ngày văn bản', en: 'evidence without a document number, symbol or date' },
  // Appraisal risk before submission (engine/scoring/risk.ts)
  'risk.selfAboveRule': {
    vi: 'Điểm tự chấm {self} cao hơn điểm tính theo số liệu kê khai ({rule}/{max}): dễ bị trừ {points} điểm khi thẩm định',
    en: 'Self-score {self} is above what the declared value gives ({rule}/{max}): {points} points likely to be cut at appraisal',
  },
  'risk.fullNoEvidence': {
    vi: 'Tự chấm tối đa ({self}/{max}) nhưng chưa ghi tài liệu kiểm chứng: có thể mất {points} điểm',
    en: 'Full self-score ({self}/{max}) with no evidence document: {points} points at risk',
  },
  'risk.aboveLastYear': {
    vi: 'Điểm tự chấm {self} cao hơn điểm thẩm định năm trước ({last}) mà không kê khai gì mới: dễ bị trừ {points} điểm',
    en: 'Self-score {self} is above last year\'s appraised points ({last}) with nothing new declared: {points} points likely to be cut',
  },
  'risk.evidenceNotReference': {
    vi: 'Tài liệu kiểm chứng "{evidence}" không giống số, ký hiệu, ngày văn bản: ghi rõ để khỏi mất {points} điểm',
    en: 'Evidence "{evidence}" does not look like a document number, symbol or date: name it to keep {points} points',
  },
  // Framework validation
  'framework.duplicateCode': { vi: 'Mã tiêu chí "{code}" bị trùng: đã dùng cho "{first}"', en: 'Criterion code "{code}" is used twice: already for "{first}"' },
  'framework.badField': { vi: 'Trường "{path}" không hợp lệ: {detail}', en: 'Field "{path}" is invalid: {detail}' },
  'framework.badNode': { vi: 'Tiêu chí không hợp lệ: {detail}', en: 'Not a valid criterion: {detail}' },
  'framework.maxMismatch': { vi: 'Điểm tối đa khai báo {declared} khác tổng điểm tối đa của các tiêu chí con {sum}', en: 'Declared maximum {declared} differs from the sum of the children\'s maxima {sum}' },
  'framework.totalMismatch': { vi: 'Tổng điểm tối đa của các lĩnh vực là {sum}, khác tổng điểm của bộ tiêu chí {total}', en: 'The areas\' maxima sum to {sum}, not the framework total {total}' },
  'framework.leafIncomplete': { vi: 'Tiêu chí không có tiêu chí con nên phải có: {missing}', en: 'A criterion without children needs: {missing}' },
  'framework.surveyRule': { vi: 'Tiêu chí đánh giá qua điều tra xã hội học nhưng quy tắc "{kind}" không dùng chỉ số hài lòng', en: 'Survey-assessed criterion, but rule "{kind}" does not use a satisfaction index' },
  'framework.capMissing': { vi: 'Nhóm điểm {role} không có mức trần (cap): điểm cộng/trừ không bị giới hạn', en: 'The {role} group has no cap: points added or removed are unlimited' },
  'framework.unknownUnitKind': { vi: 'Loại đơn vị {kinds} không có trong danh sách loại đơn vị ({known})', en: 'Unit kind {kinds} is not among the unit kinds ({known})' },
  'framework.ruleOnParent': { vi: 'Tiêu chí có tiêu chí con nên quy tắc "{kind}" bị bỏ qua (điểm là tổng các tiêu chí con)', en: 'A criterion with children ignores its rule "{kind}" (it scores as the sum of its children)' },
  'framework.roleBelowTop': { vi: 'Vai trò "{role}" chỉ có hiệu lực ở lĩnh vực cấp cao nhất; tiêu chí con theo vai trò của lĩnh vực', en: 'Role "{role}" only takes effect on a top-level area; sub-criteria follow their area' },
  'framework.empty': { vi: 'Bộ tiêu chí không có lĩnh vực nào', en: 'The framework has no areas' },
  'framework.duplicateGrade': { vi: 'Xếp loại "{grade}" bị khai báo hai lần', en: 'Grade "{grade}" is declared twice' },
  'framework.yearsOrder': { vi: 'Năm cuối (to) không được trước năm đầu (from) của khoảng năm áp dụng', en: 'The last year (to) must not come before the first (from) of the years covered' },
  'framework.years.range': { vi: '{from}–{to}', en: '{from}–{to}' },
  'framework.years.from': { vi: 'từ {from}', en: 'from {from}' },
  // Listing of criteria sets (parindex frameworks)
  'framework.list.head': { vi: 'Bộ tiêu chí dựng sẵn ({count}); dùng mã làm "framework" trong tài liệu chấm điểm', en: 'Built-in criteria sets ({count}); use the id as "framework" in a scoring document' },
  'framework.list.noYears': { vi: 'Năm áp dụng: không ghi', en: 'Years covered: not stated' },
  'framework.list.legalBasis': { vi: 'Căn cứ: {basis}', en: 'Legal basis: {basis}' },
  'framework.list.structure': {
    vi: '{areas} lĩnh vực, {leaves} tiêu chí chấm điểm; {appraisal} điểm thẩm định + {survey} điểm điều tra xã hội học',
    en: '{areas} areas, {leaves} scored criteria; {appraisal} appraisal + {survey} survey points',
  },
  'framework.list.official': { vi: 'Điểm: chính thức', en: 'Points: official' },
  'framework.list.illustrative': { vi: 'Điểm: minh hoạ — thay bằng quyết định đang áp dụng', en: 'Points: illustrative — replace with the decision in force' },
  'framework.list.mixed': {
    vi: 'Điểm: chính thức ở {official} mục, minh hoạ ở {illustrative} mục (xem "points" của từng mục)',
    en: 'Points: official on {official} nodes, illustrative on {illustrative} (see each node\'s "points")',
  },
  'framework.list.rescale': { vi: 'Không có kết quả điều tra: điểm thẩm định quy đổi về thang 100 (missingSurvey: rescale)', en: 'No survey results: the appraisal score is converted to 100 (missingSurvey: rescale)' },
  'framework.unknownBuiltin': { vi: 'Không có bộ tiêu chí dựng sẵn "{id}" (có: {known})', en: 'No built-in framework "{id}" (known: {known})' },
  // Document and assessments
  'scoring.duplicateUnit': { vi: 'Mã đơn vị "{code}" bị trùng', en: 'Unit code "{code}" is duplicated' },
  'scoring.nothingApplies': { vi: 'Không có tiêu chí nào áp dụng cho loại đơn vị "{kind}": đơn vị không được chấm điểm, xếp hạng', en: 'No criterion applies to unit kind "{kind}": the unit is not scored or ranked' },
  'scoring.unknownUnit': { vi: 'Đơn vị "{unit}" không có trong danh sách đơn vị', en: 'Unit "{unit}" is not in the unit list' },
  'scoring.unknownCriterion': { vi: 'Tiêu chí "{criterion}" không có trong bộ tiêu chí', en: 'Criterion "{criterion}" is not in the framework' },
  'scoring.assessmentOnParent': { vi: 'Tiêu chí "{criterion}" có tiêu chí con: chỉ chấm ở các tiêu chí con', en: 'Criterion "{criterion}" has sub-criteria: assess the sub-criteria instead' },
  'scoring.duplicateAssessment': { vi: 'Đơn vị đã có kết quả cho tiêu chí này (bản ghi thứ {first}); bản ghi sau bị bỏ qua', en: 'The unit already has an answer for this criterion (record {first}); this one is ignored' },
  'scoring.notLead': { vi: 'Đơn vị chủ trì tiêu chí này là {lead}; kết quả vẫn được tính cho {district}', en: 'The lead unit of this criterion is {lead}; the answer still counts for {district}' },
  'scoring.unscoredUnit': { vi: 'Đơn vị "{unit}" không được chấm điểm và không có đơn vị cấp quận để tính thay: bản ghi bị bỏ qua', en: 'Unit "{unit}" is not scored and there is no district to count it for: ignored' },
  'scoring.notForKind': { vi: 'Tiêu chí không áp dụng cho loại đơn vị "{kind}" (áp dụng: {appliesTo}): bản ghi bị bỏ qua', en: 'The criterion does not apply to unit kind "{kind}" (applies to: {appliesTo}): ignored' },
  'scoring.duplicatePrevious': { vi: 'Kết quả năm trước của đơn vị bị khai báo hai lần', en: 'The unit\'s previous-year result is given twice' },
  'scoring.surveyIndexRange': { vi: 'Chỉ số hài lòng {value} nằm ngoài khoảng 0–100', en: 'Satisfaction index {value} outside 0–100' },
  'scoring.pointsOutOfRange': { vi: 'Điểm {what} ({value}) nằm ngoài khoảng [0; {max}]: đã đưa về trong khoảng', en: 'Points of the {what} ({value}) outside [0, {max}]: clamped' },
  // Missing survey results: which framework policy was applied to a unit (missingSurvey)
  'scoring.surveyRescaled': {
    vi: 'Đơn vị chưa có kết quả điều tra xã hội học ({criteria}; {points} điểm): theo bộ tiêu chí (missingSurvey: rescale), điểm thẩm định được quy đổi về thang 100 — chỉ số = {score} ÷ {max} × 100 = {index}. Nếu đã có phiếu SIPAS, ghi ở cột "Nguồn chỉ số khảo sát" của "Bộ tiêu chí" chỉ số nào dùng',
    en: 'The unit has no sociological-survey result ({criteria}; {points} points): the framework (missingSurvey: rescale) converts the appraisal score to 100 — index = {score} ÷ {max} × 100 = {index}. If SIPAS forms exist, name the index in the "Survey source" column of the criteria sheet',
  },
  'scoring.surveyPartial': {
    vi: 'Đơn vị chỉ có kết quả điều tra cho một phần tiêu chí điều tra xã hội học: {criteria} ({points} điểm) chưa có kết quả nên được 0 điểm; quy đổi điểm thẩm định về thang 100 (missingSurvey: rescale) chỉ áp dụng khi đơn vị không có kết quả điều tra nào',
    en: 'The unit has survey results for only part of the survey criteria: {criteria} ({points} points) have none and score 0; converting the appraisal score to 100 (missingSurvey: rescale) applies only when the unit has no survey result at all',
  },
  'scoring.surveyZero': {
    vi: 'Đơn vị chưa có kết quả điều tra cho {criteria}: theo bộ tiêu chí (missingSurvey: zero, mặc định), các tiêu chí này được 0 điểm trên {points} điểm tối đa',
    en: 'The unit has no survey result for {criteria}: under the framework (missingSurvey: zero, the default) these criteria score 0 of {points} points',
  },
  'scoring.appraisalWithoutReason': { vi: 'Điểm thẩm định {appraisal} khác điểm tự chấm {self} nhưng không ghi lý do', en: 'Appraisal {appraisal} differs from the self-score {self} but gives no reason' },
  // Rounds (used inside messages)
  'scoring.round.self': { vi: 'tự chấm', en: 'self-assessment' },
  'scoring.round.appraisal1': { vi: 'thẩm định vòng 1', en: 'appraisal round 1' },
  'scoring.round.appraisal2': { vi: 'thẩm định vòng 2', en: 'appraisal round 2' },
  // Reasons (why a leaf got its points)
  'scoring.reason.appraisal1': { vi: 'thẩm định vòng 1: {points} điểm', en: 'appraisal round 1: {points} points' },
  'scoring.reason.appraisal2': { vi: 'thẩm định vòng 2: {points} điểm', en: 'appraisal round 2: {points} points' },
  'scoring.reason.why': { vi: 'lý do: {reason}', en: 'reason: {reason}' },
  'scoring.reason.self': { vi: 'theo điểm tự chấm: {points} điểm', en: 'from the self-score: {points} points' },
  'scoring.reason.missing': { vi: 'chưa kê khai: {points} điểm', en: 'not answered: {points} points' },
  'scoring.reason.noSurveyRescaled': { vi: 'chưa có kết quả điều tra: không tính vào điểm tối đa (điểm thẩm định quy đổi về thang 100)', en: 'no survey result: left out of the maximum (appraisal score converted to 100)' },
  'scoring.reason.noSurvey': { vi: 'chưa có kết quả điều tra: {points} điểm', en: 'no survey result: {points} points' },
  'scoring.reason.naExcluded': { vi: 'không áp dụng: không tính vào điểm tối đa', en: 'not applicable: left out of the maximum' },
  'scoring.reason.naFull': { vi: 'không áp dụng: được tính đủ điểm', en: 'not applicable: full points awarded' },
  // Target gap
  'scoring.unknownScoredUnit': { vi: 'Đơn vị "{unit}" không có trong kết quả chấm điểm', en: 'Unit "{unit}" is not among the scored units' },
  'scoring.targetRankRange': { vi: 'Thứ hạng mục tiêu {rank} phải từ 1 đến {count}', en: 'Target rank {rank} must be between 1 and {count}' },
  'scoring.targetIndexRange': { vi: 'Chỉ số mục tiêu {index} phải từ 0 đến 100', en: 'Target index {index} must be between 0 and 100' },
  'scoring.targetNoTarget': { vi: 'Cần chỉ số mục tiêu (index) hoặc thứ hạng mục tiêu (rank)', en: 'Give a target index or a target rank' },
} as const satisfies Catalogue;
