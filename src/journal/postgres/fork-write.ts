/**
 * The server's side of a fork (fork.ts), in the upload's transaction, after the runs' summaries
 * are locked (so no other instr writer adds to those runs meanwhile).
 */
import type { JournalEvent } from '../events.js';
import { asForkRecord, forkRunId, recordText, type RunFork } from './fork.js';
import { runKey, type Query } from './run-summaries.js';

/** The runs of the batch whose records clash with the server's at the same place: where, and the fork to make. */
export async function findClashes(q: Query, batch: readonly JournalEvent[]): Promise<RunFork[]> {
  const r = await q<{ run: string; seq: number; record: string }>(
    `SELECT e.run, e.seq, e.record FROM instr_events e
       JOIN unnest($1::text[], $2::integer[]) AS b(run, seq) ON e.run = b.run AND e.seq = b.seq`,
    [batch.map((e) => runKey(e.run)), batch.map((e) => e.seq)],
  );
  if (r.rows.length === 0) return [];
  const held = new Map(r.rows.map((x) => [`${x.run}\u0000${x.seq}`, x.record]));
  const first = new Map<string, JournalEvent>();
  for (const e of batch) {
    const there = held.get(`${runKey(e.run)}\u0000${e.seq}`);
    if (there === undefined || there === recordText(e)) continue;
    const known = first.get(e.run);
    if (!known || e.seq < known.seq) first.set(e.run, e);
  }
  return [...first.values()].map((e) => ({ run: e.run, fork: forkRunId(e.run, recordText(e)), from: e.seq }));
}

/**
 * The batch with each forked run's records from the clash on moved to the fork, and the fork's
 * beginning: the run's records before the clash (the server's, and the batch's own that the
 * server lacks), copied.
 */
export async function withForks(
  q: Query,
  batch: readonly JournalEvent[],
  forks: readonly RunFork[],
): Promise<{ events: JournalEvent[]; copies: Set<JournalEvent> }> {
  const byRun = new Map(forks.map((f) => [f.run, f]));
  const out: JournalEvent[] = [];
  const copies = new Set<JournalEvent>();
  for (const f of forks) {
    const before = await q<{ record: string }>('SELECT record FROM instr_events WHERE run = $1 AND seq < $2 ORDER BY seq', [runKey(f.run), f.from]);
    const prefix = new Map<number, JournalEvent>();
    for (const row of before.rows) {
      const e = JSON.parse(row.record) as JournalEvent;
      prefix.set(e.seq, e);
    }
    for (const e of batch) if (e.run === f.run && e.seq < f.from && !prefix.has(e.seq)) prefix.set(e.seq, e);
    for (const e of [...prefix.values()].sort((a, b) => a.seq - b.seq)) {
      // the batch's own records before the clash are stored under the run as well, and count there
      const copy = asForkRecord(e, f);
      copies.add(copy);
      out.push(copy);
    }
  }
  for (const e of batch) {
    const f = byRun.get(e.run);
    out.push(f && e.seq >= f.from ? asForkRecord(e, f) : e);
  }
  return { events: out, copies };
}
