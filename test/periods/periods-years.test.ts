/**
 * Several years in one view (issue 16): previous results of more than one year, the latest going
 * to year-over-year change and every one to `results.years` and the sheet "Qua các năm"; a merged
 * unit's past-year index is the share-weighted mean of its sources (hand-computed); the same unit
 * and year twice is refused, located. The criteria crosswalk maps last year's criterion codes
 * before the appraisal-risk check; crosswalk issues read from the sheet carry sheet and cell.
 */
import { renderMasterInputSheets, type MasterData } from '../../engine/workbook/master';
import { risksOfImport, scoreDocumentRound, scoreMasterRound } from '../../engine/app';
import type { FilledParse } from '../../engine/workbook/import';
import { renderCrosswalkSheet, splitPreviousByYear } from '../../engine/periods';
import { renderOutputSheets, yearsTextLines } from '../../engine/workbook/output';
import type { Framework } from '../../engine/model/framework';
import type { Unit } from '../../engine/model/unit';
import type { RenderedSheet, SheetSnapshot } from '../../engine/workbook/port';
import { t } from '../../engine/i18n';
import { ExcelJsPort } from '../../files/port';
import { main } from '../../cli/main';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const framework = {
  id: 'test-2023',
  name: 'Bộ tiêu chí thử',
  year: 2023,
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
  { code: 'TX', name: 'UBND phường Thanh Xuân', kind: 'ward' },
  { code: 'KL', name: 'UBND phường Khương Đình', kind: 'ward' },
] as Unit[];

// This year (2023): TX = 1 (Có) + 1.5 (appraised) of 3 → 83.333…, rank 1; KL = 0 + 1 of 3 → 33.333…, rank 2.
const assessments = [
  { unit: 'TX', criterion: '1.1', value: 'Có', self: 1 },
  { unit: 'TX', criterion: '1.2', self: 2, appraisal: [1.5] },
  { unit: 'KL', criterion: '1.1', value: 'Không', self: 0 },
  { unit: 'KL', criterion: '1.2', self: 1 },
];

async function master(d: MasterData, more: RenderedSheet[] = []): Promise<SheetSnapshot[]> {
  const port = ExcelJsPort.create();
  await port.write([...renderMasterInputSheets(d, { lang: 'vi' }), ...more]);
  const back = await ExcelJsPort.fromBuffer(await port.toBuffer());
  return back.read((await back.listSheets()).map((s) => s.name));
}

