import { Command, CommanderError } from 'commander';
import { defaultGuardLimits } from '../parse/guard.js';
import { exitCodes } from './errors.js';
import { actionErrorCode } from './action-error.js';
import { UsageError } from './usage-error.js';
import { processIo, type Io } from './io.js';
import { version } from './version.js';
import { commands, commandsByName, namedCommand } from './commands/index.js';
import { checkLangOption } from './lang-option.js';
import { commanderMessage } from './commander-message.js';
import { screenLanguage } from './screen-language.js';
import { usageMessages } from '../i18n/usage-messages.js';

/** The program with every command, or only the one `args` (the command line after `instr`) names. */
export function buildProgram(io: Io, args?: readonly string[]): Command {
  const program = new Command('instr')
    .description('Job instructions in Markdown, compiled into a decision graph: run them, lint them, review their changes.')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option(
      '--no-cache',
      'compile every file afresh: neither read nor write the cache of compiled files (~/.cache/instr, or XDG_CACHE_HOME or INSTR_CACHE_DIR; see docs/cache.md)',
    )
    .option(
      '--max-depth <levels>',
      'deepest nesting of lists, quotes and indentation accepted before parsing (default 40; guards the parser against hostile input)',
    )
    .hook('preAction', (root) => {
      // Handed to every compile through io.compile, so both sides of a diff get the same limits.
      const opts = root.opts<{ cache?: boolean; maxDepth?: string }>();
      const compile: NonNullable<Io['compile']> = {};
      if (opts.cache === false || process.env['INSTR_NO_CACHE'] === '1') compile.cache = false;
      if (opts.maxDepth !== undefined) {
        if (!/^\d{1,4}$/.test(opts.maxDepth) || Number(opts.maxDepth) < 1 || Number(opts.maxDepth) > 1000)
          throw new UsageError((t) => t.wholeNumber('--max-depth', 1, 1000, opts.maxDepth ?? ''));
        compile.guard = { ...defaultGuardLimits, maxDepth: Number(opts.maxDepth) };
      }
      io.compile = compile;
    })
    .hook('preAction', (_root, action) => {
      const lang = action.opts<{ lang?: unknown }>().lang;
      checkLangOption(lang);
      // a file that cannot be read is spoken of in --lang's language too
      if (typeof lang === 'string') io.compile = { ...io.compile, lang };
    })
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError(true)
    .configureOutput(output(io))
    .exitOverride();
  const named = args === undefined ? undefined : namedCommand(args);
  for (const register of named === undefined ? commands : [commandsByName[named]!]) register(program, io);
  for (const sub of program.commands) sub.exitOverride().configureOutput(output(io));
  return program;
}

/** Help and version go out as commander writes them; its errors are said by main() in the screen's language. */
function output(io: Io) {
  return { writeOut: (s: string) => io.out(s), writeErr: (s: string) => io.err(s), outputError: () => {} };
}

/** Runs the CLI; sets process.exitCode and never calls process.exit (output is flushed). */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const program = buildProgram(io, argv.slice(2));
  let code: number = exitCodes.ok;
  try {
    await program.parseAsync(argv);
    code = typeof process.exitCode === 'number' ? process.exitCode : exitCodes.ok;
  } catch (error) {
    code = await handle(error, io, argv.slice(2));
  }
  process.exitCode = code;
  return code;
}

async function handle(error: unknown, io: Io, args: string[]): Promise<number> {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return exitCodes.ok;
    if (error.exitCode === 0) return exitCodes.ok;
    const t = usageMessages(await screenLanguage(args, io.cwd));
    io.err(`${io.color.red('instr:')} ${commanderMessage(error, args, t)}\n`);
    return exitCodes.usage;
  }
  return actionErrorCode(error, io, args);
}
