/** A small criteria set with every input type, on the Thanh Xuân 2023 units. */
import type { Framework } from '../../engine/model/framework';
import type { Unit } from '../../engine/model/unit';
import unitsJson from '../../engine/frameworks/units-thanh-xuan-2023.json';

export const units: Unit[] = unitsJson.units.map((u) => ({ code: u.code, name: u.name, kind: u.kind }));

export const framework: Framework = {
  id: 'test-2023',
  name: 'Bộ tiêu chí thử 2023',
  year: 2023,
  version: '2023.1',
  // a small test set: 9 ward points (1.1–1.7) + 6 district points (Q.1–Q.4)
  total: 15,
  nodes: [
    {
      code: '1',
      name: 'Công tác chỉ đạo, điều hành',
      appliesTo: ['ward'],
      lead: 'NV',
      children: [
        { code: '1.1', name: 'Ban hành kế hoạch CCHC năm', max: 1, rule: { kind: 'yesNo' }, evidence: 'Kế hoạch CCHC năm' },
        {
          code: '1.2',
          name: 'Mức độ hoàn thành kế hoạch',
          evidence: 'Báo cáo kết quả thực hiện Kế hoạch CCHC năm',
          max: 2,
          rule: { kind: 'levels', levels: [{ label: 'Hoàn thành xuất sắc', share: 1 }, { label: 'Hoàn thành tốt', share: 0.75 }, { label: 'Hoàn thành', share: 0.5 }, { label: 'Không hoàn thành', share: 0 }] },
        },
        { code: '1.3', name: 'Tỷ lệ hồ sơ giải quyết đúng hạn', max: 1, lead: 'VP', rule: { kind: 'bands', bands: [{ from: 100, share: 1 }, { from: 90, to: 100, points: 0.5 }, { to: 90, points: 0 }] }, evidence: 'Thống kê hồ sơ trên Hệ thống thông tin giải quyết TTHC' },
        { code: '1.4', name: 'Tỷ lệ thủ tục trực tuyến toàn trình', max: 1, rule: { kind: 'proportional', fullAt: 90 }, evidence: 'Thống kê dịch vụ công trực tuyến toàn trình' },
        { code: '1.5', name: 'Gửi báo cáo CCHC quý đúng hạn', max: 0.5, rule: { kind: 'timeliness', deadline: '2023-07-20', late: 0.5 }, evidence: 'Báo cáo CCHC quý (ngày gửi theo sổ văn bản đi)' },
        { code: '1.6', name: 'Sáng kiến cải cách', max: 1.5, rule: { kind: 'points' }, evidence: 'Quyết định công nhận sáng kiến' },
        { code: '1.7', name: 'Mức độ hài lòng về tiếp cận dịch vụ', max: 2, channel: 'survey', source: 'II.1', rule: { kind: 'survey' } },
      ],
    },
    {
      code: 'Q',
      name: 'Tiêu chí cấp quận',
      appliesTo: ['district'],
      children: [
        { code: 'Q.1', name: 'Thực hiện kế hoạch PAPI', max: 2, lead: 'NV', rule: { kind: 'yesNo' }, evidence: 'Báo cáo kết quả thực hiện Kế hoạch PAPI' },
        { code: 'Q.2', name: 'Trao đổi văn bản điện tử', max: 2, lead: 'VP', rule: { kind: 'proportional' }, evidence: 'Thống kê văn bản điện tử trên hệ thống quản lý văn bản' },
        { code: 'Q.3', name: 'Xử lý văn bản trái pháp luật', max: 1, lead: 'TP', rule: { kind: 'points' }, evidence: 'Báo cáo xử lý văn bản trái pháp luật' },
        { code: 'Q.4', name: 'Tự chủ tài chính đơn vị sự nghiệp', max: 1, lead: 'TCKH', coordinators: ['KT'], rule: { kind: 'yesNo' }, evidence: 'Quyết định giao quyền tự chủ tài chính' },
      ],
    },
  ],
};
