import type { Catalogue } from '../catalogue';

/**
 * Words of the official report (engine/report: `parindex report`, the pane's report download) and
 * of `parindex explain` (engine/app/explain). Numbers arrive formatted (vi: 91,43%).
 */
export const reportMessages = {
  'report.nothingScored': { vi: 'Không có đơn vị nào được chấm điểm: chưa lập được báo cáo', en: 'No unit was scored: no report can be made' },
  'report.outDocx': { vi: 'Tệp báo cáo phải có đuôi .docx: "{file}"', en: 'The report file must end in .docx: "{file}"' },
  'report.written': { vi: 'Đã ghi báo cáo: {file}', en: 'Report written: {file}' },

  // — the Decree 30/2020/NĐ-CP frame
  'report.header.nationalTitle': { vi: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', en: 'SOCIALIST REPUBLIC OF VIET NAM' },
  'report.header.motto': { vi: 'Độc lập - Tự do - Hạnh phúc', en: 'Independence - Freedom - Happiness' },
  'report.header.peoplesCommittee': { vi: 'Ủy ban nhân dân', en: "People's Committee of" },
  'report.header.issuerPlaceholder': { vi: 'Tên cơ quan, tổ chức', en: 'Name of the issuing body' },
  'report.header.placePlaceholder': { vi: 'Địa danh', en: 'Place' },
  'report.header.number': { vi: 'Số:        /{symbol}', en: 'No.:        /{symbol}' },
  'report.header.placeDate': { vi: '{place}, ngày {day} tháng {month} năm {year}', en: '{place}, {day}/{month}/{year}' },
  'report.kind': { vi: 'Báo cáo', en: 'Report' },
  'report.subject.year': {
    vi: 'Kết quả Chỉ số cải cách hành chính, Chỉ số hài lòng về sự phục vụ hành chính và thực hiện Kế hoạch duy trì, nâng cao các chỉ số {period}',
    en: 'PAR INDEX, satisfaction index (SIPAS) and the plan to sustain and raise them: results {period}',
  },
  'report.subject.quarter': {
    vi: 'Kết quả thực hiện Kế hoạch duy trì, nâng cao Chỉ số cải cách hành chính, Chỉ số hài lòng về sự phục vụ hành chính {period}',
    en: 'Progress of the plan to sustain and raise the PAR INDEX and the satisfaction index (SIPAS), {period}',
  },
  'report.period.year': { vi: 'năm {year}', en: 'for {year}' },
  'report.period.quarter': { vi: 'quý {quarter} năm {year}', en: 'quarter {quarter} of {year}' },
  'report.intro.year': {
    vi: 'Căn cứ bộ tiêu chí "{framework}", kết quả tự đánh giá của các đơn vị và kết quả thẩm định, điều tra xã hội học, đơn vị báo cáo kết quả Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng (SIPAS) và tình hình thực hiện Kế hoạch {period} như sau:',
    en: 'Based on the criteria set "{framework}", the units\' self-assessments, the appraisal and the citizen survey, this report sets out the PAR INDEX, the satisfaction index (SIPAS) and progress of the plan {period}:',
  },
  'report.intro.quarter': {
    vi: 'Căn cứ bộ tiêu chí "{framework}" và báo cáo tiến độ của các cơ quan, đơn vị, đơn vị báo cáo kết quả thực hiện Kế hoạch duy trì, nâng cao Chỉ số cải cách hành chính, Chỉ số hài lòng {period} như sau (điểm số là kết quả tạm tính tại thời điểm báo cáo):',
    en: 'Based on the criteria set "{framework}" and the units\' progress reports, this report sets out progress of the plan {period} (scores are provisional at the time of reporting):',
  },
  'report.recipients': { vi: 'Nơi nhận:', en: 'To:' },
  'report.recipients.default': {
    vi: 'Sở Nội vụ thành phố Hà Nội;\nThường trực Quận ủy;\nThường trực HĐND quận;\nChủ tịch, các Phó Chủ tịch UBND quận;\nCác phòng, ban, đơn vị thuộc quận;\nUBND các phường;\nLưu: VT, NV.',
    en: 'Hà Nội Department of Home Affairs;\nStanding Committee of the District Party Committee;\nStanding Committee of the District People\'s Council;\nChair and Vice-Chairs of the District People\'s Committee;\nDistrict offices and units;\nWard People\'s Committees;\nFiled: Records, Home Affairs.',
  },
  'report.signer.authority': { vi: 'TM. ỦY BAN NHÂN DÂN', en: "ON BEHALF OF THE PEOPLE'S COMMITTEE" },
  'report.signer.title': { vi: 'CHỦ TỊCH', en: 'CHAIR' },
  'report.met': { vi: 'đạt', en: 'met' },
  'report.notMet': { vi: 'chưa đạt', en: 'not met' },

  // — sections
  'report.section.results': { vi: 'KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)', en: 'PAR INDEX RESULTS' },
  'report.section.gaps': { vi: 'ĐIỂM BỊ TRỪ THEO LĨNH VỰC VÀ ĐƠN VỊ CHỦ TRÌ', en: 'POINTS LOST BY AREA AND LEAD UNIT' },
  'report.section.sipas': { vi: 'CHỈ SỐ HÀI LÒNG (SIPAS) SO VỚI MỤC TIÊU {target}', en: 'SATISFACTION INDEX (SIPAS) AGAINST THE {target} TARGET' },
  'report.section.plan': { vi: 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO KẾ HOẠCH', en: 'PLAN TASKS' },
  'report.section.uncovered': { vi: 'TIÊU CHÍ BỊ TRỪ ĐIỂM CHƯA CÓ NHIỆM VỤ KHẮC PHỤC', en: 'CRITERIA LOSING POINTS WITH NO TASK' },
  'report.section.proposals': { vi: 'ĐỀ XUẤT, KIẾN NGHỊ', en: 'PROPOSALS' },

  // — results
  'report.results.district': {
    vi: 'Chỉ số cải cách hành chính của {unit} đạt {index}, xếp loại {grade}; so với mục tiêu {target}: {verdict}.',
    en: '{unit}: PAR INDEX {index}, grade {grade}; against the {target} target: {verdict}.',
  },
  'report.results.kind': {
    vi: '{count} {kind} được đánh giá có chỉ số bình quân {average}; {atTarget} đơn vị đạt mục tiêu {target}. Cao nhất: {top}; thấp nhất: {bottom}.',
    en: '{count} units of kind "{kind}" were assessed, average index {average}; {atTarget} reached the {target} target. Highest: {top}; lowest: {bottom}.',
  },
  'report.results.previous': { vi: 'So với năm trước, {improved}/{total} đơn vị tăng chỉ số.', en: 'Against last year, {improved} of {total} units raised their index.' },
  'report.results.table': { vi: 'Kết quả từng đơn vị (chỉ số, xếp loại, thứ hạng, so với năm trước):', en: 'Results by unit (index, grade, rank, change from last year):' },
  'report.chart.ranking': { vi: 'Chỉ số CCHC — {kind}', en: 'PAR INDEX — {kind}' },
  'report.chart.target': { vi: 'Mục tiêu {target}', en: 'Target {target}' },
  'report.chart.byLead': { vi: 'Điểm bị trừ theo đơn vị chủ trì', en: 'Points lost by lead unit' },
  'report.chart.sipas': { vi: 'Chỉ số hài lòng chung theo đơn vị', en: 'Overall satisfaction by unit' },

  // — columns
  'report.col.rank': { vi: 'Hạng', en: 'Rank' },
  'report.col.unit': { vi: 'Đơn vị', en: 'Unit' },
  'report.col.score': { vi: 'Điểm đạt', en: 'Points' },
  'report.col.index': { vi: 'Chỉ số (%)', en: 'Index (%)' },
  'report.col.grade': { vi: 'Xếp loại', en: 'Grade' },
  'report.col.change': { vi: 'So với năm trước', en: 'vs last year' },
  'report.col.area': { vi: 'Lĩnh vực', en: 'Area' },
  'report.col.lost': { vi: 'Điểm bị trừ', en: 'Points lost' },
  'report.col.recoverable': { vi: 'Có thể khắc phục', en: 'Recoverable' },
  'report.col.unitsLosing': { vi: 'Số đơn vị bị trừ', en: 'Units losing' },
  'report.col.criteria': { vi: 'Tiêu chí', en: 'Criteria' },
  'report.col.criterion': { vi: 'Mã', en: 'Code' },
  'report.col.name': { vi: 'Tiêu chí', en: 'Criterion' },
  'report.col.lead': { vi: 'Đơn vị chủ trì', en: 'Lead unit' },
  'report.col.respondents': { vi: 'Số phiếu', en: 'Respondents' },
  'report.col.sipas': { vi: 'Chỉ số hài lòng', en: 'Satisfaction' },
  'report.col.interval': { vi: 'Khoảng tin cậy 95%', en: '95% interval' },
  'report.col.vsTarget': { vi: 'So với mục tiêu', en: 'vs target' },
  'report.col.task': { vi: 'Nhiệm vụ', en: 'Task' },
  'report.col.responsible': { vi: 'Đơn vị chịu trách nhiệm', en: 'Unit responsible' },
  'report.col.due': { vi: 'Thời hạn', en: 'Due' },
  'report.col.status': { vi: 'Tình trạng', en: 'Status' },

  // — points lost
  'report.gaps.none': { vi: 'Không có tiêu chí nào bị trừ điểm.', en: 'No criterion lost points.' },
  'report.gaps.total': {
    vi: 'Tổng số điểm bị trừ của các đơn vị là {lost} điểm, trong đó {recoverable} điểm có thể khắc phục trong năm (thẩm định hồ sơ) và {survey} điểm phụ thuộc kết quả điều tra xã hội học.',
    en: 'The units lost {lost} points in all: {recoverable} can be recovered within the year (appraised on documents), {survey} depend on the citizen survey.',
  },
  'report.gaps.byArea': { vi: 'Theo lĩnh vực:', en: 'By area:' },
  'report.gaps.byLead': { vi: 'Theo đơn vị chủ trì theo dõi, thẩm định:', en: 'By the lead unit that tracks and appraises:' },
  'report.gaps.byCriterion': { vi: '{count} tiêu chí bị trừ nhiều điểm nhất:', en: 'The {count} criteria losing the most points:' },
  'report.gaps.noLead': { vi: '(chưa giao đơn vị chủ trì)', en: '(no lead unit)' },

  // — SIPAS
  'report.sipas.none': { vi: 'Chưa có kết quả điều tra xã hội học.', en: 'No survey results yet.' },
  'report.sipas.summary': {
    vi: 'Kết quả điều tra xã hội học ({respondents} phiếu) tại {units} đơn vị: chỉ số hài lòng bình quân {average}; {atTarget} đơn vị đạt mục tiêu {target}.',
    en: 'Citizen survey ({respondents} respondents) in {units} units: average satisfaction {average}; {atTarget} units reached the {target} target.',
  },
  'report.sipas.below': { vi: 'Đơn vị chưa đạt mục tiêu: {list}.', en: 'Units below the target: {list}.' },
  'report.sipas.gap': { vi: 'thiếu {gap} điểm', en: '{gap} points short' },
  'report.sipas.lowAspects': { vi: 'Các yếu tố có chỉ số thấp nhất: {list}.', en: 'Lowest aspects: {list}.' },

  // — plan
  'report.plan.summary': {
    vi: 'Tính đến ngày {asOf}, Kế hoạch có {total} nhiệm vụ: {done} hoàn thành, {onTrack} đang thực hiện đúng tiến độ, {late} chậm tiến độ, {notStarted} chưa triển khai, {notReported} chưa có báo cáo của đơn vị.',
    en: 'As of {asOf} the plan has {total} tasks: {done} done, {onTrack} on track, {late} late, {notStarted} not started, {notReported} not yet reported by the units.',
  },
  'report.plan.quarter': {
    vi: 'Trong kỳ báo cáo (từ {from} đến {to}) có {count} nhiệm vụ đến hạn, {done} nhiệm vụ đã hoàn thành.',
    en: 'In the period ({from} to {to}) {count} tasks fell due, {done} of them are done.',
  },
  'report.plan.noneLate': { vi: 'Không có đơn vị chậm hoặc chưa triển khai nhiệm vụ.', en: 'No unit is late on, or has not started, a task.' },
  'report.plan.late': {
    vi: 'Có {count} lượt nhiệm vụ chậm tiến độ hoặc chưa triển khai tại {units} đơn vị (người đứng đầu chịu trách nhiệm theo Kế hoạch):',
    en: '{count} unit × task entries are late or not started, in {units} units (the head of unit answers for them under the plan):',
  },
  'report.plan.lead': { vi: 'chủ trì', en: 'lead' },
  'report.plan.coordinator': { vi: 'phối hợp', en: 'coordinator' },
  'report.plan.daysLate': { vi: 'chậm {days} ngày', en: '{days} days late' },
  'report.plan.doneBy': { vi: '{count} nhiệm vụ đã hoàn thành, theo đơn vị chủ trì: {list}.', en: '{count} tasks are done, by lead unit: {list}.' },
  'report.status.late': { vi: 'Chậm tiến độ', en: 'Late' },
  'report.status.notStarted': { vi: 'Chưa triển khai', en: 'Not started' },
  'report.status.notReported': { vi: 'Chưa báo cáo', en: 'Not reported' },

  // — uncovered criteria
  'report.uncovered.none': { vi: 'Mọi tiêu chí bị trừ điểm đều đã có nhiệm vụ khắc phục trong Kế hoạch.', en: 'Every criterion that lost points has a task in the plan.' },
  'report.uncovered.intro': {
    vi: '{count} tiêu chí bị trừ điểm nhưng chưa có nhiệm vụ nào trong Kế hoạch phục vụ:',
    en: '{count} criteria lost points but no task of the plan serves them:',
  },

  // — proposals
  'report.proposal.lead': {
    vi: 'Đề nghị {lead} chủ trì hướng dẫn, đôn đốc khắc phục các tiêu chí {criteria} (có thể lấy lại {points} điểm trong năm).',
    en: '{lead} to lead the work on criteria {criteria} ({points} points can be recovered within the year).',
  },
  'report.proposal.belowTarget': {
    vi: 'Đề nghị {list} rà soát nguyên nhân chưa đạt mục tiêu {target}, xây dựng giải pháp cụ thể và báo cáo kết quả trong quý tiếp theo.',
    en: '{list} to review why they are below the {target} target, set out concrete measures and report next quarter.',
  },
  'report.proposal.missing': {
    vi: 'Đề nghị các đơn vị còn tiêu chí chưa kê khai hoàn thiện số liệu và tài liệu kiểm chứng: {list} (số tiêu chí chưa kê khai).',
    en: 'Units with unanswered criteria to complete their figures and evidence: {list} (criteria unanswered).',
  },
  'report.proposal.sipas': {
    vi: 'Đề nghị {list} có giải pháp nâng cao chất lượng phục vụ, phấn đấu đạt mức hài lòng {target}.',
    en: '{list} to improve service quality towards {target} satisfaction.',
  },
  'report.proposal.late': {
    vi: 'Đề nghị người đứng đầu {list} chỉ đạo hoàn thành ngay các nhiệm vụ chậm tiến độ, chưa triển khai.',
    en: 'The heads of {list} to see the late and not-started tasks completed without delay.',
  },
  'report.proposal.uncovered': {
    vi: 'Đề nghị bổ sung vào Kế hoạch nhiệm vụ khắc phục các tiêu chí {list}.',
    en: 'Add tasks to the plan for criteria {list}.',
  },
  'report.proposal.keep': { vi: 'Tiếp tục duy trì kết quả đạt được.', en: 'Keep up the results achieved.' },

  // — parindex explain
  'explain.unknownUnit': { vi: 'Không có đơn vị mã "{unit}"; các đơn vị được chấm: {known}', en: 'There is no unit "{unit}"; the units scored: {known}' },
  'explain.notScored': { vi: 'Đơn vị {unit} không được chấm điểm (phòng, ban trả lời thay quận); các đơn vị được chấm: {known}', en: 'Unit {unit} is not scored (an office answering for the district); the units scored: {known}' },
  'explain.unknownCriterion': { vi: 'Không có tiêu chí mã "{criterion}" trong bộ tiêu chí', en: 'There is no criterion "{criterion}" in the criteria set' },
  'explain.notLeaf': { vi: 'Tiêu chí {criterion} là nhóm; hãy chọn một tiêu chí thành phần: {children}', en: 'Criterion {criterion} is a group; pick one of its criteria: {children}' },
  'explain.notForUnit': { vi: 'Tiêu chí {criterion} không áp dụng cho đơn vị {unit} (loại {kind})', en: 'Criterion {criterion} does not apply to unit {unit} (kind {kind})' },
  'explain.head': { vi: '{unit} ({code}) — tiêu chí {criterion}: {name}', en: '{unit} ({code}) — criterion {criterion}: {name}' },
  'explain.path': { vi: 'Thuộc: {path}', en: 'Under: {path}' },
  'explain.final': { vi: 'Điểm cuối cùng: {points}/{max} — {source}; đơn vị chủ trì: {lead}', en: 'Final points: {points}/{max} — {source}; lead unit: {lead}' },
  'explain.source.appraisal2': { vi: 'theo thẩm định lần 2', en: 'from appraisal round 2' },
  'explain.source.appraisal1': { vi: 'theo thẩm định lần 1', en: 'from appraisal round 1' },
  'explain.source.rule': { vi: 'tính theo quy tắc từ số liệu kê khai', en: 'computed by the rule from the declared value' },
  'explain.source.self': { vi: 'theo điểm tự chấm (không có số liệu để tính)', en: 'the self-score (no value to compute from)' },
  'explain.source.none': { vi: 'chưa có số liệu, chưa chấm', en: 'no answer, not scored' },
  'explain.source.notApplicable': { vi: 'tiêu chí không áp dụng', en: 'criterion not applicable' },
  'explain.rounds': { vi: 'Các vòng chấm (→ vòng quyết định điểm):', en: 'Rounds (→ the round that sets the points):' },
  'explain.noRounds': { vi: '(chưa có vòng nào)', en: '(no round yet)' },
  'explain.round.self': { vi: 'Tự chấm', en: 'Self-score' },
  'explain.round.rule': { vi: 'Theo quy tắc', en: 'By the rule' },
  'explain.round.appraisal1': { vi: 'Thẩm định lần 1', en: 'Appraisal 1' },
  'explain.round.appraisal2': { vi: 'Thẩm định lần 2', en: 'Appraisal 2' },
  'explain.rule': { vi: 'Quy tắc: {label} ({kind}), điểm tối đa {max}', en: 'Rule: {label} ({kind}), maximum {max}' },
  'explain.params': { vi: 'Tham số', en: 'Parameters' },
  'explain.declared': { vi: 'Số liệu kê khai: {value}; điểm tự chấm: {self}', en: 'Declared value: {value}; self-score: {self}' },
  'explain.notApplicable': { vi: 'Không áp dụng', en: 'Not applicable' },
  'explain.evidence': { vi: 'Tài liệu kiểm chứng: {evidence}', en: 'Evidence: {evidence}' },
  'explain.explanation': { vi: 'Giải trình: {text}', en: 'Explanation: {text}' },
  'explain.fromFile': {
    vi: 'Nguồn: tệp "{file}" của {by}, trang "{sheet}", ô {value} (số liệu), ô {self} (tự chấm)',
    en: 'Source: file "{file}" from {by}, sheet "{sheet}", cell {value} (value), cell {self} (self-score)',
  },
  'explain.fromFileNoCell': {
    vi: 'Nguồn: tệp "{file}" của {by} (nhật ký nhập không ghi ô: dòng nhập từ phiên bản trước)',
    en: 'Source: file "{file}" from {by} (the import log has no cell: imported by an earlier version)',
  },
  'explain.inMaster': { vi: 'Trong sổ tổng hợp: trang "{sheet}", dòng {row}, ô {cell}', en: 'In the master: sheet "{sheet}", row {row}, cell {cell}' },
  'explain.times': { vi: 'Nhập lúc: {imported}; tệp lưu lúc: {submitted} (theo "Nhật ký nhập" và "Kê khai")', en: 'Imported at: {imported}; file saved at: {submitted} (from "Nhật ký nhập" and "Kê khai")' },
  'explain.surveyGiven': { vi: 'Chỉ số khảo sát đã dùng ({key}): {index} (nhập trực tiếp)', en: 'Survey index used ({key}): {index} (entered directly)' },
  'explain.surveySipas': { vi: 'Chỉ số khảo sát đã dùng ({key}): {index} (tính từ {n} phiếu SIPAS)', en: 'Survey index used ({key}): {index} (from {n} SIPAS responses)' },
  'explain.surveyNone': { vi: 'Chưa có chỉ số khảo sát ({key}) cho đơn vị này', en: 'No survey index ({key}) for this unit' },
  'explain.lost': {
    vi: 'Bị trừ {lost} điểm; có thể khắc phục {recoverable} điểm (chỉ số tăng {gain} điểm %). Đơn vị hiện đạt {index}, hạng {rank}, xếp loại {grade}.',
    en: 'Lost {lost} points; {recoverable} recoverable (the index would rise {gain} points). The unit stands at {index}, rank {rank}, grade {grade}.',
  },
} as const satisfies Catalogue;
