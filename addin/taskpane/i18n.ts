/**
 * Every word the task pane shows, Vietnamese first, English second. Engine messages (issues,
 * domain words) come from engine/i18n; these are the pane's own labels and the Office.js port's
 * failures. A key here never names an engine message code (engine/i18n/README.md).
 */
import type { Lang } from '../../engine';
import type { Catalogue } from '../../engine';
import type { Feature } from '../excel/capabilities';
import type { TrackStatus } from '../../engine';

export type { Lang };

const S = {
  appTitle: { vi: 'Chấm điểm CCHC', en: 'PAR scoring' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  steps: { vi: 'Các bước của đợt chấm điểm', en: 'Steps of the scoring round' },
  'view.setup': { vi: 'Thiết lập', en: 'Set up' },
  'view.templates': { vi: 'Gửi biểu mẫu', en: 'Send templates' },
  'view.collect': { vi: 'Nhận & kiểm tra', en: 'Collect & check' },
  'view.appraise': { vi: 'Thẩm định', en: 'Appraise' },
  'view.compute': { vi: 'Tính điểm', en: 'Compute' },
  'view.analyse': { vi: 'Phân tích', en: 'Analyse' },
  'view.sipas': { vi: 'SIPAS', en: 'SIPAS' },
  'view.plan': { vi: 'Kế hoạch', en: 'Plan' },
  'view.help': { vi: 'Hướng dẫn', en: 'Help' },
  'host.excel': { vi: 'Đang làm việc trên sổ Excel đang mở', en: 'Working on the open Excel workbook' },
  'host.standalone': { vi: 'Chạy độc lập (không có Excel): mở một tệp .xlsx', en: 'Standalone (no Excel): open an .xlsx file' },
  'host.waiting': { vi: 'Đang chờ Excel sẵn sàng… ({seconds} giây)', en: 'Waiting for Excel to be ready… ({seconds} s)' },
  'host.waitingHint': { vi: 'Excel khởi động chậm hoặc đang bận (đang sửa ô, đang tính). Ngăn tự mở khi Excel trả lời.', en: 'Excel is starting slowly or is busy (editing a cell, calculating). The pane opens by itself when Excel answers.' },
  'host.useStandalone': { vi: 'Dùng không có Excel (mở tệp .xlsx)', en: 'Go on without Excel (open an .xlsx file)' },
  // the same words are in addin/taskpane/webview-check.js (ES5, shown where the pane cannot run); a test holds them equal
  'host.legacyWebview': {
    vi: 'Phiên bản Office này mở phần bổ trợ bằng trình duyệt cũ (Internet Explorer hoặc Edge đời đầu), nên ngăn Chấm điểm CCHC không chạy được. Hãy dùng Excel trong Microsoft 365 (Windows bản 2101 trở lên, có WebView2), Excel 2021 trở lên, Excel cho Mac hoặc Excel trên web.',
    en: 'This Office opens add-ins in an old browser (Internet Explorer or the first Edge), where the PAR scoring pane cannot run. Use Excel in Microsoft 365 (Windows version 2101 or later, with WebView2), Excel 2021 or later, Excel for Mac or Excel on the web.',
  },
  'file.open': { vi: 'Mở sổ tổng hợp (.xlsx)', en: 'Open master workbook (.xlsx)' },
  'file.opened': { vi: 'Đã mở: {file}', en: 'Opened: {file}' },
  'file.none': { vi: 'Chưa mở sổ nào.', en: 'No workbook open.' },
  'file.download': { vi: 'Tải sổ kết quả (.xlsx)', en: 'Download results workbook (.xlsx)' },
  'file.opening': { vi: 'Đang mở tệp…', en: 'Opening the file…' },
  'file.bad': { vi: 'Không đọc được tệp {file}: không phải tệp .xlsx hợp lệ.', en: 'Cannot read {file}: not a valid .xlsx file.' },
  'file.downloadMaster': { vi: 'Tải sổ về (.xlsx)', en: 'Download the workbook (.xlsx)' },
  'file.unsaved': { vi: 'có thay đổi chưa tải về', en: 'changes not downloaded' },
  'file.leaveWarning': { vi: 'Sổ trên trang có thay đổi chưa tải về. Rời trang sẽ mất các thay đổi đó.', en: 'The workbook on this page has changes not downloaded. Leaving loses them.' },
  'file.template': {
    vi: 'Tệp "{file}" là biểu mẫu tự đánh giá của đơn vị {unit} ({filled}), không phải sổ tổng hợp. Hãy mở sổ tổng hợp, rồi đưa tệp này vào bước "Nhận & kiểm tra".',
    en: '"{file}" is the self-assessment template of unit {unit} ({filled}), not a master workbook. Open the master workbook, then bring this file in at "Collect & check".',
  },
  'file.templateNoUnit': {
    vi: 'Tệp "{file}" là biểu mẫu tự đánh giá của một đơn vị ({filled}), không phải sổ tổng hợp. Hãy mở sổ tổng hợp, rồi đưa tệp này vào bước "Nhận & kiểm tra".',
    en: '"{file}" is a unit\'s self-assessment template ({filled}), not a master workbook. Open the master workbook, then bring this file in at "Collect & check".',
  },
  'file.filled': { vi: 'đã điền {answered}/{applicable} tiêu chí', en: '{answered} of {applicable} criteria filled' },
  'file.blank': { vi: 'chưa điền', en: 'not filled in' },
  'file.other': {
    vi: 'Tệp "{file}" không phải sổ tổng hợp (thiếu các trang Bộ tiêu chí, Đơn vị, Kê khai) và cũng không phải biểu mẫu của đơn vị. Hãy chọn sổ tổng hợp, hoặc tạo sổ mới ở bước "Thiết lập".',
    en: '"{file}" is not a master workbook (no Criteria, Units, Submissions sheets) nor a unit\'s template. Pick the master workbook, or create a new one at "Set up".',
  },
  'file.keptOpen': { vi: 'Sổ đang mở ({file}) vẫn được giữ nguyên.', en: 'The open workbook ({file}) stays as it is.' },
  'message.goTo': { vi: 'Đến bước "{step}"', en: 'Go to "{step}"' },
  'open.noSubmissions': { vi: 'Sổ có {units} đơn vị nhưng chưa đơn vị nào nộp số liệu.', en: 'The workbook lists {units} units but no unit has submitted yet.' },
  'open.noSubmissionsHint': {
    vi: 'Gửi biểu mẫu cho các đơn vị (bước "Gửi biểu mẫu"), rồi nhận các tệp đã điền ở bước "Nhận & kiểm tra".',
    en: 'Send the templates to the units ("Send templates"), then bring the filled files in at "Collect & check".',
  },
  'discard.title': { vi: 'Bỏ sổ đang mở?', en: 'Discard the open workbook?' },
  'discard.unsaved': {
    vi: 'Sổ "{file}" có thay đổi chưa tải về (số liệu đã nhập, điểm thẩm định, kết quả). {action} sẽ thay sổ này trên trang và các thay đổi đó sẽ mất.',
    en: '"{file}" has changes not downloaded (imported data, appraisal scores, results). {action} replaces it on this page and those changes are lost.',
  },
  'discard.saved': {
    vi: 'Sổ "{file}" đang mở có số liệu của {units} đơn vị. {action} sẽ đóng sổ này trên trang (bản đã tải về không bị ảnh hưởng).',
    en: '"{file}" holds the data of {units} units. {action} closes it on this page (a copy already downloaded is not affected).',
  },
  'discard.actionNew': { vi: 'Tạo sổ mới', en: 'Creating a new workbook' },
  'discard.actionOpen': { vi: 'Mở tệp khác', en: 'Opening another file' },
  'discard.download': { vi: 'Tải sổ về trước', en: 'Download it first' },
  'discard.confirmNew': { vi: 'Bỏ sổ, tạo sổ mới', en: 'Discard it, create a new one' },
  'discard.confirmOpen': { vi: 'Bỏ sổ, mở tệp khác', en: 'Discard it, open another file' },
  'discard.cancel': { vi: 'Huỷ', en: 'Cancel' },
  needWorkbook: { vi: 'Hãy mở sổ tổng hợp trước (nút "Mở sổ tổng hợp").', en: 'Open a master workbook first ("Open master workbook").' },
  needCompute: { vi: 'Chưa có kết quả: hãy vào bước "Tính điểm".', en: 'No results yet: go to "Compute".' },
  // setup
  'setup.intro': { vi: 'Chọn bộ tiêu chí có sẵn để tạo các trang đầu vào của sổ tổng hợp (bộ tiêu chí, đơn vị, kê khai).', en: 'Choose a built-in criteria set to create the master input sheets (criteria, units, submissions).' },
  'setup.framework': { vi: 'Bộ tiêu chí', en: 'Criteria set' },
  'setup.create': { vi: 'Tạo các trang của sổ tổng hợp', en: 'Create the master sheets' },
  'setup.createNew': { vi: 'Tạo sổ tổng hợp mới', en: 'Create a new master workbook' },
  'setup.done': { vi: 'Đã tạo {count} trang.', en: '{count} sheets created.' },
  'setup.status': { vi: '{name} · {leaves} tiêu chí · {units} đơn vị', en: '{name} · {leaves} criteria · {units} units' },
  'setup.valid': { vi: 'hợp lệ', en: 'valid' },
  'setup.invalid': { vi: '{count} lỗi', en: '{count} errors' },
  'setup.empty': { vi: 'chưa đơn vị nào nộp', en: 'no unit has submitted' },
  'setup.submitted': { vi: '{count} đơn vị đã nộp', en: '{count} units submitted' },
  // templates
  'templates.intro': { vi: 'Mỗi đơn vị một biểu mẫu tự đánh giá, chỉ gồm các tiêu chí áp dụng cho đơn vị đó.', en: 'One self-assessment template per unit, with only the criteria that apply to it.' },
  'templates.deadline': { vi: 'Hạn nộp (dd/mm/yyyy)', en: 'Deadline (dd/mm/yyyy)' },
  'templates.badDeadline': { vi: '"{value}" không phải ngày dd/mm/yyyy (ví dụ 15/01/2024).', en: '"{value}" is not a date as dd/mm/yyyy (e.g. 15/01/2024).' },
  'templates.deadlineIs': { vi: 'Hạn nộp: {date}', en: 'Deadline: {date}' },
  'templates.one': { vi: 'Tải biểu mẫu', en: 'Download template' },
  'templates.all': { vi: 'Tải tất cả (.zip)', en: 'Download all (.zip)' },
  'templates.count': { vi: '{count} biểu mẫu', en: '{count} templates' },
  'templates.building': { vi: 'Đang tạo biểu mẫu {done}/{total}…', en: 'Building templates {done}/{total}…' },
  // collect
  'collect.intro': { vi: 'Chọn (hoặc kéo thả) các tệp đơn vị gửi về. Mọi lỗi được liệt kê theo đơn vị; phần hợp lệ được nhập vào trang Kê khai.', en: 'Pick (or drop) the files units sent back. Every issue is listed by unit; valid parts go into the submissions sheet.' },
  'collect.pick': { vi: 'Chọn các tệp đã điền', en: 'Pick filled files' },
  'collect.acceptValid': { vi: 'Nhập cả các dòng hợp lệ của tệp có lỗi', en: 'Also bring in the valid rows of files with errors' },
  'collect.summary': { vi: '{files} tệp · {ok} nhập đủ · {partial} nhập một phần · {rejected} bị từ chối · {errors} lỗi cần sửa', en: '{files} files · {ok} imported · {partial} partly · {rejected} rejected · {errors} errors to fix' },
  'collect.written': { vi: 'Đã cập nhật trang Kê khai ({count} thay đổi).', en: 'Submissions sheet updated ({count} changes).' },
  'collect.nothing': { vi: 'Không có thay đổi nào để nhập.', en: 'Nothing to bring in.' },
  'collect.noIssues': { vi: 'Không có lỗi.', en: 'No issues.' },
  'issues.title': { vi: 'Vấn đề cần xử lý', en: 'Issues to handle' },
  'issues.general': { vi: 'Chung', en: 'General' },
  'issues.select': { vi: 'Chọn ô {cell} trên trang {sheet}', en: 'Select cell {cell} on sheet {sheet}' },
  'issues.total': { vi: '{count} vấn đề', en: '{count} issues' },
  'issues.errors': { vi: '{count} lỗi', en: '{count} errors' },
  'issues.warnings': { vi: '{count} cảnh báo', en: '{count} warnings' },
  'issues.notes': { vi: '{count} ghi chú', en: '{count} notes' },
  // appraise
  'appraise.intro': { vi: 'Nhập điểm thẩm định (vòng 1, vòng 2 sau giải trình) và lý do bên cạnh số liệu của đơn vị.', en: 'Enter appraisal scores (round 1, round 2 after explanation) and reasons beside the unit\'s answer.' },
  'appraise.unit': { vi: 'Đơn vị', en: 'Unit' },
  'appraise.criterion': { vi: 'Tiêu chí', en: 'Criterion' },
  'appraise.value': { vi: 'Số liệu', en: 'Answer' },
  'appraise.self': { vi: 'Tự chấm', en: 'Self-score' },
  'appraise.round1': { vi: 'Thẩm định 1', en: 'Appraisal 1' },
  'appraise.round2': { vi: 'Thẩm định 2', en: 'Appraisal 2' },
  'appraise.reason': { vi: 'Lý do', en: 'Reason' },
  'appraise.explanation': { vi: 'Giải trình', en: 'Explanation' },
  'appraise.save': { vi: 'Ghi vào trang Kê khai', en: 'Save to the submissions sheet' },
  'appraise.saved': { vi: 'Đã ghi {count} tiêu chí.', en: '{count} criteria saved.' },
  'appraise.status': { vi: '{done}/{total} tiêu chí đã thẩm định', en: '{done}/{total} criteria appraised' },
  'appraise.badNumber': { vi: 'Đơn vị {unit}, tiêu chí {criterion}: điểm "{value}" không phải số trong [0; {max}].', en: 'Unit {unit}, criterion {criterion}: score "{value}" is not a number in [0, {max}].' },
  'appraise.badFields': { vi: '{count} ô điểm của đơn vị {unit} chưa hợp lệ (đánh dấu đỏ bên dưới); chưa ghi gì.', en: '{count} score fields of unit {unit} are not valid (marked in red below); nothing was saved.' },
  'appraise.notNumber': { vi: '"{value}" không phải số; nhập số từ 0 đến {max} (ví dụ 1,5).', en: '"{value}" is not a number; enter a number from 0 to {max} (e.g. 1.5).' },
  'appraise.outOfRange': { vi: '{value} nằm ngoài [0; {max}]: điểm tối đa của tiêu chí là {max}.', en: '{value} is outside [0, {max}]: the criterion\'s maximum is {max}.' },
  'appraise.max': { vi: 'tối đa {max}', en: 'max {max}' },
  'appraise.pending': { vi: 'Chỉ hiện tiêu chí chưa thẩm định', en: 'Only criteria not yet appraised' },
  'appraise.unitCount': { vi: '{count} tiêu chí', en: '{count} criteria' },
  // compute
  'compute.intro': { vi: 'Tính điểm, chỉ số, xếp loại, xếp hạng và ghi các trang kết quả.', en: 'Compute scores, indices, grades, ranks and write the result sheets.' },
  'compute.run': { vi: 'Tính điểm', en: 'Compute' },
  'compute.running': { vi: 'Đang tính…', en: 'Computing…' },
  'compute.phase.list': { vi: 'Đang xem các trang…', en: 'Listing sheets…' },
  'compute.phase.read': { vi: 'Đang đọc số liệu…', en: 'Reading data…' },
  'compute.phase.compute': { vi: 'Đang tính điểm…', en: 'Scoring…' },
  'compute.phase.write': { vi: 'Đang ghi kết quả…', en: 'Writing results…' },
  'compute.phase.done': { vi: 'Xong.', en: 'Done.' },
  'compute.noSubmissions': { vi: 'Chưa đơn vị nào nộp số liệu: đã ghi các trang kết quả nhưng chỉ số của {units} đơn vị chưa phản ánh gì.', en: 'No unit has submitted yet: the result sheets were written, but the indices of the {units} units mean nothing yet.' },
  'compute.noSubmissionsHint': { vi: 'Nhận các tệp đơn vị gửi về ở bước "Nhận & kiểm tra" rồi tính lại.', en: 'Bring the units\' files in at "Collect & check", then compute again.' },
  'compute.done': { vi: 'Đã chấm {units} đơn vị; đã ghi {sheets} trang: {names}.', en: 'Scored {units} units; wrote {sheets} sheets: {names}.' },
  'compute.failed': { vi: 'Chưa tính được: số liệu có {errors} lỗi (xem danh sách bên dưới).', en: 'Not computed: the data has {errors} errors (see the list below).' },
  'compute.timing': { vi: 'Đọc {read} ms · tính {compute} ms · ghi {write} ms', en: 'Read {read} ms · compute {compute} ms · write {write} ms' },
  'compute.report': { vi: 'Tải báo cáo (.docx)', en: 'Download report (.docx)' },
  // analyse
  'analyse.ranking': { vi: 'Xếp hạng', en: 'Ranking' },
  'analyse.rank': { vi: 'Hạng', en: 'Rank' },
  'analyse.unit': { vi: 'Đơn vị', en: 'Unit' },
  'analyse.index': { vi: 'Chỉ số', en: 'Index' },
  'analyse.grade': { vi: 'Xếp loại', en: 'Grade' },
  'analyse.score': { vi: 'Điểm', en: 'Score' },
  'analyse.change': { vi: 'So với năm trước', en: 'vs. last year' },
  'analyse.changeShort': { vi: '± năm trước', en: '± last year' },
  'analyse.gradeShort': { vi: 'Loại', en: 'Grade' },
  'analyse.kind': { vi: 'Nhóm', en: 'Group' },
  'analyse.byLead': { vi: 'Điểm bị trừ theo đơn vị chủ trì', en: 'Points lost by lead unit' },
  'analyse.lead': { vi: 'Chủ trì', en: 'Lead' },
  'analyse.lost': { vi: 'Bị trừ', en: 'Lost' },
  'analyse.recoverable': { vi: 'Có thể gỡ', en: 'Recoverable' },
  'analyse.gaps': { vi: 'Số lượt', en: 'Count' },
  'analyse.whatIf': { vi: 'Giả định "nếu… thì…"', en: 'What-if' },
  'analyse.whatIfIntro': { vi: 'Chọn đơn vị, sửa điểm các tiêu chí bị trừ và xem chỉ số, xếp loại, hạng thay đổi ngay.', en: 'Pick a unit, change the points of its lost criteria and watch index, grade and rank move.' },
  'analyse.newPoints': { vi: 'Điểm giả định', en: 'Points if' },
  'analyse.before': { vi: 'Hiện tại', en: 'Now' },
  'analyse.after': { vi: 'Nếu thay đổi', en: 'With changes' },
  'analyse.reset': { vi: 'Bỏ các giả định', en: 'Clear changes' },
  'analyse.noGaps': { vi: 'Đơn vị này không bị trừ điểm.', en: 'This unit lost no points.' },
  'analyse.whatIfNaN': { vi: '"{value}" không phải số; chưa tính giả định này.', en: '"{value}" is not a number; this change is not applied.' },
  'analyse.whatIfRange': { vi: '{value} nằm ngoài [0; {max}] (điểm tối đa {max}); chưa tính giả định này.', en: '{value} is outside [0, {max}] (maximum {max}); this change is not applied.' },
  'analyse.whatIfIgnored': { vi: '{count} giả định chưa hợp lệ nên chưa được tính (xem ô đánh dấu đỏ).', en: '{count} changes are not valid and are not applied (see the fields in red).' },
  'analyse.explainHint': { vi: 'Bấm vào một chỉ số hoặc một số điểm để xem số đó từ đâu ra.', en: 'Click an index or a score to see how it came about.' },
  'analyse.unitProfile': { vi: 'Đơn vị xem hồ sơ', en: 'Unit for the profile' },
  'analyse.all': { vi: 'Tất cả', en: 'All' },
  'analyse.showAll': { vi: 'Hiện cả {count} đơn vị', en: 'Show all {count} units' },
  // charts (lazy chunk)
  'chart.loading': { vi: 'Đang tải biểu đồ…', en: 'Loading the chart…' },
  'chart.failed': { vi: 'Không vẽ được biểu đồ; số liệu vẫn có trong bảng.', en: 'The chart could not be drawn; the numbers are in the table.' },
  'chart.ranking': { vi: 'Chỉ số CCHC — {kind}', en: 'PAR INDEX — {kind}' },
  'chart.index': { vi: 'Chỉ số', en: 'Index' },
  'chart.target': { vi: 'Mục tiêu {target}', en: 'Target {target}' },
  'chart.profile': { vi: 'Hồ sơ theo lĩnh vực: {unit} so với bình quân', en: 'Area profile: {unit} against the average' },
  'chart.average': { vi: 'Bình quân {kind}', en: 'Average, {kind}' },
  'chart.lostAxis': { vi: 'Điểm bị trừ (điểm) theo mã đơn vị chủ trì', en: 'Points lost (points) by lead unit code' },
  'chart.profileAxis': { vi: 'Chỉ số từng lĩnh vực (%)', en: 'Index by area (%)' },
  'chart.notRecoverable': { vi: 'Không gỡ được', en: 'Not recoverable' },
  'chart.sipasAspects': { vi: 'SIPAS theo lĩnh vực — {unit}', en: 'SIPAS by aspect — {unit}' },
  'chart.interval': { vi: 'Khoảng tin cậy 95%', en: '95% interval' },
  'chart.planStatus': { vi: 'Nhiệm vụ kế hoạch theo tình trạng', en: 'Plan tasks by status' },
  'chart.summary': { vi: 'Biểu đồ: {text}', en: 'Chart: {text}' },
  // explain
  'explain.title': { vi: 'Số này từ đâu ra', en: 'How this number came about' },
  'explain.openUnit': { vi: 'Xem cách tính chỉ số của {unit}', en: 'See how the index of {unit} came about' },
  'explain.openCriterion': { vi: 'Xem cách tính điểm tiêu chí {criterion} của {unit}', en: 'See how {unit} scored on criterion {criterion}' },
  'explain.unitHead': { vi: '{unit}: {score}/{max} điểm, chỉ số {index}, xếp loại {grade}, hạng {rank}', en: '{unit}: {score}/{max} points, index {index}, grade {grade}, rank {rank}' },
  'explain.unitRule': { vi: 'Chỉ số = điểm ÷ điểm tối đa của các tiêu chí áp dụng × 100 = {score} ÷ {max} × 100.', en: 'Index = points ÷ maximum of the applicable criteria × 100 = {score} ÷ {max} × 100.' },
  'explain.areas': { vi: 'Theo lĩnh vực', en: 'By area' },
  'explain.gaps': { vi: 'Tiêu chí bị trừ điểm (bấm để xem từng tiêu chí)', en: 'Criteria that lost points (click one to see it)' },
  'explain.noGap': { vi: 'Không bị trừ điểm ở tiêu chí nào.', en: 'No criterion lost points.' },
  'explain.back': { vi: '← Về chỉ số của đơn vị', en: '← Back to the unit\'s index' },
  'explain.unavailable': { vi: 'Chưa giải thích được số này: hãy tính điểm lại.', en: 'This number cannot be explained yet: compute again.' },
  // sipas
  'sipas.intro': { vi: 'Chỉ số hài lòng của người dân, tổ chức (SIPAS) theo đơn vị.', en: 'Citizen and organisation satisfaction (SIPAS) by unit.' },
  'sipas.none': { vi: 'Sổ chưa có số liệu khảo sát SIPAS.', en: 'The workbook has no SIPAS survey data.' },
  'sipas.overall': { vi: 'Chỉ số chung', en: 'Overall' },
  'sipas.n': { vi: 'Số phiếu', en: 'Responses' },
  'sipas.nShort': { vi: 'Số phiếu', en: 'Resp.' },
  'sipas.unit': { vi: 'Đơn vị xem theo lĩnh vực', en: 'Unit by aspect' },
  'sipas.interval': { vi: '95%', en: '95%' },
  // plan
  'plan.intro': { vi: 'Nhiệm vụ kế hoạch CCHC chậm, chưa triển khai hoặc chưa báo cáo.', en: 'Plan tasks late, not started or not reported.' },
  'plan.empty': { vi: 'Sổ chưa có kế hoạch (trang nhiệm vụ).', en: 'The workbook has no plan tasks.' },
  'plan.filterLead': { vi: 'Lọc theo đơn vị', en: 'Filter by unit' },
  'plan.filterStatus': { vi: 'Lọc theo tình trạng', en: 'Filter by status' },
  'plan.all': { vi: 'Tất cả', en: 'All' },
  'plan.task': { vi: 'Nhiệm vụ', en: 'Task' },
  'plan.status': { vi: 'Tình trạng', en: 'Status' },
  'plan.due': { vi: 'Hạn', en: 'Due' },
  'plan.uncovered': { vi: 'Tiêu chí bị trừ điểm mà chưa có nhiệm vụ nào phục vụ: {list}', en: 'Criteria that lost points with no task serving them: {list}' },
  'plan.shown': { vi: 'Đang hiện {shown}/{total} nhóm', en: 'Showing {shown} of {total} groups' },
  'plan.groupBy': { vi: 'Nhóm theo', en: 'Group by' },
  'plan.byTask': { vi: 'Nhiệm vụ', en: 'Task' },
  'plan.byUnit': { vi: 'Đơn vị', en: 'Unit' },
  'plan.units': { vi: '{count} đơn vị', en: '{count} units' },
  'plan.tasks': { vi: '{count} nhiệm vụ', en: '{count} tasks' },
  'plan.dueOn': { vi: 'hạn {date}', en: 'due {date}' },
  'plan.noMatch': { vi: 'Không có dòng nào khớp bộ lọc.', en: 'No line matches the filters.' },
  'plan.lines': { vi: '{count} lượt đơn vị × nhiệm vụ', en: '{count} unit × task lines' },
  'plan.more': { vi: 'Hiện thêm', en: 'Show more' },
  'plan.late': { vi: '{count} lượt đơn vị × nhiệm vụ cần đôn đốc', en: '{count} unit × task lines to chase' },
  'status.done': { vi: 'Hoàn thành', en: 'Done' },
  'status.onTrack': { vi: 'Đang thực hiện', en: 'On track' },
  'status.late': { vi: 'Chậm', en: 'Late' },
  'status.notStarted': { vi: 'Chưa triển khai', en: 'Not started' },
  'status.notReported': { vi: 'Chưa báo cáo', en: 'Not reported' },
  // help
  'help.text': {
    vi: 'Thẻ CCHC trên thanh công cụ mở từng bước của đợt chấm điểm. Dữ liệu nằm trong các trang của sổ; các trang kết quả (Tổng hợp, Kết quả, Xếp hạng, Điểm bị trừ…) được ghi lại toàn bộ mỗi lần tính. Không có Excel: mở tệp này trong trình duyệt, chọn sổ .xlsx, tính điểm và tải sổ kết quả.',
    en: 'The CCHC ribbon tab opens each step of the round. Data lives in the workbook\'s sheets; result sheets (Summary, Results, Ranking, Points lost…) are rewritten whole on each run. Without Excel: open this page in a browser, pick an .xlsx, compute and download the results workbook.',
  },
  // Excel failures (addin/excel/errors.ts)
  'excel.notFound': { vi: 'Không tìm thấy trang hoặc ô {where} trong sổ (có thể đã bị đổi tên hoặc xoá). Hãy kiểm tra tên trang rồi thử lại.', en: 'Sheet or cell {where} was not found (renamed or deleted?). Check the sheet name and try again.' },
  'excel.protected': { vi: 'Trang {where} đang được bảo vệ nên không ghi được. Hãy bỏ bảo vệ trang (Review › Unprotect Sheet) rồi thử lại.', en: 'Sheet {where} is protected and cannot be written. Unprotect it (Review › Unprotect Sheet) and try again.' },
  'excel.payloadTooLarge': { vi: 'Dữ liệu đọc từ hoặc ghi vào {where} quá lớn cho một lần trao đổi với Excel. Hãy thử lại; nếu vẫn lỗi, tách sổ theo năm hoặc theo nhóm đơn vị.', en: 'The data read from or written to {where} is too large for one exchange with Excel. Try again; if it persists, split the workbook by year or unit group.' },
  'excel.busy': { vi: 'Excel đang bận (đang sửa ô hoặc đang tính). Hãy thoát chế độ sửa ô (Enter hoặc Esc) rồi thử lại.', en: 'Excel is busy (editing a cell or calculating). Leave cell edit mode (Enter or Esc) and try again.' },
  'excel.invalidArgument': { vi: 'Excel từ chối thao tác trên {where}. Hãy kiểm tra các ô gộp hoặc bảng (Table) trên trang đó rồi thử lại.', en: 'Excel refused the operation on {where}. Check merged cells or tables on that sheet and try again.' },
  'excel.accessDenied': { vi: 'Không có quyền sửa sổ này ({where}). Hãy mở sổ ở chế độ chỉnh sửa.', en: 'No permission to edit this workbook ({where}). Open it for editing.' },
  'excel.unsupported': { vi: 'Phiên bản Excel này chưa hỗ trợ thao tác cần cho {where}. Hãy cập nhật Office (cần ExcelApi 1.8 trở lên).', en: 'This Excel version does not support an operation needed for {where}. Update Office (ExcelApi 1.8 or later).' },
  'excel.stale': { vi: 'Trang {where} đã thay đổi sau lần đọc (dòng được sắp xếp, chèn hoặc xoá), nên chưa ghi gì để không ghi nhầm dòng. Ngăn đã đọc lại sổ; hãy bấm lưu lần nữa.', en: 'Sheet {where} changed since it was read (rows sorted, inserted or deleted), so nothing was written rather than write into the wrong rows. The pane has read the workbook again; save once more.' },
  'excel.unknown': { vi: 'Excel báo lỗi khi làm việc với {where}. Hãy thử lại; nếu vẫn lỗi, gửi chi tiết sau cho bộ phận hỗ trợ.', en: 'Excel reported an error with {where}. Try again; if it persists, send the detail below to support.' },
  'excel.theWorkbook': { vi: 'sổ', en: 'the workbook' },
  'excel.detail': { vi: 'Chi tiết: {detail}', en: 'Detail: {detail}' },
  'excel.featureMissing': { vi: 'Excel này chưa hỗ trợ {feature} (cần ExcelApi {version}); trang {sheet} được ghi không có phần này.', en: 'This Excel lacks {feature} (needs ExcelApi {version}); sheet {sheet} was written without it.' },
  'feature.suspendCalculation': { vi: 'tạm dừng tính toán khi ghi', en: 'pausing calculation while writing' },
  'feature.conditionalFormats': { vi: 'định dạng có điều kiện', en: 'conditional formats' },
  'feature.charts': { vi: 'biểu đồ', en: 'charts' },
  'feature.chartSeries': { vi: 'chuỗi số liệu riêng của biểu đồ (đường mục tiêu, khoảng tin cậy)', en: "charts' own series (target line, intervals)" },
  'feature.protection': { vi: 'bảo vệ trang', en: 'sheet protection' },
  'feature.protectionPassword': { vi: 'mật khẩu bảo vệ trang', en: 'sheet protection passwords' },
  'feature.validation': { vi: 'kiểm tra dữ liệu nhập (danh sách chọn)', en: 'data validation (dropdowns)' },
  'feature.freeze': { vi: 'cố định dòng tiêu đề', en: 'frozen header rows' },
  'feature.tabColor': { vi: 'màu thẻ trang', en: 'sheet tab colours' },
  'feature.printArea': { vi: 'vùng in', en: 'print areas' },
  'feature.footerMarker': { vi: 'dấu nhận biết ở chân trang in', en: 'the footer marker' },
  'feature.mergedAreas': { vi: 'đọc ô gộp', en: 'reading merged cells' },
  'addin.unexpected': { vi: 'Lỗi không mong đợi: {detail}', en: 'Unexpected error: {detail}' },
  close: { vi: 'Đóng', en: 'Close' },
} as const satisfies Catalogue;

/** Every pane string key: `s('no.such.key', …)` does not compile. */
export type StringKey = keyof typeof S;

/** Pane keys for the engine's plan statuses and the Office.js port's features (typed, no casts). */
const STATUS_KEYS = {
  done: 'status.done',
  onTrack: 'status.onTrack',
  late: 'status.late',
  notStarted: 'status.notStarted',
  notReported: 'status.notReported',
} as const satisfies Record<TrackStatus, StringKey>;

const FEATURE_KEYS = {
  suspendCalculation: 'feature.suspendCalculation',
  conditionalFormats: 'feature.conditionalFormats',
  charts: 'feature.charts',
  chartSeries: 'feature.chartSeries',
  protection: 'feature.protection',
  protectionPassword: 'feature.protectionPassword',
  validation: 'feature.validation',
  freeze: 'feature.freeze',
  tabColor: 'feature.tabColor',
  printArea: 'feature.printArea',
  footerMarker: 'feature.footerMarker',
  mergedAreas: 'feature.mergedAreas',
} as const satisfies Record<Feature, StringKey>;

const statusKeys: ReadonlyMap<string, StringKey> = new Map(Object.entries(STATUS_KEYS));
const featureKeys: ReadonlyMap<string, StringKey> = new Map(Object.entries(FEATURE_KEYS));

/** A plan status as the pane words it; an unknown status (newer engine) is shown as is. */
export function statusText(status: string, lang: Lang): string {
  const key = statusKeys.get(status);
  return key ? s(key, lang) : status;
}

/** An Excel feature as the pane words it; an unknown one is shown as is. */
export function featureText(feature: string, lang: Lang): string {
  const key = featureKeys.get(feature);
  return key ? s(key, lang) : feature;
}

/** The pane's catalogue as data, for the tests (placeholders, no engine message codes). */
export const paneStrings: Catalogue = S;

/** A pane string with {param} placeholders filled. */
export function s(key: StringKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return S[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v === undefined ? '' : String(v);
  });
}

export const VIEW_IDS = ['setup', 'templates', 'collect', 'appraise', 'compute', 'analyse', 'sipas', 'plan'] as const;
export type ViewId = (typeof VIEW_IDS)[number] | 'help';
