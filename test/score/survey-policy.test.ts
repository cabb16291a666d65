import { scoreDocument, getBuiltinFramework, builtinFrameworkInfo, formatIssue, t, type Framework, type Issue } from '../../engine';

/**
 * Missing survey results (framework `missingSurvey`): the built-in Hà Nội ward set is on
 * `rescale` — without survey results the appraisal score alone is converted to 100 — and
 * `zero` (the default) scores the survey criteria 0 against the full maximum.
 *
 * hanoi-ward-2940: 100 points, of which survey = 7.1–7.5 (SIPAS aspects II.1–II.5, 4 each) = 20,
 * so appraisal = 80 points over 28 leaves.
 */
const ward = getBuiltinFramework('hanoi-ward-2940');
if (!ward) throw new Error('hanoi-ward-2940 missing');
const compiled = builtinFrameworkInfo('hanoi-ward-2940')?.compiled;
const appraisalLeaves = (compiled?.leaves ?? []).filter((l) => l.channel === 'appraisal');
const surveyLeaves = (compiled?.leaves ?? []).filter((l) => l.channel === 'survey');

const unit = { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' };
/** Every appraisal leaf appraised at its maximum, except the overrides (criterion → points). */
function fullAppraisal(overrides: Record<string, number> = {}): { unit: string; criterion: string; appraisal: number[]; reason?: string }[] {
  return appraisalLeaves.map((l) => {
    const p = overrides[l.code];
    return p === undefined ? { unit: 'KG', criterion: l.code, appraisal: [l.max] } : { unit: 'KG', criterion: l.code, appraisal: [p], reason: 'thiếu tài liệu kiểm chứng' };
  });
}
const onZero: Framework = { ...ward, missingSurvey: 'zero' };
const notes = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.code.startsWith('scoring.survey'));

