/**
 * Native charts drawn by the Office.js port as the file writer draws them (engine/workbook/charts):
 * explicit series with their names, values and categories, the target line as a line series in a
 * combo, an index's 95% interval as its two bounds (Office.js cannot set custom error-bar amounts);
 * on ExcelApi 1.8 the same; below 1.7 the data range alone, with a notice.
 */
import { OfficeJsPort } from '../../addin/excel/port';
import type { RenderedSheet } from '../../engine/workbook/port';
import { ExcelDouble } from './excel-double';
import { scoredRound } from '../app/cell-target.fixture';
import { sipasSheetWithInterval } from '../insight/sipas-interval.fixture';

/** A ranking with a 95% interval: amounts below/above in F:G, the bounds in D:E (value ∓ amount, by hand). */
function ranking(): RenderedSheet {
  return {
    name: 'Xếp hạng',
    marker: 'parindex:ranking',
    values: [
      ['Đơn vị', 'Chỉ số (%)', 'Mục tiêu (%)', 'Cận dưới', 'Cận trên', 'Dưới', 'Trên'],
      ['Phường A', 91.5, 90, 88, 95, 3.5, 3.5],
      ['Phường B', 85, 90, 80.25, 90.75, 4.75, 5.75],
      ['Phường C', 70, 90, 65, 75, 5, 5],
    ],
    charts: [
      {
        type: 'column',
        title: 'Chỉ số CCHC — Phường',
        dataRange: 'A1:B4',
        seriesBy: 'columns',
        anchor: 'I2',
        target: { value: 90, label: 'Mục tiêu 90%', range: 'C2:C4' },
        errorBars: { minus: 'F2:F4', plus: 'G2:G4', low: 'D2:D4', high: 'E2:E4' },
      },
    ],
  };
}

/** Points lost by lead unit: lead codes in A, two explicit series (D, E) named by their headers. */
function gaps(): RenderedSheet {
  return {
    name: 'Điểm bị trừ',
    marker: 'parindex:gaps',
    values: [
      ['Đơn vị chủ trì', 'Tên đơn vị', 'Số tiêu chí', 'Tổng điểm bị trừ', 'Có thể khắc phục'],
      ['VP', 'Văn phòng', 1, 1.5, 1.5],
      ['NV', 'Phòng Nội vụ', 1, 1, 0.5],
    ],
    charts: [
      {
        type: 'bar',
        title: 'Điểm bị trừ theo đơn vị chủ trì',
        dataRange: 'D1:E3',
        seriesBy: 'columns',
        categories: 'A2:A3',
        series: [
          { name: 'D1', values: 'D2:D3' },
          { name: 'E1', values: 'E2:E3' },
        ],
        anchor: 'H1',
      },
    ],
  };
}

const indexSeries = { name: 'Chỉ số (%)', values: 'B2:B4', xValues: 'A2:A4' };
const targetSeries = { name: 'Mục tiêu 90%', values: 'C2:C4', xValues: 'A2:A4', chartType: 'Line', line: { color: '#C00000', lineStyle: 'Dash' } };
const lowSeries = { name: 'Cận dưới', values: 'D2:D4', xValues: 'A2:A4', chartType: 'Line', line: { color: '#7F7F7F', lineStyle: 'Dot' } };
const highSeries = { name: 'Cận trên', values: 'E2:E4', xValues: 'A2:A4', chartType: 'Line', line: { color: '#7F7F7F', lineStyle: 'Dot' } };

async function written(apiVersion: string, sheets: RenderedSheet[]): Promise<{ dbl: ExcelDouble; port: OfficeJsPort }> {
  const dbl = new ExcelDouble({ Sheet1: [] }, apiVersion);
  const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
  await port.write(sheets);
  return { dbl, port };
}

