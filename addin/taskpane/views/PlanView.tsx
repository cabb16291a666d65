import { useState } from 'react';
import { Button, Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { formatDate } from '../../../engine';
import { s, statusText as paneStatus } from '../i18n';
import { useWorkbench } from '../state';

/** The plan part of the results document (shared contract). */
interface PlanTask {
  id: string;
  title: string;
  lead: string;
  leadName?: string;
  due?: string;
  status: string;
  criteria?: string[];
}
interface PlanResults {
  tasks: PlanTask[];
  late: { unit: string; task: string; status: string }[];
  uncovered: string[];
}

/** Rows shown at a time: the late list of a district can run to thousands of unit × task lines. */
const PAGE = 50;

function asPlan(x: unknown): PlanResults | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const p = x as Partial<PlanResults>;
  if (!Array.isArray(p.tasks)) return undefined;
  return { tasks: p.tasks, late: Array.isArray(p.late) ? p.late : [], uncovered: Array.isArray(p.uncovered) ? p.uncovered : [] };
}

export function PlanView(): JSX.Element {
  const w = useWorkbench();
  const [lead, setLead] = useState('');
  const [status, setStatus] = useState('');
  const [limit, setLimit] = useState(PAGE);
  if (!w.computed) return <Text>{s('needCompute', w.lang)}</Text>;
  const plan = asPlan(w.computed.summary.results?.plan);
  if (!plan) return <Text>{s('plan.empty', w.lang)}</Text>;
  const tasks = new Map(plan.tasks.map((t) => [t.id, t]));
  const rows = plan.late.filter((l) => (lead === '' || l.unit === lead) && (status === '' || l.status === status));
  const statusText = (st: string): string => paneStatus(st, w.lang);
  const leads = [...new Set(plan.late.map((l) => l.unit))].sort();
  const statuses = [...new Set(plan.late.map((l) => l.status))];
  return (
    <>
      <Text>{s('plan.intro', w.lang)}</Text>
      <Text weight="semibold">{s('plan.late', w.lang, { count: plan.late.length })}</Text>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Field label={s('plan.filterLead', w.lang)}>
          <Select value={lead} onChange={(_, d) => { setLead(d.value); setLimit(PAGE); }} data-testid="plan-lead">
            <option value="">{s('plan.all', w.lang)}</option>
            {leads.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s('plan.filterStatus', w.lang)}>
          <Select value={status} onChange={(_, d) => { setStatus(d.value); setLimit(PAGE); }}>
            <option value="">{s('plan.all', w.lang)}</option>
            {statuses.map((st) => (
              <option key={st} value={st}>
                {statusText(st)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Table size="small" aria-label={s('view.plan', w.lang)} data-testid="plan-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{s('analyse.unit', w.lang)}</TableHeaderCell>
            <TableHeaderCell>{s('plan.task', w.lang)}</TableHeaderCell>
            <TableHeaderCell>{s('plan.due', w.lang)}</TableHeaderCell>
            <TableHeaderCell>{s('plan.status', w.lang)}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.slice(0, limit).map((l, i) => {
            const t = tasks.get(l.task);
            return (
              <TableRow key={`${l.unit}-${l.task}-${i}`}>
                <TableCell>{l.unit}</TableCell>
                <TableCell title={t?.title}>{t ? `${t.id}. ${t.title.length > 90 ? t.title.slice(0, 88) + '…' : t.title}` : l.task}</TableCell>
                <TableCell>{t?.due ? formatDate(t.due, w.lang) : ''}</TableCell>
                <TableCell>{statusText(l.status)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {rows.length > limit ? (
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <Text>{s('plan.shown', w.lang, { shown: limit, total: rows.length })}</Text>
          <Button size="small" onClick={() => setLimit((n) => n + PAGE)}>
            {s('plan.more', w.lang)}
          </Button>
        </div>
      ) : null}
      {plan.uncovered.length > 0 ? <Text>{s('plan.uncovered', w.lang, { list: plan.uncovered.join(', ') })}</Text> : null}
    </>
  );
}