describe('several years in one view', () => {
  const previous = [
    { unit: 'TX', index: 70, rank: 2, year: 2021 },
    { unit: 'TX', index: 80, rank: 1, year: 2022 },
    { unit: 'KL', index: 75, rank: 2, year: 2022 },
  ];

  test('JSON: a unit with 2021 and 2022 → years [2021, 2022, 2023]; change against 2022', () => {
    const r = scoreDocumentRound({ framework, units, assessments, previous }, { lang: 'vi' });
    expect(r.ok).toBe(true);
    const years = r.results?.years;
    expect(years?.years).toEqual([2021, 2022, 2023]);
    const tx = years?.units.find((u) => u.unit === 'TX');
    expect(tx?.name).toBe('UBND phường Thanh Xuân');
    expect(tx?.byYear['2021']).toEqual({ index: 70, rank: 2 });
    expect(tx?.byYear['2022']).toEqual({ index: 80, rank: 1 });
    expect(tx?.byYear['2023']?.index).toBeCloseTo(250 / 3, 10);
    expect(tx?.byYear['2023']?.rank).toBe(1);
    const kl = years?.units.find((u) => u.unit === 'KL');
    expect(kl?.byYear['2021']).toBeUndefined();
    expect(kl?.byYear['2022']).toEqual({ index: 75, rank: 2 });
    // year-over-year change uses the latest past year (2022): 83.333… − 80
    const txU = r.results?.units.find((u) => u.code === 'TX');
    expect(txU?.previous?.index).toBe(80);
    expect(txU?.previous?.indexChange).toBeCloseTo(250 / 3 - 80, 10);
    expect(txU?.previous?.rankChange).toBe(0);
  });

  test('an entry without a year is the year before the criteria set\'s; with no year anywhere there is no view', () => {
    const s = splitPreviousByYear([{ unit: 'TX', index: 70, year: 2021 }, { unit: 'TX', index: 80 }], 2023);
    expect(s.latestYear).toBe(2022);
    expect(s.latest).toEqual([{ unit: 'TX', index: 80 }]);
    const r = scoreDocumentRound({ framework: { ...framework, year: undefined }, units, assessments, previous: [{ unit: 'TX', index: 80 }] }, { lang: 'vi' });
    expect(r.results?.years).toBeUndefined();
    expect(r.results?.units.find((u) => u.code === 'TX')?.previous?.index).toBe(80);
  });

  test('a merged unit\'s past-year index is the share-weighted mean of its sources, each year', () => {
    // TX = all of A + half of B. 2021: (60×1 + 90×0.5) ÷ 1.5 = 105 ÷ 1.5 = 70; 2022: (80 + 100×0.5) ÷ 1.5 = 130 ÷ 1.5 = 86.666…
    const prev = [
      { unit: 'A', index: 60, rank: 2, year: 2021 },
      { unit: 'B', index: 90, rank: 1, year: 2021 },
      { unit: 'A', index: 80, rank: 2, year: 2022 },
      { unit: 'B', index: 100, rank: 1, year: 2022 },
      { unit: 'C', index: 50, rank: 3, year: 2022 },
    ];
    const crosswalk = [
      { from: 'A', to: 'TX', share: 1 },
      { from: 'B', to: 'TX', share: 0.5 },
      { from: 'C', to: 'KL', share: 1 },
    ];
    const r = scoreDocumentRound({ framework, units, assessments, previous: prev, crosswalk }, { lang: 'vi' });
    const tx = r.results?.years?.units.find((u) => u.unit === 'TX');
    expect(r.results?.years?.years).toEqual([2021, 2022, 2023]);
    expect(tx?.byYear['2021']?.index).toBeCloseTo(70, 10);
    expect(tx?.byYear['2021']?.rank).toBeUndefined();
    expect(tx?.byYear['2022']?.index).toBeCloseTo(130 / 1.5, 10);
    const kl = r.results?.years?.units.find((u) => u.unit === 'KL');
    expect(kl?.byYear['2022']).toEqual({ index: 50, rank: 3 });
    expect(kl?.byYear['2021']).toBeUndefined();
    const txU = r.results?.units.find((u) => u.code === 'TX');
    expect(txU?.previous?.index).toBeCloseTo(130 / 1.5, 10);
    expect(txU?.previous?.from).toEqual(['A', 'B']);
  });

  test('JSON: an unknown unit in the latest year is warned at its own entry, once', () => {
    // entries: 0 TX 2021, 1 ZZ 2022, 2 TX 2022 → only 2022 goes to year-over-year change; ZZ is entry 1
    const prev = [{ unit: 'TX', index: 70, year: 2021 }, { unit: 'ZZ', index: 60, year: 2022 }, { unit: 'TX', index: 75, year: 2022 }];
    const r = scoreDocumentRound({ framework, units, assessments, previous: prev }, { lang: 'vi' });
    const unknown = r.issues.filter((i) => i.code === 'scoring.unknownUnit');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ severity: 'warning', unit: 'ZZ', path: ['previous', 1] });
    expect(r.results?.units.find((u) => u.code === 'TX')?.previous?.index).toBe(75);
  });

  test('JSON: the same unit and year twice is refused, at its path', () => {
    const r = scoreDocumentRound({ framework, units, assessments, previous: [...previous, { unit: 'TX', index: 81, year: 2022 }] }, { lang: 'vi' });
    expect(r.ok).toBe(false);
    const dup = r.issues.find((i) => i.code === 'periods.duplicatePrevious');
    expect(dup).toMatchObject({ severity: 'error', unit: 'TX', path: ['previous', 3] });
    expect(t(dup?.code ?? 'periods.duplicatePrevious', dup?.params, 'vi')).toBe('Kết quả năm 2022 của đơn vị TX được khai hai lần (lần đầu ở previous.1); mỗi đơn vị chỉ một dòng cho mỗi năm');
    // a blank year is the year before (2022): the same as an explicit 2022
    const r2 = scoreDocumentRound({ framework, units, assessments, previous: [{ unit: 'TX', index: 80, year: 2022 }, { unit: 'TX', index: 81 }] }, { lang: 'vi' });
    expect(r2.issues.find((i) => i.code === 'periods.duplicatePrevious')).toMatchObject({ path: ['previous', 1] });
  });

  test('master: "Năm trước" with a "Năm" column gives the same view, the sheet "Qua các năm" and text lines', async () => {
    const snaps = await master({ framework, units, assessments, previous } as MasterData);
    const head = snaps.find((s) => s.name === 'Năm trước')?.values.find((row) => row?.includes('Mã đơn vị'));
    expect(head).toContain('Năm');
    const r = scoreMasterRound(snaps, { lang: 'vi', file: 'master.xlsx' });
    expect(r.ok).toBe(true);
    expect(r.results?.years?.years).toEqual([2021, 2022, 2023]);
    expect(r.results?.years?.units.find((u) => u.unit === 'TX')?.byYear['2021']).toEqual({ index: 70, rank: 2 });
    const sheet = r.sheets.find((s) => s.name === 'Qua các năm');
    expect(sheet).toBeDefined();
    const rows = sheet?.values ?? [];
    expect(rows[3]).toEqual(['Mã', 'Đơn vị', 'Loại', 'Chỉ số 2021 (%)', 'Hạng 2021', 'Chỉ số 2022 (%)', 'Hạng 2022', 'Chỉ số 2023 (%)', 'Hạng 2023', 'Tăng/giảm chỉ số 2021–2023', 'Từ năm']);
    const tx = rows.find((row) => row?.[0] === 'TX') ?? [];
    expect(tx.slice(0, 7)).toEqual(['TX', 'UBND phường Thanh Xuân', 'Phường', 70, 2, 80, 1]);
    expect(tx[7]).toBeCloseTo(250 / 3, 10);
    expect(tx[8]).toBe(1);
    expect(tx[9]).toBeCloseTo(250 / 3 - 70, 10);
    expect(tx[10]).toBe('2021');
    const kl = rows.find((row) => row?.[0] === 'KL') ?? [];
    // KL starts in 2022: change 33.333… − 75
    expect(kl[3]).toBeNull();
    expect(kl[9]).toBeCloseTo(100 / 3 - 75, 10);
    expect(kl[10]).toBe('2022');
    // the same renderer for every host
    const again = renderOutputSheets(r.results!, { lang: 'vi' }).find((s) => s.name === 'Qua các năm');
    expect(again?.values).toEqual(sheet?.values);
    expect(yearsTextLines(r.results!, 'vi')).toEqual(['Qua các năm (2021–2023)', '  TX    2021: 70% (hạng 2)  2022: 80% (hạng 1)  2023: 83,33% (hạng 1)  (+13,33)', '  KL    2021: —  2022: 75% (hạng 2)  2023: 33,33% (hạng 2)  (-41,67)']);
    expect(yearsTextLines(r.results!, 'en')[0]).toBe('Over the years (2021–2023)');
  });

  test('CLI: `score --json` carries `years`; the table ends with the years lines', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parindex-years-'));
    const file = path.join(dir, 'doc.json');
    fs.writeFileSync(file, JSON.stringify({ framework, units, assessments, previous }));
    let out = '';
    const io = { stdout: (s: string) => void (out += s), stderr: () => undefined, isTTY: false };
    expect(await main(['score', file, '--json'], io)).toBe(0);
    const doc = JSON.parse(out) as { years?: { years: number[]; units: { unit: string; byYear: Record<string, { index: number }> }[] } };
    expect(doc.years?.years).toEqual([2021, 2022, 2023]);
    expect(doc.years?.units.find((u) => u.unit === 'TX')?.byYear['2021']?.index).toBe(70);
    out = '';
    expect(await main(['score', file], io)).toBe(0);
    expect(out).toContain('Qua các năm (2021–2023)\n  TX    2021: 70% (hạng 2)  2022: 80% (hạng 1)  2023: 83,33% (hạng 1)  (+13,33)');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('master: the same unit and year twice is refused on the second row\'s cell', async () => {
    const snaps = await master({ framework, units, assessments, previous: [...previous, { unit: 'TX', index: 81, year: 2022 }] } as MasterData);
    const sheet = snaps.find((s) => s.name === 'Năm trước');
    const rowsTx2022 = (sheet?.values ?? []).map((row, i) => ({ row, i })).filter(({ row }) => row?.[0] === 'TX' && row.includes(2022));
    expect(rowsTx2022).toHaveLength(2);
    const r = scoreMasterRound(snaps, { lang: 'vi', file: 'master.xlsx' });
    expect(r.ok).toBe(false);
    const dup = r.issues.find((i) => i.code === 'periods.duplicatePrevious');
    expect(dup).toMatchObject({ severity: 'error', file: 'master.xlsx', sheet: 'Năm trước', cell: `A${(rowsTx2022[1]?.i ?? 0) + 1}`, unit: 'TX' });
    expect(t(dup?.code ?? 'periods.duplicatePrevious', dup?.params, 'en')).toBe(`The 2022 result of unit TX is given twice (first at A${(rowsTx2022[0]?.i ?? 0) + 1}); one row per unit and year`);
  });
});