describe('missing survey results: rescale (Hà Nội ward set) and zero', () => {
  test('the ward set: rescale, 80 appraisal + 20 survey points', () => {
    expect(ward.missingSurvey).toBe('rescale');
    expect(appraisalLeaves.reduce((s, l) => s + l.max, 0)).toBe(80);
    expect(surveyLeaves.map((l) => [l.code, l.max])).toEqual([
      ['7.1', 4],
      ['7.2', 4],
      ['7.3', 4],
      ['7.4', 4],
      ['7.5', 4],
    ]);
  });

  test('full appraisal points and no survey: 100 under rescale, with a located note', () => {
    const r = scoreDocument({ framework: ward, units: [unit], assessments: fullAppraisal() });
    expect(r.ok).toBe(true);
    const kg = r.results.units[0];
    // 80 ÷ 80 × 100
    expect([kg?.score, kg?.max, kg?.index, kg?.grade]).toEqual([80, 80, 100, 'A']);
    // the survey criteria left the maximum: no gap, area 7 is 7.6 alone (4 points)
    expect(kg?.gaps).toEqual([]);
    expect(kg?.areas.find((a) => a.code === '7')).toMatchObject({ score: 4, max: 4, index: 100 });
    const leaf = kg?.tree.find((n) => n.code === '7')?.children?.find((n) => n.code === '7.1');
    expect([leaf?.max, leaf?.declaredMax, leaf?.lost, leaf?.reason]).toEqual([0, 4, 0, t('scoring.reason.noSurveyRescaled', {}, 'vi')]);
    // one note for the unit instead of five per-criterion warnings
    expect(r.issues.filter((i) => i.code === 'rule.surveyMissing')).toEqual([]);
    expect(notes(r.issues)).toEqual([
      {
        code: 'scoring.surveyRescaled',
        severity: 'warning',
        params: { criteria: ['7.1', '7.2', '7.3', '7.4', '7.5'], points: 20, score: 80, max: 80, index: 100 },
        unit: 'KG',
        path: ['framework', 'missingSurvey'],
      },
    ]);
    expect(formatIssue(notes(r.issues)[0] as Issue, 'vi')).toBe(
      'framework.missingSurvey (đơn vị KG): Cảnh báo: Đơn vị chưa có kết quả điều tra xã hội học (7.1, 7.2, 7.3, 7.4, 7.5; 20 điểm): theo bộ tiêu chí (missingSurvey: rescale), điểm thẩm định được quy đổi về thang 100 — chỉ số = 80 ÷ 80 × 100 = 100. Nếu đã có phiếu SIPAS, ghi ở cột "Nguồn chỉ số khảo sát" của "Bộ tiêu chí" chỉ số nào dùng',
    );
  });

  test('the same ward under zero: 80 of 100, the survey criteria count 0', () => {
    const r = scoreDocument({ framework: onZero, units: [unit], assessments: fullAppraisal() });
    const kg = r.results.units[0];
    // 80 ÷ 100 × 100
    expect([kg?.score, kg?.max, kg?.index, kg?.grade]).toEqual([80, 100, 80, 'B']);
    expect(kg?.gaps.map((g) => [g.criterion, g.lost, g.recoverable])).toEqual([
      ['7.1', 4, 0],
      ['7.2', 4, 0],
      ['7.3', 4, 0],
      ['7.4', 4, 0],
      ['7.5', 4, 0],
    ]);
    expect(r.issues.filter((i) => i.code === 'rule.surveyMissing').map((i) => i.criterion)).toEqual(['7.1', '7.2', '7.3', '7.4', '7.5']);
    expect(notes(r.issues).map((i) => [i.code, i.severity, i.unit, i.params])).toEqual([['scoring.surveyZero', 'info', 'KG', { criteria: ['7.1', '7.2', '7.3', '7.4', '7.5'], points: 20 }]]);
  });

  test('points lost on appraisal: rescale divides by the appraisal maximum, zero by 100', () => {
    // 2.1 (3 points) appraised at 1,5: appraisal score 78,5
    const assessments = fullAppraisal({ '2.1': 1.5 });
    const rescaled = scoreDocument({ framework: ward, units: [unit], assessments }).results.units[0];
    // 78,5 ÷ 80 × 100 = 98,125
    expect(rescaled?.index).toBeCloseTo(98.125, 12);
    const zero = scoreDocument({ framework: onZero, units: [unit], assessments }).results.units[0];
    // 78,5 ÷ 100 × 100 = 78,5
    expect(zero?.index).toBeCloseTo(78.5, 12);
  });

  test('rescale needs no survey result at all: with one aspect surveyed, the others count 0 and a note says why', () => {
    // II.1 at 75%: 7.1 = 4 × 0,75 = 3; 7.2–7.5 count 0 → 80 + 3 = 83 of 100
    const r = scoreDocument({ framework: ward, units: [unit], assessments: fullAppraisal(), surveyIndices: { KG: { 'II.1': 75 } } });
    const kg = r.results.units[0];
    expect([kg?.score, kg?.max]).toEqual([83, 100]);
    expect(kg?.index).toBeCloseTo(83, 12);
    expect(notes(r.issues).map((i) => [i.code, i.severity, i.unit, i.params])).toEqual([['scoring.surveyPartial', 'warning', 'KG', { criteria: ['7.2', '7.3', '7.4', '7.5'], points: 16 }]]);
  });

  test('with every survey result present no policy applies and no note is given', () => {
    const surveyIndices = { KG: { 'II.1': 100, 'II.2': 100, 'II.3': 100, 'II.4': 100, 'II.5': 50 } };
    const r = scoreDocument({ framework: ward, units: [unit], assessments: fullAppraisal(), surveyIndices });
    const kg = r.results.units[0];
    // 80 + 4 × 4 + 4 × 0,5 = 98 of 100
    expect([kg?.score, kg?.max, kg?.index]).toEqual([98, 100, 98]);
    expect(notes(r.issues)).toEqual([]);
  });

  test('survey criteria declared not applicable are not "missing": no rescale, no note', () => {
    const na = surveyLeaves.map((l) => ({ unit: 'KG', criterion: l.code, value: 'Không áp dụng' }));
    const r = scoreDocument({ framework: ward, units: [unit], assessments: [...fullAppraisal(), ...na] });
    const kg = r.results.units[0];
    // N/A (exclude) already leaves them out: 80 ÷ 80
    expect([kg?.score, kg?.max, kg?.index]).toEqual([80, 80, 100]);
    expect(notes(r.issues)).toEqual([]);
  });

  test('the note is in English with --lang en', () => {
    const r = scoreDocument({ framework: ward, units: [unit], assessments: fullAppraisal() }, { lang: 'en' });
    expect(r.results.issues.find((i) => i.code === 'scoring.surveyRescaled')?.message).toBe(
      'The unit has no sociological-survey result (7.1, 7.2, 7.3, 7.4, 7.5; 20 points): the framework (missingSurvey: rescale) converts the appraisal score to 100 — index = 80 ÷ 80 × 100 = 100. If SIPAS forms exist, name the index in the "Survey source" column of the criteria sheet',
    );
  });
});
