import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import { scoreMasterRound, type SipasInstrument } from '../../engine';
import { renderMasterInputSheets, type MasterData } from '../../engine/workbook/master';
import type { Framework } from '../../engine/model/framework';
import { ExcelJsPort } from '../../files/port';
import { loadSipasFile } from '../../files/sipas/node';
import { runCli, tmpDir } from '../hardening/helpers';

/**
 * The columns the survey-quality guard reads, in both response readers: a CSV / sheet for
 * `parindex sipas` (files/sipas/grid.ts) and the master's "Khảo sát" sheet (device, time of
 * answer; "Số phiếu" as the respondent id). A burst of four identical kiosk answers within five
 * minutes is set aside, and each flagged row is named by its sheet row.
 */
const instrument = { id: 'q', name: 'Q', groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'A', items: [{ id: 'q1', text: 'q1' }, { id: 'q2', text: 'q2' }, { id: 'q3', text: 'q3' }] }] }] } as unknown as SipasInstrument;

let dir = '';
beforeAll(async () => {
  dir = await tmpDir('insight-readers');
});
afterAll(async () => {
  if (dir) await fsp.rm(dir, { recursive: true, force: true });
});

describe('response readers: respondent id, device, time of answer', () => {
  test('CSV: "Số phiếu", "Thiết bị", "Thời điểm trả lời" are read; a burst is flagged on its rows', async () => {
    const csv = [
      'Mã đơn vị,Số phiếu,Thiết bị,Thời điểm trả lời,q1,q2,q3',
      'KG,1,kiosk-1,05/10/2023 09:00,5,5,5',
      'KG,2,kiosk-1,05/10/2023 09:02,5,5,5',
      'KG,3,kiosk-1,05/10/2023 09:03,5,5,5',
      'KG,4,kiosk-1,05/10/2023 09:05,5,5,5',
      'KG,5,qr,05/10/2023 10:00,4,3,5',
      'KG,5,qr,05/10/2023 10:30,2,4,4',
      'KG,7,qr,hôm qua,5,4,3',
    ].join('\n');
    const file = path.join(dir, 'kg.csv');
    await fsp.writeFile(file, csv);
    const loaded = await loadSipasFile(file, { instrument });
    const responses = (loaded.doc?.responses ?? []) as { id?: string; device?: string; at?: string }[];
    expect(responses.slice(0, 2)).toEqual([expect.objectContaining({ id: '1', device: 'kiosk-1', at: '2023-10-05T09:00' }), expect.objectContaining({ id: '2', at: '2023-10-05T09:02' })]);
    expect(responses[6]?.at).toBeUndefined();
    expect(loaded.issues.map((i) => [i.code, i.cell])).toEqual([['sipas.sheet.badTime', 'D8']]);
    await fsp.writeFile(path.join(dir, 'q.json'), JSON.stringify(instrument));
    const r = await runCli(['sipas', file, `--instrument=${path.join(dir, 'q.json')}`, '--json']);
    const doc = JSON.parse(r.stdout) as { units: { unit: string; quality?: { flagged: number; reasons: Record<string, number> } }[]; issues: { code: string; cell?: string; params?: { row?: number } }[] };
    // rows 2–5 the burst, row 7 repeats respondent 5
    expect(doc.units[0]?.quality).toMatchObject({ flagged: 5, reasons: { burst: 4, duplicate: 1 } });
    expect(doc.issues.filter((i) => i.code === 'sipas.quality.setAside').map((i) => [i.params?.row, i.cell])).toEqual([
      [2, 'A2'],
      [3, 'A3'],
      [4, 'A4'],
      [5, 'A5'],
      [7, 'A7'],
    ]);
  });

  test('master "Khảo sát": device and time columns; flagged rows located on the sheet', async () => {
    const framework = {
      id: 'm',
      name: 'M',
      total: 2,
      nodes: [{ code: '1', name: 'A', children: [{ code: '1.1', name: 'Kế hoạch', max: 1, rule: { kind: 'yesNo' } }, { code: '1.2', name: 'Hài lòng', max: 1, channel: 'survey', source: 'overall', rule: { kind: 'survey' } }] }],
    } as unknown as Framework;
    const data = {
      framework,
      units: [{ code: 'KG', name: 'Phường Kim Giang', kind: 'ward' }],
      assessments: [{ unit: 'KG', criterion: '1.1', value: 'Có', self: 1, evidence: 'Kế hoạch 15/KH-UBND' }],
      survey: {
        items: ['II.1.1', 'II.1.2', 'II.1.3'],
        responses: [
          ...['09:00', '09:02', '09:03', '09:05'].map((hm, i) => ({ unit: 'KG', respondent: String(i + 1), device: 'kiosk-1', at: `2023-10-05T${hm}`, answers: { 'II.1.1': 5, 'II.1.2': 5, 'II.1.3': 5 } })),
          { unit: 'KG', respondent: '5', device: 'qr', at: '2023-10-05T10:00', answers: { 'II.1.1': 4, 'II.1.2': 3, 'II.1.3': 5 } },
        ],
      },
    } as unknown as MasterData;
    const port = ExcelJsPort.create();
    await port.write(renderMasterInputSheets(data, { lang: 'vi' }));
    const back = await ExcelJsPort.fromBuffer(await port.toBuffer());
    const snaps = await back.read((await back.listSheets()).map((s) => s.name));
    const survey = snaps.find((s) => s.name === 'Khảo sát');
    expect(survey?.values[2]?.slice(0, 5)).toEqual(['unit', 'respondent', 'weight', 'device', 'at']);
    const r = scoreMasterRound(snaps, { lang: 'vi', file: 'master.xlsx' });
    const kg = r.sipas?.units.find((u) => u.unit === 'KG');
    expect(kg?.quality).toMatchObject({ flagged: 4, reasons: { burst: 4 }, setAside: 4 });
    // the only counted response: II.1.1 and II.1.3 at 4–5, II.1.2 not → 2/3 (built-in instrument, group II alone)
    expect(kg?.overall).toBeCloseTo(200 / 3, 9);
    const located = r.issues.filter((i) => i.code === 'sipas.quality.setAside').map((i) => [i.sheet, i.cell, i.params?.['row']]);
    expect(located).toEqual([5, 6, 7, 8].map((row) => ['Khảo sát', `A${row}`, row]));
    expect(r.sheets.find((s) => s.name === 'Kiểm tra dữ liệu')?.values.some((row) => row.includes('sipas.quality.setAside'))).toBe(true);
  });
});
