import { parseArgs } from './args';
import { processIO, type CliIO, EXIT_USAGE, EXIT_INPUT } from './io';
import { t } from '../engine';
import type { Command } from './commands/types';
import { commands } from './commands';

function help(lang: 'vi' | 'en', list: readonly Command[]): string {
  const head = lang === 'vi' ? 'parindex — chấm điểm Chỉ số CCHC (PAR INDEX) và Chỉ số hài lòng (SIPAS)\n\nCác lệnh:\n' : 'parindex — PAR INDEX and SIPAS scoring\n\nCommands:\n';
  return head + list.map((c) => `  ${c.usage}\n      ${c.summary[lang]}`).join('\n') + '\n\n  --lang vi|en\n';
}

/** Run the CLI; returns the exit code. Never throws: unexpected errors become exit 1 with a message. */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const parsed = parseArgs(argv);
  if ('error' in parsed) {
    const lang = argv.includes('en') && argv.some((a) => a === '--lang' || a === '--lang=en') ? 'en' : 'vi';
    io.stderr(t('cli.badOption', { option: parsed.error }, lang) + '\n');
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
