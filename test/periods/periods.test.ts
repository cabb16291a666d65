/**
 * Rounds and years (issue 16): a closed round refuses a changed template and accepts it once
 * reopened; appraisal edits of a closed round are refused; a value changed behind the software's
 * back after closing is found by its hash; the snapshot is the same for the same inputs in JSON
 * and in a master (and across a re-save), and changes with one cell; a merged unit's previous
 * index is the share-weighted mean of its sources (hand-computed).
 */
import { renderMasterInputSheets, type MasterData } from '../../engine/workbook/master';
import { applyAppraisals, buildTemplates, importSubmissions, openMaster, scoreDocumentRound, scoreMasterRound, type FilledInput } from '../../engine/app';
import { lockRound } from '../../engine/app/periods';
import { renderCrosswalkSheet } from '../../engine/periods';
import type { Framework } from '../../engine/model/framework';
import type { Unit } from '../../engine/model/unit';
import type { RenderedSheet, SheetSnapshot } from '../../engine/workbook/port';
import { ExcelJsPort } from '../../files/port';
import { fillTemplate, type TemplateAnswer } from '../../files/templates';

const framework = {
  id: 'test-2025',
  name: 'Bộ tiêu chí thử',
  year: 2025,
  total: 3,
  nodes: [
    {
      code: '1',
      name: 'Chỉ đạo, điều hành',
      children: [
        { code: '1.1', name: 'Ban hành kế hoạch CCHC', max: 1, lead: 'NV', rule: { kind: 'yesNo' } },
        { code: '1.2', name: 'Báo cáo định kỳ', max: 2, lead: 'NV', rule: { kind: 'points' } },
      ],
    },
  ],
} as unknown as Framework;

const units: Unit[] = [
  { code: 'NV', name: 'Phòng Nội vụ', kind: 'office' },
  { code: 'TX', name: 'UBND phường Thanh Xuân', kind: 'ward' },
  { code: 'KL', name: 'UBND phường Khương Đình', kind: 'ward' },
] as Unit[];

function data(extra: Partial<MasterData> = {}): MasterData {
  return {
    framework,
    units,
    assessments: [
      { unit: 'TX', criterion: '1.1', value: 'Có', self: 1 },
      { unit: 'TX', criterion: '1.2', self: 2, appraisal: [1.5] },
      { unit: 'KL', criterion: '1.1', value: 'Không', self: 0 },
      { unit: 'KL', criterion: '1.2', self: 1 },
    ],
    rounds: [{ round: 'selfAssessment', deadline: '2025-11-30' }],
    ...extra,
  } as MasterData;
}

/** The file each read-back came from, so sheets can be written into it as the CLI does. */
const files = new WeakMap<readonly SheetSnapshot[], Uint8Array>();

async function reread(port: ExcelJsPort): Promise<SheetSnapshot[]> {
  const buf = await port.toBuffer();
  const back = await ExcelJsPort.fromBuffer(buf);
  const snaps = await back.read((await back.listSheets()).map((s) => s.name));
  files.set(snaps, buf);
  return snaps;
}

async function master(d: MasterData, more: RenderedSheet[] = []): Promise<SheetSnapshot[]> {
  const port = ExcelJsPort.create();
  await port.write([...renderMasterInputSheets(d, { lang: 'vi' }), ...more]);
  return reread(port);
}

/** Write sheets into a master and read it back, as the CLI does (new file). */
async function withSheets(snaps: readonly SheetSnapshot[], sheets: RenderedSheet[]): Promise<SheetSnapshot[]> {
  const buf = files.get(snaps);
  if (!buf) throw new Error('not read from a file');
  const port = await ExcelJsPort.fromBuffer(buf);
  await port.write(sheets);
  return reread(port);
}

