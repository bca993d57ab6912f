/**
 * The folded summary of each run on the server (table instr_run_summaries, schema version 2): the
 * RunRecord that RunFolder makes from the run's records, kept as JSON with how many records it has
 * folded and the highest seq among them. The writer updates it in the transaction that stores the
 * records, so `instr report` reads one row per run instead of every record.
 *
 * Records may arrive late and out of order (a laptop uploading what it recorded offline, a run
 * continued on another machine): records that all come after the summary's highest seq are folded
 * onto it; any other arrival folds the run again from all its records on the server, in seq order,
 * as the file journal would. A summary that cannot stand for its run (marked stale by the trigger
 * and not brought up to date, or holding a number JSON cannot carry) is folded from the records
 * when it is read.
 */
import type pg from 'pg';
import type { JournalEvent } from '../events.js';
import { RunFolder, type RunRecord } from '../runs.js';

export type Query = <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<pg.QueryResult<R>>;

interface SummaryRow {
  run: string;
  events: number;
  through_seq: number;
  fold: string | null;
  stale: boolean;
}

/** A run's summary as the writer computes it. */
export interface Summary {
  run: string;
  user: string;
  events: number;
  throughSeq: number;
  /** null: the fold holds a value JSON cannot carry (NaN from a bad timestamp); read from the records instead. */
  fold: string | null;
  /** The folded run itself (null: a run of nothing but inbox answers). */
  record: RunRecord | null;
}

/** A run id as its text columns hold it (PostgreSQL text cannot hold U+0000; the record keeps it). */
export function runKey(run: string): string {
  return String(run).replaceAll('\u0000', '\uFFFD');
}

/** By run, then seq: the order the fold reads a run's records in. */
function bySeq(a: JournalEvent, b: JournalEvent): number {
  return a.run < b.run ? -1 : a.run > b.run ? 1 : a.seq - b.seq;
}

/** The fold as stored: without lastAt (finishRuns sets it from lastAtText); null when a number would not survive JSON. */
function serializeFold(record: RunRecord): string | null {
  let faithful = true;
  const text = JSON.stringify(record, (key, value: unknown) => {
    if (key === 'lastAt') return undefined;
    if (typeof value === 'number' && !Number.isFinite(value)) faithful = false;
    return value;
  });
  return faithful ? text : null;
}

function parseFold(text: string): RunRecord {
  const r = JSON.parse(text) as RunRecord;
  r.lastAt = Number.NaN;
  return r;
}

function summaryOf(record: RunRecord, events: number, throughSeq: number): Summary {
  return { run: record.run, user: record.user, events, throughSeq, fold: serializeFold(record), record };
}

/** Folds runs from all their records on the server (seen from this transaction). */
export async function foldFromEvents(query: Query, runs: readonly string[]): Promise<Summary[]> {
  if (runs.length === 0) return [];
  const r = await query<{ record: string }>('SELECT record FROM instr_events WHERE run = ANY ($1::text[]) ORDER BY run, seq', [runs]);
  const folder = new RunFolder();
  const counts = new Map<string, { events: number; through: number }>();
  for (const row of r.rows) {
    const e = JSON.parse(row.record) as JournalEvent;
    folder.add(e);
    const c = counts.get(e.run);
    if (c) {
      c.events++;
      c.through = Math.max(c.through, e.seq);
    } else counts.set(e.run, { events: 1, through: e.seq });
  }
  const out: Summary[] = [];
  for (const [run, c] of counts) {
    const record = folder.runs.get(run);
    // a run of nothing but inbox answers folds to no run; its row stays, counting its records
    out.push(
      record
        ? { ...summaryOf(record, c.events, c.through), run: runKey(run) }
        : { run: runKey(run), user: '', events: c.events, throughSeq: c.through, fold: null, record: null },
    );
  }
  return out;
}

async function writeSummaries(query: Query, summaries: readonly Summary[]): Promise<void> {
  if (summaries.length === 0) return;
  await query(
    `UPDATE instr_run_summaries s
        SET user_name = u.user_name, events = u.events, through_seq = u.through_seq, fold = u.fold, stale = u.fold IS NULL
       FROM unnest($1::text[], $2::text[], $3::integer[], $4::integer[], $5::text[]) AS u(run, user_name, events, through_seq, fold)
      WHERE s.run = u.run`,
    [
      summaries.map((s) => s.run),
      summaries.map((s) => runKey(s.user)),
      summaries.map((s) => s.events),
      summaries.map((s) => s.throughSeq),
      summaries.map((s) => s.fold),
    ],
  );
}

/**
 * Before the batch's records are inserted, in the same transaction: makes sure every run of the
 * batch has its summary row and locks those rows (in run order, so two writers never deadlock),
 * so that the writers of one run take turns. Returns the rows as they were.
 */
export async function lockSummaries(query: Query, runs: readonly string[]): Promise<Map<string, SummaryRow>> {
  const sorted = [...new Set(runs.map(runKey))].sort();
  await query('INSERT INTO instr_run_summaries (run) SELECT unnest($1::text[]) ON CONFLICT (run) DO NOTHING', [sorted]);
  const r = await query<SummaryRow>(
    'SELECT run, events, through_seq, fold, stale FROM instr_run_summaries WHERE run = ANY ($1::text[]) ORDER BY run FOR UPDATE',
    [sorted],
  );
  return new Map(r.rows.map((row) => [row.run, row]));
}

/**
 * After the batch's records are inserted: brings the summaries of the runs that gained records up
 * to date. `inserted`: the records that were new on the server, any order.
 */
export async function updateSummaries(query: Query, before: Map<string, SummaryRow>, inserted: readonly JournalEvent[]): Promise<void> {
  const fresh = new Map<string, JournalEvent[]>();
  for (const e of inserted) {
    const key = runKey(e.run);
    const list = fresh.get(key);
    if (list) list.push(e);
    else fresh.set(key, [e]);
  }
  const summaries: Summary[] = [];
  const refold: string[] = [];
  for (const [run, list] of fresh) {
    const row = before.get(run);
    list.sort(bySeq);
    // records that all come after what the summary has folded continue the fold; any other arrival
    // (late, out of order, or a summary not to be trusted) folds the run again from the server
    if (!row || row.stale || row.fold === null || list[0]!.seq <= row.through_seq) {
      refold.push(run);
      continue;
    }
    const folder = new RunFolder();
    const record = parseFold(row.fold);
    folder.runs.set(run, record);
    for (const e of list) folder.add(e);
    summaries.push({ ...summaryOf(record, row.events + list.length, list[list.length - 1]!.seq), run });
  }
  // a run whose records were all there already but whose summary is stale: fold it too
  for (const [run, row] of before) if (row.stale && !fresh.has(run)) refold.push(run);
  summaries.push(...(await foldFromEvents(query, refold)));
  await writeSummaries(query, summaries);
}

/** Folds every stale run from its records (the migration that builds the summaries, in batches). Returns how many. */
export async function refoldStale(query: Query): Promise<number> {
  const stale = (await query<{ run: string }>('SELECT run FROM instr_run_summaries WHERE stale ORDER BY run')).rows.map((r) => r.run);
  for (let i = 0; i < stale.length; i += 500) {
    const runs = stale.slice(i, i + 500);
    const summaries = await foldFromEvents(query, runs);
    await writeSummaries(query, summaries);
  }
  return stale.length;
}
