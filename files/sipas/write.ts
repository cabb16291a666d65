import ExcelJS from 'exceljs';
import type { Lang } from '../../engine';
import type { SipasResult, PrecisionFlag } from '../../engine';
import { sipasAggregationText, sipasItemText, sipasUnofficialCount, t, QUALITY_REASONS, qualityReasonName } from '../../engine';

/** Sheet names of the SIPAS report, per language. */
export const SIPAS_SHEETS = {
  vi: { summary: 'SIPAS Tổng hợp', detail: 'SIPAS Chi tiết', drag: 'SIPAS Lực kéo', quality: 'SIPAS Chất lượng phiếu' },
  en: { summary: 'SIPAS Summary', detail: 'SIPAS Detail', drag: 'SIPAS Drag', quality: 'SIPAS Response quality' },
} as const;

const PCT = '0.00%';
const PTS = '0.00';

function flagText(f: readonly PrecisionFlag[], lang: Lang): string {
  return f
    .map((x) => (x === 'smallSample' ? (lang === 'vi' ? 'mẫu nhỏ' : 'small sample') : lang === 'vi' ? 'khoảng tin cậy rộng' : 'wide interval'))
    .join(', ');
}

const frac = (x: number | null): number | null => (x === null ? null : x / 100);

function header(ws: ExcelJS.Worksheet, title: string, sub: string, heads: string[], widths: number[], note?: string): void {
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = sub;
  ws.getCell('A2').font = { italic: true, color: { argb: 'FF555555' } };
  if (note !== undefined && note !== '') {
    ws.getCell('A3').value = note;
    ws.getCell('A3').font = { italic: true, color: { argb: 'FF555555' } };
  }
  const row = ws.getRow(4);
  heads.forEach((h, i) => {
    const c = row.getCell(i + 1);
    c.value = h;
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    c.alignment = { vertical: 'middle', wrapText: true };
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: heads.length } };
}

/**
 * The SIPAS results as a finished workbook (summary, detail per group/aspect/item, drag
 * ranking): titles, frozen header rows, percent formats (Excel shows them in the user's locale,
 * e.g. 86,50% in vi-VN), full-precision values in the cells. Works in Node and the browser.
 */
