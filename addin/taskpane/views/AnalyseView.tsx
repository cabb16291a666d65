import { Fragment, useMemo, useState } from 'react';
import { Button, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { UnitResult } from '../../../engine';
import { s, type Lang } from '../i18n';
import { useWorkbench } from '../state';
import { change, count, index as indexText, parseTyped, points, rankWithRange } from '../fmt';
import { rankColumn, RankText, ranged } from './RankCell';
import { YearsTable } from './insightLazy';
import { si } from './insightStrings';
import { shortUnitName } from './names';
import { COLUMN, useFieldStyles, useTableStyles } from './table';
import { Explainable, useExplain } from './Explain';
import { LeadLossChart, ProfileChart, RankingChart } from '../charts';
import { areaProfile, leadLosses, rankingBars, targetOf } from '../charts/data';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 },
});

/** A what-if entry that cannot count, and why: "abc" is not a number, 50 is above the maximum. */
export function whatIfProblem(text: string, max: number, lang: Lang): string | undefined {
  if (text.trim() === '') return undefined;
  const x = parseTyped(text);
  if (x === undefined) return s('analyse.whatIfNaN', lang, { value: text.trim() });
  if (x < 0 || x > max) return s('analyse.whatIfRange', lang, { value: points(x, lang), max: points(max, lang) });
  return undefined;
}

