import { useMemo, useState } from 'react';
import { Button, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { formatNumber } from '../../../engine';
import { s } from '../i18n';
import { useWorkbench } from '../state';

interface Edit {
  r1: string;
  r2: string;
  reason: string;
}

function show(v: unknown, lang: 'vi' | 'en'): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return formatNumber(v, lang, 4);
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}=${String(x)}`).join('; ');
  return String(v);
}

function parsePoints(t: string): number | undefined {
  const x = Number(t.trim().replace(',', '.'));
  return t.trim() === '' || !Number.isFinite(x) ? undefined : x;
}

export function AppraiseView(): JSX.Element {
  const w = useWorkbench();
  const doc = w.doc;
  const [unit, setUnit] = useState('');
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [saving, setSaving] = useState(false);
  const leaves = useMemo(() => (doc && w.engine ? new Map(w.engine.leavesOf(doc).map((l) => [l.code, l])) : new Map<string, { code: string; name: string; max: number }>()), [doc, w.engine]);
  if (!doc || !w.engine) return <Text>{s('needWorkbook', w.lang)}</Text>;
  const withAnswers = [...new Set(doc.assessments.map((a) => a.unit))];
  const current = unit || withAnswers[0] || '';
  const rows = doc.assessments.filter((a) => a.unit === current);
  const done = doc.assessments.filter((a) => (a.appraisal?.length ?? 0) > 0).length;
  const edit = (criterion: string, patch: Partial<Edit>, base: Edit): void => setEdits((e) => ({ ...e, [criterion]: { ...base, ...(e[criterion] ?? {}), ...patch } }));
  const save = async (): Promise<void> => {
    const list: { unit: string; criterion: string; appraisal: number[]; reason?: string }[] = [];
    for (const [criterion, e] of Object.entries(edits)) {
      const max = leaves.get(criterion)?.max ?? Infinity;
      const r1 = parsePoints(e.r1);
      const r2 = parsePoints(e.r2);
      for (const [t, v] of [
        [e.r1, r1],
        [e.r2, r2],
      ] as const) {
        if (t.trim() !== '' && (v === undefined || v < 0 || v > max)) {
          w.say({ intent: 'error', text: s('appraise.badNumber', w.lang, { value: t, criterion, max: formatNumber(max, w.lang) }) });
          return;
        }
      }
      const appraisal = r1 === undefined ? [] : r2 === undefined ? [r1] : [r1, r2];
      list.push({ unit: current, criterion, appraisal, reason: e.reason });
    }
    if (!w.port || list.length === 0) return;
    setSaving(true);
    try {
      // the rows as they are now (a sort or an inserted row since the pane read them): the save patches those
      const fresh = (await w.refresh()) ?? doc;
      const r = w.engine?.applyAppraisals(fresh, list, w.lang);
      if (r && r.sheets.length) await w.port.write(r.sheets);
      await w.refresh();
      setEdits({});
      w.say({ intent: 'success', text: s('appraise.saved', w.lang, { count: list.length }) });
    } catch (e) {
      w.fail(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Text weight="semibold" data-testid="appraise-status">
        {s('appraise.status', w.lang, { done, total: doc.assessments.length })}
      </Text>
      <Text>{s('appraise.intro', w.lang)}</Text>
      <Field label={s('appraise.unit', w.lang)}>
        <Select
          value={current}
          onChange={(_, d) => {
            setUnit(d.value);
            setEdits({});
          }}
        >
          {withAnswers.map((u) => (
            <option key={u} value={u}>
              {u} — {doc.units.find((x) => x.code === u)?.name ?? u}
            </option>
          ))}
        </Select>
      </Field>
      <Table size="small" aria-label={s('view.appraise', w.lang)} data-testid="appraise-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{s('appraise.criterion', w.lang)}</TableHeaderCell>
            <TableHeaderCell>{s('appraise.value', w.lang)}</TableHeaderCell>
            <TableHeaderCell>{s('appraise.self', w.lang)}</TableHeaderCell>
            <TableHeaderCell>{s('appraise.round1', w.lang)}</TableHeaderCell>
            <TableHeaderCell>{s('appraise.round2', w.lang)}</TableHeaderCell>
            <TableHeaderCell>{s('appraise.reason', w.lang)}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((a) => {
            const base: Edit = { r1: a.appraisal?.[0] !== undefined ? String(a.appraisal[0]) : '', r2: a.appraisal?.[1] !== undefined ? String(a.appraisal[1]) : '', reason: a.reason ?? '' };
            const e = { ...base, ...(edits[a.criterion] ?? {}) };
            const leaf = leaves.get(a.criterion);
            return (
              <TableRow key={a.criterion}>
                <TableCell title={leaf?.name}>
                  {a.criterion}
                  {a.explanation ? <div style={{ fontSize: 11, color: '#555' }}>{s('appraise.explanation', w.lang)}: {a.explanation}</div> : null}
                </TableCell>
                <TableCell>{show(a.value, w.lang)}</TableCell>
                <TableCell>{show(a.self, w.lang)}</TableCell>
                <TableCell>
                  <Input size="small" style={{ width: 64 }} inputMode="decimal" aria-label={`${s('appraise.round1', w.lang)} ${a.criterion}`} value={e.r1} onChange={(_, d) => edit(a.criterion, { r1: d.value }, base)} />
                </TableCell>
                <TableCell>
                  <Input size="small" style={{ width: 64 }} inputMode="decimal" aria-label={`${s('appraise.round2', w.lang)} ${a.criterion}`} value={e.r2} onChange={(_, d) => edit(a.criterion, { r2: d.value }, base)} />
                </TableCell>
                <TableCell>
                  <Input size="small" aria-label={`${s('appraise.reason', w.lang)} ${a.criterion}`} value={e.reason} onChange={(_, d) => edit(a.criterion, { reason: d.value }, base)} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Button appearance="primary" disabled={saving || Object.keys(edits).length === 0} onClick={() => void save()} data-testid="appraise-save">
        {s('appraise.save', w.lang)}
      </Button>
    </>
  );
}
