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
 * Every command's definition (name, arguments, options, help). Definitions are light; each
 * action imports what it needs when it runs, so `instr --version` loads no parser.
 */
export const commands: Array<(program: Command, io: Io) => void> = [
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
];
