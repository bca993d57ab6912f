/**
 * One machine at a time per run, across machines: whoever appends to a run holds a session-level
 * advisory lock on the team journal's server, keyed by the run id, for as long as it uploads. A
 * second machine resuming the same run is refused instead of writing the same positions (seq) —
 * which the server would take for retries of the first machine's records and drop without a word.
 * Advisory locks need no table and no privilege beyond connecting (the least-privilege role has
 * them), and the server lets go of them when the session ends: the run is over, the process was
 * killed, or the network dropped (then the lock is taken again when the upload reconnects).
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Another session (another machine or process) holds the run. */
export class RunElsewhereError extends Error {
  constructor(readonly run: string) {
    super(`the run ${run} is being continued on another machine (the team journal holds its lock)`);
  }
}

/** The lock's key: 64 bits of a hash of the run id, as the signed bigint PostgreSQL takes (text: beyond a JS number). */
function runLockKey(run: string): string {
  return createHash('sha256').update(`instr run\u0000${run}`).digest().readBigInt64BE(0).toString();
}

/** Takes the run's lock for this session, or throws RunElsewhereError. Taking it again in the same session is harmless. */
export async function claimRun(client: Pick<pg.ClientBase, 'query'>, run: string): Promise<void> {
  const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [runLockKey(run)]);
  if (r.rows[0]?.ok !== true) throw new RunElsewhereError(run);
}
