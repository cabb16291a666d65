import { scoreDocument, scoreSipas } from '../../engine';
import { execFileSync } from 'node:child_process';
import { renderOutputSheets, renderSipasSheet, contextOf } from '../../engine/workbook/output';
import { chartXml } from '../../engine/workbook/charts';
import { sipasSheetWithInterval } from './sipas-interval.fixture';

/**
 * The analyses in the results workbook: "Xếp hạng" gains the rank range, the index interval and
 * the probability of being ahead of the next unit (columns N–Q, after the target column the
 * chart reads); the SIPAS sheet gains the quality guard's counts and both indices. Same data as
 * rank-range.test.ts and survey-quality.test.ts.
 */
const framework = {
  id: 't',
  name: 'T',
  nodes: [{ code: '1', name: 'Khu vực', children: [{ code: '1.1', name: 'Có văn bản', max: 50, rule: { kind: 'yesNo' } }, { code: '1.2', name: 'Hài lòng', max: 50, channel: 'survey', rule: { kind: 'survey' } }] }],
};
const doc = {
  framework,
  units: ['A', 'B', 'C'].map((code) => ({ code, name: `Phường ${code}`, kind: 'ward' })),
  assessments: [
    { unit: 'A', criterion: '1.1', value: 'Có' },
    { unit: 'B', criterion: '1.1', value: 'Có' },
    { unit: 'C', criterion: '1.1', value: 'Không' },
  ],
  surveyIndices: { A: { '1.2': 80 }, B: { '1.2': 76 }, C: { '1.2': 60 } },
  surveyIntervals: { A: { '1.2': [70, 88] }, B: { '1.2': [66, 85] }, C: { '1.2': [55, 65] } },
};

