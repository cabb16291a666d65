import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { formatPercent } from '../../../engine/i18n/format';
import { s } from '../i18n';
import { useWorkbench } from '../state';

export function SipasView(): JSX.Element {
  const w = useWorkbench();
  if (!w.computed) return <Text>{s('needCompute', w.lang)}</Text>;
  const sipas = w.computed.summary.sipas;
  if (!sipas || sipas.units.length === 0) return <Text>{s('sipas.none', w.lang)}</Text>;
  const units = [...sipas.units].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  return (
    <>
      <Text>{s('sipas.intro', w.lang)}</Text>
      <Table size="small" aria-label="SIPAS" data-testid="sipas-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{s('analyse.rank', w.lang)}</TableHeaderCell>
            <TableHeaderCell>{s('analyse.unit', w.lang)}</TableHeaderCell>
            <TableHeaderCell>{s('sipas.overall', w.lang)}</TableHeaderCell>
            <TableHeaderCell>95%</TableHeaderCell>
            <TableHeaderCell>{s('sipas.n', w.lang)}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {units.map((u) => (
            <TableRow key={u.unit}>
              <TableCell>{u.rank ?? ''}</TableCell>
              <TableCell>{u.name || u.unit}</TableCell>
              <TableCell>{u.overall === null ? '—' : formatPercent(u.overall, w.lang)}</TableCell>
              <TableCell>{u.low === null || u.high === null ? '' : `${formatPercent(u.low, w.lang)} – ${formatPercent(u.high, w.lang)}`}</TableCell>
              <TableCell>{u.n}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
