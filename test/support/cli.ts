import { Chalk } from 'chalk';
import { fileURLToPath } from 'node:url';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The working directory the command sees (default: the project root); process.cwd() is not changed. */
  cwd?: string;
  /** Variables set for this call only (undefined removes one), restored afterwards. */
  env?: Record<string, string | undefined>;
  columns?: number;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `instr args…` in this process through `main(argv, io)`, with stdout, stderr and the exit
 * code captured and colour off, as the real binary behaves on a pipe. Calls are serialised: the
 * CLI sets process.exitCode, and `env` is applied to process.env for the length of a call.
 */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const call = queue.then(() => runNow(args, options));
  queue = call.catch(() => undefined);
  return call;
}

async function runNow(args: string[], options: CliOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    color: new Chalk({ level: 0 }),
    isTTY: false,
    columns: options.columns ?? 80,
    cwd: options.cwd ?? projectRoot,
  };
  const keys = Object.keys(options.env ?? {});
  const saved = new Map(keys.map((k) => [k, process.env[k]]));
  const savedExitCode = process.exitCode;
  for (const [k, v] of Object.entries(options.env ?? {})) setEnv(k, v);
  process.exitCode = undefined;
  try {
    const code = await main(['node', 'instr', ...args], io);
    return { code, stdout, stderr };
  } finally {
    for (const [k, v] of saved) setEnv(k, v);
    process.exitCode = savedExitCode;
  }
}

function setEnv(key: string, value: string | undefined): void {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}
