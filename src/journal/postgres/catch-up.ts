/**
 * Resuming on another machine: `instr run --resume` reads this machine's journal, so before it
 * does, the runs still open on the server (one run by its id, or the user's) are brought into that
 * file: for each run, the server's records after the last one the file has, appended in seq order.
 * They are records the server already holds, so the next upload finds every one of them there
 * and stores nothing twice; and the file now holds the whole run, offline included.
 */
import { closeSync, fstatSync, fsyncSync, readSync, writeSync } from 'node:fs';
import { openForAppendSync, type SafeOpenOptions } from '../../fs/safe-open.js';
import { readJournal } from '../reader.js';
import { readForks } from './fork.js';
import type { PostgresStore } from './store.js';

export interface CatchUpFilter {
  /** This run only (open or not: the command says why it cannot continue a finished one). */
  run?: string;
  /** Else the open runs this user started. */
  user?: string;
}

/** Appends to `file` what it lacks of the server's open runs; returns how many records. */
export async function catchUpRuns(store: PostgresStore, file: string, options: SafeOpenOptions, filter: CatchUpFilter): Promise<number> {
  const rows = await store.query<{ run: string; seq: number; record: string }>(
    `SELECT e.run, e.seq, e.record FROM instr_events e
      WHERE e.run IN (
        SELECT r.run FROM instr_runs r
         WHERE ($1::text IS NOT NULL AND r.run = $1)
            OR ($1::text IS NULL AND r.user_name = $2
                AND NOT EXISTS (SELECT 1 FROM instr_events x WHERE x.run = r.run AND x.type IN ('end', 'abandon'))))
      ORDER BY e.run, e.seq`,
    [filter.run ?? null, filter.user ?? ''],
  );
  if (rows.rows.length === 0) return 0;
  // a run this machine forked holds its own version here: the other machine's records are not its continuation
  const forked = readForks(file, store.serverKey);
  const last = new Map<string, number>();
  for (const run of forked.keys()) last.set(run, Number.POSITIVE_INFINITY);
  for (const e of (await readJournal(file, options)).events) if (!forked.has(e.run)) last.set(e.run, e.seq);
  const lines = rows.rows.filter((r) => r.seq > (last.get(r.run) ?? -1)).map((r) => `${r.record}\n`);
  if (lines.length === 0) return 0;
  appendLines(file, options, lines.join(''));
  return lines.length;
}

/** One write of whole lines, on disk before returning; a torn last line of the file is ended first. */
function appendLines(file: string, options: SafeOpenOptions, text: string): void {
  const fd = openForAppendSync(file, options);
  try {
    const size = fstatSync(fd).size;
    let out = text;
    if (size > 0) {
      const tail = Buffer.alloc(1);
      readSync(fd, tail, 0, 1, size - 1);
      if (tail[0] !== 0x0a) out = `\n${out}`;
    }
    const bytes = Buffer.from(out, 'utf8');
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
