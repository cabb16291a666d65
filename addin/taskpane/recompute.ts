/**
 * One full recompute through a WorkbookPort: list the sheets, read the input sheets in one batch,
 * compute off the UI thread (a worker, or inline with yielding), write the output sheets in one
 * batch. With the Office.js port this costs 3 `context.sync` calls whatever the number of units.
 */
import type { RenderedSheet, SheetSnapshot, WorkbookPort } from '../../engine';
import type { Issue } from '../../engine';

export type Phase = 'list' | 'read' | 'compute' | 'write' | 'done';

export interface Progress {
  phase: Phase;
  /** Overall fraction 0..1. */
  done: number;
}

/** What the compute step returns: sheets to write, every issue found, and a summary for the pane. */
export interface ComputeOutput<S> {
  sheets: RenderedSheet[];
  issues: Issue[];
  /** False when the input has errors (results, when they exist, are still written with the errors listed). */
  ok: boolean;
  summary: S;
}

export interface Pipeline<S> {
  /** Names of the sheets to read, given the workbook's sheet names. */
  inputSheets(available: readonly string[]): string[] | Promise<string[]>;
  /** `available`: every sheet name of the workbook (owned sheets not read are still known). */
  compute(snapshots: SheetSnapshot[], onProgress: (fraction: number) => void, available: readonly string[]): Promise<ComputeOutput<S>>;
}

export interface RecomputeResult<S> extends ComputeOutput<S> {
  written: string[];
  millis: { read: number; compute: number; write: number };
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * @example const r = await recompute(port, masterPipeline({ lang: 'vi' }), (p) => setBar(p.done));
 */
export async function recompute<S>(port: WorkbookPort, pipeline: Pipeline<S>, onProgress: (p: Progress) => void = () => undefined): Promise<RecomputeResult<S>> {
  onProgress({ phase: 'list', done: 0 });
  const t0 = now();
  const available = (await port.listSheets()).map((s) => s.name);
  const names = await pipeline.inputSheets(available);
  onProgress({ phase: 'read', done: 0.05 });
  const snapshots = await port.read(names);
  const t1 = now();
  onProgress({ phase: 'compute', done: 0.15 });
  const out = await pipeline.compute(snapshots, (f) => onProgress({ phase: 'compute', done: 0.15 + 0.6 * Math.min(1, Math.max(0, f)) }), available);
  const t2 = now();
  let written: string[] = [];
  // as the CLI does: results are written whenever they exist; input errors are listed on "Kiểm tra dữ liệu"
  if (out.sheets.length > 0) {
    onProgress({ phase: 'write', done: 0.75 });
    await port.write(out.sheets, { onProgress: (d) => onProgress({ phase: 'write', done: 0.75 + 0.25 * d }) });
    written = out.sheets.map((s) => s.name);
  }
  const t3 = now();
  onProgress({ phase: 'done', done: 1 });
  return { ...out, written, millis: { read: t1 - t0, compute: t2 - t1, write: t3 - t2 } };
}
