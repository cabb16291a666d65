/**
 * No lost work on the standalone page: the open workbook can be downloaded at any step, and an
 * action that would replace it ("Tạo sổ tổng hợp mới", opening another file) asks first when it
 * holds changes not downloaded or the units' data.
 */
import { useCallback, useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { s } from './i18n';
import { unitsWithData, useWorkbench, type Workbench } from './state';
import { resultsName, saveBytes } from './files';

interface Buffered {
  toBuffer(): Promise<Uint8Array>;
}

function canBuffer(p: unknown): p is Buffered {
  return typeof p === 'object' && p !== null && typeof (p as Partial<Buffered>).toBuffer === 'function';
}

/** The name the open workbook downloads under: "<sổ>-ket-qua.xlsx" once computed, else its own name. */
export function downloadName(w: Pick<Workbench, 'fileName' | 'computed'>): string {
  const name = w.fileName ?? 'so-tong-hop.xlsx';
  return w.computed?.ok ? resultsName(name) : name;
}

/** Download the open standalone workbook as it is now (inputs, imports, appraisals, results). */
export async function downloadWorkbook(w: Workbench): Promise<boolean> {
  if (!w.port || w.port.host !== 'exceljs' || !canBuffer(w.port)) return false;
  try {
    saveBytes(await w.port.toBuffer(), downloadName(w));
    w.markSaved();
    return true;
  } catch (e) {
    w.fail(e);
    return false;
  }
}

/** Would replacing the open workbook lose anything? (standalone only: Excel keeps its own workbook) */
export function wouldDiscard(w: Pick<Workbench, 'host' | 'port' | 'unsaved' | 'doc'>): boolean {
  if (w.host === 'excel' || !w.port) return false;
  return w.unsaved || (w.doc ? unitsWithData(w.doc) > 0 : false);
}

/**
 * `ask(action, run)`: runs `run` at once when nothing would be lost, else after the user confirms
 * (or downloads the workbook first). Render `dialog` once in the view.
 * @example const { ask, dialog } = useConfirmDiscard(); … onClick={() => ask('new', create)}
 */
export function useConfirmDiscard(): { ask: (action: 'new' | 'open', run: () => void) => void; dialog: JSX.Element | null } {
  const w = useWorkbench();
  const [pending, setPending] = useState<{ action: 'new' | 'open'; run: () => void } | undefined>(undefined);
  const ask = useCallback(
    (action: 'new' | 'open', run: () => void) => {
      if (wouldDiscard(w)) setPending({ action, run });
      else run();
    },
    [w],
  );
  if (!pending) return { ask, dialog: null };
  const file = w.fileName ?? 'so-tong-hop.xlsx';
  const what = s(pending.action === 'new' ? 'discard.actionNew' : 'discard.actionOpen', w.lang);
  const units = w.doc ? unitsWithData(w.doc) : 0;
  const close = (): void => setPending(undefined);
  const go = (): void => {
    const run = pending.run;
    setPending(undefined);
    run();
  };
  const dialog = (
    <Dialog open modalType="alert" onOpenChange={(_, d) => (d.open ? undefined : close())}>
      <DialogSurface data-testid="confirm-discard" style={{ maxWidth: 'min(480px, calc(100vw - 24px))', boxSizing: 'border-box' }}>
        <DialogBody>
          <DialogTitle>{s('discard.title', w.lang)}</DialogTitle>
          <DialogContent>{w.unsaved ? s('discard.unsaved', w.lang, { file, action: what }) : s('discard.saved', w.lang, { file, action: what, units })}</DialogContent>
          <DialogActions fluid style={{ flexWrap: 'wrap' }}>
            {w.unsaved ? (
              <Button
                appearance="primary"
                data-testid="discard-download"
                onClick={() => {
                  void downloadWorkbook(w).then((ok) => {
                    if (ok) go();
                  });
                }}
              >
                {s('discard.download', w.lang)}
              </Button>
            ) : null}
            <Button appearance={w.unsaved ? 'secondary' : 'primary'} data-testid="discard-confirm" onClick={go}>
              {s(pending.action === 'new' ? 'discard.confirmNew' : 'discard.confirmOpen', w.lang)}
            </Button>
            <Button appearance="subtle" data-testid="discard-cancel" onClick={close}>
              {s('discard.cancel', w.lang)}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return { ask, dialog };
}
