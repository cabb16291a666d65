/**
 * "Chốt điểm" in the pane (docs/periods.md): each round with whether it is closed (when, by whom,
 * the reason), closing after a confirmation, reopening with a required reason. The act is the
 * engine's `lockRound` (as `parindex lock`); its sheets ("Chốt điểm", "Nhật ký nhập") are written
 * back through the workbook port: Excel's open workbook, or the standalone page's workbook (then
 * downloaded with the page's download button).
 */
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../../engine';
import { useWorkbench } from '../state';
import type { LockEvent } from '../engine';
import { date } from '../fmt';
import { useFieldStyles } from './table';
import { sl, type LockKey } from './lockStrings';

type Round = LockEvent['round'];

/** The rounds of a master, in their order (engine/periods ROUNDS). */
export const LOCK_ROUNDS: readonly Round[] = ['selfAssessment', 'appraisal1', 'explanation', 'appraisal2'];

const ROUND_KEY: Record<Round, LockKey> = {
  selfAssessment: 'lock.round.selfAssessment',
  appraisal1: 'lock.round.appraisal1',
  explanation: 'lock.round.explanation',
  appraisal2: 'lock.round.appraisal2',
};

/** A round in words. */
export function roundName(round: Round, lang: Lang): string {
  return sl(ROUND_KEY[round], lang);
}

/** "2025-12-01T16:30" → "01/12/2025 16:30" (vi) or "2025-12-01 16:30" (en). */
export function when(at: string, lang: Lang): string {
  const time = /T(\d{2}:\d{2})/.exec(at)?.[1];
  return /^\d{4}-\d{2}-\d{2}/.test(at) ? `${date(at.slice(0, 10), lang)}${time ? ` ${time}` : ''}` : at;
}

/** The last act of each round (the one that decides whether it is closed). */
export function lastActs(events: readonly LockEvent[]): Map<Round, LockEvent> {
  const last = new Map<Round, LockEvent>();
  for (const e of events) last.set(e.round, e);
  return last;
}

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0, marginTop: '12px' },
  list: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 },
  card: { display: 'flex', flexDirection: 'column', gap: '4px', padding: '8px', borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: '4px 8px', minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  closed: { color: tokens.colorPaletteDarkOrangeForeground1 },
  surface: { maxWidth: 'min(480px, calc(100vw - 16px))', width: '100%', boxSizing: 'border-box', padding: '16px' },
  text: { overflowWrap: 'anywhere' },
});

interface Pending {
  round: Round;
  action: 'lock' | 'reopen';
}

