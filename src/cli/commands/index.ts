import type { Command } from 'commander';
import type { Io } from '../io.js';
import { register as compile } from './compile.js';
import { register as list } from './list.js';
import { register as show } from './show.js';

/**
 * Every command's definition (name, arguments, options, help). Definitions are light; each
 * action imports what it needs when it runs, so `instr --version` loads no parser.
 */
export const commands: Array<(program: Command, io: Io) => void> = [compile, list, show];
