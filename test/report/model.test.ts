/**
 * The official report as data (engine/report): the Decree 30 frame, the sections in order, the
 * figures by hand, vi-VN numbers, the charts' data, and the same report from a master's round.
 */
import { buildReport, reportForDocument, reportFromRound, reportQuarter, scoreDocumentRound, type ReportBlock, type ReportDocument } from '../../engine';
import { doc } from './fixture';

function texts(r: ReportDocument): string[] {
  return r.blocks.flatMap((b: ReportBlock) => (b.kind === 'heading' || b.kind === 'paragraph' || b.kind === 'item' ? [b.text] : []));
}

function tables(r: ReportDocument): Extract<ReportBlock, { kind: 'table' }>[] {
  return r.blocks.filter((b): b is Extract<ReportBlock, { kind: 'table' }> => b.kind === 'table');
}

function charts(r: ReportDocument): Extract<ReportBlock, { kind: 'chart' }>['chart'][] {
  return r.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : []));
}

describe('report model', () => {
  const round = reportForDocument(doc, { lang: 'vi', date: '2023-12-20' });
  const r = round.report as ReportDocument;

  test('made from a clean round', () => {
    expect(round.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r).toBeDefined();
  });

  test('the Decree 30 frame: issuer from the district, number placeholder, national title, motto, place and date', () => {
    expect(r.header).toEqual({
      parent: '',
      issuer: 'ỦY BAN NHÂN DÂN\nQUẬN THANH XUÂN',
      number: 'Số:        /BC-UBND',
      nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      placeDate: 'Thanh Xuân, ngày 20 tháng 12 năm 2023',
    });
    expect(r.kind).toBe('BÁO CÁO');
    expect(r.subject).toMatch(/năm 2023$/);
    expect(r.recipients.heading).toBe('Nơi nhận:');
    expect(r.recipients.items[r.recipients.items.length - 1]).toBe('Lưu: VT, NV.');
    expect(r.signature).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: '' });
  });

  test('sections in order: results, points lost, proposals (no survey result, no plan here)', () => {
    const headings = r.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b.kind === 'heading' ? b.text : ''));
    expect(headings).toEqual(['I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)', 'II. ĐIỂM BỊ TRỪ THEO LĨNH VỰC VÀ ĐƠN VỊ CHỦ TRÌ', 'III. ĐỀ XUẤT, KIẾN NGHỊ']);
  });

  test('results by hand, numbers in vi-VN: index, grade, rank, change from last year', () => {
    const t = tables(r)[0];
    // district first (its kind comes first), then the wards ranked
    expect(t?.rows).toEqual([
      ['', 'Quận', '', '', '', ''],
      ['1', 'UBND quận Thanh Xuân', '7,9/8', '98,75%', 'A', '—'],
      ['', 'Phường', '', '', '', ''],
      ['1', 'UBND phường Kim Giang', '10/10', '100,00%', 'A', '+15,00 (hạng ↑1)'],
      ['2', 'UBND phường Hạ Đình', '7/10', '70,00%', 'C', '−20,00 (hạng ↓1)'],
      ['3', 'UBND phường Thượng Đình', '2,7/10', '27,00%', 'D', '—'],
    ]);
    expect(texts(r)).toContain('Chỉ số cải cách hành chính của UBND quận Thanh Xuân đạt 98,75%, xếp loại A; so với mục tiêu 90%: đạt.');
    // (100 + 70 + 27) / 3 = 65,67
    expect(texts(r)).toContain('3 phường được đánh giá có chỉ số bình quân 65,67%; 1 đơn vị đạt mục tiêu 90%. Cao nhất: UBND phường Kim Giang (100,00%); thấp nhất: UBND phường Thượng Đình (27,00%).');
    expect(r.facts).toMatchObject({ units: 4, atTarget: 2, target: 90 });
  });

  test('the survey section: indices and their intervals with two decimals, the target as written, respondents grouped', () => {
    const base = scoreDocumentRound(doc, { lang: 'vi' });
    const results = base.results;
    if (!results) throw new Error('no results');
    const unit = (code: string, name: string, n: number, overall: number, low: number, high: number, gap: number): Record<string, unknown> => ({
      unit: code,
      name,
      kind: 'ward',
      n,
      overall,
      low,
      high,
      meetsTarget: gap <= 0,
      gap,
      groups: [],
    });
    const sipas = {
      method: { target: 80 },
      units: [unit('KG', 'UBND phường Kim Giang', 2607, 85.5, 80.25, 90.75, -5.5), unit('HD', 'UBND phường Hạ Đình', 412, 72.3, 66, 78.6, 7.7)],
    } as unknown as NonNullable<Parameters<typeof buildReport>[0]['sipas']>;
    const s2 = buildReport({ results, sipas }, { lang: 'vi', date: '2023-12-20' });
    const survey = tables(s2).find((x) => x.rows.some((row) => row[1] === '2.607'));
    expect(survey?.rows).toEqual([
      ['UBND phường Kim Giang', '2.607', '85,50%', '80,25–90,75', 'đạt'],
      ['UBND phường Hạ Đình', '412', '72,30%', '66,00–78,60', 'chưa đạt (−7,70)'],
    ]);
    // (85,5 + 72,3) / 2 = 78,9; 2.607 + 412 = 3.019 respondents
    expect(texts(s2)).toContain('Kết quả điều tra xã hội học (3.019 phiếu) tại 2 đơn vị: chỉ số hài lòng bình quân 78,90%; 1 đơn vị đạt mục tiêu 80%.');
    expect(texts(s2)).toContain('Đơn vị chưa đạt mục tiêu: UBND phường Hạ Đình (72,30%, thiếu 7,70 điểm).');
  });

  test('points lost by area and by lead unit, summed by hand', () => {
    // area 1: HD 2 + 1, TD 2 + 2 = 7; area 2: TD 3 + 0,3 (survey), QTX 0,1 (survey) = 3,4; all 10,4, survey 0,4
    expect(texts(r)).toContain('Tổng số điểm bị trừ của các đơn vị là 10,4 điểm, trong đó 10 điểm có thể khắc phục trong năm (thẩm định hồ sơ) và 0,4 điểm phụ thuộc kết quả điều tra xã hội học.');
    const [, byArea, byLead] = tables(r);
    expect(byArea?.rows.map((row) => row.slice(0, 4))).toEqual([
      ['1. Công tác chỉ đạo, điều hành', '7', '7', '2'],
      ['2. Thủ tục hành chính', '3,4', '3', '2'],
    ]);
    expect(byLead?.rows.map((row) => row.slice(0, 3))).toEqual([
      ['Phòng Nội vụ (NV)', '7', '7'],
      ['Văn phòng HĐND và UBND quận (VP)', '3,4', '3'],
    ]);
  });

  test('charts as data: ranking of the wards with the target line (axis 0–100), points lost by lead unit', () => {
    const [ranking, lead] = charts(r);
    expect(ranking).toMatchObject({ type: 'column', title: 'Chỉ số CCHC — Phường', categories: ['Kim Giang', 'Hạ Đình', 'Thượng Đình'], target: { label: 'Mục tiêu 90%', value: 90 }, axis: { min: 0, max: 100 } });
    expect(ranking?.series[0]?.labels).toEqual(['100,00', '70,00', '27,00']);
    expect(lead).toMatchObject({ type: 'bar', categories: ['NV', 'VP'] });
    expect(lead?.series.map((s) => s.values)).toEqual([
      [7, expect.closeTo(3.4, 9)],
      [7, 3],
    ]);
  });

  test('proposals name the lead units with recoverable points and the units below target', () => {
    const items = r.blocks.filter((b) => b.kind === 'item').map((b) => (b.kind === 'item' ? b.text : ''));
    expect(items[0]).toBe('Đề nghị Phòng Nội vụ chủ trì hướng dẫn, đôn đốc khắc phục các tiêu chí 1.1, 1.2 (có thể lấy lại 7 điểm trong năm).');
    expect(items.some((x) => x.startsWith('Đề nghị UBND phường Thượng Đình (27,00%), UBND phường Hạ Đình (70,00%) rà soát'))).toBe(true);
  });

  test('quarterly: the period in the subject; an English report', () => {
    const q = reportForDocument(doc, { lang: 'en', quarter: '2023-Q4' }).report as ReportDocument;
    expect(q.period).toEqual({ year: 2023, quarter: '2023-Q4', label: 'quarter IV of 2023' });
    expect(q.header.nationalTitle).toBe('SOCIALIST REPUBLIC OF VIET NAM');
    expect(q.header.placeDate).toBe('Thanh Xuân,      /     /2023');
    expect(tables(q)[0]?.rows[1]).toEqual(['1', 'UBND quận Thanh Xuân', '7.9/8', '98.75%', 'A', '—']);
    expect(reportQuarter('2023-Q4')).toBe('2023-Q4');
    expect(reportQuarter('2023-Q5')).toBeUndefined();
    expect(reportQuarter('Q4/2023')).toBeUndefined();
  });

  test('the pane builds the same report from the round it holds', () => {
    const scored = scoreDocumentRound(doc, { lang: 'vi' });
    const fromPane = reportFromRound({ ...scored, scoring: { ...(scored.scoring ?? { framework: doc.framework, assessments: [] }), units: doc.units } as NonNullable<typeof scored.scoring> }, { lang: 'vi', date: '2023-12-20' });
    expect(fromPane).toEqual(r);
  });

  test('no report from input with errors', () => {
    const bad = reportForDocument({ ...doc, assessments: [...doc.assessments, { unit: 'KG', criterion: '9.9', value: 'Có' }] }, { lang: 'vi' });
    expect(bad.report).toBeUndefined();
    expect(bad.issues.some((i) => i.severity === 'error' && i.code === 'scoring.unknownCriterion')).toBe(true);
  });

  test('without a district: the Decree 30 placeholders for the issuer and the place', () => {
    const r2 = buildReport({ results: scoreDocumentRound({ ...doc, units: doc.units.filter((u) => u.kind !== 'district'), assessments: doc.assessments.filter((a) => a.unit !== 'QTX') }, { lang: 'vi' }).results! }, { lang: 'vi' });
    expect(r2.header.issuer).toBe('TÊN CƠ QUAN, TỔ CHỨC');
    expect(r2.header.placeDate).toBe('Địa danh, ngày       tháng       năm 2023');
  });
});
