import { useMemo, useState } from 'react';
import { Badge, Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { s, statusText as paneStatus } from '../i18n';
import { useWorkbench } from '../state';
import { count, date } from '../fmt';
import { shortUnitName } from './names';
import { PlanStatusChart } from '../charts';
import { planStatusCounts } from '../charts/data';

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

/** Groups shown at a time: a district's late list can run to thousands of unit × task lines. */
export const PLAN_PAGE = 10;

const STATUS_BADGE: Readonly<Record<string, 'danger' | 'warning' | 'informative' | 'subtle'>> = { late: 'danger', notStarted: 'warning', notReported: 'informative' };

const useStyles = makeStyles({
  filters: { display: 'flex', gap: '8px', flexWrap: 'wrap', minWidth: 0 },
  filter: { flex: '1 1 140px', minWidth: 0 },
  groups: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: '4px', padding: '8px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, minWidth: 0 },
  head: { display: 'flex', gap: '6px', alignItems: 'baseline', justifyContent: 'space-between', minWidth: 0 },
  title: { minWidth: 0, overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: '2', WebkitBoxOrient: 'vertical' },
  status: { minWidth: 0, lineHeight: '20px' },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** A group's lines by status, in the order of the status register. */
function byStatus<T extends { status: string }>(items: readonly T[]): [string, T[]][] {
  const order = ['late', 'notStarted', 'notReported', 'onTrack', 'done'];
  const m = new Map<string, T[]>();
  for (const i of items) m.set(i.status, [...(m.get(i.status) ?? []), i]);
  return [...m.entries()].sort((a, b) => (order.indexOf(a[0]) + 1 || 99) - (order.indexOf(b[0]) + 1 || 99));
}

function asPlan(x: unknown): PlanResults | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const p = x as Partial<PlanResults>;
  if (!Array.isArray(p.tasks)) return undefined;
  return { tasks: p.tasks, late: Array.isArray(p.late) ? p.late : [], uncovered: Array.isArray(p.uncovered) ? p.uncovered : [] };
}

interface Group {
  key: string;
  title: string;
  full: string;
  meta: string;
  items: { key: string; label: string; full: string; status: string }[];
}

export function PlanView(): JSX.Element {
  const w = useWorkbench();
  const styles = useStyles();
  const [lead, setLead] = useState('');
  const [status, setStatus] = useState('');
  const [by, setBy] = useState<'task' | 'unit'>('task');
  const [limit, setLimit] = useState(PLAN_PAGE);
  const plan = asPlan(w.computed?.summary.results?.plan);
  const names = useMemo(() => new Map((w.computed?.summary.doc?.units ?? w.computed?.summary.results?.units ?? []).map((u) => [u.code, u.name])), [w.computed]);
  const groups = useMemo((): Group[] => {
    if (!plan) return [];
    const tasks = new Map(plan.tasks.map((t) => [t.id, t]));
    const rows = plan.late.filter((l) => (lead === '' || l.unit === lead) && (status === '' || l.status === status));
    const m = new Map<string, Group>();
    for (const l of rows) {
      const t = tasks.get(l.task);
      const unitFull = names.get(l.unit) ?? l.unit;
      const taskTitle = t ? `${t.id}. ${t.title}` : l.task;
      const key = by === 'task' ? l.task : l.unit;
      let g = m.get(key);
      if (!g) {
        g =
          by === 'task'
            ? { key, title: taskTitle, full: taskTitle, meta: t?.due ? s('plan.dueOn', w.lang, { date: date(t.due, w.lang) }) : '', items: [] }
            : { key, title: `${l.unit} — ${shortUnitName(unitFull)}`, full: `${unitFull} (${l.unit})`, meta: '', items: [] };
        m.set(key, g);
      }
      g.items.push(
        by === 'task'
          ? { key: l.unit, label: l.unit, full: `${unitFull} (${l.unit})`, status: l.status }
          : { key: l.task, label: t ? t.id : l.task, full: `${taskTitle}${t?.due ? ` — ${s('plan.dueOn', w.lang, { date: date(t.due, w.lang) })}` : ''}`, status: l.status },
      );
    }
    // most lines first: the tasks (or units) to chase hardest
    return [...m.values()].sort((a, b) => b.items.length - a.items.length || a.key.localeCompare(b.key, 'vi', { numeric: true }));
  }, [plan, lead, status, by, names, w.lang]);
  if (!w.computed) return <Text>{s('needCompute', w.lang)}</Text>;
  if (!plan) return <Text>{s('plan.empty', w.lang)}</Text>;
  const statusText = (st: string): string => paneStatus(st, w.lang);
  const leads = [...new Set(plan.late.map((l) => l.unit))].sort();
  const statuses = [...new Set(plan.late.map((l) => l.status))];
  const lines = groups.reduce((t, g) => t + g.items.length, 0);
  const reset = (): void => setLimit(PLAN_PAGE);
  return (
    <>
      <Text>{s('plan.intro', w.lang)}</Text>
      {plan.tasks.length > 0 ? (
        <PlanStatusChart
          frame={{ loading: s('chart.loading', w.lang), failed: s('chart.failed', w.lang) }}
          counts={planStatusCounts(plan.tasks)}
          title={s('chart.planStatus', w.lang)}
          statusText={statusText}
          lang={w.lang}
        />
      ) : null}
      <Text weight="semibold">{s('plan.late', w.lang, { count: count(plan.late.length, w.lang) })}</Text>
      <div className={styles.filters}>
        <Field label={s('plan.filterLead', w.lang)} className={styles.filter}>
          <Select
            value={lead}
            style={{ maxWidth: '100%', minWidth: 0 }}
            onChange={(_, d) => {
              setLead(d.value);
              reset();
            }}
            data-testid="plan-lead"
          >
            <option value="">{s('plan.all', w.lang)}</option>
            {leads.map((l) => (
              <option key={l} value={l} title={names.get(l)}>
                {l} — {shortUnitName(names.get(l) ?? l)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s('plan.filterStatus', w.lang)} className={styles.filter}>
          <Select
            value={status}
            style={{ maxWidth: '100%', minWidth: 0 }}
            onChange={(_, d) => {
              setStatus(d.value);
              reset();
            }}
            data-testid="plan-status"
          >
            <option value="">{s('plan.all', w.lang)}</option>
            {statuses.map((st) => (
              <option key={st} value={st}>
                {statusText(st)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s('plan.groupBy', w.lang)} className={styles.filter}>
          <Select
            value={by}
            style={{ maxWidth: '100%', minWidth: 0 }}
            onChange={(_, d) => {
              setBy(d.value === 'unit' ? 'unit' : 'task');
              reset();
            }}
            data-testid="plan-group-by"
          >
            <option value="task">{s('plan.byTask', w.lang)}</option>
            <option value="unit">{s('plan.byUnit', w.lang)}</option>
          </Select>
        </Field>
      </div>
      <Text size={200}>
        {s(by === 'task' ? 'plan.tasks' : 'plan.units', w.lang, { count: count(groups.length, w.lang) })} · {s('plan.lines', w.lang, { count: count(lines, w.lang) })}
      </Text>
      {groups.length === 0 ? <Text>{s('plan.noMatch', w.lang)}</Text> : null}
      <div className={styles.groups} role="list" aria-label={s('view.plan', w.lang)} data-testid="plan-table">
        {groups.slice(0, limit).map((g) => (
          <div key={g.key} className={styles.group} role="listitem" data-testid="plan-group">
            <div className={styles.head}>
              <Text weight="semibold" className={styles.title} title={g.full}>
                {g.title}
              </Text>
              <Badge appearance="tint" color="danger" shape="rounded">
                {count(g.items.length, w.lang)}
              </Badge>
            </div>
            {g.meta ? (
              <Text size={200} className={styles.meta}>
                {g.meta}
              </Text>
            ) : null}
            {/* by status: each status once, then the units (or tasks) in it, short, the full name on hover */}
            {byStatus(g.items).map(([st, items]) => (
              <div key={st} className={styles.status}>
                <Badge size="small" appearance="tint" color={STATUS_BADGE[st] ?? 'subtle'}>
                  {statusText(st)} · {count(items.length, w.lang)}
                </Badge>{' '}
                <Text size={200}>
                  {items.map((i, n) => (
                    <span key={i.key}>
                      {n > 0 ? ', ' : ''}
                      <span title={i.full}>{i.label}</span>
                    </span>
                  ))}
                </Text>
              </div>
            ))}
          </div>
        ))}
      </div>
      {groups.length > limit ? (
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <Text>{s('plan.shown', w.lang, { shown: count(limit, w.lang), total: count(groups.length, w.lang) })}</Text>
          <Button size="small" onClick={() => setLimit((n) => n + PLAN_PAGE)} data-testid="plan-more">
            {s('plan.more', w.lang)}
          </Button>
        </div>
      ) : null}
      {plan.uncovered.length > 0 ? <Text>{s('plan.uncovered', w.lang, { list: plan.uncovered.join(', ') })}</Text> : null}
    </>
  );
}
