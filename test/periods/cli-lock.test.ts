/**
 * `parindex lock` and `parindex validate --against` through the CLI (issue 16): a closed round
 * refuses a changed template in `parindex import` and accepts it once reopened with a reason; a
 * published result matches the master it came from, not a master with one changed cell, and still
 * matches once LibreOffice has re-saved the master; a JSON document with `locks` is scored like the
 * closed master. Expected messages written out by hand from the catalogue.
 */
import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { runCli, tmpDir } from '../hardening/helpers';
import { HAS_SOFFICE, convert, missingTool } from '../templates/libreoffice';
import { renderMasterInputSheets, type MasterData } from '../../engine/workbook/master';
import type { Framework } from '../../engine/model/framework';
import type { Unit } from '../../engine/model/unit';
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

let dir = '';
const at = (name: string): string => path.join(dir, name);

async function writeMaster(file: string, d: MasterData): Promise<void> {
  const port = ExcelJsPort.create();
  await port.write(renderMasterInputSheets(d, { lang: 'vi' }));
  await fsp.writeFile(file, await port.toBuffer());
}

/** Values of one sheet of an .xlsx file (rows of cell values, 1-based as in Excel). */
async function sheetValues(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${file}`);
  const rows: unknown[][] = [];
  ws.eachRow((r, n) => {
    rows[n] = (r.values as unknown[]).slice(1);
  });
  return Array.from(rows, (r) => r ?? []);
}

/** [value, self] of one unit and criterion in "Kê khai" (its row of column keys names the columns). */
async function declared(file: string, unit: string, criterion: string): Promise<unknown[]> {
  const sub = await sheetValues(file, 'Kê khai');
  const header = sub.find((r) => r.includes('value') && r.includes('unit')) ?? [];
  const row = sub.find((r) => r[header.indexOf('unit')] === unit && r[header.indexOf('criterion')] === criterion) ?? [];
  return [row[header.indexOf('value')], row[header.indexOf('self')]];
}

/** Fill the unit's template made by `parindex templates` into `out`. */
async function fill(templateDir: string, unit: string, answers: TemplateAnswer[], out: string): Promise<void> {
  const name = (await fsp.readdir(templateDir)).find((f) => f.endsWith('.xlsx') && f.includes(unit));
  if (!name) throw new Error(`no template for ${unit}`);
  const f = await fillTemplate(new Uint8Array(await fsp.readFile(path.join(templateDir, name))), answers);
  await fsp.writeFile(out, f.bytes);
  // the file's time is its submission time (before the deadline)
  const submitted = new Date(2025, 10, 20, 9, 0);
  await fsp.utimes(out, submitted, submitted);
}

beforeAll(async () => {
  dir = await tmpDir('periods-cli');
});
afterAll(async () => {
  if (dir) await fsp.rm(dir, { recursive: true, force: true });
});

describe('parindex lock', () => {
  test('a closed round refuses a changed template in import; reopened with a reason it accepts it; both acts logged', async () => {
    await writeMaster(at('m0.xlsx'), { framework, units, assessments: [], rounds: [{ round: 'selfAssessment', deadline: '2025-11-30' }] } as MasterData);
    const tpl = await runCli(['templates', at('m0.xlsx'), '--out', at('tpl'), '--now', '2025-11-01T08:00']);
    expect(tpl.code).toBe(0);
    await fill(at('tpl'), 'TX', [{ criterion: '1.1', value: 'Có', self: 1, evidence: 'Kế hoạch 15/KH-UBND' }, { criterion: '1.2', self: 2, evidence: 'Báo cáo 20/BC-UBND' }], at('tx-1.xlsx'));
    await fill(at('tpl'), 'TX', [{ criterion: '1.1', value: 'Không', self: 0, evidence: 'Kế hoạch 15/KH-UBND' }, { criterion: '1.2', self: 2, evidence: 'Báo cáo 20/BC-UBND' }], at('tx-2.xlsx'));

    const first = await runCli(['import', at('m0.xlsx'), at('tx-1.xlsx'), '--out', at('m1.xlsx'), '--now', '2025-11-21T08:00']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('TX     đã nhập            2/2 (100%)  tx-1.xlsx');

    const lock = await runCli(['lock', at('m1.xlsx'), '--round', 'selfAssessment', '--out', at('m2.xlsx'), '--by', 'Phòng Nội vụ', '--now', '2025-12-01T16:30']);
    // the round's hash: SHA-256 of its values in canonical form (keys sorted, empty members left out)
    const canonical = '{"round":"selfAssessment","rows":[{"criterion":"1.1","evidence":"Kế hoạch 15/KH-UBND","self":1,"unit":"TX","value":"Có"},{"criterion":"1.2","evidence":"Báo cáo 20/BC-UBND","self":2,"unit":"TX"}]}';
    const hash = createHash('sha256').update(canonical, 'utf8').digest('hex');
    expect(lock).toEqual({
      code: 0,
      stdout: `Đã chốt vòng tự đánh giá lúc 01/12/2025 16:30; mã băm số liệu của vòng: ${hash}\nĐã ghi sổ tổng hợp mới: ${at('m2.xlsx')}\n`,
      stderr: '',
    });
    const locks = await sheetValues(at('m2.xlsx'), 'Chốt điểm');
    const lockRow = locks.find((r) => r[0] === 'selfAssessment');
    expect(lockRow?.filter((v) => v !== null && v !== undefined && v !== '')).toEqual(expect.arrayContaining(['selfAssessment', 'chốt', '2025-12-01T16:30', 'Phòng Nội vụ', hash]));

    // closing it again is refused, naming when it was closed
    const again = await runCli(['lock', at('m2.xlsx'), '--round', 'selfAssessment', '--out', at('m2b.xlsx'), '--now', '2025-12-01T17:00']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Vòng tự đánh giá đã chốt lúc 01/12/2025 16:30; không chốt lại');

    // the changed template is refused, at its first changed cell, naming the round, when and by whom
    const refused = await runCli(['import', at('m2.xlsx'), at('tx-2.xlsx'), '--out', at('m2-refused.xlsx'), '--now', '2025-12-02T08:00']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `Tệp 'tx-2.xlsx', trang 'Tự đánh giá'!D7 (đơn vị TX, tiêu chí 1.1): Vòng tự đánh giá đã chốt lúc 01/12/2025 16:30 bởi Phòng Nội vụ: tệp "tx-2.xlsx" thay đổi 2 ô của vòng này (đầu tiên: tiêu chí 1.1 của đơn vị TX); tệp không được nhập. Muốn sửa, mở lại vòng có lý do (ngăn tác vụ: Tính điểm → Chốt điểm → Mở lại; dòng lệnh: parindex lock <sổ> --round selfAssessment --reopen --reason "…")\n`,
    );
    // the new master keeps the closed values
    expect(await declared(at('m2-refused.xlsx'), 'TX', '1.1')).toEqual(['Có', 1]);
    // the same values again change nothing and pass
    const same = await runCli(['import', at('m2.xlsx'), at('tx-1.xlsx'), '--out', at('m2-same.xlsx'), '--now', '2025-12-02T08:00']);
    expect(same.code).toBe(0);
    expect(same.stderr).not.toContain('đã chốt');

    // reopening needs a reason: without --reason, or with a blank one, nothing is written
    const noReason = await runCli(['lock', at('m2.xlsx'), '--round', 'selfAssessment', '--reopen', '--out', at('m3.xlsx')]);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('[--reopen --reason <text>]');
    const blank = await runCli(['lock', at('m2.xlsx'), '--round', 'selfAssessment', '--reopen', '--reason', '  ', '--out', at('m3.xlsx')]);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('Tuỳ chọn --reason có giá trị rỗng');
    await expect(fsp.access(at('m3.xlsx'))).rejects.toThrow();

    const reopen = await runCli(['lock', at('m2.xlsx'), '--round', 'selfAssessment', '--reopen', '--reason', 'Phường bổ sung văn bản', '--by', 'Phòng Nội vụ', '--out', at('m3.xlsx'), '--now', '2025-12-03T08:00']);
    expect(reopen.code).toBe(0);
    expect(reopen.stdout).toContain('Đã mở lại vòng tự đánh giá lúc 03/12/2025 08:00; lý do: Phường bổ sung văn bản');

    const accepted = await runCli(['import', at('m3.xlsx'), at('tx-2.xlsx'), '--out', at('m4.xlsx'), '--now', '2025-12-03T09:00']);
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).not.toContain('Lỗi');
    expect(await declared(at('m4.xlsx'), 'TX', '1.1')).toEqual(['Không', 0]);

    // the audit log: the closing (with its hash) and the reopening (with its reason)
    const log = (await sheetValues(at('m4.xlsx'), 'Nhật ký nhập')).filter((r) => r[5] === 'lock' || r[5] === 'reopen');
    expect(log.map((r) => [r[0], r[2], r[4], r[5], r[6], r[7]])).toEqual([
      ['2025-12-01T16:30', 'Phòng Nội vụ', 'selfAssessment', 'lock', 'mở', `chốt · SHA-256 ${hash}`],
      ['2025-12-03T08:00', 'Phòng Nội vụ', 'selfAssessment', 'reopen', 'chốt', 'mở lại · Phường bổ sung văn bản'],
    ]);
  }, 60_000);
});

describe('parindex validate --against', () => {
  const scored: MasterData = {
    framework,
    units,
    assessments: [
      { unit: 'TX', criterion: '1.1', value: 'Có', self: 1, evidence: 'Kế hoạch 15/KH-UBND' },
      { unit: 'TX', criterion: '1.2', self: 2, evidence: 'Báo cáo 20/BC-UBND', appraisal: [1.5] },
      { unit: 'KL', criterion: '1.1', value: 'Không', self: 0 },
      { unit: 'KL', criterion: '1.2', self: 1, evidence: 'Báo cáo 21/BC-UBND' },
    ],
    rounds: [{ round: 'selfAssessment', deadline: '2025-11-30' }],
  } as MasterData;

  /** The input hash written on "Tổng hợp" of a results workbook. */
  async function published(file: string): Promise<string> {
    const row = (await sheetValues(file, 'Tổng hợp')).find((r) => r[0] === 'Mã băm dữ liệu đầu vào (SHA-256)');
    const hash = row?.[1];
    if (typeof hash !== 'string') throw new Error('no hash');
    return hash;
  }

  async function scoreJson(file: string): Promise<{ code: number; stderr: string; snapshot?: { sha256: string; locked: string[] } }> {
    const r = await runCli(['score', file, '--json']);
    const out = r.stdout ? (JSON.parse(r.stdout) as { snapshot?: { sha256: string; locked: string[] } }) : {};
    return { code: r.code, stderr: r.stderr, ...(out.snapshot ? { snapshot: out.snapshot } : {}) };
  }

  test('a result matches the master it came from, not one with a changed cell', async () => {
    await writeMaster(at('v-master.xlsx'), scored);
    const score = await runCli(['score', at('v-master.xlsx'), '--out', at('v-results.xlsx')]);
    expect(score.code).toBe(0);
    const hash = await published(at('v-results.xlsx'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await scoreJson(at('v-master.xlsx'))).snapshot?.sha256).toBe(hash);

    const ok = await runCli(['validate', at('v-results.xlsx'), '--against', at('v-master.xlsx')]);
    expect(ok).toEqual({ code: 0, stdout: `Kết quả "v-results.xlsx" khớp với sổ "v-master.xlsx": mã băm ${hash}\n`, stderr: '' });

    // one cell changed: KL's self-score of 1.2, 1 → 2
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at('v-master.xlsx'));
    const ws = wb.getWorksheet('Kê khai');
    let keys: string[] = [];
    let changed = 0;
    ws?.eachRow((r) => {
      const v = (r.values as unknown[]).slice(1).map((x) => (typeof x === 'string' ? x : ''));
      if (v.includes('unit') && v.includes('self')) keys = v;
      else if (keys.length && v[keys.indexOf('unit')] === 'KL' && v[keys.indexOf('criterion')] === '1.2') {
        r.getCell(keys.indexOf('self') + 1).value = 2;
        changed++;
      }
    });
    expect(changed).toBe(1);
    await wb.xlsx.writeFile(at('v-changed.xlsx'));
    const other = (await scoreJson(at('v-changed.xlsx'))).snapshot?.sha256 ?? '';
    expect(other).toMatch(/^[0-9a-f]{64}$/);
    expect(other).not.toBe(hash);

    const bad = await runCli(['validate', at('v-results.xlsx'), '--against', at('v-changed.xlsx')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      `Kết quả "v-results.xlsx" không khớp với sổ "v-changed.xlsx": mã băm trong kết quả ${hash.slice(0, 12)}, của sổ ${other.slice(0, 12)}; số liệu đầu vào đã khác`,
    );
    expect(bad.stdout).toContain('không khớp');
    const en = await runCli(['validate', at('v-results.xlsx'), '--against', at('v-changed.xlsx'), '--lang', 'en']);
    expect(en.stdout).toBe(`Result "v-results.xlsx" does not match master "v-changed.xlsx": hash in the result ${hash.slice(0, 12)}, of the master ${other.slice(0, 12)}; the inputs differ\n`);
  }, 60_000);

  if (HAS_SOFFICE) {
    test('the hash is unchanged once LibreOffice has re-saved the master', async () => {
      await writeMaster(at('lo-master.xlsx'), scored);
      expect((await runCli(['score', at('lo-master.xlsx'), '--out', at('lo-results.xlsx')])).code).toBe(0);
      const hash = await published(at('lo-results.xlsx'));
      const resaved = await convert(at('lo-master.xlsx'), 'xlsx', at('lo'), at('lo-profile'));
      // another producer's file (its own shared strings, styles, number formats)
      expect(Buffer.compare(await fsp.readFile(resaved), await fsp.readFile(at('lo-master.xlsx')))).not.toBe(0);
      expect((await scoreJson(resaved)).snapshot?.sha256).toBe(hash);
      const r = await runCli(['validate', at('lo-results.xlsx'), '--against', resaved]);
      expect(r).toEqual({ code: 0, stdout: `Kết quả "lo-results.xlsx" khớp với sổ "lo-master.xlsx": mã băm ${hash}\n`, stderr: '' });
    }, 300_000);
  } else missingTool('LibreOffice (soffice)');

  test('a JSON document with locks is scored like the closed master: same hash, same closed rounds, a changed value found', async () => {
    await writeMaster(at('j-master.xlsx'), scored);
    const lock = await runCli(['lock', at('j-master.xlsx'), '--round', 'selfAssessment', '--out', at('j-locked.xlsx'), '--now', '2025-12-01T16:30']);
    expect(lock.code).toBe(0);
    const roundHash = /mã băm số liệu của vòng: ([0-9a-f]{64})/.exec(lock.stdout)?.[1] ?? '';
    // hand-written canonical form of the self-assessment of the four rows (keys sorted, rows by unit then criterion)
    const canonical =
      '{"round":"selfAssessment","rows":[' +
      '{"criterion":"1.1","self":0,"unit":"KL","value":"Không"},' +
      '{"criterion":"1.2","evidence":"Báo cáo 21/BC-UBND","self":1,"unit":"KL"},' +
      '{"criterion":"1.1","evidence":"Kế hoạch 15/KH-UBND","self":1,"unit":"TX","value":"Có"},' +
      '{"criterion":"1.2","evidence":"Báo cáo 20/BC-UBND","self":2,"unit":"TX"}]}';
    expect(roundHash).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));

    const doc = { ...scored, locks: [{ round: 'selfAssessment', action: 'lock', at: '2025-12-01T16:30', sha256: roundHash }] };
    await fsp.writeFile(at('j-doc.json'), JSON.stringify(doc));
    const fromMaster = await scoreJson(at('j-locked.xlsx'));
    const fromJson = await scoreJson(at('j-doc.json'));
    expect(fromMaster.snapshot?.locked).toEqual(['selfAssessment']);
    expect(fromJson.snapshot).toEqual(fromMaster.snapshot);
    // closing changes no input: the open master has the same hash, and no closed round
    expect((await scoreJson(at('j-master.xlsx'))).snapshot).toEqual({ sha256: fromMaster.snapshot?.sha256, locked: [] });

    expect((await runCli(['score', at('j-locked.xlsx'), '--out', at('j-results.xlsx')])).code).toBe(0);
    // the published result checks against the JSON document as against the master
    const vs = await runCli(['validate', at('j-results.xlsx'), '--against', at('j-doc.json')]);
    expect(vs).toEqual({ code: 0, stdout: `Kết quả "j-results.xlsx" khớp với sổ "j-doc.json": mã băm ${fromMaster.snapshot?.sha256 ?? '?'}\n`, stderr: '' });
    // a value changed behind the lock: the JSON document is stopped as the master would be
    const tampered = { ...doc, assessments: doc.assessments.map((a) => (a.unit === 'KL' && a.criterion === '1.1' ? { ...a, value: 'Có' } : a)) };
    await fsp.writeFile(at('j-tampered.json'), JSON.stringify(tampered));
    const r = await runCli(['score', at('j-tampered.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Số liệu vòng tự đánh giá đã bị thay đổi sau khi chốt lúc 01/12/2025 16:30: mã băm lúc chốt ${roundHash.slice(0, 12)}, nay `);
  }, 60_000);
});