describe('criteria crosswalk before the appraisal-risk check', () => {
  // This year 1.2.3 is a new criterion and last year's 1.2.3 is now 1.3.1.
  const fw = {
    id: 'test-2023b',
    name: 'Bộ tiêu chí thử',
    year: 2023,
    total: 6,
    nodes: [
      {
        code: '1',
        name: 'Chỉ đạo, điều hành',
        children: [
          { code: '1.2', name: 'Kiểm tra', children: [{ code: '1.2.3', name: 'Kiểm tra mới', max: 3, rule: { kind: 'points' } }] },
          { code: '1.3', name: 'Báo cáo', children: [{ code: '1.3.1', name: 'Báo cáo (trước là 1.2.3)', max: 3, rule: { kind: 'points' } }] },
        ],
      },
    ],
  } as unknown as Framework;
  const us = [{ code: 'TX', name: 'UBND phường Thanh Xuân', kind: 'ward' }] as Unit[];
  const asm = [
    // 2 of 3 on the new 1.2.3: last year's 1.2.3 (1) is not this criterion — no warning
    { unit: 'TX', criterion: '1.2.3', self: 2, evidence: 'Số 15/BC-UBND' },
    // 2,5 of 3 on 1.3.1, above last year's 1.2.3 (1) with nothing new declared
    { unit: 'TX', criterion: '1.3.1', self: 2.5, evidence: 'Số 15/BC-UBND' },
  ];
  const previousCriteria = [
    { unit: 'TX', criterion: '1.2.3', points: 1, evidence: 'Số 15/BC-UBND' },
    { unit: 'TX', criterion: '4.4', points: 1 },
  ];

  test('JSON: 1.2.3 → 1.3.1 compares 1.3.1 with last year\'s 1.2.3; an unmapped code warns at its path', () => {
    const without = scoreDocumentRound({ framework: fw, units: us, assessments: asm, previousCriteria }, { lang: 'vi' });
    // without the crosswalk last year's 1.2.3 (1) is compared with this year's 1.2.3 (2): the wrong criterion
    expect(without.issues.filter((i) => i.code === 'risk.aboveLastYear').map((i) => i.criterion)).toEqual(['1.2.3']);
    const r = scoreDocumentRound({ framework: fw, units: us, assessments: asm, previousCriteria, criteriaCrosswalk: [{ from: '1.2.3', to: '1.3.1' }] }, { lang: 'vi' });
    const risks = r.issues.filter((i) => i.code === 'risk.aboveLastYear');
    expect(risks.map((i) => [i.criterion, i.params?.['last'], i.params?.['self']])).toEqual([['1.3.1', 1, 2.5]]);
    expect(r.issues.find((i) => i.code === 'crosswalk.criterionUnmapped')).toMatchObject({ severity: 'warning', criterion: '4.4', unit: 'TX', path: ['previousCriteria', 1, 'criterion'] });
  });

  test('master: rows of kind "tiêu chí" in "Chuyển đổi đơn vị" map "Năm trước - tiêu chí"; warnings on their cells', async () => {
    const cw = renderCrosswalkSheet({ units: [], criteria: [{ from: '1.2.3', to: '1.3.1' }, { from: '2.1', to: '9.9' }] }, 'vi');
    const prevCrit: RenderedSheet = {
      name: 'Năm trước - tiêu chí',
      marker: '',
      values: [['Mã đơn vị', 'Mã tiêu chí', 'Điểm thẩm định năm trước', 'Tài liệu kiểm chứng năm trước'], ['TX', '1.2.3', 1, 'Số 15/BC-UBND'], ['TX', '4.4', 1, null]],
    };
    const snaps = await master({ framework: fw, units: us, assessments: asm } as MasterData, [cw, prevCrit]);
    const r = scoreMasterRound(snaps, { lang: 'vi', file: 'master.xlsx' });
    expect(r.issues.filter((i) => i.code === 'risk.aboveLastYear').map((i) => [i.criterion, i.sheet])).toEqual([['1.3.1', 'Kê khai']]);
    expect(r.issues.find((i) => i.code === 'crosswalk.criterionUnmapped')).toMatchObject({ file: 'master.xlsx', sheet: 'Năm trước - tiêu chí', cell: 'B3', criterion: '4.4' });
    // the crosswalk row naming a code this year's set lacks: on its "Mã mới" cell
    const cwSnap = snaps.find((s) => s.name === 'Chuyển đổi đơn vị');
    const rowOf = (cwSnap?.values ?? []).findIndex((row) => row?.[0] === '2.1');
    expect(r.issues.find((i) => i.code === 'crosswalk.criterionUnknownTarget')).toMatchObject({ severity: 'warning', file: 'master.xlsx', sheet: 'Chuyển đổi đơn vị', cell: `B${rowOf + 1}` });
  });
});

