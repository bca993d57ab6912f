import { asExitError, exitCodes } from './errors.js';
import type { Io } from './io.js';
import { screenLanguage } from './screen-language.js';
import { refusalText } from './refusal-text.js';
import { UsageError } from './usage-error.js';
import { InputError } from '../diagnostics/input-error.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { usageMessages } from '../i18n/usage-messages.js';
import { cliMessages } from '../i18n/cli-messages.js';

/**
 * What an error thrown by a command's action (or by its preAction checks) says on stderr, and the
 * exit code it ends with. main() sends it every error that is not commander's; the fast path of
 * `instr list` (fast.ts) sends it every error, and loads it only when one is thrown.
 */
export async function actionErrorCode(error: unknown, io: Io, args: string[]): Promise<number> {
  // a usage error found before any instruction was read is said in the language the rule gives (docs/screen-language.md)
  if (error instanceof UsageError && error.lang === undefined) {
    io.err(`${io.color.red('instr:')} ${error.say(usageMessages(await screenLanguage(args, io.cwd)))}\n`);
    return error.code;
  }
  if (error instanceof InputError && error.missingPath !== undefined) {
    io.err(`${io.color.red('instr:')} ${usageMessages(await screenLanguage(args, io.cwd)).noSuchPath(terminalSafe(error.missingPath))}\n`);
    return exitCodes.usage;
  }
  const refusal = await refusalText(error, args, io.cwd);
  if (refusal !== null) {
    io.err(`${io.color.red('instr:')} ${terminalSafe(refusal)}\n`);
    return exitCodes.usage;
  }
  const exit = asExitError(error);
  if (exit) {
    if (exit.message) io.err(`${io.color.red('instr:')} ${exit.message}\n`);
    return exit.code;
  }
  const detail = error instanceof Error ? (process.env['INSTR_DEBUG'] ? (error.stack ?? error.message) : error.message) : String(error);
  const t = cliMessages(await screenLanguage(args, io.cwd).catch(() => 'en'));
  io.err(`${io.color.red(`instr: ${t.internalError}`)} ${detail}\n${t.internalErrorHint}\n`);
  return exitCodes.internal;
}
