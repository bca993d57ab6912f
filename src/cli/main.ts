import { Command, CommanderError } from 'commander';
import { defaultGuardLimits } from '../parse/guard.js';
import { asExitError, ExitError, exitCodes } from './errors.js';
import { processIo, type Io } from './io.js';
import { version } from './version.js';
import { commands } from './commands/index.js';
import { checkLangOption } from './lang-option.js';

export function buildProgram(io: Io): Command {
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
          throw new ExitError(`--max-depth must be a whole number from 1 to 1000, not "${opts.maxDepth}"`, exitCodes.usage);
        compile.guard = { ...defaultGuardLimits, maxDepth: Number(opts.maxDepth) };
      }
      io.compile = compile;
    })
    .hook('preAction', (_root, action) => checkLangOption(action.opts<{ lang?: unknown }>().lang))
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  for (const register of commands) register(program, io);
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  return program;
}

/** Runs the CLI; sets process.exitCode and never calls process.exit (output is flushed). */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const program = buildProgram(io);
  let code: number = exitCodes.ok;
  try {
    await program.parseAsync(argv);
    code = typeof process.exitCode === 'number' ? process.exitCode : exitCodes.ok;
  } catch (error) {
    code = handle(error, io);
  }
  process.exitCode = code;
  return code;
}

function handle(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return exitCodes.ok;
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  }
  const exit = asExitError(error);
  if (exit) {
    if (exit.message) io.err(`${io.color.red('instr:')} ${exit.message}\n`);
    return exit.code;
  }
  const detail = error instanceof Error ? (process.env['INSTR_DEBUG'] ? (error.stack ?? error.message) : error.message) : String(error);
  io.err(`${io.color.red('instr: internal error:')} ${detail}\nThis is a bug in instr. Run again with INSTR_DEBUG=1 for the stack trace and report it.\n`);
  return exitCodes.internal;
}