describe('criteria crosswalk at import', () => {
  test('the filled template\'s 1.3.1 is compared with last year\'s 1.2.3, on its self-score cell', async () => {
    const fw = {
      id: 'test-2023c',
      name: 'Bộ tiêu chí thử',
      year: 2023,
      total: 6,
      nodes: [
        {
          code: '1',
          name: 'Chỉ đạo, điều hành',
          children: [
            { code: '1.2', name: 'Kiểm tra', children: [{ code: '1.2.3', name: 'Kiểm tra mới', max: 3, rule: { kind: 'points' } }] },
            { code: '1.3', name: 'Báo cáo', children: [{ code: '1.3.1', name: 'Báo cáo (trước là 1.2.3)', max: 3, rule: { kind: 'points' } }] },
          ],
        },
      ],
    } as unknown as Framework;
    const us = [{ code: 'TX', name: 'UBND phường Thanh Xuân', kind: 'ward' }] as Unit[];
    const cw = renderCrosswalkSheet({ units: [], criteria: [{ from: '1.2.3', to: '1.3.1' }] }, 'vi');
    const prevCrit: RenderedSheet = {
      name: 'Năm trước - tiêu chí',
      marker: '',
      values: [['Mã đơn vị', 'Mã tiêu chí', 'Điểm thẩm định năm trước', 'Tài liệu kiểm chứng năm trước'], ['TX', '1.2.3', 1, 'Số 15/BC-UBND']],
    };
    const snaps = await master({ framework: fw, units: us, assessments: [] } as MasterData, [cw, prevCrit]);
    const a131 = { unit: 'TX', criterion: '1.3.1', self: 2.5, evidence: 'Số 15/BC-UBND' };
    const a123 = { unit: 'TX', criterion: '1.2.3', self: 2, evidence: 'Số 15/BC-UBND' };
    const parsed: FilledParse = {
      file: 'TX.xlsx',
      unit: 'TX',
      assessments: [a123, a131],
      rows: [
        { unit: 'TX', criterion: '1.2.3', row: 7, cells: { self: 'H7', evidence: 'F7' }, assessment: a123 },
        { unit: 'TX', criterion: '1.3.1', row: 9, cells: { self: 'H9', evidence: 'F9' }, assessment: a131 },
      ],
      applicable: 2,
      answered: 2,
      rejectedRows: 0,
      issues: [],
      status: 'ok',
    };
    const risks = risksOfImport([parsed], fw, us, snaps).filter((i) => i.code === 'risk.aboveLastYear');
    expect(risks.map((i) => [i.criterion, i.file, i.cell, i.params?.['last']])).toEqual([['1.3.1', 'TX.xlsx', 'H9', 1]]);
  });
});

