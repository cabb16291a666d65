import type { ParsedArgs } from '../args';
import type { CliIO } from '../io';

export interface Command {
  name: string;
  /** One-line usage, e.g. "parindex score <input.json|master.xlsx> [--json] [--out <file.xlsx>]". */
  usage: string;
  summary: { vi: string; en: string };
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}
