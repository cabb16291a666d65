import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { readMaster } from '../../engine/workbook/master';
import { scoreDocument } from '../../engine';
import { framework, units } from './fixture';
import { ExcelJsPort } from '../../files/port';
import { fillTemplate, writeTemplates } from '../../files/templates';
import { importFilled } from '../../files/import';
import { KG_ANSWERS, KG_ASSESSMENTS, KG_SIGN_OFF, NV_ANSWERS, OFFICE_ASSESSMENTS, VP_ANSWERS, sha256, tmpDir, writeMaster } from './helpers';

const byKey = (a: { unit: string; criterion: string }, b: { unit: string; criterion: string }): number =>
  `${a.unit}|${a.criterion}`.localeCompare(`${b.unit}|${b.criterion}`);

describe('templates → fill → import', () => {
  let dir: string;
  let master: string;
  beforeAll(async () => {
    dir = await tmpDir('rt');
    master = path.join(dir, 'master.xlsx');
    await writeMaster(master);
  });

  test('one template per unit with answers; import brings exactly the JSON-path assessments', async () => {
    const before = await sha256(master);
    const { files, issues } = await writeTemplates(master, path.join(dir, 'templates'), { now: '2023-11-01T08:00' });
    expect(issues).toEqual([]);
    // 4 offices that lead district criteria (VP, NV, TP, TCKH) + 11 wards; KT only coordinates
    expect(files.map((f) => path.basename(f)).sort()).toHaveLength(15);
    expect(files.some((f) => f.endsWith('tu-danh-gia-KT.xlsx'))).toBe(false);

    const fill = async (code: string, answers: typeof KG_ANSWERS): Promise<string> => {
      const blank = new Uint8Array(await fsp.readFile(path.join(dir, 'templates', `tu-danh-gia-${code}.xlsx`)));
      const { bytes, skipped } = await fillTemplate(blank, answers, code === 'KG' ? KG_SIGN_OFF : {});
      expect(skipped).toEqual([]);
      const out = path.join(dir, 'filled', `tu-danh-gia-${code}.xlsx`);
      await fsp.mkdir(path.dirname(out), { recursive: true });
      await fsp.writeFile(out, bytes);
      // submitted on 29/11/2023 (before the 30/11 deadline) except VP, late on 02/12
      const t = code === 'VP' ? new Date('2023-12-02T09:00:00Z') : new Date('2023-11-29T09:00:00Z');
      await fsp.utimes(out, t, t);
      return out;
    };
    const filled = [await fill('KG', KG_ANSWERS), await fill('NV', NV_ANSWERS), await fill('VP', VP_ANSWERS)];
    const hashes = await Promise.all(filled.map(sha256));
    const out = path.join(dir, 'master-2.xlsx');
    const res = await importFilled(master, filled, out, { lang: 'vi', now: '2023-12-03T10:00' });
    expect(res.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(res.status).toBe('ok');
    // inputs untouched
    expect(await sha256(master)).toBe(before);
    expect(await Promise.all(filled.map(sha256))).toEqual(hashes);

    const port = await ExcelJsPort.fromBuffer(new Uint8Array(await fsp.readFile(out)));
    const names = (await port.listSheets()).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Tình hình nộp', 'Nhật ký nhập']));
    const { doc, issues: readIssues } = readMaster(await port.read(names), 'master-2.xlsx');
    expect(readIssues.filter((i) => i.severity === 'error')).toEqual([]);
    const strip = doc.assessments.map(({ unit, criterion, value, self, evidence, explanation }) => ({
      unit,
      criterion,
      ...(value !== undefined ? { value } : {}),
      ...(self !== undefined ? { self } : {}),
      ...(evidence !== undefined ? { evidence } : {}),
      ...(explanation !== undefined ? { explanation } : {}),
    }));
    expect(strip.sort(byKey)).toEqual([...KG_ASSESSMENTS, ...OFFICE_ASSESSMENTS].sort(byKey));

    // scoring the imported master gives the same results as the JSON path with the same data
    const viaXlsx = scoreDocument({ framework: doc.framework, units: doc.units, assessments: doc.assessments }, { lang: 'vi' });
    const viaJson = scoreDocument({ framework, units, assessments: [...KG_ASSESSMENTS, ...OFFICE_ASSESSMENTS] }, { lang: 'vi' });
    expect(viaJson.ok).toBe(true);
    expect(viaXlsx.ok).toBe(true);
    const summary = (r: typeof viaJson): unknown => r.results.units.map((u) => ({ code: u.code, score: u.score, max: u.max, index: u.index, rank: u.rank, grade: u.grade, gaps: u.gaps.map((g) => [g.criterion, g.lost]) }));
    expect(summary(viaXlsx)).toEqual(summary(viaJson));
    const kgResult = viaJson.results.units.find((u) => u.code === 'KG');
    // KG: 1.1 Có → 1; 1.2 Hoàn thành tốt → 0.75 × 2 = 1.5; 1.3 rate 95 in [90,100) → 0.5;
    // 1.4 81% with full points at 90% → 81/90 × 1 = 0.9; 1.5 submitted 25/07 after 20/07 → 0.5 × 0.5 = 0.25;
    // 1.6 points 1.25; 1.7 survey with no index → 0 of 2. Score 5.4 of 9.
    expect(kgResult?.score).toBeCloseTo(5.4, 9);
    expect(kgResult?.max).toBe(9);

    // status: KG 6 of 6 answered on time; VP late; NV 1/1; TP, TCKH and other wards missing
    const kg = res.units.find((u) => u.unit === 'KG');
    expect(kg).toMatchObject({ applicable: 6, answered: 6, timeliness: 'onTime', status: 'ok', ...KG_SIGN_OFF });
    expect(res.units.find((u) => u.unit === 'VP')).toMatchObject({ timeliness: 'late', applicable: 1, answered: 1 });
    expect(res.units.find((u) => u.unit === 'TP')).toMatchObject({ status: 'missing', answered: 0, applicable: 1 });
    expect(res.issues.find((i) => i.code === 'import.missingUnits')?.params).toEqual({ count: 12, units: ['TP', 'TCKH', 'HD', 'KD', 'KM', 'KTR', 'NC', 'PL', 'TXB', 'TXN', 'TXT', 'TD'] });
    expect(res.issues.find((i) => i.code === 'import.late')?.unit).toBe('VP');
    // log: one line per changed field: KG 5 values (1.6 has none) + 6 self + 2 evidence + 2 explanations, NV 3, VP 2
    expect(res.log).toHaveLength(5 + 6 + 2 + 2 + 3 + 2);

    // a second import of a corrected KG file appends to the log and keeps earlier lines
    const kg2 = await fillTemplate(new Uint8Array(await fsp.readFile(path.join(dir, 'templates', 'tu-danh-gia-KG.xlsx'))), [
      ...KG_ANSWERS.filter((a) => a.criterion !== '1.3'),
      { criterion: '1.3', value: 100, self: 1 },
    ]);
    const kg2Path = path.join(dir, 'filled2', 'tu-danh-gia-KG.xlsx');
    await fsp.mkdir(path.dirname(kg2Path), { recursive: true });
    await fsp.writeFile(kg2Path, kg2.bytes);
    const out3 = path.join(dir, 'master-3.xlsx');
    const res2 = await importFilled(out, [kg2Path], out3, { lang: 'vi', now: '2023-12-04T10:00' });
    expect(res2.log).toEqual([
      expect.objectContaining({ unit: 'KG', criterion: '1.3', field: 'value', old: 95, new: 100 }),
      expect.objectContaining({ unit: 'KG', criterion: '1.3', field: 'self', old: 0.5, new: 1 }),
    ]);
    const p3 = await ExcelJsPort.fromBuffer(new Uint8Array(await fsp.readFile(out3)));
    const [logSnap] = await p3.read(['Nhật ký nhập']);
    // 4 layout rows + 20 earlier lines + 2 new ones
    expect(logSnap?.values.length).toBe(4 + 20 + 2);
    // NV and VP stay submitted (earlier import)
    expect(res2.units.find((u) => u.unit === 'NV')?.status).toBe('earlier');
  });

  test('refuses to write over an input', async () => {
    const res = await importFilled(master, [], master, { lang: 'vi' });
    expect(res.status).toBe('failed');
    expect(res.issues.map((i) => i.code)).toEqual(['cli.sameFile']);
  });
});
