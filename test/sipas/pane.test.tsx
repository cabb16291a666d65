/** @jest-environment jsdom */
/**
 * The pane's SIPAS table: short unit names (full name on hover), one block per unit kind with
 * the rank within that kind. Hand-computed data: see kinds.test.ts (QTX 85 · HD 95 · NC 90 · KG 80).
 */
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SipasTable } from '../../addin/taskpane/views/SipasView';
import { scoreSipas } from '../../engine/sipas';
import { kindLabel } from '../../engine/workbook/output';

const ins = { groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'G.1', items: ['q'] }] }] };
const c = (unit: string, top: number): { unit: string; item: string; levels: number[] } => ({ unit, item: 'q', levels: [0, 0, 100 - top, top, 0] });
const units = [
  { code: 'QTX', name: 'UBND quận Thanh Xuân', kind: 'district' },
  { code: 'HD', name: 'UBND phường Hạ Đình', kind: 'ward' },
  { code: 'NC', name: 'UBND phường Nhân Chính', kind: 'ward' },
  { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' },
];

test('short names with the full name on hover, a block per kind, ranks within kind', () => {
  const { result } = scoreSipas({ instrument: ins, counts: [c('QTX', 85), c('HD', 95), c('NC', 90), c('KG', 80)] }, { units });
  render(
    <FluentProvider theme={webLightTheme}>
      <SipasTable sipas={result} lang="vi" kindName={kindLabel} />
    </FluentProvider>,
  );
  const table = screen.getByTestId('sipas-table');
  const rows = within(table).getAllByRole('row').map((r) => Array.from(r.querySelectorAll('td,th')).map((x) => x.textContent ?? ''));
  expect(rows.map((r) => r.slice(0, 3))).toEqual([
    ['Hạng', 'Đơn vị', 'Chỉ số chung'],
    ['Quận'],
    ['1', 'Q. Thanh Xuân', '85,00%'],
    ['Phường'],
    ['1', 'P. Hạ Đình', '95,00%'],
    ['2', 'P. Nhân Chính', '90,00%'],
    ['3', 'P. Kim Giang', '80,00%'],
  ]);
  const kg = within(screen.getByTestId('sipas-row-KG')).getByText('P. Kim Giang');
  expect(kg.closest('[title]')?.getAttribute('title')).toBe('UBND phường Kim Giang (KG)');
});

test('names the SIPAS result lacks come from the workbook units; one kind needs no block heading', () => {
  const { result } = scoreSipas({ instrument: ins, counts: [c('KG', 80), c('HD', 95)] });
  render(
    <FluentProvider theme={webLightTheme}>
      <SipasTable sipas={result} lang="en" units={units} kindName={kindLabel} />
    </FluentProvider>,
  );
  const rows = within(screen.getByTestId('sipas-table')).getAllByRole('row').map((r) => Array.from(r.querySelectorAll('td,th')).map((x) => x.textContent ?? ''));
  expect(rows.map((r) => r.slice(0, 2))).toEqual([
    ['Rank', 'Unit'],
    ['1', 'P. Hạ Đình'],
    ['2', 'P. Kim Giang'],
  ]);
});
