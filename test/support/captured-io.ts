import { Chalk } from 'chalk';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with its output captured (no colour, 100 columns, the project as cwd). */
export async function runMain(args: string[], options: { cwd?: string; columns?: number } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (s) => void (stdout += s),
    err: (s) => void (stderr += s),
    color: new Chalk({ level: 0 }),
    isTTY: false,
    columns: options.columns ?? 100,
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await main(['node', 'instr', '--no-cache', ...args], io);
  process.exitCode = 0;
  return { code, stdout, stderr };
}