describe('results workbook', () => {
  test('"Xếp hạng": rank range, lowest and highest index, probability ahead of the next unit', () => {
    const { results } = scoreDocument(doc);
    const s = renderOutputSheets(results, { lang: 'vi' }).find((x) => x.name === 'Xếp hạng');
    const header = s?.values.find((r) => r[0] === 'Xếp hạng');
    expect(header?.slice(12, 17)).toEqual(['Mục tiêu (%)', 'Khoảng hạng (95%)', 'Chỉ số thấp nhất (%)', 'Chỉ số cao nhất (%)', 'Xác suất xếp trên đơn vị kế tiếp']);
    const row = (code: string): unknown[] => s?.values.find((r) => r[1] === code) ?? [];
    expect(row('A').slice(0, 2)).toEqual([1, 'A']);
    expect(row('A')[13]).toBe('1–2');
    expect(row('A')[14]).toBeCloseTo(85, 9);
    expect(row('A')[15]).toBeCloseTo(94, 9);
    expect(row('A')[16]).toBeCloseTo(0.7254, 4);
    // C: a single rank, its own interval, last of its kind (no next unit)
    expect(row('C')[13]).toBe('3');
    expect(row('C')[17]).toBeCloseTo(2.5, 9);
    expect(row('C')[14]).toBeCloseTo(27.5, 9);
    expect(row('C')[15]).toBeCloseTo(32.5, 9);
    expect(row('C')[16]).toBeNull();
    // distances below and above the index (R, S): A 90 − 85 = 5 below, 94 − 90 = 4 above
    expect(header?.slice(17)).toEqual(['Sai số dưới (điểm chỉ số)', 'Sai số trên (điểm chỉ số)']);
    expect(row('A')[17]).toBeCloseTo(5, 9);
    expect(row('A')[18]).toBeCloseTo(4, 9);
    // the chart still reads names and indices (C:D) and the target column M; the interval as error bars from R and S
    const chart = s?.charts?.[0];
    expect(chart?.dataRange).toMatch(/^C\d+:D\d+$/);
    // the bounds (Cận dưới O, Cận trên P) for a host that draws the interval as two lines (the Excel add-in)
    expect(chart?.errorBars).toEqual({ minus: expect.stringMatching(/^R\d+:R\d+$/) as string, plus: expect.stringMatching(/^S\d+:S\d+$/) as string, low: expect.stringMatching(/^O\d+:O\d+$/) as string, high: expect.stringMatching(/^P\d+:P\d+$/) as string });
    const xml = chart && s ? (chartXml(chart, s.name, s.values) ?? '') : '';
    expect(xml).toMatch(/<c:errBars><c:errDir val="y"\/><c:errBarType val="both"\/><c:errValType val="cust"\/>.*<c:plus><c:numRef><c:f>'Xếp hạng'!\$S\$\d+:\$S\$\d+<\/c:f>.*<c:minus><c:numRef><c:f>'Xếp hạng'!\$R\$\d+:\$R\$\d+<\/c:f>/s);
    // before the categories, as the schema orders a bar series; well-formed XML
    expect(xml.indexOf('<c:errBars>')).toBeLessThan(xml.indexOf('<c:cat>'));
    execFileSync('/usr/bin/python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())'], { input: xml });
    expect(s?.values.some((r) => typeof r[0] === 'string' && r[0].startsWith('Khoảng hạng: các thứ hạng'))).toBe(true);
  });

  test('no sampling error: the ranking sheet keeps its 13 columns', () => {
    const { results } = scoreDocument({ ...doc, surveyIntervals: undefined });
    const s = renderOutputSheets(results, { lang: 'vi' }).find((x) => x.name === 'Xếp hạng');
    expect(Math.max(...(s?.values ?? []).map((r) => r.length))).toBe(13);
  });

  test('SIPAS sheet: flagged, set aside, overall with and without', () => {
    const row = (unit: string, a: number[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({ unit, answers: { q1: a[0], q2: a[1], q3: a[2] }, ...extra });
    const { result } = scoreSipas({
      instrument: { id: 'q', name: 'Q', groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'A', items: ['q1', 'q2', 'q3'] }] }] },
      responses: [
        ...['09:00', '09:02', '09:03', '09:05'].map((hm) => row('KG', [5, 5, 5], { device: 'kiosk-1', at: `2023-10-05T${hm}` })),
        row('KG', [4, 3, 5]),
        row('KG', [2, 4, 4]),
        row('KG', [5, 4, 3]),
        row('HD', [5, 5, 4]),
      ],
    });
    const { results } = scoreDocument(doc);
    const s = renderSipasSheet(result, contextOf(results, 'vi'));
    const header = s.values.find((r) => r[0] === 'Xếp hạng') ?? [];
    const at = header.indexOf('Phiếu bị đánh dấu');
    // the interval's amounts come last, after the guard's columns
    expect(header.slice(at)).toEqual(['Phiếu bị đánh dấu', 'Phiếu gác lại', 'Chỉ số chung tính cả phiếu bị đánh dấu (%)', 'Chỉ số chung không tính phiếu bị đánh dấu (%)', 'Sai số dưới (điểm chỉ số)', 'Sai số trên (điểm chỉ số)']);
    const kg = s.values.find((r) => r[2] === 'KG') ?? [];
    expect(kg.slice(at, at + 2)).toEqual([4, 4]);
    expect(kg[at + 2]).toBeCloseTo(600 / 7, 9);
    expect(kg[at + 3]).toBeCloseTo(200 / 3, 9);
  });
});

