import type { Catalogue } from '../catalogue';

/**
 * Words printed on a unit's self-assessment template (engine/workbook/template): the official
 * header and signatures, cell prompts and errors, the instructions sheet. Issues about templates
 * live in ./templates.ts.
 */
export const templateFormMessages = {
  // the templates step's warning about the form's content
  'templates.noEvidence': {
    vi: 'Tiêu chí {criterion} "{name}" chưa ghi tài liệu kiểm chứng yêu cầu: cột "Tài liệu kiểm chứng yêu cầu" của biểu mẫu ({units}) sẽ để trống. Hãy ghi văn bản, báo cáo hoặc số liệu thống kê cần nộp vào bộ tiêu chí (trường evidence)',
    en: 'Criterion {criterion} "{name}" names no evidence: the template column "Evidence required" ({units}) will be empty. Add the plans, reports, decisions or statistics to attach to the criteria set (field evidence)',
  },

  // official header (rows 1–3) and signatures
  'form.nation': { vi: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', en: 'SOCIALIST REPUBLIC OF VIET NAM' },
  'form.motto': { vi: 'Độc lập - Tự do - Hạnh phúc', en: 'Independence - Freedom - Happiness' },
  'form.placeDate': { vi: '{place}, ngày {day} tháng {month} năm {year}', en: '{place}, {day}/{month}/{year}' },
  'form.title': { vi: 'BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}', en: 'PAR INDEX SELF-ASSESSMENT {year}' },
  'form.titleNoYear': { vi: 'BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', en: 'PAR INDEX SELF-ASSESSMENT' },
  'form.attached': { vi: '(Kèm theo {document})', en: '(Attached to {document})' },
  'form.attachedBlank': { vi: 'văn bản số ......../{issuer} ngày ....../....../{year}', en: 'letter no. ......../{issuer} of ....../....../{year}' },
  'form.info': {
    vi: 'Đơn vị: {unit} · Bộ tiêu chí: {framework} · Hạn nộp: {deadline}',
    en: 'Unit: {unit} · Criteria set: {framework} · Deadline: {deadline}',
  },
  'form.answersFor': { vi: '{unit} — chủ trì các tiêu chí cấp quận, chấm cho {district}', en: '{unit} — lead office for district-level criteria, scored for {district}' },
  'form.version': { vi: '{name} (phiên bản {version})', en: '{name} (version {version})' },
  'form.deadlineOpen': { vi: 'theo văn bản của Phòng Nội vụ', en: 'as set by the Home Affairs office' },
  'form.howTo': {
    vi: 'Chỉ nhập vào các ô nền vàng. Cột "Điểm tạm tính" tự tính theo số liệu kê khai; ô tô đỏ, cam là điểm cần xem lại (xem trang "Hướng dẫn").',
    en: 'Enter data only in yellow cells. "Provisional points" is computed from the declared value; red and orange cells need a second look (see "Hướng dẫn").',
  },
  'form.preparer': { vi: 'NGƯỜI LẬP BIỂU', en: 'PREPARED BY' },
  'form.head': { vi: 'THỦ TRƯỞNG ĐƠN VỊ', en: 'HEAD OF UNIT' },
  'form.signPreparer': { vi: '(Ký, ghi rõ họ tên)', en: '(Signature and full name)' },
  'form.signHead': { vi: '(Ký, ghi rõ họ tên, đóng dấu)', en: '(Signature, full name and seal)' },
  'form.page': { vi: 'Trang &P/&N', en: 'Page &P of &N' },
  'form.totalSurvey': { vi: 'Chưa gồm {points} điểm chấm qua điều tra xã hội học', en: 'Not including {points} points scored by the survey' },
  'form.survey': { vi: 'Điểm từ điều tra xã hội học', en: 'Points from the survey' },

  // "Điểm tạm tính" cells
  'form.provisional.na': { vi: 'KAD', en: 'N/A' },
  'form.provisional.unread': { vi: '?', en: '?' },
  'form.provisional.untranslated': { vi: 'Tính khi tổng hợp', en: 'Computed on import' },

  // cell prompts and errors (titles at most 32 characters)
  'form.cell.errorTitle': { vi: 'Giá trị không hợp lệ', en: 'Invalid value' },
  'form.cell.valueTitle': { vi: 'Số liệu kê khai', en: 'Declared value' },
  'form.cell.selfTitle': { vi: 'Điểm tự chấm', en: 'Self-score' },
  'form.cell.evidenceTitle': { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  'form.cell.signTitle': { vi: 'Người ký', en: 'Signatory' },
  'form.cell.dateTitle': { vi: 'Ngày ký', en: 'Date signed' },
  'form.cell.selfPrompt': {
    vi: 'Từ 0 đến {max} điểm, bước {step} (0; 0,25; 0,5; …). Không cao hơn "Điểm tạm tính" khi số liệu đã kê khai.',
    en: '0 to {max} points, in steps of {step} (0, 0.25, 0.5, …). Not above "Provisional points" once the value is declared.',
  },
  'form.cell.selfError': {
    vi: 'Điểm tự chấm phải từ 0 đến {max}, là bội số của {step} (ví dụ 0; 0,25; 0,5; 0,75; 1).',
    en: 'The self-score must be 0 to {max}, a multiple of {step} (e.g. 0, 0.25, 0.5, 0.75, 1).',
  },
  'form.cell.listPrompt': { vi: 'Chọn trong danh sách: {choices}.', en: 'Pick from the list: {choices}.' },
  'form.cell.listError': { vi: 'Chỉ chọn một trong: {choices}.', en: 'Pick one of: {choices}.' },
  'form.cell.wholePrompt': { vi: 'Số nguyên từ {min} đến {max}{unit}.', en: 'A whole number from {min} to {max}{unit}.' },
  'form.cell.wholeFromPrompt': { vi: 'Số nguyên từ {min} trở lên{unit}.', en: 'A whole number, {min} or more{unit}.' },
  'form.cell.decimalPrompt': { vi: 'Số từ {min} đến {max}{unit}, ví dụ {example}.', en: 'A number from {min} to {max}{unit}, e.g. {example}.' },
  'form.cell.decimalFromPrompt': { vi: 'Số từ {min} trở lên{unit}, ví dụ {example}.', en: 'A number, {min} or more{unit}, e.g. {example}.' },
  'form.cell.anyNumberPrompt': { vi: 'Một số{unit}, ví dụ {example}.', en: 'A number{unit}, e.g. {example}.' },
  'form.cell.wholeError': { vi: 'Chỉ nhận số nguyên từ {min} đến {max}{unit}.', en: 'Only whole numbers from {min} to {max}{unit}.' },
  'form.cell.wholeFromError': { vi: 'Chỉ nhận số nguyên từ {min} trở lên{unit}.', en: 'Only whole numbers, {min} or more{unit}.' },
  'form.cell.decimalError': { vi: 'Chỉ nhận số từ {min} đến {max}{unit}.', en: 'Only numbers from {min} to {max}{unit}.' },
  'form.cell.decimalFromError': { vi: 'Chỉ nhận số từ {min} trở lên{unit}.', en: 'Only numbers, {min} or more{unit}.' },
  'form.cell.anyNumberError': { vi: 'Ô này nhận một số{unit}.', en: 'This cell takes a number{unit}.' },
  'form.cell.ratePrompt': {
    vi: 'Tỷ lệ phần trăm: 87,5 hoặc 87,5% hoặc số đạt/tổng số, ví dụ 18/20 (= 90%).',
    en: 'A rate in percent: 87.5 or 87.5% or achieved/total, e.g. 18/20 (= 90%).',
  },
  'form.cell.countOrPrompt': { vi: 'Số nguyên từ {min} đến {max}{unit}, hoặc ghi {forms}.', en: 'A whole number from {min} to {max}{unit}, or {forms}.' },
  'form.cell.countFromOrPrompt': { vi: 'Số nguyên từ {min} trở lên{unit}, hoặc ghi {forms}.', en: 'A whole number, {min} or more{unit}, or {forms}.' },
  'form.cell.datePrompt': { vi: 'Ngày dạng dd/mm/yyyy, ví dụ {example}.', en: 'A date as dd/mm/yyyy, e.g. {example}.' },
  'form.cell.dateError': { vi: 'Ô này nhận một ngày dạng dd/mm/yyyy, ví dụ {example}.', en: 'This cell takes a date as dd/mm/yyyy, e.g. {example}.' },
  'form.cell.dateWordsPrompt': {
    vi: 'Ngày hoàn thành (dd/mm/yyyy, ví dụ {example}) hoặc một trong: {words}; hoặc "Quá hạn 5 ngày".',
    en: 'Completion date (dd/mm/yyyy, e.g. {example}) or one of: {words}; or "Quá hạn 5 ngày" (5 days late).',
  },
  'form.cell.varsPrompt': { vi: 'Ghi theo dạng tên = giá trị, cách nhau bởi dấu ";": {example}.', en: 'Write name = value, separated by ";": {example}.' },
  'form.cell.textPrompt': { vi: 'Số, ký hiệu, ngày văn bản hoặc đường dẫn tới tài liệu.', en: 'Number, symbol and date of the document, or a link to it.' },
  'form.cell.signedOnPrompt': { vi: 'Ngày ký biểu, dạng dd/mm/yyyy.', en: 'Date the form is signed, dd/mm/yyyy.' },

  // instructions sheet
  'form.ins.title': { vi: 'HƯỚNG DẪN ĐIỀN BIỂU MẪU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', en: 'HOW TO FILL IN THE PAR INDEX SELF-ASSESSMENT TEMPLATE' },
  'form.ins.unit': { vi: 'Đơn vị: {unit}', en: 'Unit: {unit}' },
  'form.ins.framework': { vi: 'Bộ tiêu chí: {framework}', en: 'Criteria set: {framework}' },
  'form.ins.round': { vi: 'Kỳ đánh giá: {round}', en: 'Round: {round}' },
  'form.ins.deadline': { vi: 'Hạn nộp: {deadline}', en: 'Deadline: {deadline}' },
  'form.ins.criteria': { vi: 'Số tiêu chí phải kê khai: {count}', en: 'Criteria to answer: {count}' },
  'form.ins.criteriaSurvey': {
    vi: 'Số tiêu chí phải kê khai: {count} (và {survey} tiêu chí chấm qua điều tra xã hội học, không tự chấm)',
    en: 'Criteria to answer: {count} (and {survey} survey-scored criteria, not self-scored)',
  },
  'form.ins.office': {
    vi: 'Các dòng trong trang "{sheet}" là tiêu chí cấp quận do đơn vị chủ trì; số liệu và điểm tự chấm được tính cho {district}.',
    en: 'The rows of "{sheet}" are district-level criteria this office leads; they are scored for {district}.',
  },
  'form.ins.sendTitle': { vi: 'Gửi lại biểu mẫu', en: 'Sending the file back' },
  'form.ins.contact': { vi: 'Liên hệ khi cần hỗ trợ: {contact}.', en: 'Contact for help: {contact}.' },
  'form.ins.contactDefault': { vi: 'Liên hệ khi cần hỗ trợ: Phòng Nội vụ (cơ quan thường trực về cải cách hành chính).', en: 'Contact for help: the Home Affairs office (standing office for administrative reform).' },
  'form.ins.send': {
    vi: 'Lưu tệp dạng .xlsx, giữ nguyên tên tệp "{file}" và tên các trang, không đặt mật khẩu mở tệp; gửi tệp cho {to} trước {deadline} qua hệ thống quản lý văn bản điều hành hoặc thư điện tử công vụ, kèm bản giấy có chữ ký của thủ trưởng đơn vị và đóng dấu. Tài liệu kiểm chứng gửi kèm (bản chụp hoặc đường dẫn).',
    en: 'Save as .xlsx, keep the file name "{file}" and the sheet names, no open password; send the file to {to} by {deadline} through the document management system or official e-mail, with a paper copy signed by the head of unit and sealed. Send the evidence documents with it (scans or links).',
  },
  'form.ins.sendToDefault': { vi: 'Phòng Nội vụ', en: 'the Home Affairs office' },
  'form.ins.deadlineDefault': { vi: 'hạn nộp', en: 'the deadline' },
  'form.ins.steps': { vi: 'Cách điền', en: 'Steps' },
  'form.ins.step1': { vi: '1. Mở trang "{sheet}". Chỉ nhập vào các ô nền vàng; các ô khác đã khoá.', en: '1. Open the "{sheet}" sheet. Enter data only in yellow cells; the others are locked.' },
  'form.ins.step2': {
    vi: '2. Cột "Số liệu kê khai": chọn trong danh sách (Có / Không / Không áp dụng, mức độ) hoặc nhập số, tỷ lệ % (ví dụ 87,5 hoặc 18/20), số lượng (ví dụ 3 hoặc 3/4), số vi phạm (ví dụ 2 hoặc Không vi phạm), ngày (dd/mm/yyyy) theo cột "Cách tính điểm"; mỗi ô có gợi ý khi chọn. Không dán đè giá trị ngoài danh sách.',
    en: '2. "Declared value": pick from the list (Yes/No/N.A., levels) or enter a number, a rate in % (e.g. 87.5 or 18/20), a count (e.g. 3 or 3/4), a number of violations (e.g. 2 or Không vi phạm) or a date (dd/mm/yyyy), as the "Scoring rule" column says; each cell shows a hint when selected. Do not paste values outside the list.',
  },
  'form.ins.step3': { vi: '3. Cột "Tài liệu kiểm chứng": ghi số, ký hiệu, ngày ban hành văn bản kiểm chứng (hoặc đường dẫn) theo cột "Tài liệu kiểm chứng yêu cầu".', en: '3. "Evidence reference": number, symbol and date of the evidence document (or a link), as "Evidence required" asks.' },
  'form.ins.step4': {
    vi: '4. Cột "Điểm tạm tính" tự tính từ số liệu kê khai theo cách tính điểm. Cột "Điểm tự chấm": từ 0 đến điểm tối đa, bước {step} (0; 0,25; 0,5; …), thường bằng điểm tạm tính.',
    en: '4. "Provisional points" is computed from the declared value with the scoring rule. "Self-score": 0 to the maximum, in steps of {step}, usually equal to the provisional points.',
  },
  'form.ins.step5': { vi: '5. Cột "Giải trình / ghi chú": nêu lý do khi không đạt điểm tối đa.', en: '5. "Explanation": why the maximum was not reached.' },
  'form.ins.step6': {
    vi: '6. Dưới bảng: ghi họ tên, điện thoại người lập biểu, họ tên và chức vụ thủ trưởng đơn vị, ngày ký; in, ký, đóng dấu.',
    en: '6. Under the table: name and phone of the preparer, name and title of the head of unit, date signed; print, sign and seal.',
  },
  'form.ins.checkTitle': { vi: 'Tự kiểm tra trước khi gửi', en: 'Checks before sending' },
  'form.ins.provisional': {
    vi: '"Điểm tạm tính" là điểm phần mềm sẽ tính cho số liệu đã kê khai (trước thẩm định). Dòng lĩnh vực và dòng TỔNG CỘNG cộng các dòng bên dưới; điểm tối đa ở dòng TỔNG CỘNG đã trừ các tiêu chí không áp dụng. "{na}": tiêu chí không áp dụng; "{unread}": số liệu chưa đọc được, hãy ghi lại theo gợi ý của ô; "{untranslated}": điểm được tính khi Phòng Nội vụ tổng hợp.',
    en: '"Provisional points" are the points the software will compute for the declared value (before appraisal). Area rows and the TOTAL row add up the rows below; the TOTAL maximum leaves out criteria that do not apply. "{na}": does not apply; "{unread}": the value cannot be read, write it as the cell hint says; "{untranslated}": computed when the Home Affairs office consolidates.',
  },
  'form.ins.red': { vi: 'Ô "Điểm tự chấm" tô đỏ: điểm tự chấm cao hơn điểm tạm tính (ví dụ kê khai "Không" mà vẫn chấm điểm).', en: 'Red "Self-score": higher than the provisional points (e.g. "No" declared with points).' },
  'form.ins.orangeEvidence': { vi: 'Ô "Tài liệu kiểm chứng" tô cam: đã tự chấm điểm nhưng chưa ghi tài liệu kiểm chứng.', en: 'Orange "Evidence reference": points given without evidence.' },
  'form.ins.orangeExplanation': { vi: 'Ô "Giải trình" tô cam: điểm tự chấm thấp hơn điểm tối đa nhưng chưa giải trình.', en: 'Orange "Explanation": below the maximum without an explanation.' },
  'form.ins.naTitle': { vi: 'Tiêu chí không áp dụng (không phát sinh)', en: 'Criteria that do not apply' },
  'form.ins.naExclude': {
    vi: 'Với tiêu chí Có/Không: chọn "Không áp dụng". Với tiêu chí số liệu: để trống ô số liệu, ghi "Không áp dụng" và lý do ở cột Giải trình. Tiêu chí không áp dụng được loại khỏi điểm tối đa (quy đổi theo tỷ lệ).',
    en: 'Yes/No criteria: pick "Không áp dụng" (N.A.). Numeric criteria: leave the value empty and write "Không áp dụng" with the reason in the explanation column. Criteria that do not apply are removed from the maximum (rescaled).',
  },
  'form.ins.naFull': {
    vi: 'Với tiêu chí Có/Không: chọn "Không áp dụng". Với tiêu chí số liệu: để trống ô số liệu, ghi "Không áp dụng" và lý do ở cột Giải trình. Tiêu chí không áp dụng được tính đủ điểm tối đa.',
    en: 'Yes/No criteria: pick "Không áp dụng" (N.A.). Numeric criteria: leave the value empty and write "Không áp dụng" with the reason in the explanation column. Criteria that do not apply get full points.',
  },
  'form.ins.warnTitle': { vi: 'Lưu ý', en: 'Important' },
  'form.ins.warn': {
    vi: 'Không sửa các ô đã khoá, không chèn, xoá, ẩn hay đổi thứ tự dòng, không đổi tên hoặc xoá trang, không gộp ô. Có thể kéo cao dòng khi nội dung dài. Tệp bị thay đổi cấu trúc sẽ không được nhập và phải điền lại.',
    en: 'Do not change locked cells; do not insert, delete, hide or reorder rows; do not rename or delete sheets; do not merge cells. Rows may be made taller for long text. A file whose structure changed is not imported and must be filled again.',
  },
  'form.ins.columnsTitle': { vi: 'Ý nghĩa các cột', en: 'Columns' },
  'form.ins.column': { vi: '{name}: {help}', en: '{name}: {help}' },
  'form.ins.columnInput': { vi: '{name}: {help} (ô nhập)', en: '{name}: {help} (input)' },
  'form.ins.codesTitle': { vi: 'Mã đơn vị dùng trong biểu', en: 'Unit codes used in the form' },
  'form.ins.code': { vi: '{code}: {name}', en: '{code}: {name}' },
  'form.ins.statusTitle': { vi: 'Trang "{sheet}"', en: 'Sheet "{sheet}"' },
  'form.ins.status': {
    vi: 'Báo cáo tiến độ {count} nhiệm vụ của Kế hoạch mà đơn vị chủ trì hoặc phối hợp (cột "Vai trò"), số liệu tính đến hết ngày {cutOff}: chọn tình trạng, ghi % hoàn thành, ngày hoàn thành (nếu đã xong), kết quả, tài liệu kiểm chứng, khó khăn và đề xuất. Dòng để trống được coi là chưa báo cáo.',
    en: 'Progress on the {count} plan tasks this unit leads or coordinates ("Role" column), figures up to {cutOff}: choose the status, enter % done, the completion date (when done), what was done, evidence, difficulties and proposals. A blank row counts as not reported.',
  },
  'form.ins.coordinatesTitle': {
    vi: 'Tiêu chí đơn vị phối hợp (cung cấp tài liệu cho đơn vị chủ trì, không kê khai ở đây)',
    en: 'Criteria this unit coordinates (send evidence to the lead office; not answered here)',
  },
  'form.ins.coordinate': { vi: '{code} {name} — chủ trì: {lead}', en: '{code} {name} — lead: {lead}' },
} as const satisfies Catalogue;
