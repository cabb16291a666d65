/**
 * The cell the analyst selects in Excel, followed for the pane's "Giải thích ô đang chọn": one
 * handler on `workbook.onSelectionChanged` (ExcelApi 1.2), and on each change — debounced, since
 * moving with the arrow keys fires one event per cell — one batch that loads the active cell's
 * address (`workbook.getActiveCell()`, ExcelApi 1.7) with a single sync. Within the manifest's
 * ExcelApi 1.8 floor.
 *
 * Errors are quiet: a read that fails (the user is typing in a cell, another batch is running, the
 * workbook is closing) is dropped and the next selection reads again; a read still running when
 * the selection changes again is followed by one more read, never two at once. `stop()` removes
 * the handler in the context that added it, as Office asks, and nothing is reported after it.
 */
import type { ExcelRunner } from './port';

/** A selected cell: its sheet and its A1 address on that sheet ("E14"; the first cell of a range). */
export interface SelectedCell {
  sheet: string;
  address: string;
}

/** Runs a batch in a context already made (Excel.run(context, batch)): where an event handler is removed. */
export type ExcelRunnerIn = <T>(context: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface SelectionWatchOptions {
  /** Excel.run (default), or a double in tests. */
  run?: ExcelRunner;
  /** Excel.run on an existing context (default), or a double in tests. */
  runIn?: ExcelRunnerIn;
  /** Milliseconds of quiet after the last selection change before the cell is read. Default 200. */
  debounceMs?: number;
  /** Told of a failed read or subscription (the watcher carries on); default: nothing. */
  onError?: (e: unknown) => void;
}

/** Follows the selection until called; resolves once the handler is removed. */
export type StopWatching = () => Promise<void>;

/** A function that follows the selection: what the pane is given (the real one, or a test's). */
export type SelectionWatcher = (onCell: (cell: SelectedCell) => void) => Promise<StopWatching>;

/**
 * "'Kết quả'!E14", "Sheet1!$B$2:$C$3" → { sheet, address of the first cell }; undefined without a sheet.
 * @example splitAddress("'Điểm bị trừ'!F17") // { sheet: 'Điểm bị trừ', address: 'F17' }
 */
export function splitAddress(full: string): SelectedCell | undefined {
  const bang = full.lastIndexOf('!');
  if (bang <= 0) return undefined;
  let sheet = full.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const address = (full.slice(bang + 1).split(':')[0] ?? '').replace(/\$/g, '');
  return sheet && address ? { sheet, address } : undefined;
}

function officeRun(): ExcelRunner | undefined {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') return undefined;
  return <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Excel.run(batch);
}

function officeRunIn(): ExcelRunnerIn | undefined {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') return undefined;
  return <T>(context: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>) => Excel.run(context, batch);
}

/**
 * Call `onCell` with the active cell now and after every selection change, until the returned
 * `stop()`. Without Excel (a browser page) it does nothing and `stop()` is a no-op.
 * @example const stop = await watchSelection((c) => setCell(c)); … await stop();
 */
export async function watchSelection(onCell: (cell: SelectedCell) => void, options: SelectionWatchOptions = {}): Promise<StopWatching> {
  const run = options.run ?? officeRun();
  const runIn = options.runIn ?? officeRunIn();
  const quiet = options.onError ?? (() => undefined);
  if (!run) return async () => undefined;
  const wait = options.debounceMs ?? 200;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reading = false;
  let again = false;

  const read = async (): Promise<void> => {
    if (stopped) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      const address = await run(async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load('address');
        await context.sync();
        return cell.address;
      });
      const selected = splitAddress(address);
      if (selected && !stopped) onCell(selected);
    } catch (e) {
      quiet(e);
    } finally {
      reading = false;
      if (again && !stopped) {
        again = false;
        void read();
      }
    }
  };

  const onChange = async (): Promise<void> => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void read();
    }, wait);
    return Promise.resolve();
  };

  let added: OfficeExtension.EventHandlerResult<Excel.SelectionChangedEventArgs> | undefined;
  try {
    added = await run(async (ctx) => {
      const result = ctx.workbook.onSelectionChanged.add(onChange);
      await ctx.sync();
      return result;
    });
  } catch (e) {
    quiet(e);
  }
  await read();
  return async () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const result = added;
    added = undefined;
    if (!result) return;
    try {
      const remove = async (ctx: Excel.RequestContext): Promise<void> => {
        result.remove();
        await ctx.sync();
      };
      if (runIn) await runIn(result.context as Excel.RequestContext, remove);
      else await run(remove);
    } catch (e) {
      quiet(e);
    }
  };
}