describe('SIPAS sheet: the overall chart carries the 95% interval', () => {
  test('amounts below/above at the end of the units table; error bars on the chart and in the DrawingML', () => {
    const s = sipasSheetWithInterval();
    const hr = s.values.findIndex((r) => r[0] === 'Xếp hạng');
    const header = s.values[hr] ?? [];
    // 10 fixed columns, one group, one aspect (A–L), then the amounts in M and N
    expect(header.slice(4, 7)).toEqual(['Chỉ số chung (%)', 'Cận dưới', 'Cận trên']);
    expect(header.slice(12)).toEqual(['Sai số dưới (điểm chỉ số)', 'Sai số trên (điểm chỉ số)']);
    const ia = s.values.findIndex((r) => r[2] === 'A');
    const ib = s.values.findIndex((r) => r[2] === 'B');
    // A: 80 − 70 = 10, 88 − 80 = 8; B: 60 − 50 = 10, 66 − 60 = 6
    expect(s.values[ia]?.slice(4, 7)).toEqual([80, 70, 88]);
    expect(s.values[ia]?.slice(12)).toEqual([10, 8]);
    expect(s.values[ib]?.slice(12)).toEqual([10, 6]);
    // the units rows are consecutive after the header (1-based rows hr+2 .. hr+3)
    const first = hr + 2;
    const last = hr + 3;
    expect([ia, ib].sort()).toEqual([hr + 1, hr + 2]);
    const chart = s.charts?.find((c) => c.title === 'Chỉ số hài lòng chung');
    expect(chart?.dataRange).toBe(`D${hr + 1}:E${last}`);
    expect(chart?.errorBars).toEqual({ minus: `M${first}:M${last}`, plus: `N${first}:N${last}`, low: `F${first}:F${last}`, high: `G${first}:G${last}` });
    expect(s.styles?.some((st) => st.range === `M${first}:N${last}` && st.style.numFmt === '0.00')).toBe(true);
    const xml = chart ? (chartXml(chart, s.name, s.values) ?? '') : '';
    expect(xml).toContain('<c:errBars><c:errDir val="y"/><c:errBarType val="both"/><c:errValType val="cust"/>');
    expect(xml).toContain(`<c:plus><c:numRef><c:f>'SIPAS'!$N$${first}:$N$${last}</c:f>`);
    expect(xml).toContain(`<c:minus><c:numRef><c:f>'SIPAS'!$M$${first}:$M$${last}</c:f>`);
    execFileSync('/usr/bin/python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())'], { input: xml });
  });

  test('no unit with an interval: no amount columns, no error bars', () => {
    const s = sipasSheetWithInterval(false);
    const header = s.values.find((r) => r[0] === 'Xếp hạng') ?? [];
    expect(header).toHaveLength(12);
    const chart = s.charts?.find((c) => c.title === 'Chỉ số hài lòng chung');
    expect(chart).toBeDefined();
    expect(chart?.errorBars).toBeUndefined();
  });
});

/**
 * A district Q and a ward W, two aspects; Q's aspect indices and bounds set by hand:
 * G.1 75 (65–82) → 10 below, 7 above; G.2 90 (84–94) → 6 below, 4 above. `bounds: false` removes
 * every aspect bound; `district: false` makes Q a ward too (the chart then shows every unit).
 */
function sipasAspectSheet(bounds: boolean, district = true): ReturnType<typeof renderSipasSheet> {
  const { result } = scoreSipas({
    instrument: { id: 'q', name: 'Q', groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'Tiếp cận', items: ['q1'] }, { code: 'G.2', name: 'Thủ tục', items: ['q2'] }] }] },
    responses: [
      { unit: 'Q', answers: { q1: 5, q2: 4 } },
      { unit: 'Q', answers: { q1: 4, q2: 2 } },
      { unit: 'W', answers: { q1: 2, q2: 5 } },
      { unit: 'W', answers: { q1: 3, q2: 1 } },
    ],
  });
  const set: Record<string, [number, number, number]> = { 'G.1': [75, 65, 82], 'G.2': [90, 84, 94] };
  const units = result.units.map((u) => ({
    ...u,
    name: u.unit === 'Q' ? 'Quận Q' : 'Phường W',
    kind: u.unit === 'Q' && district ? 'district' : 'ward',
    groups: u.groups.map((g) => ({
      ...g,
      aspects: g.aspects.map((a) => {
        const v = u.unit === 'Q' ? set[a.code] : undefined;
        const withIndex = v ? { ...a, index: v[0], low: v[1], high: v[2] } : a;
        return bounds ? withIndex : { ...withIndex, low: null, high: null };
      }),
    })),
  }));
  const { results } = scoreDocument({
    framework: { id: 't', name: 'T', nodes: [{ code: '1', name: 'K', children: [{ code: '1.1', name: 'C', max: 10, rule: { kind: 'yesNo' } }] }] },
    units: [
      { code: 'Q', name: 'Quận Q', kind: 'district' },
      { code: 'W', name: 'Phường W', kind: 'ward' },
    ],
    assessments: [],
  });
  return renderSipasSheet({ ...result, units }, contextOf(results, 'vi'));
}

