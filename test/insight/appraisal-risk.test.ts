import { appraisalRisks, looksLikeReference, riskByUnit, risksOfImport, scoreDocumentRound, scoreMasterRound, compileFramework, formatIssue, type Issue } from '../../engine';
import { renderMasterInputSheets, type MasterData } from '../../engine/workbook/master';
import type { FilledParse } from '../../engine/workbook/import';
import type { Framework } from '../../engine/model/framework';
import { ExcelJsPort } from '../../files/port';

/**
 * Appraisal risk before submission (issue 15, part 2), hand-made rows.
 * Criteria: 1.1 yes/no (1 point), 1.2 points entered directly (2), 1.3 a rate: full at 100% (3),
 * 1.4 survey (1).
 */
const framework = {
  id: 'r',
  name: 'R',
  total: 7,
  nodes: [
    {
      code: '1',
      name: 'Khu vực',
      children: [
        { code: '1.1', name: 'Ban hành kế hoạch', max: 1, rule: { kind: 'yesNo' } },
        { code: '1.2', name: 'Báo cáo', max: 2, rule: { kind: 'points' } },
        { code: '1.3', name: 'Tỷ lệ hồ sơ đúng hạn', max: 3, rule: { kind: 'proportional' } },
        { code: '1.4', name: 'Hài lòng', max: 1, channel: 'survey', rule: { kind: 'survey' } },
      ],
    },
  ],
} as unknown as Framework;
const compiled = compileFramework(framework).compiled;
if (!compiled) throw new Error('framework');
const units = [
  { code: 'KG', name: 'Phường Kim Giang', kind: 'ward' },
  { code: 'HD', name: 'Phường Hạ Đình', kind: 'ward' },
];
const REF = 'Kế hoạch số 15/KH-UBND ngày 12/01/2023';
const codes = (list: readonly Issue[]): string[] => list.map((i) => `${i.code} ${i.unit} ${i.criterion} ${String(i.params?.['points'])}`);

describe('appraisal risks', () => {
  test('a declared "Không" with the full yes/no self-score is a risk; a clean row is not', () => {
    const risks = appraisalRisks({
      compiled,
      units,
      assessments: [
        { unit: 'KG', criterion: '1.1', value: 'Không', self: 1, evidence: REF },
        { unit: 'HD', criterion: '1.1', value: 'Có', self: 1, evidence: REF },
      ],
    });
    expect(codes(risks)).toEqual(['risk.selfAboveRule KG 1.1 1']);
    expect(risks[0]?.severity).toBe('warning');
    expect(formatIssue(risks[0] ?? { code: 'risk.selfAboveRule', severity: 'warning' }, 'vi')).toContain('Điểm tự chấm 1 cao hơn điểm tính theo số liệu kê khai (0/1): dễ bị trừ 1 điểm khi thẩm định');
  });

  test('each kind of risk, ranked by points at stake', () => {
    const risks = appraisalRisks({
      compiled,
      units,
      assessments: [
        // rate 80% → 3 × 0,8 = 2,4 points; self 3 → 0,6 at stake; evidence fine
        { unit: 'KG', criterion: '1.3', value: '80%', self: 3, evidence: 'Báo cáo số 45/BC-UBND' },
        // full points, no evidence: 2 at stake
        { unit: 'KG', criterion: '1.2', self: 2 },
        // evidence "đã thực hiện" is no reference: 1 at stake
        { unit: 'HD', criterion: '1.1', value: 'Có', self: 1, evidence: 'đã thực hiện đầy đủ' },
        // 1.75 this year, 1 last year, nothing new declared: 0,75 at stake
        { unit: 'HD', criterion: '1.2', self: 1.75, evidence: 'Báo cáo 12/BC-UBND' },
        // appraised already: not a risk any more
        { unit: 'HD', criterion: '1.3', value: '50%', self: 3, appraisal: [1.5] },
        // not applicable, survey criterion, zero self-score: nothing to check
        { unit: 'KG', criterion: '1.1', value: 'Không áp dụng', self: 1 },
        { unit: 'KG', criterion: '1.4', self: 1 },
        { unit: 'HD', criterion: '1.4', self: 0 },
      ],
      previousCriteria: [{ unit: 'HD', criterion: '1.2', points: 1, evidence: 'Báo cáo 12/BC-UBND' }],
    });
    expect(codes(risks)).toEqual([
      'risk.fullNoEvidence KG 1.2 2',
      'risk.evidenceNotReference HD 1.1 1',
      'risk.aboveLastYear HD 1.2 0.75',
      'risk.selfAboveRule KG 1.3 0.6', // 1,6 − 1 in binary is 0.6000000000000001
    ]);
    // per unit, a criterion counted once at its largest risk
    expect(riskByUnit(risks).get('KG')?.points).toBe(2.6);
    expect(riskByUnit(risks).get('HD')).toEqual({ points: 1.75, count: 2 });
  });

  test('something new declared this year is no risk against last year', () => {
    const last = [{ unit: 'KG', criterion: '1.3', points: 1.5, value: '50%', evidence: REF }];
    const base = { unit: 'KG', criterion: '1.3', self: 3, evidence: REF };
    // the same rate as last year (50% → 1,5): the rule and last year both say 1,5
    expect(appraisalRisks({ compiled, units, assessments: [{ ...base, value: '50%' }], previousCriteria: last }).map((i) => i.code)).toEqual(['risk.selfAboveRule', 'risk.aboveLastYear']);
    // a new rate (100%): the self-score is what the rule gives, and something new is declared
    expect(appraisalRisks({ compiled, units, assessments: [{ ...base, value: '100%' }], previousCriteria: last })).toEqual([]);
  });

  test('what looks like a document reference', () => {
    for (const ok of ['15/KH-UBND', 'Quyết định 123/QĐ-UBND', 'Nghị định 45/2023/NĐ-CP', 'Số 12', 'ngày 12/3/2023', 'ngày 5 tháng 6 năm 2023', 'https://thanhxuan.hanoi.gov.vn/van-ban', '2023-03-12'])
      expect([ok, looksLikeReference(ok)]).toEqual([ok, true]);
    for (const bad of ['đã thực hiện', 'có', 'Báo cáo quý', 'x']) expect([bad, looksLikeReference(bad)]).toEqual([bad, false]);
  });
});

