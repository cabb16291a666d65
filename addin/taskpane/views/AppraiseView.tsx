import { useMemo, useState } from 'react';
import { Button, Checkbox, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { formatNumber } from '../../../engine';
import { s, type Lang } from '../i18n';
import { useWorkbench } from '../state';
import { parseTyped, points, value as valueText, count } from '../fmt';
import { shortUnitName } from './names';
import { useFieldStyles } from './table';

interface Edit {
  r1: string;
  r2: string;
  reason: string;
}

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  card: { display: 'flex', flexDirection: 'column', gap: '4px', padding: '8px', borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
  name: { minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground3 },
  rounds: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  round: { flex: '1 1 110px', minWidth: 0 },
});

/** Why a typed score cannot be saved ("abc", 2,5 above a maximum of 2), or undefined when it can. */
export function scoreProblem(text: string, max: number, lang: Lang): string | undefined {
  if (text.trim() === '') return undefined;
  const x = parseTyped(text);
  if (x === undefined) return s('appraise.notNumber', lang, { value: text.trim(), max: points(max, lang) });
  if (x < 0 || x > max) return s('appraise.outOfRange', lang, { value: points(x, lang), max: points(max, lang) });
  return undefined;
}

export function AppraiseView(): JSX.Element {
  const w = useWorkbench();
  const styles = useStyles();
  const fieldStyles = useFieldStyles();
  const doc = w.doc;
  const [unit, setUnit] = useState('');
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [pendingOnly, setPendingOnly] = useState(false);
  const [saving, setSaving] = useState(false);
  const leaves = useMemo(() => (doc && w.engine ? new Map(w.engine.leavesOf(doc).map((l) => [l.code, l])) : new Map<string, { code: string; name: string; max: number }>()), [doc, w.engine]);
  if (!doc || !w.engine) return <Text>{s('needWorkbook', w.lang)}</Text>;
  const withAnswers = [...new Set(doc.assessments.map((a) => a.unit))];
  const current = unit || withAnswers[0] || '';
  const unitName = doc.units.find((x) => x.code === current)?.name ?? current;
  const all = doc.assessments.filter((a) => a.unit === current);
  const rows = pendingOnly ? all.filter((a) => (a.appraisal?.length ?? 0) === 0 || edits[a.criterion] !== undefined) : all;
  const done = doc.assessments.filter((a) => (a.appraisal?.length ?? 0) > 0).length;
  const edit = (criterion: string, patch: Partial<Edit>, base: Edit): void => setEdits((e) => ({ ...e, [criterion]: { ...base, ...(e[criterion] ?? {}), ...patch } }));
  const maxOf = (criterion: string): number => leaves.get(criterion)?.max ?? Infinity;
  const save = async (): Promise<void> => {
    const list: { unit: string; criterion: string; appraisal: number[]; reason?: string }[] = [];
    const bad: { criterion: string; value: string; max: number }[] = [];
    for (const [criterion, e] of Object.entries(edits)) {
      const max = maxOf(criterion);
      for (const t of [e.r1, e.r2]) if (scoreProblem(t, max, w.lang)) bad.push({ criterion, value: t.trim(), max });
      const r1 = parseTyped(e.r1);
      const r2 = parseTyped(e.r2);
      const appraisal = r1 === undefined ? [] : r2 === undefined ? [r1] : [r1, r2];
      list.push({ unit: current, criterion, appraisal, reason: e.reason });
    }
    if (bad.length > 0) {
      // every bad field is marked where it is; the message names the unit and each criterion
      const first = bad[0];
      const who = current;
      const lines = (l: Lang): string => bad.map((b) => s('appraise.badNumber', l, { unit: who, criterion: b.criterion, value: b.value, max: points(b.max, l) })).join(' ');
      w.say(
        bad.length === 1 && first
          ? { intent: 'error', text: (l) => s('appraise.badNumber', l, { unit: who, criterion: first.criterion, value: first.value, max: points(first.max, l) }) }
          : { intent: 'error', text: (l) => s('appraise.badFields', l, { count: bad.length, unit: who }), detail: lines },
      );
      return;
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
      // edits the engine refused (a closed round: periods.appraisalLocked) are said with its located message
      const refused = (r?.issues ?? []).filter((i) => i.severity === 'error');
      const n = list.length - refused.length;
      const eng = w.engine;
      if (refused.length > 0 && eng) w.say({ intent: 'error', text: (l) => refused.map((i) => eng.describeIssue(i, l)).join(' '), detail: (l) => s('appraise.saved', l, { count: n }) });
      else w.say({ intent: 'success', text: (l) => s('appraise.saved', l, { count: n }) });
    } catch (e) {
      w.fail(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Text weight="semibold" data-testid="appraise-status">
        {s('appraise.status', w.lang, { done: count(done, w.lang), total: count(doc.assessments.length, w.lang) })}
      </Text>
      <Text>{s('appraise.intro', w.lang)}</Text>
      <Field label={s('appraise.unit', w.lang)} style={{ minWidth: 0 }}>
        <Select
          value={current}
          title={`${current} — ${unitName}`}
          style={{ maxWidth: '100%', minWidth: 0 }}
          onChange={(_, d) => {
            setUnit(d.value);
            setEdits({});
          }}
        >
          {withAnswers.map((u) => {
            const name = doc.units.find((x) => x.code === u)?.name ?? u;
            return (
              <option key={u} value={u} title={name}>
                {u} — {shortUnitName(name)}
              </option>
            );
          })}
        </Select>
      </Field>
      <Checkbox checked={pendingOnly} onChange={(_, d) => setPendingOnly(Boolean(d.checked))} label={s('appraise.pending', w.lang)} />
      <Text size={200}>{s('appraise.unitCount', w.lang, { count: count(rows.length, w.lang) })}</Text>
      <div className={styles.list} aria-label={`${s('view.appraise', w.lang)} — ${unitName}`} role="list" data-testid="appraise-table">
        {rows.map((a) => {
          // rounds as entered (all their decimals), in the pane's number format
          const base: Edit = {
            r1: a.appraisal?.[0] !== undefined ? formatNumber(a.appraisal[0], w.lang, 6) : '',
            r2: a.appraisal?.[1] !== undefined ? formatNumber(a.appraisal[1], w.lang, 6) : '',
            reason: a.reason ?? '',
          };
          const e = { ...base, ...(edits[a.criterion] ?? {}) };
          const leaf = leaves.get(a.criterion);
          const max = maxOf(a.criterion);
          const p1 = scoreProblem(e.r1, max, w.lang);
          const p2 = scoreProblem(e.r2, max, w.lang);
          return (
            <div key={a.criterion} className={styles.card} role="listitem" data-testid={`appraise-row-${a.criterion}`}>
              <Text weight="semibold" className={styles.name}>
                {a.criterion} {leaf?.name ?? ''}
              </Text>
              <Text size={200} className={styles.meta}>
                {s('appraise.value', w.lang)}: {valueText(a.value, w.lang) || '—'} · {s('appraise.self', w.lang)}: {a.self !== undefined ? points(a.self, w.lang) : '—'}
                {Number.isFinite(max) ? ` · ${s('appraise.max', w.lang, { max: points(max, w.lang) })}` : ''}
              </Text>
              {a.explanation ? (
                <Text size={200}>
                  {s('appraise.explanation', w.lang)}: {a.explanation}
                </Text>
              ) : null}
              <div className={styles.rounds}>
                <Field className={styles.round} label={s('appraise.round1', w.lang)} size="small" validationState={p1 ? 'error' : 'none'} validationMessage={p1 ?? null}>
                  <Input
                    size="small"
                    className={fieldStyles.input}
                    inputMode="decimal"
                    aria-label={`${s('appraise.round1', w.lang)} ${a.criterion}`}
                    value={e.r1}
                    onChange={(_, d) => edit(a.criterion, { r1: d.value }, base)}
                  />
                </Field>
                <Field className={styles.round} label={s('appraise.round2', w.lang)} size="small" validationState={p2 ? 'error' : 'none'} validationMessage={p2 ?? null}>
                  <Input
                    size="small"
                    className={fieldStyles.input}
                    inputMode="decimal"
                    aria-label={`${s('appraise.round2', w.lang)} ${a.criterion}`}
                    value={e.r2}
                    onChange={(_, d) => edit(a.criterion, { r2: d.value }, base)}
                  />
                </Field>
              </div>
              <Field label={s('appraise.reason', w.lang)} size="small">
                <Textarea
                  size="small"
                  className={fieldStyles.input}
                  resize="vertical"
                  rows={2}
                  aria-label={`${s('appraise.reason', w.lang)} ${a.criterion}`}
                  value={e.reason}
                  onChange={(_, d) => edit(a.criterion, { reason: d.value }, base)}
                />
              </Field>
            </div>
          );
        })}
      </div>
      <Button appearance="primary" disabled={saving || Object.keys(edits).length === 0} onClick={() => void save()} data-testid="appraise-save">
        {s('appraise.save', w.lang)}
      </Button>
    </>
  );
}
