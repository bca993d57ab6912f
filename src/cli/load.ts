import { compilePaths, type CompileOptions, type CompileResult } from '../compile/compile-paths.js';
import { InputError } from '../diagnostics/input-error.js';
import { formatDiagnosticLine } from '../diagnostics/format.js';
import { ExitError, exitCodes } from './errors.js';
import { UsageError } from './usage-error.js';
import { terminalSafe } from '../text/terminal-safe.js';
import type { Io } from './io.js';
import { cliMessages } from '../i18n/cli-messages.js';
import { resultLanguage } from '../compile/result-language.js';

export interface LoadOptions extends CompileOptions {
  /** Print compile errors to stderr and stop with exit 1 when there are any. */
  requireClean?: boolean;
  /** The language of that stop (`--lang`); default: the instructions'. */
  lang?: string;
}

/** Compiles the instructions for a command; a missing path is an InputError (exit 2, errors.ts), compile errors exit 1. */
export async function loadInstructions(paths: string[], io: Io, options: LoadOptions = {}): Promise<CompileResult> {
  let result: CompileResult;
  try {
    result = await compilePaths(paths, { cwd: io.cwd, ...io.compile, ...options });
  } catch (error) {
    const missing = error instanceof InputError ? error.missingPath : undefined;
    if (missing === undefined) throw error;
    const here = paths.length === 1 && paths[0] === 'instructions';
    throw new UsageError((t) => `${t.noSuchPath(terminalSafe(missing))}${here ? t.noInstructionsHere : ''}`, options.lang);
  }
  const unreadable = result.diagnostics.filter((d) => d.rule === 'unreadable');
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (options.requireClean !== false && errors.length > 0) {
    for (const d of errors) io.err(`${formatDiagnosticLine(d, io.color)}\n`);
    const internal = errors.some((d) => d.rule === 'internal-error');
    throw new ExitError(
      cliMessages(options.lang ?? io.compile?.lang ?? resultLanguage(result)).errorsFirst(errors.length),
      internal ? exitCodes.internal : unreadable.length > 0 ? exitCodes.usage : exitCodes.findings,
    );
  }
  return result;
}

/** Parses a --max-file-size value such as 5MB, 512KB or 1048576. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(text.trim());
  if (!m) throw new UsageError((t) => t.size(terminalSafe(text)));
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * factor);
}