describe('Office.js port: charts', () => {
  test('a ranking: the index by unit, the target line in a combo, the interval as its two bounds (value ∓ the amounts)', async () => {
    const { dbl, port } = await written('1.17', [ranking()]);
    expect(dbl.sheet('Xếp hạng')?.charts).toEqual([{ type: 'ColumnClustered', source: 'A1:B4', seriesBy: 'Columns', title: 'Chỉ số CCHC — Phường', anchor: 'I2' }]);
    expect(dbl.seriesOf('Xếp hạng')).toEqual([indexSeries, targetSeries, lowSeries, highSeries]);
    // the bounds are the index minus / plus the error-bar amounts of the file writer, cell by cell
    for (const r of [2, 3, 4]) {
      const v = dbl.cell('Xếp hạng', `B${r}`)?.value as number;
      expect(dbl.cell('Xếp hạng', `D${r}`)?.value).toBe(v - (dbl.cell('Xếp hạng', `F${r}`)?.value as number));
      expect(dbl.cell('Xếp hạng', `E${r}`)?.value).toBe(v + (dbl.cell('Xếp hạng', `G${r}`)?.value as number));
    }
    expect(port.notices).toEqual([]);
  });

  test('the SIPAS overall chart: its 95% interval drawn as the two dotted bounds (Cận dưới, Cận trên)', async () => {
    const sheet = sipasSheetWithInterval();
    const { dbl, port } = await written('1.17', [sheet]);
    // header in row 4, units A (80; 70–88) and B (60; 50–66) in rows 5–6: names D, index E, bounds F and G
    const bound = (name: string, col: string): object => ({ name, values: `${col}5:${col}6`, xValues: 'D5:D6', chartType: 'Line', line: { color: '#7F7F7F', lineStyle: 'Dot' } });
    expect(dbl.seriesOf('SIPAS')).toEqual([{ name: 'Chỉ số chung (%)', values: 'E5:E6', xValues: 'D5:D6' }, bound('Cận dưới', 'F'), bound('Cận trên', 'G')]);
    expect(dbl.cell('SIPAS', 'F5')?.value).toBe(70);
    expect(dbl.cell('SIPAS', 'G5')?.value).toBe(88);
    // the file writer's amounts agree with the bounds: 80 − 10 = 70, 80 + 8 = 88
    expect(dbl.cell('SIPAS', 'M5')?.value).toBe(10);
    expect(dbl.cell('SIPAS', 'N5')?.value).toBe(8);
    expect(port.notices).toEqual([]);
  });

  test('explicit series: drawn from their own ranges and named from their cells, the categories on each', async () => {
    const { dbl, port } = await written('1.17', [gaps()]);
    expect(dbl.sheet('Điểm bị trừ')?.charts[0]).toMatchObject({ type: 'BarClustered', source: 'D2:D3', seriesBy: 'Columns' });
    expect(dbl.seriesOf('Điểm bị trừ')).toEqual([
      { name: 'Tổng điểm bị trừ', values: 'D2:D3', xValues: 'A2:A3' },
      { name: 'Có thể khắc phục', values: 'E2:E3', xValues: 'A2:A3' },
    ]);
    expect(port.notices).toEqual([]);
  });

  test('on ExcelApi 1.8 (the floor) the chart is drawn whole, without error bars, and no chart feature is missing', async () => {
    const { dbl, port } = await written('1.8', [ranking(), gaps()]);
    expect(dbl.seriesOf('Xếp hạng')).toEqual([indexSeries, targetSeries, lowSeries, highSeries]);
    expect(dbl.seriesOf('Điểm bị trừ')).toHaveLength(2);
    // only the print footer's marker (ExcelApi 1.9) is missing on 1.8, nothing of the charts
    expect(port.notices.map((n) => n.feature)).toEqual(['footerMarker', 'footerMarker']);
  });

  test('an Excel without chart series (ExcelApi 1.6): the data range alone, and a notice', async () => {
    const { dbl, port } = await written('1.6', [ranking(), gaps()]);
    expect(dbl.seriesOf('Xếp hạng')).toEqual([indexSeries]);
    // the data range D1:E3 as Excel reads it: two series named by their header, no categories (numbers in D)
    expect(dbl.sheet('Điểm bị trừ')?.charts[0]).toMatchObject({ source: 'D1:E3' });
    expect(dbl.seriesOf('Điểm bị trừ').map((s) => s.name)).toEqual(['Tổng điểm bị trừ', 'Có thể khắc phục']);
    expect(port.notices.filter((n) => n.feature === 'chartSeries')).toEqual([
      { code: 'excel.featureMissing', feature: 'chartSeries', version: '1.7', sheet: 'Xếp hạng' },
      { code: 'excel.featureMissing', feature: 'chartSeries', version: '1.7', sheet: 'Điểm bị trừ' },
    ]);
  });

  test("a scored round's 'Xếp hạng' and 'Tổng hợp': the target line from the target column, on the units' categories", async () => {
    const round = await scoredRound();
    const sheets = round.sheets.filter((s) => s.name === 'Xếp hạng' || s.name === 'Tổng hợp');
    const { dbl } = await written('1.8', sheets);
    // 'Xếp hạng': units C6:C8, index D6:D8, target M6:M8 (90 on every row); no interval (no sampling error)
    expect(dbl.cell('Xếp hạng', 'M6')?.value).toBe(90);
    expect(dbl.seriesOf('Xếp hạng')).toEqual([
      { name: 'Chỉ số (%)', values: 'D6:D8', xValues: 'C6:C8' },
      { name: 'Mục tiêu 90%', values: 'M6:M8', xValues: 'C6:C8', chartType: 'Line', line: { color: '#C00000', lineStyle: 'Dash' } },
    ]);
    // 'Tổng hợp' part 2: names B10:B12, index C10:C12, target F10:F12
    expect(dbl.seriesOf('Tổng hợp')[1]).toEqual({ name: 'Mục tiêu 90%', values: 'F10:F12', xValues: 'B10:B12', chartType: 'Line', line: { color: '#C00000', lineStyle: 'Dash' } });
  });
});
