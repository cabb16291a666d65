import { SipasInputBuilder } from './grid';
import { validateSipasInstrument } from '../../engine/sipas';
import { smallInstrument } from '../../test/sipas/builders';

const ins = validateSipasInstrument(smallInstrument).instrument!;

function read(grid: unknown[][]): ReturnType<SipasInputBuilder['build']> {
  const b = new SipasInputBuilder(ins, 'phieu.xlsx');
  b.addGrid(grid, 'Phiếu', true);
  return b.build();
}

describe('survey grids are read with the engine\'s cell reader', () => {
  test('a title above the header row is skipped: the header is the row naming the unit column', () => {
    const r = read([['PHIẾU KHẢO SÁT SỰ HÀI LÒNG 2023'], [], ['Đơn vị', 'q1', 'q2', 'Trọng số'], ['KG', 5, '4', '1,5']]);
    expect(r.issues).toEqual([]);
    expect(r.responses).toEqual([{ unit: 'KG', answers: { q1: 5, q2: 4 }, weight: 1.5 }]);
    expect(r.locate('responses', 0, 'q2')).toEqual({ file: 'phieu.xlsx', sheet: 'Phiếu', cell: 'C4' });
  });

  test('no-break spaces and zero-width marks around codes are cleaned; weights read Vietnamese first', () => {
    const r = read([['\u00a0Mã đơn vị\u00a0', 'q1', 'weight'], ['\u200bKG\u00a0', ' 5 ', '0,5'], ['HD', 4, '1.000']]);
    expect(r.responses.map((x) => [x.unit, x.answers['q1'], x.weight])).toEqual([
      ['KG', 5, 0.5],
      ['HD', 4, 1000],
    ]);
  });

  test('no unit column: the issue points at the first non-empty row', () => {
    const r = read([[], ['q1', 'q2'], ['5', '4']]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['sipas.sheet.noUnitColumn', 'A2']]);
  });
});
