import { isLang, type Lang } from '../engine';

export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  flags: Record<string, string | boolean>;
  lang: Lang;
}

/** Flags that take a value (`--out x`); every other `--flag` is boolean. */
const VALUE_FLAGS = new Set(['out', 'lang', 'target', 'unit', 'round', 'method', 'aggregate', 'seed', 'now', 'deadline', 'sheet', 'pool', 'previous', 'instrument', 'quarter']);

/**
 * Parse argv (without node and script).
 * @example parseArgs(['score', 'a.json', '--json', '--lang', 'en'])
 */
export function parseArgs(argv: readonly string[]): ParsedArgs | { error: string } {
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
        if (v === undefined || v.startsWith('--')) return { error: `--${name}` };
        flags[name] = v;
        i++;
      } else flags[name] = true;
    } else positional.push(a);
  }
  const langFlag = flags['lang'];
  const lang: Lang = isLang(langFlag) ? langFlag : 'vi';
  if (langFlag !== undefined && !isLang(langFlag)) return { error: '--lang vi|en' };
  const [command, ...rest] = positional;
  return { command, positional: rest, flags, lang };
}
