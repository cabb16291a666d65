import type { Lang } from '../../engine';
import type { SheetSnapshot } from '../../engine';
import type { ComputeOutput } from '../taskpane/recompute';
import type { ComputeSummary } from '../taskpane/engine';

export interface ComputeRequest {
  id: number;
  snapshots: SheetSnapshot[];
  /** Every sheet name of the workbook. */
  sheetNames: string[];
  lang: Lang;
  file?: string;
  asOf?: string;
}

export type WorkerReply =
  | { id: number; type: 'progress'; done: number }
  | { id: number; type: 'result'; output: ComputeOutput<ComputeSummary> }
  | { id: number; type: 'error'; message: string };
