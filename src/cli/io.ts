import { Chalk, type ChalkInstance } from 'chalk';
import type { CompileOptions } from '../compile/compile-paths.js';

/** Where a command writes, and whether it may use colour. Tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  color: ChalkInstance;
  /** stdout is an interactive terminal. */
  isTTY: boolean;
  columns: number;
  cwd: string;
  /**
   * Sets V8 flags (`v8.setFlagsFromString`): present when the command runs as its own process
   * (bin/instr), which it may tune, as lint does the garbage collector and the optimising
   * compiler. A caller that embeds instr (a test, a library) keeps its process as it is.
   */
  setV8Flags?: (flags: string) => void;
  /** What the global options (--no-cache, --max-depth) and --lang say about compiling; main sets it before a command runs. */
  compile?: Pick<CompileOptions, 'cache' | 'guard' | 'lang'>;
}

export function colorLevel(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): 0 | 1 | 2 | 3 {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force === '0' || force === 'false' ? 0 : 1;
  if (!stream.isTTY || env['TERM'] === 'dumb') return 0;
  const depth = stream.getColorDepth?.(env) ?? 4;
  return depth >= 24 ? 3 : depth >= 8 ? 2 : 1;
}

let pipeGuarded = false;

/** `instr show … | head`: a closed pipe ends the output quietly, as in any Unix tool. */
function guardBrokenPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}

export function processIo(): Io {
  guardBrokenPipe();
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color: new Chalk({ level: colorLevel(process.stdout) }),
    isTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns || 80,
    cwd: process.cwd(),
    // node:v8 costs a start ~2 ms (it loads Node's streams), so only a command that sets a flag loads it
    setV8Flags: (flags) => process.getBuiltinModule('node:v8').setFlagsFromString(flags),
  };
}