describe('closing a round', () => {
  async function filled(unit: string, answers: TemplateAnswer[]): Promise<FilledInput> {
    const t = buildTemplates(await master(data({ assessments: [] })), { lang: 'vi', file: 'master.xlsx', now: '2025-11-01T08:00' });
    const tpl = t.templates.find((x) => x.unit.code === unit);
    if (!tpl) throw new Error('no template');
    const port = ExcelJsPort.create();
    await port.write(tpl.sheets);
    const f = await fillTemplate(await port.toBuffer(), answers);
    const back = await ExcelJsPort.fromBuffer(f.bytes);
    const sheets = await back.listSheets();
    return { file: tpl.fileName, sheets, snapshots: await back.read(sheets.map((s) => s.name)), submittedAt: '2025-11-20T09:00' };
  }

  test('a closed self-assessment refuses a changed template, naming the round and when; reopened with a reason it accepts it; both logged', async () => {
    const m0 = await master(data({ assessments: [] }));
    const first = importSubmissions(m0, [await filled('TX', [{ criterion: '1.1', value: 'Có', self: 1 }, { criterion: '1.2', self: 2 }])], { lang: 'vi', file: 'master.xlsx', now: '2025-11-21T08:00' });
    expect(first.status).toBe('ok');
    const m1 = await withSheets(m0, first.sheets);
    const lock = lockRound(m1, { lang: 'vi', round: 'selfAssessment', now: '2025-12-01T16:30', by: 'Phòng Nội vụ', file: 'master.xlsx' });
    expect(lock.ok).toBe(true);
    expect(lock.message).toContain('01/12/2025 16:30');
    const m2 = await withSheets(m1, lock.sheets);
    expect(openMaster(m2).doc.extras.locks?.map((e) => [e.round, e.action, e.at, e.by])).toEqual([['selfAssessment', 'lock', '2025-12-01T16:30', 'Phòng Nội vụ']]);

    const changed = await filled('TX', [{ criterion: '1.1', value: 'Không', self: 0 }, { criterion: '1.2', self: 2 }]);
    const refused = importSubmissions(m2, [changed], { lang: 'vi', file: 'master.xlsx', now: '2025-12-02T08:00' });
    const err = refused.issues.find((i) => i.code === 'periods.roundLocked');
    expect(err).toMatchObject({ file: changed.file, unit: 'TX', criterion: '1.1', severity: 'error' });
    expect(err?.cell).toMatch(/^[A-Z]+\d+$/);
    expect(err?.params?.['count']).toBe(2); // value and self of 1.1
    expect(refused.assessments.find((a) => a.unit === 'TX' && a.criterion === '1.1')?.value).toBe('Có');
    // the same values again change nothing and pass
    const same = importSubmissions(m2, [await filled('TX', [{ criterion: '1.1', value: 'Có', self: 1 }, { criterion: '1.2', self: 2 }])], { lang: 'vi', file: 'master.xlsx', now: '2025-12-02T08:00' });
    expect(same.issues.some((i) => i.code === 'periods.roundLocked')).toBe(false);

    expect(lockRound(m2, { lang: 'vi', round: 'selfAssessment', now: '2025-12-03T08:00', reopen: true, file: 'master.xlsx' }).issues[0]?.code).toBe('periods.reasonRequired');
    const reopen = lockRound(m2, { lang: 'vi', round: 'selfAssessment', now: '2025-12-03T08:00', reopen: true, reason: 'Phường bổ sung văn bản', file: 'master.xlsx' });
    expect(reopen.ok).toBe(true);
    const m3 = await withSheets(m2, reopen.sheets);
    const accepted = importSubmissions(m3, [changed], { lang: 'vi', file: 'master.xlsx', now: '2025-12-03T09:00' });
    expect(accepted.status).toBe('ok');
    expect(accepted.assessments.find((a) => a.unit === 'TX' && a.criterion === '1.1')?.value).toBe('Không');
    const log = m3.find((s) => s.name === 'Nhật ký nhập');
    const fields = (log?.values ?? []).map((r) => r?.[5]);
    expect(fields).toEqual(expect.arrayContaining(['lock', 'reopen']));
  });

  test('a closed appraisal round refuses changed points, accepts unchanged ones', async () => {
    const m1 = await master(data());
    const m2 = await withSheets(m1, lockRound(m1, { lang: 'vi', round: 'appraisal1', now: '2025-12-05T10:00', file: 'master.xlsx' }).sheets);
    const doc = openMaster(m2).doc;
    const r = applyAppraisals(doc, [{ unit: 'TX', criterion: '1.2', appraisal: [1] }, { unit: 'KL', criterion: '1.2', appraisal: [] }], 'vi');
    expect(r.issues.map((i) => [i.code, i.unit, i.criterion])).toEqual([['periods.appraisalLocked', 'TX', '1.2']]);
  });

  test('a value changed after closing (typed into the master) is found by the hash and stops the scores', async () => {
    const m1 = await master(data());
    const m2 = await withSheets(m1, lockRound(m1, { lang: 'vi', round: 'selfAssessment', now: '2025-12-01T16:30', file: 'master.xlsx' }).sheets);
    expect(scoreMasterRound(m2, { lang: 'vi', file: 'master.xlsx' }).results?.snapshot?.locked).toEqual(['selfAssessment']);
    const sub = m2.find((s) => s.name === 'Kê khai');
    const valueCol = (sub?.values[2] ?? []).indexOf('value');
    const row = (sub?.values ?? []).findIndex((r) => r?.[0] === 'KL' && r?.[2] === '1.1');
    const tampered = m2.map((s) => (s === sub ? { ...s, values: s.values.map((r, i) => (i === row ? r.map((v, c) => (c === valueCol ? 'Có' : v)) : r)) } : s));
    const scored = scoreMasterRound(tampered, { lang: 'vi', file: 'master.xlsx' });
    const err = scored.issues.find((i) => i.code === 'periods.changedAfterLock');
    expect(err).toMatchObject({ severity: 'error', sheet: 'Chốt điểm' });
    expect(scored.ok).toBe(false);
  });
});

