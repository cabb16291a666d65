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
      ['1', 'UBND phường Kim Giang', '10/10', '100%', 'A', '+15 (hạng ↑1)'],
      ['2', 'UBND phường Hạ Đình', '7/10', '70%', 'C', '−20 (hạng ↓1)'],
      ['3', 'UBND phường Thượng Đình', '2,7/10', '27%', 'D', '—'],
    ]);
    expect(texts(r)).toContain('Chỉ số cải cách hành chính của UBND quận Thanh Xuân đạt 98,75%, xếp loại A; so với mục tiêu 90%: đạt.');
    // (100 + 70 + 27) / 3 = 65,67
    expect(texts(r)).toContain('3 phường được đánh giá có chỉ số bình quân 65,67%; 1 đơn vị đạt mục tiêu 90%. Cao nhất: UBND phường Kim Giang (100%); thấp nhất: UBND phường Thượng Đình (27%).');
    expect(r.facts).toMatchObject({ units: 4, atTarget: 2, target: 90 });
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
    expect(ranking?.series[0]?.labels).toEqual(['100', '70', '27']);
    expect(lead).toMatchObject({ type: 'bar', categories: ['NV', 'VP'] });
    expect(lead?.series.map((s) => s.values)).toEqual([
      [7, expect.closeTo(3.4, 9)],
      [7, 3],
    ]);
  });

  test('proposals name the lead units with recoverable points and the units below target', () => {
    const items = r.blocks.filter((b) => b.kind === 'item').map((b) => (b.kind === 'item' ? b.text : ''));
    expect(items[0]).toBe('Đề nghị Phòng Nội vụ chủ trì hướng dẫn, đôn đốc khắc phục các tiêu chí 1.1, 1.2 (có thể lấy lại 7 điểm trong năm).');
    expect(items.some((x) => x.startsWith('Đề nghị UBND phường Thượng Đình (27%), UBND phường Hạ Đình (70%) rà soát'))).toBe(true);
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
