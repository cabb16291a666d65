import { Button, Field, ProgressBar, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { s } from '../i18n';
import { useWorkbench } from '../state';
import { count, index as indexText, points, rankWithRange } from '../fmt';
import { rankColumn, RankText } from './RankCell';
import { shortUnitName } from './names';
import { IssueList } from './IssueList';
import { RankCertainty, RiskList } from './insightLazy';
import { saveBytes } from '../files';
import { Explainable, useExplain } from './Explain';
import { COLUMN, useTableStyles } from './table';
import { LockPanel } from './LockPanel';

export function ComputeView(): JSX.Element {
  const w = useWorkbench();
  const r = w.computed;
  const results = r?.summary.results;
  const phase = w.progress?.phase ?? 'done';
  const explain = useExplain();
  const t = useTableStyles();
  return (
    <>
      <Text>{s('compute.intro', w.lang)}</Text>
      <Button appearance="primary" disabled={w.busy || !w.port} onClick={() => void w.compute()} data-testid="compute">
        {w.busy ? s('compute.running', w.lang) : s('compute.run', w.lang)}
      </Button>
      {!w.port ? <Text>{s('needWorkbook', w.lang)}</Text> : null}
      {w.busy || w.progress ? (
        <Field validationMessage={s(`compute.phase.${phase}`, w.lang)} validationState="none">
          <ProgressBar value={w.progress?.done ?? 0} max={1} aria-label={s('compute.running', w.lang)} />
        </Field>
      ) : null}
      {r ? <Text size={200}>{s('compute.timing', w.lang, { read: count(r.millis.read, w.lang), compute: count(r.millis.compute, w.lang), write: count(r.millis.write, w.lang) })}</Text> : null}
      {results ? <Text size={200}>{s('analyse.explainHint', w.lang)}</Text> : null}
      {results ? (
        <Table size="small" className={t.compact} aria-label={s('analyse.ranking', w.lang)} data-testid="summary-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={rankColumn(results.units)}>{s('analyse.rank', w.lang)}</TableHeaderCell>
              <TableHeaderCell>{s('analyse.unit', w.lang)}</TableHeaderCell>
              <TableHeaderCell style={COLUMN.points}>{s('analyse.score', w.lang)}</TableHeaderCell>
              <TableHeaderCell style={COLUMN.index}>{s('analyse.index', w.lang)}</TableHeaderCell>
              <TableHeaderCell style={COLUMN.grade} title={s('analyse.grade', w.lang)}>
                {s('analyse.gradeShort', w.lang)}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...results.units]
              .sort((a, b) => a.kind.localeCompare(b.kind) || a.rank - b.rank)
              .map((u) => (
                <TableRow key={u.code}>
                  <TableCell>
                    <RankText text={rankWithRange(u.rank, u.rankRange, w.lang)} />
                  </TableCell>
                  <TableCell title={`${u.name} (${u.code})`}>{shortUnitName(u.name)}</TableCell>
                  <TableCell>{points(u.score, w.lang)}</TableCell>
                  <TableCell data-testid={`index-${u.code}`}>
                    <Explainable label={s('explain.openUnit', w.lang, { unit: u.name })} onOpen={() => explain.open({ unit: u.code })}>
                      {indexText(u.index, w.lang)}
                    </Explainable>
                  </TableCell>
                  <TableCell>{u.grade}</TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      ) : null}
      {results && r?.ok ? (
        <Button
          data-testid="download-report"
          onClick={async () => {
            const { reportBytes, reportName, DOCX_MIME } = await import(/* webpackChunkName: "report" */ '../report');
            const bytes = await reportBytes({ results, ...(r.summary.sipas ? { sipas: r.summary.sipas } : {}), ...(r.summary.doc ? { units: r.summary.doc.units } : {}) }, w.lang);
            if (bytes) saveBytes(bytes, reportName(w.fileName ?? 'so-tong-hop.xlsx'), DOCX_MIME);
          }}
        >
          {s('compute.report', w.lang)}
        </Button>
      ) : null}
      {results ? <RankCertainty results={results} lang={w.lang} /> : null}
      {r ? <RiskList issues={r.issues} lang={w.lang} unitName={(c) => w.doc?.units.find((u) => u.code === c)?.name ?? c} /> : null}
      {r ? <IssueList issues={r.issues} /> : w.docIssues.length > 0 ? <IssueList issues={w.docIssues} /> : null}
      <LockPanel />
      {explain.dialog}
    </>
  );
}
