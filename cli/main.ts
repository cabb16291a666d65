import { checkOptions, isoDateOption, parseArgs, type ParsedArgs, type UsageError } from './args';
import { processIO, terminalIO, type CliIO, EXIT_USAGE, EXIT_INPUT } from './io';
import { t } from '../engine';
import type { Command } from './commands/types';
import { commands } from './commands';

function help(lang: 'vi' | 'en', list: readonly Command[]): string {
  const head = lang === 'vi' ? 'parindex — chấm điểm Chỉ số CCHC (PAR INDEX) và Chỉ số hài lòng (SIPAS)\n\nCác lệnh:\n' : 'parindex — PAR INDEX and SIPAS scoring\n\nCommands:\n';
  return head + list.map((c) => `  ${c.usage}\n      ${c.summary[lang]}`).join('\n') + '\n\n  --lang vi|en\n';
}

/**
 * The command's options as given, or the first usage error: an option the command does not have,
 * an empty value, a date the calendar does not have (`--now`, `--deadline`: written back as ISO).
 */
function checkArgs(parsed: ParsedArgs, cmd: Command): UsageError | undefined {
  const bad = checkOptions(parsed, cmd.name, cmd.usage);
  if (bad) return bad;
  for (const [option, withTime] of [
    ['now', true],
    ['deadline', false],
  ] as const) {
    const v = parsed.flags[option];
    if (typeof v !== 'string') continue;
    const d = isoDateOption(option, v, withTime);
    if ('error' in d) return d.error;
    parsed.flags[option] = d.iso;
  }
  return undefined;
}

/**
 * Run the CLI; returns the exit code. Never throws: unexpected errors become exit 1 with a message.
 * Everything printed goes through `terminalIO`: text from workbooks cannot drive the terminal.
 */
export async function main(argv: readonly string[], rawIO: CliIO = processIO): Promise<number> {
  const io = terminalIO(rawIO);
  const parsed = parseArgs(argv);
  if ('error' in parsed) {
    const lang = argv.includes('en') && argv.some((a) => a === '--lang' || a === '--lang=en') ? 'en' : 'vi';
    io.stderr(t(parsed.error.code, parsed.error.params, lang) + '\n');
    return EXIT_USAGE;
  }
  const { command, lang } = parsed;
  if (command === undefined || command === 'help' || parsed.flags['help'] === true) {
    io.stdout(help(lang, commands));
    return command === undefined && parsed.flags['help'] !== true ? EXIT_USAGE : 0;
  }
  const cmd = commands.find((c) => c.name === command);
  if (!cmd) {
    io.stderr(t('cli.unknownCommand', { command }, lang) + '\n' + help(lang, commands));
    return EXIT_USAGE;
  }
  const usageError = checkArgs(parsed, cmd);
  if (usageError) {
    io.stderr(t(usageError.code, usageError.params, lang) + '\n' + t('cli.usage', { usage: cmd.usage }, lang) + '\n');
    return EXIT_USAGE;
  }
  try {
    return await cmd.run(parsed, io);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    io.stderr(t('internal.error', { detail }, lang) + '\n');
    return EXIT_INPUT;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT_INPUT;
    },
  );
}
