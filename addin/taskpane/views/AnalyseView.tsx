import { useMemo, useState } from 'react';
import { Button, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Subtitle2 } from '@fluentui/react-components';
import { formatNumber, formatPercent } from '../../../engine';
import type { UnitResult } from '../../../engine';
import { s } from '../i18n';
import { useWorkbench } from '../state';
import { shortUnitName } from './names';

function delta(x: number, lang: 'vi' | 'en'): string {
  return (x > 0 ? '+' : x < 0 ? '−' : '±') + formatNumber(Math.abs(x), lang);
}

export function AnalyseView(): JSX.Element {
  const w = useWorkbench();
  const results = w.computed?.summary.results;
  const doc = w.computed?.summary.doc;
  const scoring = w.computed?.summary.scoring;
  const [unit, setUnit] = useState<string>('');
  const [edits, setEdits] = useState<Record<string, string>>({});
  const byKind = useMemo(() => {
    const m = new Map<string, UnitResult[]>();
    for (const u of results?.units ?? []) m.set(u.kind, [...(m.get(u.kind) ?? []), u]);
    for (const list of m.values()) list.sort((a, b) => a.rank - b.rank);
    return m;
  }, [results]);
  const leads = useMemo(() => (results && w.engine ? w.engine.leadRollup(results) : []), [results, w.engine]);
  const current = results?.units.find((u) => u.code === unit) ?? results?.units[0];
  const changes = useMemo(() => {
    if (!current) return [];
    return Object.entries(edits)
      .filter(([, text]) => text.trim() !== '')
      .map(([criterion, text]) => ({ criterion, points: Number(text.replace(',', '.')) }))
      .filter((c) => text_ok(c.points))
      .map((c) => ({ unit: current.code, criterion: c.criterion, appraisal: [c.points] }));
  }, [edits, current]);
  const what = useMemo(() => (scoring && w.engine && changes.length > 0 ? w.engine.runWhatIf(scoring, changes, w.lang) : undefined), [scoring, w.engine, changes, w.lang]);
  if (!results) return <Text>{s('needCompute', w.lang)}</Text>;
  const mine = what?.units.find((u) => u.code === current?.code);
  const unitName = (code: string): string => doc?.units.find((u) => u.code === code)?.name ?? code;
  return (
    <>
      {[...byKind.entries()].map(([kind, list]) => (
        <section key={kind}>
          <Subtitle2 as="h2">
            {s('analyse.ranking', w.lang)} — {w.engine ? w.engine.kindName(kind, w.lang) : kind}
          </Subtitle2>
          <Table size="small" aria-label={`${s('analyse.ranking', w.lang)} ${kind}`} data-testid={`ranking-${kind}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{s('analyse.rank', w.lang)}</TableHeaderCell>
                <TableHeaderCell>{s('analyse.unit', w.lang)}</TableHeaderCell>
                <TableHeaderCell>{s('analyse.index', w.lang)}</TableHeaderCell>
                <TableHeaderCell>{s('analyse.grade', w.lang)}</TableHeaderCell>
                <TableHeaderCell>{s('analyse.change', w.lang)}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((u) => (
                <TableRow key={u.code}>
                  <TableCell>{u.rank}</TableCell>
                  <TableCell title={u.name}>{shortUnitName(u.name)}</TableCell>
                  <TableCell>{formatPercent(u.index, w.lang)}</TableCell>
                  <TableCell>{u.grade}</TableCell>
                  <TableCell>{u.previous ? delta(u.previous.indexChange, w.lang) : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ))}
      <section>
        <Subtitle2 as="h2">{s('analyse.byLead', w.lang)}</Subtitle2>
        <Table size="small" aria-label={s('analyse.byLead', w.lang)} data-testid="by-lead">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{s('analyse.lead', w.lang)}</TableHeaderCell>
              <TableHeaderCell>{s('analyse.lost', w.lang)}</TableHeaderCell>
              <TableHeaderCell>{s('analyse.recoverable', w.lang)}</TableHeaderCell>
              <TableHeaderCell>{s('analyse.gaps', w.lang)}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {leads.map((g) => (
              <TableRow key={g.key || '_'}>
                <TableCell>{g.key ? `${g.key} — ${unitName(g.key)}` : '—'}</TableCell>
                <TableCell>{formatNumber(g.lost, w.lang)}</TableCell>
                <TableCell>{formatNumber(g.recoverable, w.lang)}</TableCell>
                <TableCell>{g.count}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section data-testid="what-if">
        <Subtitle2 as="h2">{s('analyse.whatIf', w.lang)}</Subtitle2>
        <Text>{s('analyse.whatIfIntro', w.lang)}</Text>
        <Field label={s('analyse.unit', w.lang)}>
          <Select
            value={current?.code ?? ''}
            onChange={(_, d) => {
              setUnit(d.value);
              setEdits({});
            }}
          >
            {results.units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.code} — {u.name}
              </option>
            ))}
          </Select>
        </Field>
        {current ? (
          <Table size="small" aria-label={s('analyse.whatIf', w.lang)}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell />
                <TableHeaderCell>{s('analyse.before', w.lang)}</TableHeaderCell>
                <TableHeaderCell>{s('analyse.after', w.lang)}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              <TableRow>
                <TableCell>{s('analyse.index', w.lang)}</TableCell>
                <TableCell>{formatPercent(current.index, w.lang)}</TableCell>
                <TableCell data-testid="whatif-index">{formatPercent(mine?.after.index ?? current.index, w.lang)}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell>{s('analyse.grade', w.lang)}</TableCell>
                <TableCell>{current.grade}</TableCell>
                <TableCell data-testid="whatif-grade">{mine?.after.grade ?? current.grade}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell>{s('analyse.rank', w.lang)}</TableCell>
                <TableCell>{current.rank}</TableCell>
                <TableCell data-testid="whatif-rank">{mine?.after.rank ?? current.rank}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        ) : null}
        {current && current.gaps.length === 0 ? <Text>{s('analyse.noGaps', w.lang)}</Text> : null}
        {current && current.gaps.length > 0 ? (
          <Table size="small" aria-label={s('analyse.lost', w.lang)}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{s('appraise.criterion', w.lang)}</TableHeaderCell>
                <TableHeaderCell>{s('analyse.score', w.lang)}</TableHeaderCell>
                <TableHeaderCell>{s('analyse.lost', w.lang)}</TableHeaderCell>
                <TableHeaderCell>{s('analyse.newPoints', w.lang)}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {current.gaps.map((g) => (
                <TableRow key={g.criterion}>
                  <TableCell title={g.reason}>
                    {g.criterion} {g.name}
                  </TableCell>
                  <TableCell>
                    {formatNumber(g.score, w.lang)}/{formatNumber(g.max, w.lang)}
                  </TableCell>
                  <TableCell>{formatNumber(g.lost, w.lang)}</TableCell>
                  <TableCell>
                    <Input
                      size="small"
                      inputMode="decimal"
                      aria-label={`${s('analyse.newPoints', w.lang)} ${g.criterion}`}
                      data-testid={`whatif-${g.criterion}`}
                      value={edits[g.criterion] ?? ''}
                      placeholder={formatNumber(g.score, w.lang)}
                      onChange={(_, d) => setEdits((e) => ({ ...e, [g.criterion]: d.value }))}
                      style={{ width: 72 }}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
        {Object.keys(edits).length > 0 ? <Button onClick={() => setEdits({})}>{s('analyse.reset', w.lang)}</Button> : null}
      </section>
    </>
  );
}

function text_ok(x: number): boolean {
  return Number.isFinite(x) && x >= 0;
}