describe('risks in a round', () => {
  test('score --json: risk.* issues name unit and criterion', () => {
    const r = scoreDocumentRound(
      { framework, units, assessments: [{ unit: 'KG', criterion: '1.1', value: 'Không', self: 1, evidence: REF }, { unit: 'HD', criterion: '1.1', value: 'Có', self: 1, evidence: REF }] },
      { lang: 'vi' },
    );
    expect(r.ok).toBe(true);
    const risks = (r.results?.issues ?? []).filter((i) => i.code.startsWith('risk.'));
    expect(risks.map((i) => [i.code, i.unit, i.criterion])).toEqual([['risk.selfAboveRule', 'KG', '1.1']]);
  });

  test('a master: on the self-score or evidence cell of "Kê khai", in "Kiểm tra dữ liệu"; last year from "Năm trước - tiêu chí"', async () => {
    const data = {
      framework,
      units,
      assessments: [
        { unit: 'KG', criterion: '1.1', value: 'Không', self: 1, evidence: REF },
        { unit: 'HD', criterion: '1.2', self: 2 },
      ],
    } as MasterData;
    const port = ExcelJsPort.create();
    await port.write([
      ...renderMasterInputSheets(data, { lang: 'vi' }),
      { name: 'Năm trước - tiêu chí', marker: '', values: [['Mã đơn vị', 'Mã tiêu chí', 'Điểm thẩm định năm trước'], ['HD', '1.2', 1]] },
    ]);
    const back = await ExcelJsPort.fromBuffer(await port.toBuffer());
    const snaps = await back.read((await back.listSheets()).map((s) => s.name));
    const r = scoreMasterRound(snaps, { lang: 'vi', file: 'master.xlsx' });
    const risks = r.issues.filter((i) => i.code.startsWith('risk.'));
    expect(risks.map((i) => [i.code, i.unit, i.criterion, i.sheet])).toEqual([
      ['risk.fullNoEvidence', 'HD', '1.2', 'Kê khai'],
      // 1 point at stake each: by unit
      ['risk.aboveLastYear', 'HD', '1.2', 'Kê khai'],
      ['risk.selfAboveRule', 'KG', '1.1', 'Kê khai'],
    ]);
    const sub = snaps.find((s) => s.name === 'Kê khai');
    const keys = sub?.values[2] ?? [];
    const letter = (key: string): string => String.fromCharCode(65 + keys.indexOf(key));
    expect(risks[0]?.cell?.replace(/\d+$/, '')).toBe(letter('evidence'));
    expect(risks[2]?.cell?.replace(/\d+$/, '')).toBe(letter('self'));
    const check = r.sheets.find((s) => s.name === 'Kiểm tra dữ liệu');
    expect(check?.values.some((row) => row.includes('risk.selfAboveRule'))).toBe(true);
  });

  test('at import: located on the filled template cells', () => {
    const parsed: FilledParse = {
      file: 'KG.xlsx',
      unit: 'KG',
      assessments: [{ unit: 'KG', criterion: '1.1', value: 'Không', self: 1, evidence: REF }],
      rows: [{ unit: 'KG', criterion: '1.1', row: 8, cells: { value: 'D8', self: 'H8', evidence: 'F8' }, assessment: { unit: 'KG', criterion: '1.1', value: 'Không', self: 1, evidence: REF } }],
      applicable: 1,
      answered: 1,
      rejectedRows: 0,
      issues: [],
      status: 'ok',
    };
    const risks = risksOfImport([parsed], framework, units, []);
    expect(risks.map((i) => [i.code, i.file, i.sheet, i.cell])).toEqual([['risk.selfAboveRule', 'KG.xlsx', 'Tự đánh giá', 'H8']]);
  });
});
