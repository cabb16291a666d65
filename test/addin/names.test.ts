import { shortUnitName } from '../../addin/taskpane/views/names';

test.each([
  ['UBND phường Kim Giang', 'P. Kim Giang'],
  ['UBND quận Thanh Xuân', 'Q. Thanh Xuân'],
  ['UBND xã Thanh Liệt', 'X. Thanh Liệt'],
  ['UBND thị trấn Văn Điển', 'TT. Văn Điển'],
  ['Phòng Nội vụ', 'Phòng Nội vụ'],
  ['UBND phường', 'UBND phường'],
])('%s → %s', (full, short) => {
  expect(shortUnitName(full)).toBe(short);
});