describe('SIPAS sheet: the aspects chart of the district carries the 95% interval', () => {
  const title = 'Chỉ số hài lòng theo yếu tố — Quận Q';

  test('a helper table after the item detail; its amounts are the column chart error bars', () => {
    const s = sipasAspectSheet(true);
    const plain = sipasAspectSheet(false);
    // no existing cell moves: the sheet without bounds is the start of this one, then 5 rows more
    expect(s.values.length).toBe(plain.values.length + 5);
    expect(s.values.slice(0, plain.values.length)).toEqual(plain.values);
    const t = s.values.findIndex((r) => r[0] === 'Khoảng tin cậy 95% theo yếu tố — Quận Q');
    expect(t).toBe(plain.values.length + 1);
    expect(s.values[t + 1]).toEqual(['Mã yếu tố', 'Chỉ số (%)', 'Cận dưới', 'Cận trên', 'Sai số dưới (điểm chỉ số)', 'Sai số trên (điểm chỉ số)']);
    // 75 − 65 = 10, 82 − 75 = 7; 90 − 84 = 6, 94 − 90 = 4
    expect(s.values[t + 2]).toEqual(['G.1', 75, 65, 82, 10, 7]);
    expect(s.values[t + 3]).toEqual(['G.2', 90, 84, 94, 6, 4]);
    // 1-based rows of the two aspects
    const first = t + 3;
    const last = t + 4;
    expect(s.styles?.some((st) => st.range === `B${first}:D${last}` && st.style.numFmt === '0.00')).toBe(true);
    expect(s.styles?.some((st) => st.range === `E${first}:F${last}` && st.style.numFmt === '0.00')).toBe(true);
    const chart = s.charts?.find((c) => c.title === title);
    expect(chart?.type).toBe('column');
    expect(chart?.errorBars).toEqual({ minus: `E${first}:E${last}`, plus: `F${first}:F${last}`, low: `C${first}:C${last}`, high: `D${first}:D${last}` });
    // the chart still reads the district's row of the units table (aspects in columns L:M)
    const hr = s.values.findIndex((r) => r[0] === 'Xếp hạng');
    expect(s.values[hr]?.slice(11, 13)).toEqual(['G.1. Tiếp cận', 'G.2. Thủ tục']);
    const q = s.values.findIndex((r) => r[2] === 'Q');
    expect(s.values[q]?.slice(11, 13)).toEqual([75, 90]);
    expect(chart?.series).toEqual([{ name: `D${q + 1}`, values: `L${q + 1}:M${q + 1}` }]);
    const xml = chart ? (chartXml(chart, s.name, s.values) ?? '') : '';
    expect(xml).toContain('<c:errBars><c:errDir val="y"/><c:errBarType val="both"/><c:errValType val="cust"/>');
    expect(xml).toContain(`<c:plus><c:numRef><c:f>'SIPAS'!$F$${first}:$F$${last}</c:f>`);
    expect(xml).toContain(`<c:minus><c:numRef><c:f>'SIPAS'!$E$${first}:$E$${last}</c:f>`);
    expect(xml).toMatch(/<c:minus><c:numRef><c:f>[^<]*<\/c:f><c:numCache><c:formatCode>General<\/c:formatCode><c:ptCount val="2"\/><c:pt idx="0"><c:v>10<\/c:v><\/c:pt><c:pt idx="1"><c:v>6<\/c:v><\/c:pt>/);
    execFileSync('/usr/bin/python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())'], { input: xml });
  });

  test('no aspect with bounds: no helper table, no error bars on the aspects chart', () => {
    const s = sipasAspectSheet(false);
    expect(s.values.some((r) => typeof r[0] === 'string' && r[0].startsWith('Khoảng tin cậy 95% theo yếu tố'))).toBe(false);
    const chart = s.charts?.find((c) => c.title === title);
    expect(chart?.type).toBe('column');
    expect(chart?.errorBars).toBeUndefined();
  });

  test('every unit on the aspects chart (no district): a line chart, left without intervals', () => {
    const s = sipasAspectSheet(true, false);
    const chart = s.charts?.find((c) => c.title === 'Chỉ số hài lòng theo yếu tố');
    expect(chart?.type).toBe('line');
    expect(chart?.series).toHaveLength(2);
    expect(chart?.errorBars).toBeUndefined();
    expect(s.values.some((r) => typeof r[0] === 'string' && r[0].startsWith('Khoảng tin cậy 95% theo yếu tố'))).toBe(false);
  });
});
