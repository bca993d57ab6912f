import { Chalk } from 'chalk';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process in `cwd` and returns what it printed and its exit code. */
export async function instr(args: string[], cwd: string): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (s) => void (stdout += s), err: (s) => void (stderr += s), color: new Chalk({ level: 0 }), isTTY: false, columns: 100, cwd };
  const code = await main(['node', 'instr', ...args], io);
  process.exitCode = 0;
  return { code, stdout, stderr };
}
