import type { RunFlags } from '../../run/command.js';
import type { Io } from '../io.js';

/** `instr run`: the work is in src/run/command.ts (engine, journal, UI). */
export async function runCommand(task: string | undefined, paths: string[], flags: RunFlags, io: Io): Promise<number> {
  const { runCommand: run } = await import('../../run/command.js');
  return run(task, paths, flags, io);
}
