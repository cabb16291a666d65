/**
 * The CLI's writing side against bad input (issue hardening-2): unit codes that map to one file
 * name, a templates folder holding returned files, terminal control characters in workbook text,
 * bad options, write failures, stale temp files, and messages that hide what differs.
 * Cases of our own making; each checks the located message, the exit code and that nothing is lost.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { renderMasterInputSheets } from '../../engine/workbook/master';
import { ExcelJsPort } from '../../files/port';
import { buildTemplateWorkbook, fillTemplate } from '../../files/templates';
import { removeStaleTempFiles, STALE_TEMP_MS, writeFilesAtomically, writeFailedIssue } from '../../files/node';
import { formatIssue, formatNumber, formatPercent, t, templateFileIssues, unitForTemplateFile, templateFileName, issue, type Unit } from '../../engine';
import { planFromDocument } from '../../engine';
import { framework, units } from '../templates/fixture';
import { KG_ANSWERS, KG_ASSESSMENTS } from '../templates/helpers';
import { runCli, tmpDir, listAll, looksLikeCrash, sha256 } from './helpers';

/** A master of the template-test criteria set with the given units (KG keeps its answers). */
async function master(dir: string, name: string, unitList: readonly Unit[]): Promise<string> {
  const port = ExcelJsPort.create();
  await port.write(
    renderMasterInputSheets({
      framework: { ...framework, total: 15 },
      units: [...unitList],
      assessments: KG_ASSESSMENTS.filter((a) => unitList.some((u) => u.code === a.unit)),
      rounds: [{ round: 'selfAssessment', deadline: '2023-11-30' }],
    }),
  );
  const file = path.join(dir, name);
  await fsp.writeFile(file, await port.toBuffer());
  return file;
}

const ward = (code: string, name = `Phường ${code}`): Unit => ({ code, name, kind: 'ward' });
/** The district and its offices (the criteria set's Q rows and leads), then the wards given. */
const withWards = (...wards: Unit[]): Unit[] => [...units.filter((u) => u.kind !== 'ward'), ...wards];

/** Row of a unit code in the master's units sheet (A1 cell of its code). */
async function unitCell(file: string, code: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Đơn vị');
  let found = '';
  ws?.eachRow((row) => row.eachCell((cell) => (cell.value === code && !found ? (found = cell.address) : undefined)));
  return found;
}

