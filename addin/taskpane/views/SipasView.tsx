import { Fragment, useState } from 'react';
import { Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Lang } from '../../../engine';
import type { SipasResult, SipasUnitResult } from '../../../engine';
import { s } from '../i18n';
import { useWorkbench } from '../state';
import { shortUnitName } from './names';
import { SurveyQuality } from './insightLazy';
import { count, fixed, index as indexText, points } from '../fmt';
import { SipasChart } from '../charts';
import { sipasAspects } from '../charts/data';
import { COLUMN, useTableStyles } from './table';

/** Kinds in display order (as the ranking sheet); unknown kinds after, the pooled unit last. */
const KIND_ORDER = ['district', 'department', 'office', 'ward', 'commune'];
function kindOrder(kind: string | undefined): number {
  if (kind === 'pool') return KIND_ORDER.length + 2;
  if (kind === undefined) return KIND_ORDER.length + 1;
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

export interface SipasTableProps {
  sipas: SipasResult;
  lang: Lang;
  /** The workbook's units: names for units the survey result knows only by code. */
  units?: readonly { code: string; name: string }[];
  /** "ward" → "Phường" (the engine's wording); the kind code itself when absent. */
  kindName?: (kind: string, lang: Lang) => string;
}

/**
 * SIPAS by unit: one block per unit kind (ranks are within kind; the block heading is left out
 * when there is a single kind), the unit's short name with the full name and code on hover.
 */
export function SipasTable(props: SipasTableProps): JSX.Element {
  const { sipas, lang } = props;
  const t = useTableStyles();
  const names = new Map((props.units ?? []).map((u) => [u.code, u.name]));
  const fullName = (u: SipasUnitResult): string => (u.name && u.name !== u.unit ? u.name : (names.get(u.unit) ?? u.unit));
  const kindText = (kind: string | undefined): string =>
    kind === 'pool' ? (lang === 'vi' ? 'Gộp' : 'Pooled') : kind === undefined ? (lang === 'vi' ? 'Loại khác' : 'Other') : (props.kindName?.(kind, lang) ?? kind);
  const blocks: { kind: string | undefined; units: SipasUnitResult[] }[] = [];
  const sorted = [...sipas.units].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || (a.kind ?? '').localeCompare(b.kind ?? '') || (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unit.localeCompare(b.unit));
  for (const u of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.kind === u.kind) last.units.push(u);
    else blocks.push({ kind: u.kind, units: [u] });
  }
  const headed = blocks.length > 1;
  return (
    <Table size="small" className={t.compact} aria-label="SIPAS" data-testid="sipas-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell style={COLUMN.rank}>{s('analyse.rank', lang)}</TableHeaderCell>
          <TableHeaderCell>{s('analyse.unit', lang)}</TableHeaderCell>
          <TableHeaderCell style={COLUMN.index}>{s('sipas.overall', lang)}</TableHeaderCell>
          <TableHeaderCell style={COLUMN.index}>{s('sipas.interval', lang)}</TableHeaderCell>
          <TableHeaderCell style={COLUMN.count} title={s('sipas.n', lang)}>
            {s('sipas.nShort', lang)}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {blocks.map((b) => (
          <Fragment key={b.kind ?? ''}>
            {headed && (
              <TableRow>
                <TableCell colSpan={5}>
                  <strong>{kindText(b.kind)}</strong>
                </TableCell>
              </TableRow>
            )}
            {b.units.map((u) => {
              const full = fullName(u);
              return (
                <TableRow key={u.unit} data-testid={`sipas-row-${u.unit}`}>
                  <TableCell>{u.rank ?? ''}</TableCell>
                  <TableCell title={`${full} (${u.unit})`}>{shortUnitName(full)}</TableCell>
                  <TableCell>{u.overall === null ? '—' : indexText(u.overall, lang)}</TableCell>
                  <TableCell>
                    <span style={{ fontSize: 12 }}>{u.low === null || u.high === null ? '' : `${fixed(u.low, lang, 2)}–${fixed(u.high, lang, 2)}`}</span>
                  </TableCell>
                  <TableCell>{count(u.n, lang)}</TableCell>
                </TableRow>
              );
            })}
          </Fragment>
        ))}
      </TableBody>
    </Table>
  );
}

export function SipasView(): JSX.Element {
  const w = useWorkbench();
  const [chosen, setChosen] = useState('');
  if (!w.computed) return <Text>{s('needCompute', w.lang)}</Text>;
  const sipas = w.computed.summary.sipas;
  if (!sipas || sipas.units.length === 0) return <Text>{s('sipas.none', w.lang)}</Text>;
  const units = w.computed.summary.doc?.units ?? w.computed.summary.results?.units.map((u) => ({ code: u.code, name: u.name }));
  const names = new Map((units ?? []).map((u) => [u.code, u.name]));
  const nameOf = (code: string, own: string): string => (own && own !== code ? own : (names.get(code) ?? code));
  // the pooled unit first (the whole survey), then the units as listed
  const choices = [...sipas.units].sort((a, b) => Number(Boolean(b.pooled)) - Number(Boolean(a.pooled)) || kindOrder(a.kind) - kindOrder(b.kind) || (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unit.localeCompare(b.unit));
  const unit = choices.find((u) => u.unit === chosen) ?? choices[0];
  const aspects = unit ? sipasAspects(unit, w.lang) : [];
  return (
    <>
      <Text>{s('sipas.intro', w.lang)}</Text>
      {unit ? (
        <section style={{ display: 'flex', flexDirection: 'column', gap: 6, minWidth: 0 }} data-testid="sipas-aspects">
          <Field label={s('sipas.unit', w.lang)} style={{ minWidth: 0 }}>
            <Select value={unit.unit} onChange={(_, d) => setChosen(d.value)} style={{ maxWidth: '100%', minWidth: 0 }} title={nameOf(unit.unit, unit.name)}>
              {choices.map((u) => (
                <option key={u.unit} value={u.unit} title={nameOf(u.unit, u.name)}>
                  {u.unit} — {shortUnitName(nameOf(u.unit, u.name))}
                </option>
              ))}
            </Select>
          </Field>
          {aspects.length > 0 ? (
            <SipasChart
              frame={{ loading: s('chart.loading', w.lang), failed: s('chart.failed', w.lang) }}
              aspects={aspects}
              title={s('chart.sipasAspects', w.lang, { unit: shortUnitName(nameOf(unit.unit, unit.name)) })}
              indexLabel={s('chart.index', w.lang)}
              intervalLabel={s('chart.interval', w.lang)}
              target={sipas.method.target}
              targetLabel={s('chart.target', w.lang, { target: points(sipas.method.target, w.lang) + '%' })}
              lang={w.lang}
            />
          ) : null}
        </section>
      ) : null}
      <SipasTable sipas={sipas} lang={w.lang} {...(units ? { units } : {})} {...(w.engine ? { kindName: w.engine.kindName } : {})} />
      <SurveyQuality sipas={sipas} lang={w.lang} />
    </>
  );
}
