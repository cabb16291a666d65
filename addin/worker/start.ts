/**
 * Starts the compute worker. Kept apart because `new URL(…, import.meta.url)` is webpack/ESM
 * syntax: only the bundled pane imports this file.
 */
export function startComputeWorker(): Worker {
  return new Worker(new URL('./compute.worker.ts', import.meta.url), { name: 'parindex-compute' });
}
