import type { Catalogue } from '../catalogue';

/** Messages of the application layer (engine/app): the steps of a round as a whole. */
export const appMessages = {
  'templates.noneWritten': {
    vi: 'Không ghi biểu mẫu nào: sổ tổng hợp có {count} lỗi ở bộ tiêu chí, danh sách đơn vị, thời hạn hoặc Kế hoạch (liệt kê ở trên). Sửa các ô đó rồi chạy lại',
    en: 'No template was written: the master has {count} errors in the criteria set, units, deadlines or plan (listed above). Fix those cells and run again',
  },
  'templates.surveyNotBlocking': {
    vi: 'Lỗi ở trang "{sheet}" không ảnh hưởng biểu mẫu đơn vị; cần sửa trước khi tính điểm',
    en: 'Problems on sheet "{sheet}" do not affect unit templates; fix them before scoring',
  },
  'import.fileRejected': {
    vi: 'Tệp "{file}" không được nhập ({count} lỗi); đơn vị {unit} được ghi nhận đã nộp lúc {time}',
    en: 'File "{file}" was not imported ({count} errors); unit {unit} is recorded as having submitted at {time}',
  },
  'appraise.unknownRow': {
    vi: 'Không có tiêu chí {criterion} của đơn vị {unit} trong sổ tổng hợp',
    en: 'Criterion {criterion} of unit {unit} is not in the master',
  },
  'setup.unknownFramework': { vi: 'Không có bộ tiêu chí dựng sẵn mã "{id}"', en: 'No built-in criteria set with id "{id}"' },
  'import.notTemplate': {
    vi: 'Tệp "{file}" không phải biểu mẫu tự đánh giá do phần mềm tạo (thiếu trang _meta); hãy dùng biểu mẫu đã gửi cho đơn vị',
    en: 'File "{file}" is not a self-assessment template made by this software (no _meta sheet); use the template sent to the unit',
  },
} as const satisfies Catalogue;