export function AnalyseView(): JSX.Element {
  const w = useWorkbench();
  const results = w.computed?.summary.results;
  const doc = w.computed?.summary.doc;
  const scoring = w.computed?.summary.scoring;
  const explain = useExplain();
  const t = useTableStyles();
  const styles = useStyles();
  const fieldStyles = useFieldStyles();
  const [unit, setUnit] = useState<string>('');
  const [profileUnit, setProfileUnit] = useState<string>('');
  const [edits, setEdits] = useState<Record<string, string>>({});
  const byKind = useMemo(() => {
    const m = new Map<string, UnitResult[]>();
    for (const u of results?.units ?? []) m.set(u.kind, [...(m.get(u.kind) ?? []), u]);
    for (const list of m.values()) list.sort((a, b) => a.rank - b.rank);
    return m;
  }, [results]);
  const leads = useMemo(() => (results && w.engine ? w.engine.leadRollup(results) : []), [results, w.engine]);
  const current = results?.units.find((u) => u.code === unit) ?? results?.units[0];
  const gapMax = useMemo(() => new Map((current?.gaps ?? []).map((g) => [g.criterion, g.max])), [current]);
  // only entries that are numbers within [0; max] count; the others are marked on their field
  const changes = useMemo(() => {
    if (!current) return [];
    return Object.entries(edits)
      .filter(([criterion, text]) => text.trim() !== '' && whatIfProblem(text, gapMax.get(criterion) ?? Infinity, 'vi') === undefined)
      .map(([criterion, text]) => ({ unit: current.code, criterion, appraisal: [parseTyped(text) ?? 0] }));
  }, [edits, current, gapMax]);
  const what = useMemo(() => (scoring && w.engine && changes.length > 0 ? w.engine.runWhatIf(scoring, changes, w.lang) : undefined), [scoring, w.engine, changes, w.lang]);
  if (!results) return <Text>{s('needCompute', w.lang)}</Text>;
  const mine = what?.units.find((u) => u.code === current?.code);
  const names = new Map((doc?.units ?? results.units).map((u) => [u.code, u.name]));
  const unitName = (code: string): string => names.get(code) ?? code;
  const target = targetOf(results);
  const frame = { loading: s('chart.loading', w.lang), failed: s('chart.failed', w.lang) };
  // by default the first unit of the largest kind (a unit alone in its kind is its own average)
  const largest = [...byKind.values()].reduce<UnitResult[]>((a, b) => (b.length > a.length ? b : a), []);
  const profiled = results.units.find((u) => u.code === profileUnit) ?? largest[0] ?? results.units[0];
  const kindText = (kind: string): string => (w.engine ? w.engine.kindName(kind, w.lang) : kind);
  const ignored = Object.entries(edits).filter(([criterion, text]) => whatIfProblem(text, gapMax.get(criterion) ?? Infinity, w.lang) !== undefined).length;
  return (
    <>
      <Text size={200}>{s('analyse.explainHint', w.lang)}</Text>
      {[...byKind.entries()].map(([kind, list]) => (
        <section key={kind} className={styles.section}>
          <Subtitle2 as="h2">
            {s('analyse.ranking', w.lang)} — {kindText(kind)}
          </Subtitle2>
          {list.length >= 3 ? (
            <RankingChart
              frame={frame}
              bars={rankingBars(list)}
              target={target}
              title={s('chart.ranking', w.lang, { kind: kindText(kind) })}
              targetLabel={s('chart.target', w.lang, { target: `${points(target, w.lang)}%` })}
              indexLabel={s('chart.index', w.lang)}
              intervalLabel={s('chart.interval', w.lang)}
              lang={w.lang}
              onSelect={(code) => explain.open({ unit: code })}
            />
          ) : null}
          <Table size="small" className={t.compact} aria-label={`${s('analyse.ranking', w.lang)} ${kind}`} data-testid={`ranking-${kind}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={rankColumn(list)} title={list.some(ranged) ? si('insight.rank.intro', w.lang) : undefined}>
                  {s('analyse.rank', w.lang)}
                </TableHeaderCell>
                <TableHeaderCell>{s('analyse.unit', w.lang)}</TableHeaderCell>
                <TableHeaderCell style={COLUMN.index}>{s('analyse.index', w.lang)}</TableHeaderCell>
                <TableHeaderCell style={COLUMN.grade} title={s('analyse.grade', w.lang)}>
                  {s('analyse.gradeShort', w.lang)}
                </TableHeaderCell>
                <TableHeaderCell style={COLUMN.change} title={s('analyse.change', w.lang)}>
                  {s('analyse.changeShort', w.lang)}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((u) => (
                <TableRow key={u.code}>
                  <TableCell data-testid={`rank-${u.code}`} style={ranged(u) ? { fontSize: '12px' } : undefined}>
                    <RankText text={rankWithRange(u.rank, u.rankRange, w.lang)} />
                  </TableCell>
                  <TableCell title={`${u.name} (${u.code})`}>{shortUnitName(u.name)}</TableCell>
                  <TableCell>
                    <Explainable label={s('explain.openUnit', w.lang, { unit: u.name })} onOpen={() => explain.open({ unit: u.code })}>
                      {indexText(u.index, w.lang)}
                    </Explainable>
                  </TableCell>
                  <TableCell>{u.grade}</TableCell>
                  <TableCell>{u.previous ? change(u.previous.indexChange, w.lang) : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ))}
      {(results.years?.years.length ?? 0) > 1 ? <YearsTable results={results} lang={w.lang} /> : null}
      {profiled ? (
        <section className={styles.section} data-testid="profile">
          <Subtitle2 as="h2">{s('chart.profile', w.lang, { unit: shortUnitName(profiled.name) })}</Subtitle2>
          <Field label={s('analyse.unitProfile', w.lang)} style={{ minWidth: 0 }}>
            <Select value={profiled.code} onChange={(_, d) => setProfileUnit(d.value)} style={{ maxWidth: '100%', minWidth: 0 }} title={profiled.name}>
              {results.units.map((u) => (
                <option key={u.code} value={u.code} title={u.name}>
                  {u.code} — {shortUnitName(u.name)}
                </option>
              ))}
            </Select>
          </Field>
          <ProfileChart
            frame={frame}
            areas={areaProfile(profiled, results.units)}
            unitLabel={shortUnitName(profiled.name)}
            averageLabel={s('chart.average', w.lang, { kind: kindText(profiled.kind).toLocaleLowerCase(w.lang === 'vi' ? 'vi-VN' : 'en-GB') })}
            title={s('chart.profileAxis', w.lang)}
            lang={w.lang}
          />
        </section>
      ) : null}
      <section className={styles.section}>
        <Subtitle2 as="h2">{s('analyse.byLead', w.lang)}</Subtitle2>
        {leads.some((g) => g.lost > 0) ? (
          <LeadLossChart
            frame={frame}
            rows={leadLosses(leads, names, '—')}
            title={s('chart.lostAxis', w.lang)}
            recoverableLabel={s('analyse.recoverable', w.lang)}
            notRecoverableLabel={s('chart.notRecoverable', w.lang)}
            lang={w.lang}
          />
        ) : null}
        <Table size="small" className={t.compact} aria-label={s('analyse.byLead', w.lang)} data-testid="by-lead">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{s('analyse.lead', w.lang)}</TableHeaderCell>
              <TableHeaderCell style={COLUMN.points}>{s('analyse.lost', w.lang)}</TableHeaderCell>
              <TableHeaderCell style={COLUMN.change}>{s('analyse.recoverable', w.lang)}</TableHeaderCell>
              <TableHeaderCell style={COLUMN.count}>{s('analyse.gaps', w.lang)}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {leads.map((g) => (
              <TableRow key={g.key || '_'}>
                <TableCell title={g.key ? `${g.key} — ${unitName(g.key)}` : undefined}>{g.key ? `${g.key} — ${shortUnitName(unitName(g.key))}` : '—'}</TableCell>
                <TableCell>{points(g.lost, w.lang)}</TableCell>
                <TableCell>{points(g.recoverable, w.lang)}</TableCell>
                <TableCell>{count(g.count, w.lang)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section data-testid="what-if" className={styles.section}>
        <Subtitle2 as="h2">{s('analyse.whatIf', w.lang)}</Subtitle2>
        <Text>{s('analyse.whatIfIntro', w.lang)}</Text>
        <Field label={s('analyse.unit', w.lang)} style={{ minWidth: 0 }}>
          <Select
            value={current?.code ?? ''}
            title={current?.name}
            style={{ maxWidth: '100%', minWidth: 0 }}
            onChange={(_, d) => {
              setUnit(d.value);
              setEdits({});
            }}
          >
            {results.units.map((u) => (
              <option key={u.code} value={u.code} title={u.name}>
                {u.code} — {shortUnitName(u.name)}
              </option>
            ))}
          </Select>
        </Field>
        {current ? (
          <Table size="small" className={t.compact} aria-label={s('analyse.whatIf', w.lang)}>
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
                <TableCell>{indexText(current.index, w.lang)}</TableCell>
                <TableCell data-testid="whatif-index">{indexText(mine?.after.index ?? current.index, w.lang)}</TableCell>
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
        {ignored > 0 ? (
          <Text size={200} style={{ color: tokens.colorPaletteRedForeground1 }} role="alert" data-testid="whatif-ignored">
            {s('analyse.whatIfIgnored', w.lang, { count: ignored })}
          </Text>
        ) : null}
        {current && current.gaps.length === 0 ? <Text>{s('analyse.noGaps', w.lang)}</Text> : null}
        {current && current.gaps.length > 0 ? (
          <Table size="small" className={t.compact} aria-label={s('analyse.lost', w.lang)}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{s('appraise.criterion', w.lang)}</TableHeaderCell>
                <TableHeaderCell style={COLUMN.index}>{s('analyse.score', w.lang)}</TableHeaderCell>
                <TableHeaderCell style={COLUMN.grade}>{s('analyse.lost', w.lang)}</TableHeaderCell>
                <TableHeaderCell style={COLUMN.input}>{s('analyse.newPoints', w.lang)}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {current.gaps.map((g) => {
                const problem = whatIfProblem(edits[g.criterion] ?? '', g.max, w.lang);
                return (
                  <Fragment key={g.criterion}>
                    <TableRow>
                      <TableCell title={g.reason || g.name}>
                        <Text size={200}>
                          {g.criterion} {g.name}
                        </Text>
                      </TableCell>
                      <TableCell>
                        <Explainable
                          label={s('explain.openCriterion', w.lang, { criterion: g.criterion, unit: current.name })}
                          onOpen={() => explain.open({ unit: current.code, criterion: g.criterion })}
                          testId={`explain-${g.criterion}`}
                        >
                          {`${points(g.score, w.lang)}/${points(g.max, w.lang)}`}
                        </Explainable>
                      </TableCell>
                      <TableCell>{points(g.lost, w.lang)}</TableCell>
                      <TableCell>
                        <Input
                          size="small"
                          className={mergeClasses(fieldStyles.input, problem ? fieldStyles.invalid : undefined)}
                          inputMode="decimal"
                          aria-label={`${s('analyse.newPoints', w.lang)} ${g.criterion}`}
                          aria-invalid={problem ? true : undefined}
                          aria-describedby={problem ? `whatif-problem-${g.criterion}` : undefined}
                          data-testid={`whatif-${g.criterion}`}
                          value={edits[g.criterion] ?? ''}
                          placeholder={points(g.score, w.lang)}
                          onChange={(_, d) => setEdits((e) => ({ ...e, [g.criterion]: d.value }))}
                        />
                      </TableCell>
                    </TableRow>
                    {problem ? (
                      <TableRow>
                        <TableCell colSpan={4}>
                          <Text size={200} id={`whatif-problem-${g.criterion}`} data-testid={`whatif-problem-${g.criterion}`} style={{ color: tokens.colorPaletteRedForeground1 }}>
                            {g.criterion}: {problem}
                          </Text>
                        </TableCell>
                      </TableRow>
                    ) : null}
                  </Fragment>
                );
              })}
            </TableBody>
          </Table>
        ) : null}
        {Object.keys(edits).length > 0 ? <Button onClick={() => setEdits({})}>{s('analyse.reset', w.lang)}</Button> : null}
      </section>
      {explain.dialog}
    </>
  );
}