describe('snapshot', () => {
  const json = { framework, units, assessments: data().assessments, rounds: [{ round: 'selfAssessment', deadline: '2025-11-30' }], previous: [{ unit: 'TX', index: 80 }] };

  test('the same inputs in JSON and in a master give the same hash; row order does not matter; one cell changes it', async () => {
    const fromJson = scoreDocumentRound(JSON.parse(JSON.stringify(json)), { lang: 'vi' }).results?.snapshot;
    const d = data({ previous: [{ unit: 'TX', index: 80 }] });
    const fromMaster = scoreMasterRound(await master(d), { lang: 'vi', file: 'master.xlsx' }).results?.snapshot;
    expect(fromJson?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fromMaster?.sha256).toBe(fromJson?.sha256);
    expect(fromMaster?.locked).toEqual([]);
    const reordered = scoreMasterRound(await master({ ...d, assessments: [...d.assessments].reverse(), units: [...units].reverse() }), { lang: 'vi' }).results?.snapshot;
    expect(reordered?.sha256).toBe(fromJson?.sha256);
    const changed = { ...json, assessments: json.assessments.map((a, i) => (i === 1 ? { ...a, appraisal: [1.25] } : a)) };
    expect(scoreDocumentRound(changed, { lang: 'vi' }).results?.snapshot?.sha256).not.toBe(fromJson?.sha256);
  });

  test('the results sheets show the hash on "Tổng hợp"', async () => {
    const r = scoreMasterRound(await master(data()), { lang: 'vi', file: 'master.xlsx' });
    const summary = r.sheets.find((s) => s.name === 'Tổng hợp');
    const cells = (summary?.values ?? []).flat();
    expect(cells).toContain(r.results?.snapshot?.sha256);
    expect(cells).toContain('Mã băm dữ liệu đầu vào (SHA-256)');
  });
});

describe('crosswalk', () => {
  // 2024: wards A (index 80, rank 2), B (90, rank 1), C (70, rank 3).
  // 2025: TX = all of A + half of B → (80×1 + 90×0.5) ÷ 1.5 = 125 ÷ 1.5 = 83.333…; KL = all of C alone → 70, rank 3 kept.
  const previous = [
    { unit: 'A', index: 80, rank: 2 },
    { unit: 'B', index: 90, rank: 1 },
    { unit: 'C', index: 70, rank: 3 },
  ];
  const crosswalk = [
    { from: 'A', to: 'TX', share: 1 },
    { from: 'B', to: 'TX', share: 0.5 },
    { from: 'C', to: 'KL', share: 1 },
  ];

  test('JSON: a merged unit\'s previous index is the share-weighted mean of its sources, and says which', () => {
    const r = scoreDocumentRound({ framework, units, assessments: data().assessments, previous, crosswalk }, { lang: 'vi' });
    const tx = r.results?.units.find((u) => u.code === 'TX');
    const kl = r.results?.units.find((u) => u.code === 'KL');
    expect(tx?.previous?.index).toBeCloseTo(125 / 1.5, 10);
    expect(tx?.previous?.from).toEqual(['A', 'B']);
    expect(tx?.previous?.rank).toBeUndefined();
    expect(kl?.previous).toMatchObject({ index: 70, rank: 3, from: ['C'] });
    // TX this year: 1 + 1.5 of 3 → 83.333…; change against 83.333… is 0
    expect(tx?.previous?.indexChange).toBeCloseTo(0, 10);
  });

  test('master: the sheet "Chuyển đổi đơn vị" does the same', async () => {
    const snaps = await master(data({ previous }), [renderCrosswalkSheet({ units: crosswalk, criteria: [] }, 'vi')]);
    const r = scoreMasterRound(snaps, { lang: 'vi', file: 'master.xlsx' });
    const tx = r.results?.units.find((u) => u.code === 'TX');
    expect(tx?.previous?.index).toBeCloseTo(125 / 1.5, 10);
    expect(tx?.previous?.from).toEqual(['A', 'B']);
    expect(r.results?.snapshot?.sha256).toBe(scoreDocumentRound({ framework, units, assessments: data().assessments, previous, crosswalk, rounds: [{ round: 'selfAssessment', deadline: '2025-11-30' }] }, { lang: 'vi' }).results?.snapshot?.sha256);
  });

  test('a share outside (0, 1] is an error located on the sheet', async () => {
    const snaps = await master(data({ previous }), [renderCrosswalkSheet({ units: [{ from: 'A', to: 'TX', share: 1.5 }], criteria: [] }, 'vi')]);
    const r = scoreMasterRound(snaps, { lang: 'vi', file: 'master.xlsx' });
    expect(r.issues.find((i) => i.code === 'crosswalk.badShare')).toMatchObject({ sheet: 'Chuyển đổi đơn vị', cell: 'C5' });
  });
});
