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
  'file.empty': {
    vi: 'Tệp rỗng (0 byte); hãy gửi lại tệp .xlsx đã điền',
    en: 'The file is empty (0 bytes); send the filled .xlsx again',
  },
  'file.xls': {
    vi: 'Tệp là định dạng Excel 97-2003 (.xls) bị đổi đuôi thành .xlsx; hãy mở bằng Excel và "Lưu thành" Sổ làm việc Excel (.xlsx)',
    en: 'The file is an Excel 97-2003 workbook (.xls) renamed to .xlsx; open it in Excel and "Save As" Excel Workbook (.xlsx)',
  },
  'file.encrypted': {
    vi: 'Tệp được đặt mật khẩu mở (mã hoá) nên không đọc được; hãy gỡ mật khẩu mở tệp rồi lưu lại',
    en: 'The file is password-protected (encrypted) and cannot be read; remove the open password and save again',
  },
  'file.ods': {
    vi: 'Tệp là bảng tính OpenDocument (.ods) bị đổi đuôi thành .xlsx; hãy "Lưu thành" định dạng Excel 2007-365 (.xlsx)',
    en: 'The file is an OpenDocument spreadsheet (.ods) renamed to .xlsx; "Save As" Excel 2007-365 (.xlsx)',
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
  'file.writeFailed': {
    vi: 'Không ghi được tệp {file}: {detail}',
    en: 'Cannot write file {file}: {detail}',
  },
} as const satisfies Catalogue;
