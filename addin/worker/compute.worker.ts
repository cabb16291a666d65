/**
 * Web Worker: runs the compute off the UI thread (Office restarts an add-in whose page stops
 * responding for 5 s). Messages in: { id, snapshots, lang, file?, asOf? }. Messages out:
 * { id, type: 'progress', done } … then { id, type: 'result', output } or { id, type: 'error', message }.
 */
import { computeMaster } from '../taskpane/engine';
import type { ComputeRequest, WorkerReply } from './protocol';

const post = (m: WorkerReply): void => (self as unknown as { postMessage: (m: WorkerReply) => void }).postMessage(m);

self.addEventListener('message', (ev: MessageEvent<ComputeRequest>) => {
  const req = ev.data;
  try {
    const output = computeMaster(req.snapshots, { lang: req.lang, sheetNames: req.sheetNames, ...(req.file ? { file: req.file } : {}), ...(req.asOf ? { asOf: req.asOf } : {}) }, (done) =>
      post({ id: req.id, type: 'progress', done }),
    );
    post({ id: req.id, type: 'result', output });
  } catch (e) {
    post({ id: req.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});
