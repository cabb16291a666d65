import { newMasterSheets, openMaster } from '../../engine/app';
import { toSnapshot } from './helpers';

// The missing-survey policy travels through the master's "Cấu hình" sheet: a master made from
// the Hà Nội ward set (rescale) reads back on rescale, one from the Thanh Xuân set on its default.
describe('master settings: missingSurvey', () => {
  it('keeps the ward set on rescale through the settings sheet', () => {
    const { sheets } = newMasterSheets('hanoi-ward-2940', 'vi');
    const config = sheets.find((s) => s.name === 'Cấu hình');
    expect(config?.values.some((r) => r.includes('missingSurvey') && r.includes('rescale'))).toBe(true);
    const m = openMaster(sheets.map(toSnapshot), { file: 'ward.xlsx' });
    expect(m.doc.framework.missingSurvey).toBe('rescale');
  });

  it('refuses an unknown word at its cell', () => {
    const { sheets } = newMasterSheets('hanoi-ward-2940', 'vi');
    const snaps = sheets.map(toSnapshot);
    const config = snaps.find((s) => s.name === 'Cấu hình');
    const row = config?.values.findIndex((r) => r.includes('missingSurvey')) ?? -1;
    expect(row).toBeGreaterThan(0);
    const vals = config!.values[row]!;
    vals[vals.indexOf('rescale')] = 'bỏ qua';
    const m = openMaster(snaps, { file: 'ward.xlsx' });
    const bad = m.issues.find((i) => i.code === 'workbook.badEnum' && i.sheet === 'Cấu hình');
    expect(bad?.cell).toMatch(/^C\d+$/);
    expect(bad?.severity).toBe('error');
  });
});
