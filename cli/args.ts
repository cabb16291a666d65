import { isLang, ref, type IssueParams, type Lang, type MessageCode } from '../engine';

export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  flags: Record<string, string | boolean>;
  lang: Lang;
}

/** A usage error: a message code and its parameters (the CLI prints it and exits 2). */
export interface UsageError {
  code: MessageCode;
  params: IssueParams;
}

/** Flags that take a value (`--out x`); every other `--flag` is boolean. */
export const VALUE_FLAGS: ReadonlySet<string> = new Set(['out', 'lang', 'target', 'unit', 'round', 'method', 'aggregate', 'seed', 'now', 'deadline', 'sheet', 'pool', 'previous', 'instrument', 'quarter', 'criterion', 'by', 'reason', 'against', 'port', 'host', 'dir']);

/** Options every command takes. */
export const GLOBAL_OPTIONS: ReadonlyMap<string, boolean> = new Map([
  ['lang', true],
  ['help', false],
]);

/**
 * Parse argv (without node and script).
 * @example parseArgs(['score', 'a.json', '--json', '--lang', 'en'])
 */
export function parseArgs(argv: readonly string[]): ParsedArgs | { error: UsageError } {
  const positional: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) flags[name] = a.slice(eq + 1);
      else if (VALUE_FLAGS.has(name)) {
        const v = argv[i + 1];
        if (v === undefined || v.startsWith('--')) return { error: { code: 'cli.badOption', params: { option: `--${name}` } } };
        flags[name] = v;
        i++;
      } else flags[name] = true;
    } else positional.push(a);
  }
  const langFlag = flags['lang'];
  const lang: Lang = isLang(langFlag) ? langFlag : 'vi';
  if (langFlag !== undefined && !isLang(langFlag)) return { error: { code: 'cli.badOption', params: { option: '--lang vi|en' } } };
  const [command, ...rest] = positional;
  return { command, positional: rest, flags, lang };
}

/**
 * The options a command's usage line lists, each with whether it takes a value: `[--json]`
 * takes none; `--out <dir>`, `[--lang en]`, `[--pool=<code>]` take one. The usage line is the one
 * list of a command's options: what it shows is what is accepted.
 * @example optionsOfUsage('parindex x [--json] [--out <f>]') // Map { 'json' => false, 'out' => true }
 */
export function optionsOfUsage(usage: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  // a flag followed by another ("[--reopen --reason <text>]") takes no value
  for (const m of usage.matchAll(/--([a-z][a-z0-9-]*)(=|\s+(?!--|\[)|\]|$|(?=\s+--))/g)) {
    const name = m[1];
    if (name !== undefined) out.set(name, m[2] !== ']' && m[2] !== '');
  }
  return out;
}

/** Levenshtein distance (small strings: option names). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The known word nearest to a mistyped one: a prefix of it or within a third of its length in
 * edits (at least 1, at most 3); undefined when nothing is close.
 * @example nearestWord('accept-valid-row', ['accept-valid-rows', 'out']) // "accept-valid-rows"
 */
export function nearestWord(word: string, known: readonly string[]): string | undefined {
  let best: { w: string; d: number } | undefined;
  for (const w of known) {
    const d = w.startsWith(word) || word.startsWith(w) ? 1 : distance(word, w);
    if (d <= Math.min(3, Math.max(1, Math.floor(word.length / 3))) && (!best || d < best.d)) best = { w, d };
  }
  return best?.w;
}

/**
 * Check the options given against the command's: an unknown one (with the nearest known one, for
 * a typo), an empty value (`--out=`), a value given to an option that takes none (`--json=yes`).
 */
export function checkOptions(args: ParsedArgs, command: string, usage: string): UsageError | undefined {
  const known = new Map([...optionsOfUsage(usage), ...GLOBAL_OPTIONS]);
  for (const [name, value] of Object.entries(args.flags)) {
    const takesValue = known.get(name);
    if (takesValue === undefined) {
      const near = nearestWord(name, [...known.keys()]);
      return near
        ? { code: 'cli.unknownOptionNear', params: { option: name, near, command } }
        : { code: 'cli.unknownOption', params: { option: name, command, known: [...known.keys()].map((k) => `--${k}`) } };
    }
    if (takesValue && (typeof value !== 'string' || value.trim() === '')) return { code: 'cli.emptyValue', params: { option: name } };
    if (!takesValue && typeof value === 'string') return { code: 'cli.noValue', params: { option: name, value } };
  }
  return undefined;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * A date option (`--now`, `--deadline`) as ISO: yyyy-mm-dd, with a time
 * "Thh:mm" where `withTime`; a day the calendar does not have (2023-13-45, 2023-02-29) is an
 * error that says what is wrong.
 * @example isoDateOption('now', '2023-11-30T08:00', true) // { iso: '2023-11-30T08:00' }
 * @example isoDateOption('deadline', '2023-13-45', false) // { error: cli.badDate (there is no month 13) }
 */
export function isoDateOption(option: string, value: string, withTime: boolean): { iso: string } | { error: UsageError } {
  const text = value.trim();
  const bad = (reason: ReturnType<typeof ref>): { error: UsageError } => ({ error: { code: 'cli.badDate', params: { option, value, reason } } });
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) return bad(ref('cli.date.form'));
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return bad(ref('cli.date.month', { month }));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return bad(ref('cli.date.day', { day, month: pad2(month), year: String(year) }));
  const iso = `${year}-${pad2(month)}-${pad2(day)}`;
  if (m[4] === undefined) return { iso };
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] ? Number(m[6]) : 0;
  if (!withTime || hour > 23 || minute > 59 || second > 59) return bad(ref('cli.date.time', { time: text.slice(11) }));
  return { iso: `${iso}T${pad2(hour)}:${pad2(minute)}${m[6] ? `:${pad2(second)}` : ''}` };
}
