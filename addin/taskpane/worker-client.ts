/**
 * Runs the compute in a Web Worker when the browser offers one, else inline with a yield to the
 * event loop before and after (so the progress bar paints). Either way the pane stays responsive
 * while a workbook is read and written, and the engine chunk is only fetched when needed.
 */
import type { Lang } from '../../engine';
import type { SheetSnapshot } from '../../engine';
import type { ComputeRequest, WorkerReply } from '../worker/protocol';
import type { ComputeSummary } from './engine';
import type { ComputeOutput, Pipeline } from './recompute';

export type WorkerFactory = () => Worker;

const yieldToUi = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

let nextId = 1;

function inWorker(factory: WorkerFactory, req: Omit<ComputeRequest, 'id'>, onProgress: (f: number) => void): Promise<ComputeOutput<ComputeSummary>> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = factory();
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    const id = nextId++;
    worker.onmessage = (ev: MessageEvent<WorkerReply>) => {
      const m = ev.data;
      if (m.id !== id) return;
      if (m.type === 'progress') onProgress(m.done);
      else {
        worker.terminate();
        if (m.type === 'result') resolve(m.output);
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (ev: ErrorEvent) => {
      worker.terminate();
      reject(new Error(ev.message || 'worker failed'));
    };
    worker.postMessage({ ...req, id });
  });
}

/** The master pipeline for `recompute`: reads the round's sheets, scores in a worker (or inline) through engine/app. */
export function masterPipeline(options: { lang: Lang; file?: string; asOf?: string; worker?: WorkerFactory }): Pipeline<ComputeSummary> {
  return {
    // the sheets the engine uses (engine/app sheetsToRead without the user's other sheets)
    inputSheets: async (available) => (await import(/* webpackChunkName: "engine" */ './engine')).sheetsNeeded(available),
    async compute(snapshots: SheetSnapshot[], onProgress, available) {
      const req: Omit<ComputeRequest, 'id'> = {
        snapshots,
        sheetNames: [...available],
        lang: options.lang,
        ...(options.file ? { file: options.file } : {}),
        ...(options.asOf ? { asOf: options.asOf } : {}),
      };
      if (options.worker && typeof Worker !== 'undefined') {
        try {
          return await inWorker(options.worker, req, onProgress);
        } catch {
          // a worker that cannot start (blocked by policy, old host): fall back to inline below
        }
      }
      await yieldToUi();
      const engine = await import(/* webpackChunkName: "engine" */ './engine');
      const out = engine.computeMaster(snapshots, req, onProgress);
      await yieldToUi();
      return out;
    },
  };
}
