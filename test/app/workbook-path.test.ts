/**
 * The workbook path made as good as the JSON path: each defect found by trying a small master as
 * a new analyst would, through the same commands. Hand-built master: 3 wards, the district, one
 * office; 3 criteria (1 point each); one plan task led by every ward; survey answers.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import { renderMasterInputSheets, type MasterData } from '../../engine/workbook/master';
import { buildTemplates, importSubmissions, scoreMasterRound, type FilledInput } from '../../engine';
import type { Framework } from '../../engine/model/framework';
import type { Unit } from '../../engine/model/unit';
import type { SheetSnapshot } from '../../engine/workbook/port';
import { ExcelJsPort } from '../../files/port';
import { fillTemplate, type TemplateAnswer } from '../../files/templates';
import { runCli } from '../hardening/helpers';

const framework: Framework = {
  id: 'test-2024',
  name: 'Bộ tiêu chí thử',
  year: 2024,
  total: 3,
  nodes: [
    {
      code: '1',
      name: 'Chỉ đạo, điều hành',
      children: [
        { code: '1.1', name: 'Ban hành kế hoạch CCHC', max: 1, lead: 'NV', rule: { kind: 'yesNo' } },
        { code: '1.2', name: 'Báo cáo định kỳ', max: 1, lead: 'NV', rule: { kind: 'points' } },
        { code: '1.3', name: 'Hài lòng của người dân', max: 1, lead: 'VP', channel: 'survey', rule: { kind: 'survey' } },
      ],
    },
  ],
} as unknown as Framework;

const units: Unit[] = [
  { code: 'QTX', name: 'UBND quận Thanh Xuân', kind: 'district' },
  { code: 'NV', name: 'Phòng Nội vụ', kind: 'office' },
  { code: 'VP', name: 'Văn phòng HĐND và UBND quận', kind: 'office' },
  { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' },
  { code: 'HD', name: 'UBND phường Hạ Đình', kind: 'ward' },
  { code: 'KM', name: 'UBND phường Khương Mai', kind: 'ward' },
] as Unit[];

function masterData(extra: Partial<MasterData> = {}): MasterData {
  return {
    framework,
    units,
    assessments: [
      { unit: 'KG', criterion: '1.1', value: 'Có', self: 1 },
      { unit: 'KG', criterion: '1.2', self: 1, appraisal: [0.5] },
      { unit: 'HD', criterion: '1.1', value: 'Không', self: 0 },
      { unit: 'HD', criterion: '1.2', self: 0.75 },
      { unit: 'KM', criterion: '1.1', value: 'Có', self: 1 },
      { unit: 'KM', criterion: '1.2', self: 1 },
    ],
    rounds: [{ round: 'selfAssessment', deadline: '2024-11-30' }],
    plan: [{ id: 'NV-01', title: 'Xây dựng kế hoạch cải thiện chỉ số', lead: 'WARDS', due: '2024-07-15', criteria: ['1.1'] }],
    survey: {
      items: ['II.1.1', 'II.1.2'],
      responses: [
        { unit: 'KG', answers: { 'II.1.1': 5, 'II.1.2': 4 } },
        { unit: 'HD', answers: { 'II.1.1': 3, 'II.1.2': 4 } },
        { unit: 'KM', answers: { 'II.1.1': 4, 'II.1.2': 5 } },
        { unit: 'QTX', answers: { 'II.1.1': 5, 'II.1.2': 5 } },
      ],
    },
    ...extra,
  } as MasterData;
}

async function snapshotsOf(data: MasterData): Promise<SheetSnapshot[]> {
  const port = ExcelJsPort.create();
  await port.write(renderMasterInputSheets(data, { lang: 'vi' }));
  const back = await ExcelJsPort.fromBuffer(await port.toBuffer());
  return back.read((await back.listSheets()).map((s) => s.name));
}

async function writeMaster(dir: string, data: MasterData): Promise<string> {
  const port = ExcelJsPort.create();
  await port.write(renderMasterInputSheets(data, { lang: 'vi' }));
  const file = path.join(dir, 'master.xlsx');
  await fsp.writeFile(file, await port.toBuffer());
  return file;
}

let dir = '';
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'parindex-wbpath-'));
});
afterAll(async () => {
  if (dir) await fsp.rm(dir, { recursive: true, force: true });
});

describe('score on a master workbook', () => {
  test('--target 90 gives a gap section and `targets` in JSON, as on a JSON document', async () => {
    const file = await writeMaster(dir, masterData());
    const r = await runCli(['score', file, '--json', '--target', '90', '--now', '2024-12-01']);
    const doc = JSON.parse(r.stdout) as { targets?: { unit: string; pointsNeeded: number }[] };
    expect(doc.targets?.map((t) => t.unit).sort()).toEqual(['HD', 'KG', 'KM', 'QTX'].filter((u) => doc.targets?.some((t) => t.unit === u)).sort());
    expect(doc.targets?.length).toBeGreaterThan(0);
    const text = await runCli(['score', file, '--target', 'hang:1', '--now', '2024-12-01', '--out', path.join(dir, 'r1.xlsx')]);
    expect(text.stdout).toContain('Khoảng cách đến hạng 1');
  });

  test('--unit ZZ is a usage error (exit 2) naming the unit and the codes there are, not a title and exit 0; nothing written', async () => {
    const file = await writeMaster(dir, masterData());
    const out = path.join(dir, 'r2.xlsx');
    const r = await runCli(['score', file, '--unit', 'ZZ', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"ZZ"');
    expect(r.stderr).toMatch(/các mã đơn vị: .*KG/);
    await expect(fsp.stat(out)).rejects.toThrow();
  });

  test('SIPAS from a master ranks within unit kind: the district alone, wards 1–3', async () => {
    const r = scoreMasterRound(await snapshotsOf(masterData()), { lang: 'vi', file: 'master.xlsx' });
    const ranks = new Map((r.sipas?.units ?? []).map((u) => [u.unit, u.rank]));
    expect(ranks.get('QTX')).toBe(1);
    // top-two-box: KG (5, 4) and KM (4, 5) 100 %, HD (3, 4) 50 % → 1, 1, 3 among the wards
    expect([ranks.get('KG'), ranks.get('KM'), ranks.get('HD')]).toEqual([1, 1, 3]);
  });

  test('an appraisal without reason is located on the appraisal cell, not the declared value', async () => {
    const r = scoreMasterRound(await snapshotsOf(masterData()), { lang: 'vi', file: 'master.xlsx' });
    const w = r.issues.find((i) => i.code === 'scoring.appraisalWithoutReason');
    expect(w?.sheet).toBe('Kê khai');
    const snaps = await snapshotsOf(masterData());
    const sub = snaps.find((s) => s.name === 'Kê khai');
    const keys = sub?.values[2] ?? [];
    const col = keys.indexOf('appraisal1');
    expect(col).toBeGreaterThanOrEqual(0);
    expect(w?.cell?.replace(/\d+$/, '')).toBe(String.fromCharCode(65 + col));
  });

  test('one out-of-scale survey answer does not block templates; scoring treats it as sipas does', async () => {
    const data = masterData();
    data.survey?.responses?.push({ unit: 'KG', answers: { 'II.1.1': 7, 'II.1.2': 4 } });
    const snaps = await snapshotsOf(data);
    const t = buildTemplates(snaps, { lang: 'vi', file: 'master.xlsx', now: '2024-11-01T08:00' });
    expect(t.ok).toBe(true);
    expect(t.templates.map((x) => x.unit.code).sort()).toEqual(['HD', 'KG', 'KM', 'NV', 'VP']);
    const s = scoreMasterRound(snaps, { lang: 'vi', file: 'master.xlsx' });
    const answer = s.issues.find((i) => i.sheet === 'Khảo sát');
    expect(answer).toBeDefined();
    expect(answer?.severity).toBe('warning');
  });
});

describe('templates on a master workbook', () => {
  test('a rule that does not compile blocks templates, located on the criteria sheet, and says nothing was written', async () => {
    const bad = JSON.parse(JSON.stringify(framework)) as { nodes: { children: { rule: unknown }[] }[] };
    const leaf = bad.nodes[0]?.children[1];
    if (leaf) leaf.rule = { kind: 'proportional', params: { full: 98 } };
    const t = buildTemplates(await snapshotsOf(masterData({ framework: bad as unknown as Framework })), { lang: 'vi', file: 'master.xlsx', now: '2024-11-01T08:00' });
    expect(t.ok).toBe(false);
    expect(t.templates).toEqual([]);
    const rule = t.issues.find((i) => i.severity === 'error' && i.criterion === '1.2');
    expect(rule?.sheet).toBe('Bộ tiêu chí');
    expect(t.issues[t.issues.length - 1]?.code).toBe('templates.noneWritten');
  });
});

describe('import on a master workbook', () => {
  async function filledFor(unit: string, answers: TemplateAnswer[]): Promise<FilledInput> {
    const snaps = await snapshotsOf(masterData({ assessments: [] }));
    const t = buildTemplates(snaps, { lang: 'vi', file: 'master.xlsx', now: '2024-11-01T08:00' });
    const tpl = t.templates.find((x) => x.unit.code === unit);
    if (!tpl) throw new Error('no template');
    const port = ExcelJsPort.create();
    await port.write(tpl.sheets);
    const filled = await fillTemplate(await port.toBuffer(), answers);
    const back = await ExcelJsPort.fromBuffer(filled.bytes);
    const sheets = await back.listSheets();
    return { file: tpl.fileName, sheets, snapshots: await back.read(sheets.map((s) => s.name)) };
  }

  test('a rejected file is listed in "Kiểm tra dữ liệu" of the new master and its late time is kept', async () => {
    const master = await snapshotsOf(masterData({ assessments: [] }));
    const bad = await filledFor('KG', [{ criterion: '1.1', value: 'chưa rõ', self: 1 }, { criterion: '1.2', self: 1 }]);
    const r = importSubmissions(master, [{ ...bad, submittedAt: '2024-12-05T10:00' }], { lang: 'vi', file: 'master.xlsx', now: '2024-12-06T08:00' });
    const kg = r.units.find((u) => u.unit === 'KG');
    expect(kg?.status).toBe('rejected');
    expect(kg?.timeliness).toBe('late');
    expect(kg?.submittedAt).toBe('2024-12-05T10:00');
    const checks = r.sheets.find((s) => s.name === 'Kiểm tra dữ liệu');
    const text = JSON.stringify(checks?.values ?? []);
    expect(text).toContain(bad.file);
    expect(text).not.toContain('0 lỗi, ');
  });
});