export async function writeSipasXlsx(result: SipasResult, lang: Lang = 'vi'): Promise<Uint8Array> {
  const vi = lang === 'vi';
  const names = SIPAS_SHEETS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'parindex';
  const title = `${vi ? 'Chỉ số hài lòng (SIPAS)' : 'Satisfaction index (SIPAS)'} — ${result.instrument.name}`;
  const m = result.method;
  const sub = vi
    ? `Phương pháp: ${m.item === 'topTwoBox' ? 'tỷ lệ trả lời mức 4–5' : 'điểm trung bình quy về 0–100'}; mục tiêu ${m.target}%; khoảng tin cậy 95%`
    : `Method: ${m.item === 'topTwoBox' ? 'share of answers at levels 4–5' : 'mean score rescaled to 0–100'}; target ${m.target}%; 95% intervals`;
  const aggregation = sipasAggregationText(m, lang);
  const unofficial = sipasUnofficialCount(result);
  const groupCodes = result.units[0]?.groups.map((g) => g.code) ?? [];

  // Summary
  const s = wb.addWorksheet(names.summary);
  const sHeads = vi
    ? ['Mã đơn vị', 'Đơn vị', 'Số phiếu', 'Chỉ số chung', 'Cận dưới', 'Cận trên', 'Hạng', ...groupCodes.map((c) => `Nhóm ${c}`), 'Cách mục tiêu (điểm)', 'Năm trước', 'Thay đổi (điểm)', 'Hạng năm trước', 'Lưu ý']
    : ['Unit code', 'Unit', 'Respondents', 'Overall', 'Low', 'High', 'Rank', ...groupCodes.map((c) => `Group ${c}`), 'Gap to target (points)', 'Previous', 'Change (points)', 'Previous rank', 'Notes'];
  header(s, title, sub, sHeads, [11, 30, 10, 12, 10, 10, 7, ...groupCodes.map(() => 11), 14, 11, 12, 10, 24], aggregation);
  for (const u of result.units) {
    const row = s.addRow([
      u.unit, u.name, u.n, frac(u.overall), frac(u.low), frac(u.high), u.rank,
      ...u.groups.map((g) => frac(g.index)),
      u.gap, frac(u.previous?.overall ?? null), u.change ?? null, u.previous?.rank ?? null, flagText(u.flags, lang),
    ]);
    [4, 5, 6, ...groupCodes.map((_, k) => 8 + k), 9 + groupCodes.length].forEach((c) => (row.getCell(c).numFmt = PCT));
    [8 + groupCodes.length, 10 + groupCodes.length].forEach((c) => (row.getCell(c).numFmt = PTS));
  }

  // Detail
  const d = wb.addWorksheet(names.detail);
  const dHeads = vi
    ? ['Mã đơn vị', 'Cấp', 'Mã', 'Nội dung', 'Chỉ số', 'n', 'Cận dưới', 'Cận trên', 'Không trả lời', 'Ngoài thang', 'Trọng số hiệu dụng', 'Lực kéo (điểm)', 'Năm trước', 'Thay đổi (điểm)', 'Lưu ý']
    : ['Unit code', 'Level', 'Code', 'Name', 'Index', 'n', 'Low', 'High', 'No answer', 'Out of scale', 'Effective weight', 'Drag (points)', 'Previous', 'Change (points)', 'Notes'];
  header(d, title, sub, dHeads, [11, 10, 9, 60, 10, 8, 10, 10, 10, 10, 12, 12, 10, 12, 22], unofficial > 0 ? `${aggregation}. ${t('sipas.text.unofficialNote', { count: unofficial }, lang)}` : aggregation);
  const lvl = vi ? { g: 'Nhóm', a: 'Yếu tố', i: 'Câu hỏi' } : { g: 'Group', a: 'Aspect', i: 'Item' };
  const fmt = (row: ExcelJS.Row, bold: boolean): void => {
    [5, 7, 8, 13].forEach((c) => (row.getCell(c).numFmt = PCT));
    [11].forEach((c) => (row.getCell(c).numFmt = '0.0000'));
    [12, 14].forEach((c) => (row.getCell(c).numFmt = PTS));
    if (bold) row.font = { bold: true };
  };
  const nm = (v: string, en: string | undefined): string => (!vi && en ? en : v);
  for (const u of result.units) {
    const dragOf = new Map(u.drag.map((x) => [x.aspect, x.drag]));
    for (const g of u.groups) {
      fmt(d.addRow([u.unit, lvl.g, g.code, nm(g.name, g.nameEn), frac(g.index), g.n, frac(g.low), frac(g.high), null, null, g.weight, null, frac(g.previous ?? null), g.change ?? null, flagText(g.flags, lang)]), true);
      for (const a of g.aspects) {
        fmt(d.addRow([u.unit, lvl.a, a.code, nm(a.name, a.nameEn), frac(a.index), a.n, frac(a.low), frac(a.high), null, null, a.weight, dragOf.get(a.code) ?? null, frac(a.previous ?? null), a.change ?? null, flagText(a.flags, lang)]), false);
        for (const it of a.items)
          fmt(d.addRow([u.unit, lvl.i, it.item, sipasItemText(it, lang), frac(it.index), it.n, frac(it.low), frac(it.high), it.blank, it.invalid, null, null, null, null, flagText(it.flags, lang)]), false);
      }
    }
  }

  // Drag ranking
  const r = wb.addWorksheet(names.drag);
  const rHeads = vi
    ? ['Mã đơn vị', 'Thứ tự', 'Yếu tố', 'Nội dung', 'Chỉ số', 'Trọng số hiệu dụng', 'Lực kéo (điểm)', 'Tỷ lệ trong khoảng cách']
    : ['Unit code', 'Order', 'Aspect', 'Name', 'Index', 'Effective weight', 'Drag (points)', 'Share of the gap'];
  header(r, title, vi ? 'Lực kéo = (mục tiêu − chỉ số yếu tố) × trọng số hiệu dụng; tổng = mục tiêu − chỉ số chung' : 'Drag = (target − aspect index) × effective weight; sums to target − overall', rHeads, [11, 8, 9, 50, 10, 12, 12, 14]);
  for (const u of result.units)
    u.drag.forEach((x, k) => {
      const row = r.addRow([u.unit, k + 1, x.aspect, nm(x.name, x.nameEn), frac(x.index), x.weight, x.drag, x.share]);
      row.getCell(5).numFmt = PCT;
      row.getCell(6).numFmt = '0.0000';
      row.getCell(7).numFmt = PTS;
      row.getCell(8).numFmt = PCT;
    });

  writeQualitySheet(wb, result, lang, title, names.quality);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The survey-quality guard and the weighting (only when they did something): per unit, the
 * responses flagged by reason, set aside, the overall index with and without them, the effective
 * sample size; then every flagged response by its row and cell.
 */
function writeQualitySheet(wb: ExcelJS.Workbook, result: SipasResult, lang: Lang, title: string, name: string): void {
  const units = result.units.filter((u) => (u.quality?.flagged ?? 0) > 0 || u.weighting !== undefined);
  if (units.length === 0) return;
  const q = wb.addWorksheet(name);
  const heads = [
    t('sipas.sheet.unit', {}, lang),
    t('sipas.sheet.flagged', {}, lang),
    ...QUALITY_REASONS.map((x) => qualityReasonName(x, lang)),
    t('sipas.sheet.setAside', {}, lang),
    t('sipas.sheet.overallWith', {}, lang),
    t('sipas.sheet.overallWithout', {}, lang),
    t('sipas.sheet.nEffective', {}, lang),
  ];
  header(q, title, t('sipas.text.qualityHead', {}, lang), heads, [11, 12, ...QUALITY_REASONS.map(() => 14), 11, 16, 16, 12]);
  for (const u of units) {
    const row = q.addRow([u.unit, u.quality?.flagged ?? 0, ...QUALITY_REASONS.map((x) => u.quality?.reasons[x] ?? 0), u.quality?.setAside ?? 0, frac(u.quality?.overallWith ?? null), frac(u.quality?.overallWithout ?? null), u.weighting?.nEffective ?? null]);
    const c = 3 + QUALITY_REASONS.length;
    row.getCell(c + 1).numFmt = PCT;
    row.getCell(c + 2).numFmt = PCT;
    row.getCell(c + 3).numFmt = '0.0';
  }
  const flagged = result.issues.filter((i) => i.code === 'sipas.quality.setAside' || i.code === 'sipas.quality.kept');
  if (flagged.length === 0) return;
  q.addRow([]);
  const h = q.addRow([t('sipas.sheet.unit', {}, lang), t('sipas.sheet.row', {}, lang), t('sipas.sheet.where', {}, lang), t('sipas.sheet.reasons', {}, lang)]);
  h.font = { bold: true };
  for (const i of flagged) q.addRow([i.unit ?? '', typeof i.params?.['row'] === 'number' ? i.params['row'] : null, [i.sheet, i.cell].filter(Boolean).join('!'), t(i.code, i.params, lang)]);
}
