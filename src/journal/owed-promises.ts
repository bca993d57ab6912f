/**
 * The promises to clients a run still owes, and the command that closes one: the one rule the
 * agenda and `instr promise list` share (where one stands at a moment: promise-state.ts).
 */
import type { JournalPromise, RunRecord } from './runs.js';

/** Made and neither kept nor dropped; a promise outlives its run until it is kept by hand. */
export function owedPromises(r: RunRecord): JournalPromise[] {
  return (r.promises ?? []).filter((p) => p.keptAt === undefined && !p.dropped);
}

/** `instr promise kept RUN`, naming the promise (`--promise STEP`) only when the run owes more than one. */
export function keepCommand(run: string, node: string, owed: number): string {
  return `instr promise kept ${run}${owed > 1 ? ` --promise ${node}` : ''}`;
}
