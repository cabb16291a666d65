/**
 * "Explain any number": a score clicked in the pane's tables opens how it came about. A unit's
 * index shows its points over the applicable maximum, by area, and the criteria that lost points;
 * a criterion shows the engine's explanation (engine/app `explainCriterion`, the same words as
 * `parindex explain`): the rule and its parameters, the declared value and its source (file,
 * sheet, cell, import time), each round with its reason, the points lost and recoverable.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { s } from '../i18n';
import { useWorkbench } from '../state';
import { index as indexText, points } from '../fmt';

export type ExplainTarget = { unit: string; criterion?: string };

const useStyles = makeStyles({
  surface: { maxWidth: 'min(560px, calc(100vw - 16px))', width: '100%', boxSizing: 'border-box', padding: '16px' },
  block: { display: 'flex', flexDirection: 'column', gap: '2px', marginBottom: '10px' },
  line: { margin: 0, overflowWrap: 'anywhere' },
  indent: { margin: 0, paddingLeft: '12px', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  final: { margin: 0, paddingLeft: '4px', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: '18px' },
});

/** The engine's lines in blocks (split at blank lines); the round that counts ("→") in bold. */
function Lines({ lines }: { lines: readonly string[] }): JSX.Element {
  const styles = useStyles();
  const blocks: string[][] = [[]];
  for (const l of lines) {
    const last = blocks[blocks.length - 1];
    if (l.trim() === '') blocks.push([]);
    else last?.push(l);
  }
  return (
    <>
      {blocks
        .filter((b) => b.length > 0)
        .map((b, i) => (
          <div key={i} className={styles.block}>
            {b.map((l, j) => {
              const final = /^\s*→/.test(l);
              const cls = final ? styles.final : /^\s/.test(l) ? styles.indent : styles.line;
              return (
                <p key={j} className={cls}>
                  {l.trim()}
                </p>
              );
            })}
          </div>
        ))}
    </>
  );
}

export function UnitExplanation({ unit, onCriterion }: { unit: string; onCriterion: (criterion: string) => void }): JSX.Element {
  const w = useWorkbench();
  const styles = useStyles();
  const u = w.computed?.summary.results?.units.find((x) => x.code === unit);
  if (!u) return <Text>{s('explain.unavailable', w.lang)}</Text>;
  const gaps = [...u.gaps].filter((g) => g.lost > 0).sort((a, b) => b.lost - a.lost);
  return (
    <div data-testid="explain-unit">
      <div className={styles.block}>
        <Text weight="semibold">
          {s('explain.unitHead', w.lang, {
            unit: `${u.name} (${u.code})`,
            score: points(u.score, w.lang),
            max: points(u.max, w.lang),
            index: indexText(u.index, w.lang),
            grade: u.grade,
            rank: u.rank,
          })}
        </Text>
        <Text size={200}>{s('explain.unitRule', w.lang, { score: points(u.score, w.lang), max: points(u.max, w.lang) })}</Text>
      </div>
      <div className={styles.block}>
        <Text weight="semibold">{s('explain.areas', w.lang)}</Text>
        <ul className={styles.list}>
          {u.areas.map((a) => (
            <li key={a.code}>
              {a.code}. {a.name}: {points(a.score, w.lang)}/{points(a.max, w.lang)} ({indexText(a.index, w.lang)})
            </li>
          ))}
        </ul>
      </div>
      <div className={styles.block}>
        <Text weight="semibold">{gaps.length ? s('explain.gaps', w.lang) : s('explain.noGap', w.lang)}</Text>
        <ul className={styles.list}>
          {gaps.map((g) => (
            <li key={g.criterion}>
              <Link as="button" onClick={() => onCriterion(g.criterion)} data-testid={`explain-gap-${g.criterion}`}>
                {g.criterion} {g.name}
              </Link>
              : −{points(g.lost, w.lang)} ({s('analyse.recoverable', w.lang)} {points(g.recoverable, w.lang)})
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function CriterionExplanation({ unit, criterion }: { unit: string; criterion: string }): JSX.Element {
  const w = useWorkbench();
  const summary = w.computed?.summary;
  const engine = w.engine;
  const file = w.fileName;
  const lang = w.lang;
  const lines = useMemo(() => (summary && engine ? engine.explain(summary, unit, criterion, lang, file)?.lines : undefined), [summary, engine, unit, criterion, lang, file]);
  if (!lines) return <Text>{s('explain.unavailable', w.lang)}</Text>;
  return (
    <div data-testid="explain-criterion">
      <Lines lines={lines} />
    </div>
  );
}

/**
 * `open({ unit })` or `open({ unit, criterion })` shows the explanation; render `dialog` once.
 * @example const { open, dialog } = useExplain(); <Link onClick={() => open({ unit: 'KG' })}>…</Link>{dialog}
 */
export function useExplain(): { open: (t: ExplainTarget) => void; dialog: JSX.Element | null } {
  const w = useWorkbench();
  const styles = useStyles();
  const [target, setTarget] = useState<ExplainTarget | undefined>(undefined);
  // what was opened first: "back" returns from a criterion to the unit's index when that is where it started
  const [fromUnit, setFromUnit] = useState(false);
  const open = useCallback((t: ExplainTarget) => {
    setFromUnit(false);
    setTarget(t);
  }, []);
  // going from the unit to a criterion (or back) replaces the focused link: focus stays in the dialog (Escape closes it)
  const body = useRef<HTMLDivElement>(null);
  const unit = target?.unit;
  const criterion = target?.criterion;
  useEffect(() => {
    if (unit !== undefined && fromUnit) body.current?.focus();
  }, [unit, criterion, fromUnit]);
  if (!target) return { open, dialog: null };
  const dialog = (
    <Dialog open onOpenChange={(_, d) => (d.open ? undefined : setTarget(undefined))}>
      <DialogSurface className={styles.surface} data-testid="explain">
        <DialogBody>
          <DialogTitle>{s('explain.title', w.lang)}</DialogTitle>
          <DialogContent>
            <div ref={body} tabIndex={-1} style={{ outline: 'none' }}>
              {target.criterion ? (
                <CriterionExplanation unit={target.unit} criterion={target.criterion} />
              ) : (
                <UnitExplanation
                  unit={target.unit}
                  onCriterion={(criterion) => {
                    setFromUnit(true);
                    setTarget({ unit: target.unit, criterion });
                  }}
                />
              )}
            </div>
          </DialogContent>
          <DialogActions fluid style={{ flexWrap: 'wrap' }}>
            {target.criterion && fromUnit ? (
              <Button onClick={() => setTarget({ unit: target.unit })} data-testid="explain-back">
                {s('explain.back', w.lang)}
              </Button>
            ) : null}
            <Button appearance="primary" onClick={() => setTarget(undefined)}>
              {s('close', w.lang)}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return { open, dialog };
}

/** A number in a table that opens its explanation (a link-styled button; the number is its text). */
export function Explainable({ label, onOpen, children, testId }: { label: string; onOpen: () => void; children: string; testId?: string }): JSX.Element {
  return (
    <Link as="button" onClick={onOpen} aria-label={`${children} — ${label}`} title={label} {...(testId ? { 'data-testid': testId } : {})}>
      {children}
    </Link>
  );
}
