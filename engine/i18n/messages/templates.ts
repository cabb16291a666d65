import type { Catalogue } from '../catalogue';

/**
 * Messages of workbook files, unit templates and import. Keys are issue codes;
 * {name} placeholders take issue params. Each message says what is wrong and how to fix it.
 */
export const templatesMessages = {
  // opening files
  'file.tooLarge': {
    vi: 'Tệp quá lớn ({size} byte, giới hạn {limit} MB); hãy xoá các trang không cần thiết rồi lưu lại',
    en: 'File too large ({size} bytes, limit {limit} MB); remove unneeded sheets and save again',
  },
  'file.outputUnreadable': {
    vi: 'Không ghi tệp {file}: parindex sẽ không mở lại được tệp này ({detail}); các tệp đầu vào vẫn nguyên; hãy giảm dữ liệu (bớt trang, bớt văn bản dài) rồi chạy lại',
    en: 'File {file} not written: parindex could not open it again ({detail}); the inputs are unchanged; reduce the data (fewer sheets, shorter texts) and run again',
  },
  'file.empty': {
    vi: 'Tệp rỗng (0 byte); hãy gửi lại tệp .xlsx đã điền',
    en: 'The file is empty (0 bytes); send the filled .xlsx again',
  },
  'file.xls': {
    vi: 'Nội dung tệp là sổ Excel 97-2003 (.xls), không phải .xlsx (tên tệp không quyết định định dạng); hãy mở bằng Excel và "Lưu thành" Sổ làm việc Excel (.xlsx)',
    en: 'The file holds an Excel 97-2003 workbook (.xls), not .xlsx (its name does not make the format); open it in Excel and "Save As" Excel Workbook (.xlsx)',
  },
  'file.encrypted': {
    vi: 'Tệp được đặt mật khẩu mở (mã hoá) nên không đọc được; hãy gỡ mật khẩu mở tệp rồi lưu lại',
    en: 'The file is password-protected (encrypted) and cannot be read; remove the open password and save again',
  },
  'file.ods': {
    vi: 'Nội dung tệp là bảng tính OpenDocument (.ods), không phải .xlsx; hãy mở bằng LibreOffice hoặc Excel và "Lưu thành" định dạng Excel 2007-365 (.xlsx)',
    en: 'The file holds an OpenDocument spreadsheet (.ods), not .xlsx; open it in LibreOffice or Excel and "Save As" Excel 2007-365 (.xlsx)',
  },
  'file.notZip': {
    vi: 'Tệp không phải là tệp Excel .xlsx (nội dung không đúng định dạng); hãy gửi lại đúng biểu mẫu đã điền',
    en: 'The file is not an Excel .xlsx file (wrong content); send the filled template itself',
  },
  'file.notXlsx': {
    vi: 'Tệp nén (zip) nhưng không phải sổ làm việc Excel .xlsx; hãy gửi lại đúng biểu mẫu đã điền',
    en: 'The file is a zip archive but not an Excel .xlsx workbook; send the filled template itself',
  },
  'file.corrupt': {
    vi: 'Không đọc được tệp .xlsx (tệp hỏng: {detail}); hãy mở bằng Excel, lưu lại rồi gửi lại',
    en: 'Cannot read the .xlsx file (damaged: {detail}); open it in Excel, save it and send it again',
  },
  'file.unpackedTooLarge': {
    vi: 'Tệp .xlsx khi giải nén chiếm {size} MB ({count} phần), vượt giới hạn {limit} MB; thường do hàng triệu dòng hoặc ô trống được định dạng: hãy mở bằng Excel, xoá các dòng, cột thừa ở cuối trang tính, lưu lại rồi gửi lại',
    en: 'The .xlsx file unzips to {size} MB ({count} parts), above the {limit} MB limit; usually millions of rows or formatted empty cells: open it in Excel, delete the extra rows and columns at the end of the sheets, save and send it again',
  },
  'file.partTooLarge': {
    vi: 'Phần "{part}" của tệp .xlsx khi giải nén chiếm {size} MB, vượt giới hạn {limit} MB cho một phần; hãy mở bằng Excel, xoá các dòng, cột thừa của trang tính đó, lưu lại rồi gửi lại',
    en: 'Part "{part}" of the .xlsx file unzips to {size} MB, above the {limit} MB limit for one part; open it in Excel, delete the extra rows and columns of that sheet, save and send it again',
  },
  'file.tooManyParts': {
    vi: 'Tệp .xlsx chứa {count} phần nén, vượt giới hạn {limit}; đây không phải sổ làm việc bình thường: hãy gửi lại đúng biểu mẫu đã điền',
    en: 'The .xlsx file holds {count} zipped parts, above the {limit} limit; this is not an ordinary workbook: send the filled template itself',
  },
  'file.zipBomb': {
    vi: 'Phần "{part}" của tệp .xlsx nén {size} MB còn {stored} KB (tỷ lệ {ratio}:1, giới hạn {limit}:1): dấu hiệu bom nén, tệp không được mở; nếu là tệp thật, hãy mở bằng Excel, xoá các dòng, cột thừa, lưu lại rồi gửi lại',
    en: 'Part "{part}" of the .xlsx file packs {size} MB into {stored} KB (ratio {ratio}:1, limit {limit}:1): a zip bomb, the file is not opened; if it is a genuine file, open it in Excel, delete the extra rows and columns, save and send it again',
  },
  'file.csvTooLarge': {
    vi: 'Tệp CSV quá lớn ({size} MB, giới hạn {limit} MB); hãy tách thành nhiều tệp (ví dụ theo đơn vị) hoặc nhập số đếm đã tổng hợp thay cho từng phiếu',
    en: 'The CSV file is too large ({size} MB, limit {limit} MB); split it into several files (for example by unit) or give aggregated counts instead of single responses',
  },
  'file.jsonTooLarge': {
    vi: 'Tệp JSON quá lớn ({size} MB, giới hạn {limit} MB); hãy tách thành nhiều tệp hoặc dùng sổ tổng hợp .xlsx',
    en: 'The JSON file is too large ({size} MB, limit {limit} MB); split it into several files or use the .xlsx master workbook',
  },
  'file.writeFailed': {
    vi: 'Không ghi được tệp {file}: {detail}',
    en: 'Cannot write file {file}: {detail}',
  },
  // why a file could not be written (file.writeFailed's detail), by the system's error code
  'file.reason.readOnly': { vi: 'ổ đĩa hoặc thư mục chỉ cho đọc', en: 'the disk or folder is read-only' },
  'file.reason.denied': { vi: 'không có quyền ghi vào thư mục hoặc tệp này', en: 'no permission to write to this folder or file' },
  'file.reason.noSpace': { vi: 'ổ đĩa đã đầy', en: 'the disk is full' },
  'file.reason.nameTooLong': { vi: 'tên tệp hoặc đường dẫn quá dài', en: 'the file name or path is too long' },
  'file.reason.notFolder': { vi: 'một phần của đường dẫn là tệp, không phải thư mục', en: 'part of the path is a file, not a folder' },
  'file.reason.isFolder': { vi: 'đã có một thư mục cùng tên', en: 'a folder of that name exists' },
  'file.reason.busy': { vi: 'tệp đang mở trong chương trình khác', en: 'the file is open in another program' },
  'file.reason.quota': { vi: 'đã hết hạn mức dung lượng', en: 'the disk quota is used up' },
  'file.reason.other': { vi: 'lỗi hệ thống {code}: {detail}', en: 'system error {code}: {detail}' },
  // filled templates
  'template.metaMissing': {
    vi: 'Không có trang dữ liệu ẩn "{sheet}" của biểu mẫu: tệp không phải biểu mẫu do phần mềm phát hành hoặc đã bị sao chép sang sổ khác; hãy điền lại vào đúng biểu mẫu đã gửi',
    en: 'The hidden "{sheet}" sheet of the template is missing: the file is not a template issued by the software or was copied into another workbook; fill in the template that was sent',
  },
  'template.notTemplate': {
    vi: 'Trang "{sheet}" không mang dấu hiệu biểu mẫu parindex; hãy dùng đúng biểu mẫu đã gửi',
    en: 'Sheet "{sheet}" does not carry the parindex template marker; use the template that was sent',
  },
  'template.metaTampered': {
    vi: 'Dữ liệu ẩn của biểu mẫu (trang "{sheet}") đã bị sửa; hãy điền lại vào biểu mẫu gốc',
    en: 'The hidden template data (sheet "{sheet}") was altered; fill in the original template again',
  },
  'template.unknownUnit': {
    vi: 'Biểu mẫu của đơn vị "{unit}" không có trong danh sách đơn vị của sổ tổng hợp; kiểm tra trang Đơn vị hoặc gửi đúng biểu mẫu',
    en: 'The template is for unit "{unit}", which is not in the master\'s unit list; check the Units sheet or send the right template',
  },
  'template.wrongUnit': {
    vi: 'Biểu mẫu là của đơn vị {found}, không phải của đơn vị {expected} như tên tệp; kiểm tra lại đơn vị gửi tệp',
    en: 'The template belongs to unit {found}, not {expected} as the file name says; check which unit sent the file',
  },
  'template.duplicateUnit': {
    vi: 'Đơn vị {unit} đã có tệp khác trong lần nhập này ({other}); chỉ giữ một tệp cho mỗi đơn vị',
    en: 'Unit {unit} already has another file in this import ({other}); keep one file per unit',
  },
  'template.otherRound': {
    vi: 'Tệp {file} là biểu mẫu của kỳ đánh giá khác: {what} ghi trong biểu mẫu là {found}, của kỳ này là {expected}; tệp không được nhập, hãy gửi biểu mẫu của kỳ này cho đơn vị điền lại',
    en: 'File {file} is a template of another round: its {what} is {found}, this round’s is {expected}; the file is not imported, send the unit this round’s template',
  },
  'template.round.year': { vi: 'năm của bộ tiêu chí', en: 'criteria set year' },
  'template.round.deadline': { vi: 'hạn nộp', en: 'deadline' },
  'template.stale': {
    vi: 'Biểu mẫu lập theo bộ tiêu chí {found}, nhưng bộ tiêu chí hiện hành là {expected}; hãy gửi biểu mẫu mới cho đơn vị điền lại',
    en: 'The template was made for criteria set {found}, but the current set is {expected}; send the unit a new template',
  },
  'template.frameworkChanged': {
    vi: 'Bộ tiêu chí đã thay đổi kể từ khi lập biểu mẫu (khác từ tiêu chí {criterion}); hãy lập lại biểu mẫu',
    en: 'The criteria set changed since the template was made (first difference at criterion {criterion}); regenerate the templates',
  },
  'template.staleRow': {
    vi: 'Tiêu chí {criterion} trong biểu mẫu cũ khác với bộ tiêu chí hiện hành; dòng này không được nhập',
    en: 'Criterion {criterion} in this old template differs from the current criteria set; the row is not imported',
  },
  'template.unknownCriterion': {
    vi: 'Tiêu chí {criterion} không còn trong bộ tiêu chí hiện hành; dòng này không được nhập',
    en: 'Criterion {criterion} is not in the current criteria set; the row is not imported',
  },
  'template.sheetMissing': {
    vi: 'Thiếu trang "{sheet}"; không đổi tên hay xoá trang của biểu mẫu',
    en: 'Sheet "{sheet}" is missing; do not rename or delete template sheets',
  },
  'template.sheetRenamed': {
    vi: 'Trang "{sheet}" đã bị đổi tên thành "{found}"; hãy đổi lại tên "{sheet}"',
    en: 'Sheet "{sheet}" was renamed to "{found}"; rename it back to "{sheet}"',
  },
  'template.rowDeleted': {
    vi: 'Dòng của tiêu chí {criterion} (dòng {row} trong biểu mẫu) đã bị xoá; không xoá dòng, hãy điền lại vào biểu mẫu gốc',
    en: 'The row of criterion {criterion} (row {row} of the template) was deleted; do not delete rows, fill in the original template',
  },
  'template.rowInserted': {
    vi: 'Dòng {row} ("{found}") không có trong biểu mẫu (dòng chèn thêm hoặc trùng); không chèn dòng, ghi thông tin bổ sung ở cột Giải trình',
    en: 'Row {row} ("{found}") is not part of the template (inserted or duplicated); do not insert rows, put extra information in the explanation column',
  },
  'template.rowsReordered': {
    vi: 'Thứ tự dòng đã bị thay đổi (tiêu chí {criterion} ở dòng {row}); không sắp xếp lại dòng',
    en: 'Rows were reordered (criterion {criterion} is at row {row}); do not sort or move rows',
  },
  'template.lockedChanged': {
    vi: 'Ô khoá đã bị sửa: giá trị gốc "{expected}", hiện là "{found}"; hãy trả lại giá trị gốc',
    en: 'A locked cell was changed: original "{expected}", now "{found}"; restore the original value',
  },
  'template.mergedCells': {
    vi: 'Các ô {range} đã bị gộp (merge); hãy bỏ gộp ô để mỗi ô nhập một giá trị',
    en: 'Cells {range} were merged; unmerge them so each input cell holds one value',
  },
  'template.hiddenRow': {
    vi: 'Dòng {row} đang bị ẩn; hãy bỏ ẩn dòng rồi gửi lại để nội dung được kiểm tra và nhập',
    en: 'Row {row} is hidden; unhide it and send the file again so its content can be checked and imported',
  },
  'template.unprotected': {
    vi: 'Bảo vệ trang đã bị gỡ; các ô khoá vẫn được kiểm tra',
    en: 'Sheet protection was removed; locked cells are still checked',
  },
  'template.errorValue': {
    vi: 'Ô có giá trị lỗi {value}; hãy sửa công thức hoặc nhập giá trị',
    en: 'The cell holds the error value {value}; fix the formula or type the value',
  },
  'template.notInList': {
    vi: 'Giá trị "{value}" không thuộc danh sách {choices}; hãy chọn trong danh sách (không dán đè)',
    en: 'Value "{value}" is not one of {choices}; pick from the list (do not paste over it)',
  },
  'template.notANumber': {
    vi: 'Ô số có nội dung chữ "{value}"; hãy nhập số, ví dụ {example}',
    en: 'A number cell holds text "{value}"; enter a number, e.g. {example}',
  },
  'template.notACount': {
    vi: 'Giá trị "{value}" không phải số đếm; hãy nhập số nguyên không âm (0, 1, 2, …), ví dụ {example}',
    en: 'Value "{value}" is not a count; enter a whole number (0, 1, 2, …), e.g. {example}',
  },
  'template.notACountOr': {
    vi: 'Giá trị "{value}" không phải số đếm; hãy nhập số nguyên không âm (0, 1, 2, …), ví dụ {example}, hoặc ghi "{forms}"',
    en: 'Value "{value}" is not a count; enter a whole number (0, 1, 2, …), e.g. {example}, or write "{forms}"',
  },
  'template.outOfRange': {
    vi: 'Giá trị {value} nằm ngoài khoảng cho phép [{min}; {max}]',
    en: 'Value {value} is outside the allowed range [{min}, {max}]',
  },
  'template.ambiguousNumber': {
    vi: 'Số "{value}" có thể hiểu hai cách: đã đọc theo cách viết Việt Nam (dấu chấm ngăn hàng nghìn, dấu phẩy trước phần thập phân) là {read}; nếu ý là {other}, hãy nhập lại cho rõ',
    en: 'The number "{value}" can be read two ways: it was read the Vietnamese way (dot between thousands, comma before decimals) as {read}; if {other} was meant, enter it again unambiguously',
  },
  'template.ambiguousRate': {
    vi: 'Tỷ lệ "{value}" theo cách viết Việt Nam (dấu chấm ngăn hàng nghìn) là {read}%, không thể là một tỷ lệ; nếu ý là {other}%, hãy nhập lại với dấu phẩy trước phần thập phân',
    en: 'The rate "{value}" read the Vietnamese way (dot between thousands) is {read}%, which no rate can be; if {other}% was meant, enter it again with a decimal comma',
  },
  'template.dateOutOfRange': {
    vi: 'Ngày "{value}" nằm ngoài các năm {min}–{max} (Excel không có ngày trước năm 1900); hãy kiểm tra lại năm',
    en: 'Date "{value}" is outside the years {min}–{max} (Excel has no dates before 1900); check the year',
  },
  'template.textTooLong': {
    vi: 'Ô chứa văn bản dài {length} ký tự, quá giới hạn {limit} ký tự của một ô Excel; hãy rút gọn (tài liệu dài để trong tệp riêng và ghi tên tệp hoặc đường dẫn)',
    en: 'The cell holds {length} characters of text, over the {limit} characters an Excel cell takes; shorten it (keep a long document in its own file and give its name or link)',
  },
  'template.notADate': {
    vi: 'Giá trị "{value}" không phải ngày; hãy nhập dạng dd/mm/yyyy',
    en: 'Value "{value}" is not a date; enter it as dd/mm/yyyy',
  },
  'template.badVars': {
    vi: 'Không đọc được "{value}"; hãy ghi dạng tên=số; … với các tên {names}',
    en: 'Cannot read "{value}"; write name=number; … using the names {names}',
  },
  'template.scoreAboveMax': {
    vi: 'Điểm tự chấm {value} lớn hơn điểm tối đa {max}',
    en: 'Self-score {value} is above the maximum {max}',
  },
  'template.scoreNegative': {
    vi: 'Điểm tự chấm {value} nhỏ hơn 0',
    en: 'Self-score {value} is below 0',
  },
  'template.scoreStep': {
    vi: 'Điểm tự chấm {value} không phải bội số của {step}; hãy làm tròn (0; 0,25; 0,5; 0,75; …)',
    en: 'Self-score {value} is not a multiple of {step}; round it (0, 0.25, 0.5, 0.75, …)',
  },
  'template.nothingAnswered': {
    vi: 'Biểu mẫu chưa kê khai tiêu chí nào (0/{count}); kiểm tra đơn vị có gửi nhầm biểu mẫu trống không',
    en: 'No criterion is answered (0/{count}); check whether the unit sent the blank template by mistake',
  },
  // import summary
  'import.rejected': {
    vi: 'Tệp có lỗi nên không nhập dữ liệu nào ({count} dòng lỗi); sửa các lỗi trên rồi nhập lại, hoặc nhập cả các dòng hợp lệ (ngăn tác vụ: ô "Nhập cả các dòng hợp lệ của tệp có lỗi"; dòng lệnh: --accept-valid-rows)',
    en: 'The file has errors so nothing was imported ({count} rows with errors); fix them and import again, or take the valid rows (task pane: "Also bring in the valid rows of files with errors"; command line: --accept-valid-rows)',
  },
  'import.partial': {
    vi: 'Đã nhập {imported} dòng hợp lệ; {count} dòng lỗi không được nhập',
    en: 'Imported {imported} valid rows; {count} rows with errors were not imported',
  },
  'import.missingUnits': {
    vi: '{count} đơn vị chưa nộp biểu mẫu: {units}',
    en: 'Units that have not submitted their template ({count}): {units}',
  },
  'import.olderVersion': {
    vi: 'Đơn vị {unit} có hai tệp trong lần nhập này: dùng tệp lưu sau cùng {newer} (lưu lúc {newerAt}), bỏ qua {file} (lưu lúc {at}); nếu tệp bị bỏ qua mới đúng, hãy nhập lại chỉ với tệp đó',
    en: 'Unit {unit} has two files in this import: the one saved last, {newer} (saved {newerAt}), is imported and {file} (saved {at}) is set aside; if the file set aside is the right one, import again with that file only',
  },
  'import.late': {
    vi: 'Đơn vị {unit} nộp ngày {date}, quá hạn {deadline}',
    en: 'Unit {unit} submitted on {date}, after the deadline {deadline}',
  },
  'import.masterInvalid': {
    vi: 'Sổ tổng hợp có lỗi nên không thể nhập; sửa các lỗi trên trước',
    en: 'The master workbook has errors, so nothing can be imported; fix them first',
  },
  'import.noFramework': {
    vi: 'Sổ tổng hợp chưa có bộ tiêu chí hoặc danh sách đơn vị',
    en: 'The master workbook has no criteria set or no unit list',
  },
  'validate.unknownKind': {
    vi: 'Tệp không phải sổ tổng hợp cũng không phải biểu mẫu đơn vị (thiếu trang Đơn vị / trang "_meta")',
    en: 'The file is neither a master workbook nor a unit template (no Units sheet, no "_meta" sheet)',
  },
  'templates.written': {
    vi: 'Đã lập {count} biểu mẫu trong thư mục {dir}',
    en: 'Wrote {count} templates to {dir}',
  },
  'templates.noRows': {
    vi: 'Đơn vị {unit} không có tiêu chí nào phải kê khai; không lập biểu mẫu',
    en: 'Unit {unit} has no criteria to answer; no template made',
  },
  // file names and the folder written to (templates step)
  'templates.fileNameClash': {
    vi: 'Mã đơn vị "{code}" cho cùng tên tệp biểu mẫu "{file}" với mã "{other}" (trong tên tệp, ký tự khác chữ không dấu, số, "-" và "_" thành "_", chữ hoa và chữ thường như nhau): biểu mẫu này sẽ ghi đè biểu mẫu kia. Hãy đổi một trong hai mã',
    en: 'Unit code "{code}" gives the same template file name "{file}" as code "{other}" (in file names, characters other than unaccented letters, digits, "-" and "_" become "_", and case is ignored): one template would overwrite the other. Change one of the two codes',
  },
  'templates.fileNameTooLong': {
    vi: 'Mã đơn vị "{code}" dài {length} ký tự: tên tệp biểu mẫu sẽ vượt giới hạn của hệ thống tệp (mã tối đa {limit} ký tự); hãy dùng mã ngắn hơn',
    en: 'Unit code "{code}" is {length} characters long: the template file name would exceed what file systems accept (codes of at most {limit} characters); use a shorter code',
  },
  'templates.existingNotBlank': {
    vi: 'Tệp "{file}" đã có trong thư mục và không phải biểu mẫu trống của sổ tổng hợp này: {reason}; không ghi đè',
    en: 'File "{file}" is already in the folder and is not a blank template of this master: {reason}; not overwritten',
  },
  'templates.existing.filled': {
    vi: 'đã điền {count} ô nhập liệu (ô đầu tiên: trang "{sheet}"!{cell})',
    en: '{count} input cells are filled (first: sheet "{sheet}"!{cell})',
  },
  'templates.existing.otherFramework': {
    vi: 'là biểu mẫu của bộ tiêu chí "{found}", không phải "{expected}"',
    en: 'it is a template of criteria set "{found}", not "{expected}"',
  },
  'templates.existing.otherUnit': {
    vi: 'là biểu mẫu của đơn vị "{found}", không phải "{expected}"',
    en: 'it is the template of unit "{found}", not "{expected}"',
  },
  'templates.existing.notTemplate': {
    vi: 'không phải biểu mẫu do phần mềm lập (không có trang "_meta")',
    en: 'it is not a template made by this software (no "_meta" sheet)',
  },
  'templates.existing.unreadable': {
    vi: 'không đọc được tệp ({detail})',
    en: 'the file cannot be read ({detail})',
  },
  'templates.existingKept': {
    vi: 'Không ghi biểu mẫu nào: {count} tệp trong thư mục {dir} sẽ bị ghi đè (liệt kê ở trên). Hãy chuyển các tệp đó đi, chọn thư mục khác (--out), hoặc thêm --force nếu chắc chắn muốn ghi đè',
    en: 'No template was written: {count} files in folder {dir} would be overwritten (listed above). Move those files away, choose another folder (--out), or add --force if you are sure they may be overwritten',
  },
  'templates.overwritten': {
    vi: 'Đã ghi đè tệp "{file}" theo --force: {reason}',
    en: 'File "{file}" was overwritten as --force asks: {reason}',
  },
  'templates.writeAborted': {
    vi: 'Không biểu mẫu nào được ghi vào thư mục {dir}; các tệp tạm đã được xoá',
    en: 'No template was written to folder {dir}; the temp files were removed',
  },
} as const satisfies Catalogue;