export function LockPanel(): JSX.Element | null {
  const w = useWorkbench();
  const styles = useStyles();
  const field = useFieldStyles();
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [by, setBy] = useState('');
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [working, setWorking] = useState(false);
  const doc = w.doc;
  if (!doc || !w.port) return null;
  const last = lastActs(doc.extras.locks ?? []);
  const lang = w.lang;

  const ask = (round: Round, action: 'lock' | 'reopen'): void => {
    setPending({ round, action });
    setReason('');
    setReasonMissing(false);
  };

  const run = async (): Promise<void> => {
    if (!pending || !w.port) return;
    const { round, action } = pending;
    const why = reason.trim();
    if (action === 'reopen' && !why) {
      setReasonMissing(true);
      return;
    }
    setWorking(true);
    try {
      const eng = await w.loadEngine();
      const names = (await w.port.listSheets()).map((x) => x.name);
      // the master as it is now (imports since the pane last read it): the round's hash is of these values
      const snaps = await w.port.read(eng.sheetsToRead(names));
      const who = by.trim();
      const r = eng.lockRoundOf(snaps, {
        lang,
        round,
        now: eng.localIso(new Date()),
        ...(w.fileName ? { file: w.fileName } : {}),
        ...(who ? { by: who } : {}),
        ...(action === 'reopen' ? { reopen: true, reason: why } : {}),
      });
      if (!r.ok || !r.event) {
        const issues = r.issues;
        w.say({ intent: 'error', text: (l) => sl('lock.refused', l, { detail: issues.map((i) => eng.describeIssue(i, l)).join(' ') }) });
        setPending(undefined);
        return;
      }
      await w.port.write(r.sheets);
      await w.refresh();
      const e = r.event;
      const standalone = w.port.host === 'exceljs';
      const done = (l: Lang): string =>
        e.action === 'lock' ? sl('lock.closed', l, { round: roundName(e.round, l), at: when(e.at, l) }) : sl('lock.reopened', l, { round: roundName(e.round, l), at: when(e.at, l), reason: e.reason ?? '' });
      w.say({ intent: 'success', text: done, ...(standalone ? { detail: (l: Lang) => sl('lock.download', l) } : {}) });
      setPending(undefined);
    } catch (err) {
      w.fail(err);
    } finally {
      setWorking(false);
    }
  };

  const title = pending ? sl(pending.action === 'lock' ? 'lock.closeTitle' : 'lock.reopenTitle', lang, { round: roundName(pending.round, lang) }) : '';
  return (
    <section className={styles.panel} aria-label={sl('lock.title', lang)} data-testid="lock-panel">
      <Text weight="semibold" size={400}>
        {sl('lock.title', lang)}
      </Text>
      <Text size={200}>{sl('lock.intro', lang)}</Text>
      <div className={styles.list} role="list">
        {LOCK_ROUNDS.map((round) => {
          const e = last.get(round);
          const closed = e?.action === 'lock';
          return (
            <div key={round} className={styles.card} role="listitem" data-testid={`lock-round-${round}`}>
              <div className={styles.head}>
                <Text weight="semibold">{roundName(round, lang)}</Text>
                <Button size="small" appearance={closed ? 'secondary' : 'primary'} disabled={working} onClick={() => ask(round, closed ? 'reopen' : 'lock')} data-testid={`${closed ? 'reopen' : 'lock'}-${round}`}>
                  {sl(closed ? 'lock.reopen' : 'lock.close', lang)}
                </Button>
              </div>
              <Text size={200} className={closed ? styles.closed : styles.meta} data-testid={`lock-status-${round}`}>
                {!e ? sl('lock.open', lang) : [sl(closed ? 'lock.closedAt' : 'lock.reopenedAt', lang, { at: when(e.at, lang) }), e.by ? sl('lock.by', lang, { by: e.by }) : ''].filter(Boolean).join(' ')}
                {!closed && e ? ` · ${sl('lock.open', lang)}` : ''}
              </Text>
              {e?.reason ? (
                <Text size={200} className={styles.meta}>
                  {sl('lock.reasonWas', lang, { reason: e.reason })}
                </Text>
              ) : null}
            </div>
          );
        })}
      </div>
      {pending ? (
        <Dialog open onOpenChange={(_, d) => (d.open ? undefined : setPending(undefined))}>
          <DialogSurface className={styles.surface} data-testid="lock-dialog">
            <DialogBody>
              <DialogTitle>{title}</DialogTitle>
              <DialogContent>
                <Text block className={styles.text}>
                  {sl(pending.action === 'lock' ? 'lock.closeWarning' : 'lock.reopenText', lang)}
                </Text>
                {pending.action === 'reopen' ? (
                  <Field
                    label={sl('lock.reasonField', lang)}
                    required
                    validationState={reasonMissing ? 'error' : 'none'}
                    validationMessage={reasonMissing ? sl('lock.reasonMissing', lang, { round: roundName(pending.round, lang) }) : null}
                  >
                    <Textarea
                      className={field.input}
                      resize="vertical"
                      rows={2}
                      value={reason}
                      data-testid="lock-reason"
                      onChange={(_, d) => {
                        setReason(d.value);
                        if (d.value.trim()) setReasonMissing(false);
                      }}
                    />
                  </Field>
                ) : null}
                <Field label={sl('lock.byField', lang)}>
                  <Input className={field.input} value={by} data-testid="lock-by" onChange={(_, d) => setBy(d.value)} />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" disabled={working} onClick={() => void run()} data-testid="lock-confirm">
                  {sl(pending.action === 'lock' ? 'lock.confirmClose' : 'lock.confirmReopen', lang)}
                </Button>
                <Button onClick={() => setPending(undefined)} data-testid="lock-cancel">
                  {sl('lock.cancel', lang)}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      ) : null}
    </section>
  );
}
