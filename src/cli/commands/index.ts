import type { Command } from 'commander';
import type { Io } from '../io.js';
import { register as agenda } from './agenda.js';
import { register as compile } from './compile.js';
import { register as diff } from './diff.js';
import { register as graph } from './graph.js';
import { register as inbox } from './inbox.js';
import { register as journal } from './journal.js';
import { register as list } from './list.js';
import { register as promise } from './promise.js';
import { register as lint } from './lint.js';
import { register as report } from './report.js';
import { register as run } from './run.js';
import { register as search } from './search.js';
import { register as show } from './show.js';
import { register as test } from './test.js';

/**
 * Every command's definition (name, arguments, options, help), by name, in the order of `instr
 * --help`. Definitions are light; each action imports what it needs when it runs, so `instr
 * --version` loads no parser.
 */
export const commandsByName: Readonly<Record<string, (program: Command, io: Io) => void>> = {
  compile,
  list,
  show,
  run,
  search,
  diff,
  graph,
  test,
  agenda,
  promise,
  report,
  inbox,
  journal,
  lint,
};

export const commands = Object.values(commandsByName);

/**
 * The command a command line names when only global options come before it (`--no-cache`,
 * `--max-depth N`): that command alone need be defined to run it. Anything else (help, an unknown
 * word, another option first) gets every command, for help and suggestions.
 */
export function namedCommand(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--no-cache' || arg.startsWith('--max-depth=')) continue;
    if (arg === '--max-depth') {
      i++;
      continue;
    }
    return Object.hasOwn(commandsByName, arg) ? arg : undefined;
  }
  return undefined;
}
