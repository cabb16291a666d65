/** What a command may touch besides files: output streams. Tests pass buffers. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is an interactive terminal (progress display). */
  isTTY: boolean;
  /**
   * Rewrite the one progress line of a terminal in place ('' clears it). Given by `terminalIO`;
   * the only way a command puts a terminal control sequence on screen.
   */
  progress?(text: string): void;
}

export const processIO: CliIO = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

/**
 * Control characters that would act on a terminal instead of showing: C0 but tab and newline
 * (ESC starts escape sequences, BEL rings, CR rewrites the line), DEL, C1, and the bidirectional
 * overrides and isolates that reorder what follows them.
 */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to find
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text from workbooks and files made safe to print: every terminal control character shown as
 * <U+XXXX> instead of being sent raw.
 * @example terminalText('KG\u001b[2J') // "KG<U+001B>[2J"
 */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/**
 * The streams a command writes to, with every text passed through `terminalText` (one place for
 * all commands), and `progress` for the one sequence the CLI itself sends: erase and rewrite
 * the progress line.
 */
export function terminalIO(io: CliIO): CliIO {
  return {
    stdout: (s) => io.stdout(terminalText(s)),
    stderr: (s) => io.stderr(terminalText(s)),
    isTTY: io.isTTY,
    progress: (s) => io.stderr(`\r\x1b[2K${terminalText(s)}`),
  };
}

/** Exit codes fixed by the contract. */
export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;