describe('unit codes that map to one template file name', () => {
  test.each([
    ['A/B', 'A_B'],
    ['A:B', 'A/B'],
    ['kg', 'KG'],
  ])('%s beside %s: refused before anything is written, located at the later code with both codes', async (first, second) => {
    const dir = await tmpDir('clash');
    try {
      const file = await master(dir, 'so-tong-hop.xlsx', withWards(ward(first), ward(second)));
      const before = await sha256(file);
      const out = path.join(dir, 'bieu-mau');
      const r = await runCli(['templates', file, '--out', out]);
      expect(looksLikeCrash(r.stderr)).toBe(false);
      expect(r.code).toBe(1);
      const cell = await unitCell(file, second);
      expect(cell).not.toBe('');
      const fileName = templateFileName({ code: first });
      expect(r.stderr).toContain(
        `Tệp 'so-tong-hop.xlsx', trang 'Đơn vị'!${cell} (đơn vị ${second}): Mã đơn vị "${second}" cho cùng tên tệp biểu mẫu "${fileName}" với mã "${first}"`,
      );
      expect(r.stderr).toContain('Không ghi biểu mẫu nào');
      expect(r.stdout).toBe('');
      expect(await listAll(dir)).toEqual(['so-tong-hop.xlsx']);
      expect(await sha256(file)).toBe(before);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  test('a 220-character code: a located error naming the limit, no "internal error", nothing written', async () => {
    const dir = await tmpDir('long');
    try {
      const code = 'X'.repeat(220);
      const file = await master(dir, 'so-tong-hop.xlsx', withWards(ward('KG'), ward(code)));
      const r = await runCli(['templates', file, '--out', path.join(dir, 'out'), '--lang', 'en']);
      expect(looksLikeCrash(r.stderr)).toBe(false);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Unit code "${code}" is 220 characters long`);
      expect(r.stderr).toContain('codes of at most 183 characters');
      expect(r.stderr).toMatch(/sheet 'Đơn vị'!A\d+/);
      expect(await listAll(dir)).toEqual(['so-tong-hop.xlsx']);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  test('the names the templates step writes are the names import recognises, and only unique ones', () => {
    const list = [ward('KG'), ward('A/B'), ward('HĐ')];
    for (const u of list) expect(unitForTemplateFile(list, templateFileName(u))).toBe(u);
    // case ignored, as on the disks units use
    expect(unitForTemplateFile(list, 'TU-DANH-GIA-kg.xlsx')).toBe(list[0]);
    // a renamed file says nothing; a name two units share says nothing either (the file's metadata decides)
    expect(unitForTemplateFile(list, 'KG-da-dien.xlsx')).toBeUndefined();
    const clash = [ward('A/B'), ward('A_B')];
    expect(unitForTemplateFile(clash, 'tu-danh-gia-A_B.xlsx')).toBeUndefined();
    expect(templateFileIssues(clash).map((i) => [i.code, i.params?.['code'], i.params?.['other']])).toEqual([['templates.fileNameClash', 'A_B', 'A/B']]);
    expect(templateFileIssues([ward('KG'), ward('X'.repeat(183))])).toEqual([]);
    expect(templateFileIssues([ward('X'.repeat(184))]).map((i) => i.code)).toEqual(['templates.fileNameTooLong']);
  });
});

describe('import finds a file\'s unit with the same file-name rule', () => {
  test('a file named for a code two units share is taken by its own metadata, not by the first unit of that name', async () => {
    const dir = await tmpDir('clash-import');
    try {
      const list = withWards(ward('A/B'), ward('A_B'));
      const file = await master(dir, 'so-tong-hop.xlsx', list);
      const unit = list.find((u) => u.code === 'A_B');
      if (!unit) throw new Error('no unit');
      const { bytes } = await buildTemplateWorkbook({ ...framework, total: 15 }, unit, { units: list, deadline: '2023-11-30', generatedAt: '2023-11-01T08:00' });
      const filled = path.join(dir, templateFileName(unit));
      await fsp.writeFile(filled, (await fillTemplate(bytes, KG_ANSWERS)).bytes);
      const r = await runCli(['import', file, filled, '--out', path.join(dir, 'moi.xlsx'), '--now', '2023-11-20T09:00']);
      expect(looksLikeCrash(r.stderr)).toBe(false);
      expect(r.stderr).not.toContain('template.wrongUnit');
      expect(r.stderr).not.toMatch(/biểu mẫu của đơn vị|của đơn vị khác/);
      expect(r.stdout).toMatch(/A_B\s+đã nhập/);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('templates --out into a folder holding returned files', () => {
  test('a filled template is never replaced by a blank one; --force replaces it and says so', async () => {
    const dir = await tmpDir('returned');
    try {
      const file = await master(dir, 'so-tong-hop.xlsx', withWards(ward('KG'), ward('HD')));
      const out = path.join(dir, 'bieu-mau');
      expect((await runCli(['templates', file, '--out', out, '--now', '2023-11-01T08:00'])).code).toBe(0);
      // the same run again over blank templates of this master: fine
      expect((await runCli(['templates', file, '--out', out])).code).toBe(0);
      // KG comes back filled, into the same folder
      const kg = path.join(out, 'tu-danh-gia-KG.xlsx');
      await fsp.writeFile(kg, (await fillTemplate(new Uint8Array(await fsp.readFile(kg)), KG_ANSWERS)).bytes);
      const hashes = await Promise.all((await listAll(out)).map((f) => sha256(path.join(out, f))));
      const r = await runCli(['templates', file, '--out', out]);
      expect(looksLikeCrash(r.stderr)).toBe(false);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/Tệp "[^"]*tu-danh-gia-KG\.xlsx" đã có trong thư mục và không phải biểu mẫu trống của sổ tổng hợp này: đã điền \d+ ô nhập liệu \(ô đầu tiên: trang "Tự đánh giá"!\w+\d+\)/);
      expect(r.stderr).toContain('Không ghi biểu mẫu nào: 1 tệp trong thư mục');
      expect(r.stderr).not.toContain('tu-danh-gia-HD.xlsx');
      // nothing written: every file as it was, no temp file
      expect(await Promise.all((await listAll(out)).map((f) => sha256(path.join(out, f))))).toEqual(hashes);
      expect((await listAll(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const forced = await runCli(['templates', file, '--out', out, '--force', '--lang', 'en']);
      expect(forced.code).toBe(0);
      expect(forced.stderr).toMatch(/Warning: File "[^"]*tu-danh-gia-KG\.xlsx" was overwritten as --force asks: \d+ input cells are filled/);
      expect(await sha256(kg)).not.toBe(hashes[(await listAll(out)).indexOf('tu-danh-gia-KG.xlsx')]);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  test("another criteria set's template, another unit's, or a file that is no template is kept", async () => {
    const dir = await tmpDir('others');
    try {
      const file = await master(dir, 'so-tong-hop.xlsx', withWards(ward('KG'), ward('HD')));
      const other = path.join(dir, 'khac');
      const otherMaster = await master(dir, 'khac.xlsx', withWards(ward('KG'), ward('HD')));
      // rewrite the other master's criteria-set id: its blank templates are not this master's
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(otherMaster);
      wb.worksheets.forEach((ws) => ws.eachRow((row) => row.eachCell((c) => (c.value === 'test-2023' ? (c.value = 'bo-khac-2022') : undefined))));
      await wb.xlsx.writeFile(otherMaster);
      expect((await runCli(['templates', otherMaster, '--out', other])).code).toBe(0);
      await fsp.writeFile(path.join(other, 'tu-danh-gia-HD.xlsx'), 'ghi chú, không phải bảng tính');
      const r = await runCli(['templates', file, '--out', other]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/tu-danh-gia-KG\.xlsx" đã có .*: là biểu mẫu của bộ tiêu chí "bo-khac-2022 2023\.1", không phải "test-2023 2023\.1"/);
      expect(r.stderr).toMatch(/tu-danh-gia-HD\.xlsx" đã có .*: không đọc được tệp/);
      expect(await fsp.readFile(path.join(other, 'tu-danh-gia-HD.xlsx'), 'utf8')).toBe('ghi chú, không phải bảng tính');
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('terminal control characters in workbook text', () => {
  test('ESC, BEL, CR, DEL and C1 in a unit name are shown as <U+…>, never sent raw; JSON keeps the data', async () => {
    const dir = await tmpDir('ctl');
    try {
      const evil = 'Kim Giang\u001b[2J\u0007\r\u007f\u009b31m\u202e';
      const file = path.join(dir, 'ho-so.json');
      await fsp.writeFile(file, JSON.stringify({ framework: { ...framework, total: 15 }, units: withWards(ward('KG', evil)), assessments: KG_ASSESSMENTS }));
      const r = await runCli(['score', file, '--unit', 'KG']);
      expect(r.code).toBe(0);
      // eslint-disable-next-line no-control-regex -- exactly the characters that must not reach the terminal
      const raw = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/;
      expect(r.stdout + r.stderr).not.toMatch(raw);
      expect(r.stdout).toContain('Kim Giang<U+001B>[2J<U+0007><U+000D><U+007F><U+009B>31m<U+202E>'.slice(0, 32));
      const j = await runCli(['score', file, '--json']);
      expect(j.stdout).not.toMatch(raw);
      const doc = JSON.parse(j.stdout) as { units: { code: string; name: string }[] };
      expect(doc.units.find((u) => u.code === 'KG')?.name).toBe(evil);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  test('terminalText leaves text, tab and newline alone', async () => {
    const { terminalText } = await import('../../cli/io');
    expect(terminalText('Phường Kim Giang\tKG\n')).toBe('Phường Kim Giang\tKG\n');
    expect(terminalText('a\u0007b')).toBe('a<U+0007>b');
  });
});

describe('options: usage errors, exit 2, with the reason', () => {
  const M = path.join(__dirname, '..', 'fixtures', 'bad', 'masters', '_valid-master.xlsx');
  test.each([
    [['score', M, '--bogus'], 'Lệnh score không có tuỳ chọn --bogus; các tuỳ chọn: --json, --target'],
    [['import', M, 'a.xlsx', '--out', 'b.xlsx', '--accept-valid-row'], 'có phải ý bạn là --accept-valid-rows?'],
    [['templates', M, '--out='], 'Tuỳ chọn --out có giá trị rỗng'],
    [['score', M, '--json=yes'], 'Tuỳ chọn --json không nhận giá trị'],
    [['score', M, '--now', '2023-13-45'], 'Ngày ở --now không hợp lệ: "2023-13-45" (không có tháng 13)'],
    [['templates', M, '--out', 'x', '--deadline', '2023-13-45'], 'Ngày ở --deadline không hợp lệ: "2023-13-45" (không có tháng 13)'],
    [['templates', M, '--out', 'x', '--deadline', '2023-02-29'], '(tháng 02/2023 không có ngày 29)'],
    [['plan', M, '--now', '2023-11-31'], '(tháng 11/2023 không có ngày 31)'],
    [['import', M, 'a.xlsx', '--out', 'b.xlsx', '--now', '2023-11-30T24:00'], '(giờ "24:00" không có)'],
    [['score', M, '--target', 'hang:0'], 'Mục tiêu ở --target không hợp lệ: "hang:0"'],
    [['score', M, '--target', '120'], 'Mục tiêu ở --target không hợp lệ: "120"'],
    [['templates', M, '--out', 'x', '--quarter', '2023-Q5'], 'Quý ở --quarter không hợp lệ: "2023-Q5"'],
    [['score', M, '--unit', 'NOPE'], 'Không có đơn vị mã "NOPE" trong _valid-master.xlsx; các mã đơn vị: QTX, HD'],
    [['score', M, '--unit', 'KG\u200B'], 'Không có đơn vị mã "KG<U+200B>" trong _valid-master.xlsx; có mã "KG" gần giống'],
    [['score', M, '--unit', 'kg'], 'có mã "KG" gần giống'],
  ])('%j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Cách dùng: parindex');
    expect(looksLikeCrash(r.stderr)).toBe(false);
  });

  test('nothing is written on a usage error', async () => {
    const dir = await tmpDir('usage');
    try {
      const out = path.join(dir, 'kq.xlsx');
      expect((await runCli(['score', M, '--unit', 'NOPE', '--out', out])).code).toBe(2);
      expect((await runCli(['templates', M, '--out', path.join(dir, 't'), '--deadline', '2023-13-45'])).code).toBe(2);
      expect(await listAll(dir)).toEqual([]);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  test('every option a usage line shows is parsed as it shows it (value or not)', async () => {
    const { commands } = await import('../../cli/commands');
    const { optionsOfUsage, VALUE_FLAGS } = await import('../../cli/args');
    for (const c of commands) {
      for (const [name, takesValue] of optionsOfUsage(c.usage)) expect([c.name, name, VALUE_FLAGS.has(name)]).toEqual([c.name, name, takesValue]);
    }
  });
});

describe('write failures name the file and the reason', () => {
  test('templates into a path under a file: located, in Vietnamese, exit 1, no partial set', async () => {
    const dir = await tmpDir('wfail');
    try {
      const file = await master(dir, 'so-tong-hop.xlsx', withWards(ward('KG'), ward('HD')));
      await fsp.writeFile(path.join(dir, 'tep'), 'x');
      const r = await runCli(['templates', file, '--out', path.join(dir, 'tep', 'bieu-mau')]);
      expect(looksLikeCrash(r.stderr)).toBe(false);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Không ghi được tệp ${path.join(dir, 'tep', 'bieu-mau')}: một phần của đường dẫn là tệp, không phải thư mục`);
      expect(r.stderr).toContain('Không biểu mẫu nào được ghi');
      expect(await listAll(dir)).toEqual(['so-tong-hop.xlsx', 'tep']);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  test('read-only folder (EROFS) half-way through a set: the temp files go, no target is written', async () => {
    const dir = await tmpDir('erofs');
    const fs = await import('node:fs');
    const real = fs.promises.writeFile;
    let n = 0;
    const spy = jest.spyOn(fs.promises, 'writeFile').mockImplementation(async (...args: Parameters<typeof real>) => {
      if (++n === 2) throw Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS' });
      return real(...args);
    });
    try {
      const files = ['a.xlsx', 'b.xlsx', 'c.xlsx'].map((f) => ({ path: path.join(dir, f), bytes: new Uint8Array([1, 2, 3]) }));
      let thrown: unknown;
      await writeFilesAtomically(files).catch((e: unknown) => (thrown = e));
      expect(thrown).toBeDefined();
      const i = writeFailedIssue(thrown, dir);
      expect(formatIssue(i, 'vi')).toBe(`Tệp 'b.xlsx': Không ghi được tệp ${path.join(dir, 'b.xlsx')}: ổ đĩa hoặc thư mục chỉ cho đọc`);
      expect(formatIssue(i, 'en')).toBe(`File 'b.xlsx': Cannot write file ${path.join(dir, 'b.xlsx')}: the disk or folder is read-only`);
      expect(await listAll(dir)).toEqual([]);
    } finally {
      spy.mockRestore();
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  test('permission denied: the reason in words', () => {
    const e = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(formatIssue(writeFailedIssue(e, '/srv/kq.xlsx'), 'vi')).toBe("Tệp 'kq.xlsx': Không ghi được tệp /srv/kq.xlsx: không có quyền ghi vào thư mục hoặc tệp này");
  });

  test('demo into a path under a file: which file and why, exit 1', async () => {
    const dir = await tmpDir('demo-fail');
    try {
      await fsp.writeFile(path.join(dir, 'tep'), 'x');
      const r = await runCli(['demo', '--out', path.join(dir, 'tep', 'demo')]);
      expect(looksLikeCrash(r.stderr)).toBe(false);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Không ghi được tệp ${path.join(dir, 'tep', 'demo', 'templates')}: một phần của đường dẫn là tệp, không phải thư mục`);
      expect(await listAll(dir)).toEqual(['tep']);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('stale temp files', () => {
  test('ours older than an hour go at the next write beside them; fresh ones and others stay', async () => {
    const dir = await tmpDir('stale');
    try {
      const old = Date.now() - STALE_TEMP_MS - 60_000;
      const stale = `.tu-danh-gia-KG.xlsx.4242.${old}.tmp`;
      const fresh = `.tu-danh-gia-HD.xlsx.4243.${Date.now()}.tmp`;
      const oldButTouched = `.tu-danh-gia-NC.xlsx.4244.${old}.tmp`;
      const notOurs = '.ghi-chu.tmp';
      for (const f of [stale, fresh, oldButTouched, notOurs]) await fsp.writeFile(path.join(dir, f), 'dở dang');
      const then = new Date(old);
      for (const f of [stale, notOurs]) await fsp.utimes(path.join(dir, f), then, then);
      const file = await master(dir, 'so-tong-hop.xlsx', withWards(ward('KG')));
      expect((await runCli(['templates', file, '--out', dir])).code).toBe(0);
      const left = await listAll(dir);
      expect(left).not.toContain(stale);
      expect(left).toEqual(expect.arrayContaining([fresh, oldButTouched, notOurs, 'tu-danh-gia-KG.xlsx']));
      // nothing to remove: nothing removed
      expect(await removeStaleTempFiles(dir)).toEqual([]);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('messages: nothing hidden, nothing empty, no "Infinity"', () => {
  test('invisible differences in a code are shown', () => {
    const nfd = 'HĐ-Phu\u0301';
    expect(t('scoring.unknownScoredUnit', { unit: 'KG\u200B' }, 'vi')).toBe('Đơn vị "KG<U+200B>" không có trong kết quả chấm điểm');
    expect(formatIssue(issue('scoring.unknownUnit', { unit: nfd }, { unit: nfd }), 'vi')).toContain('HĐ-Phu<U+0301>');
    // composed text is left alone
    expect(t('scoring.unknownScoredUnit', { unit: 'HĐ-Phú' }, 'vi')).toBe('Đơn vị "HĐ-Phú" không có trong kết quả chấm điểm');
  });

  test('huge and infinite numbers have a clear form', () => {
    expect(formatNumber(1e308, 'vi')).toBe('1 × 10³⁰⁸');
    expect(formatNumber(-2.5e20, 'vi')).toBe('-2,5 × 10²⁰');
    expect(formatNumber(1.5e20, 'en')).toBe('1.5 × 10²⁰');
    expect(formatNumber(Infinity, 'vi')).toBe('∞');
    expect(formatNumber(-Infinity, 'en')).toBe('-∞');
    expect(formatPercent(1e308, 'vi')).toBe('1 × 10³⁰⁸%');
    expect(formatNumber(123456789012345, 'vi')).toBe('123.456.789.012.345');
    expect(t('rule.pointsOutOfRange', { value: 1e308, max: 2 }, 'vi')).toBe('Điểm 1 × 10³⁰⁸ nằm ngoài khoảng [0; 2]');
  });

  test('a plan task with a status not in the list names the task and the allowed words', () => {
    const { issues } = planFromDocument(
      { tasks: [{ id: 'II.1-1', title: 'Rà soát thủ tục', lead: 'VP', due: '2023-06-30', status: 'gần xong' }] },
      { units: [{ code: 'VP', name: 'Văn phòng', kind: 'office' }] },
    );
    const bad = issues.find((i) => i.code === 'plan.status.badStatus');
    expect(bad).toBeDefined();
    const text = t('plan.status.badStatus', bad?.params, 'vi');
    expect(text).toMatch(/^Nhiệm vụ II\.1-1: tình trạng "gần xong" không thuộc \S/);
  });
});