describe('crosswalk warnings read from the sheet carry sheet and cell', () => {
  test('unknown new unit, old unit without a result, partial mean, shares over 1', async () => {
    const cw = renderCrosswalkSheet(
      {
        units: [
          { from: 'A', to: 'TX', share: 0.6 },
          { from: 'A', to: 'KL', share: 0.6 },
          { from: 'Z', to: 'KL', share: 1 },
          { from: 'B', to: 'QQ', share: 1 },
        ],
        criteria: [],
      },
      'vi',
    );
    const snaps = await master({ framework, units, assessments, previous: [{ unit: 'A', index: 80 }] } as MasterData, [cw]);
    const r = scoreMasterRound(snaps, { lang: 'vi', file: 'master.xlsx' });
    const rows = snaps.find((s) => s.name === 'Chuyển đổi đơn vị')?.values ?? [];
    const row = (from: string, to: string): number => rows.findIndex((x) => x?.[0] === from && x[1] === to) + 1;
    const at = (code: string): unknown => {
      const i = r.issues.find((x) => x.code === code);
      return i && { sheet: i.sheet, cell: i.cell, file: i.file };
    };
    expect(at('crosswalk.unknownTarget')).toEqual({ sheet: 'Chuyển đổi đơn vị', cell: `B${row('B', 'QQ')}`, file: 'master.xlsx' });
    expect(at('crosswalk.noPrevious')).toEqual({ sheet: 'Chuyển đổi đơn vị', cell: `A${row('Z', 'KL')}`, file: 'master.xlsx' });
    expect(at('crosswalk.partial')).toEqual({ sheet: 'Chuyển đổi đơn vị', cell: `B${row('A', 'KL')}`, file: 'master.xlsx' });
    // A's shares add up to 1.2: on the share that takes it over 1
    expect(at('crosswalk.sharesOver')).toEqual({ sheet: 'Chuyển đổi đơn vị', cell: `C${row('A', 'KL')}`, file: 'master.xlsx' });
  });

  test('JSON: the same warnings carry their path', () => {
    const r = scoreDocumentRound(
      { framework, units, assessments, previous: [{ unit: 'A', index: 80 }], crosswalk: [{ from: 'Z', to: 'KL', share: 1 }, { from: 'B', to: 'QQ', share: 1 }] },
      { lang: 'vi' },
    );
    expect(r.issues.find((i) => i.code === 'crosswalk.unknownTarget')).toMatchObject({ path: ['crosswalk', 1, 'to'] });
    expect(r.issues.find((i) => i.code === 'crosswalk.noPrevious')).toMatchObject({ path: ['crosswalk', 0, 'from'] });
  });
});
