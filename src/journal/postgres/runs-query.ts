/**
 * Runs for the report and the agenda, read from the folded summary of each run
 * (instr_run_summaries, see run-summaries.ts): one row per run instead of its records. A summary
 * that cannot stand for its run (stale) is folded here from the run's records, as the file journal
 * would fold them.
 */
import { finishRuns, type RunRecord } from '../runs.js';
import type { LoadedRuns, RunFilter } from '../store.js';
import { foldFromEvents, parseFold, type Query } from './run-summaries.js';

export async function loadServerRuns(query: Query, filter: RunFilter): Promise<LoadedRuns> {
  const user = filter.user ?? null;
  // a stale row's user_name may be out of date: those are read whoever the user, and filtered below
  const r = await query<{ run: string; fold: string | null; events: number; stale: boolean }>(
    'SELECT run, fold, events, stale FROM instr_run_summaries WHERE stale OR $1::text IS NULL OR user_name = $1',
    [user],
  );
  const runs = new Map<string, RunRecord>();
  const stale: string[] = [];
  let total = 0;
  for (const row of r.rows) {
    if (row.stale) {
      stale.push(row.run);
      continue;
    }
    total += row.events;
    if (row.fold !== null) runs.set(row.run, parseFold(row.fold));
  }
  for (const s of await foldFromEvents(query, stale)) {
    if (user !== null && s.user !== user) continue;
    total += s.events;
    if (s.record !== null) runs.set(s.run, s.record);
  }
  const stats = { lines: total, events: total, unreadable: 0, unreadableLines: [], duplicates: 0, unknown: 0 };
  return { runs: finishRuns(sortedByRun(runs)), stats, missing: total === 0 };
}

/** The runs in the order a fold of the records in (run, seq) order would have made them. */
function sortedByRun(runs: Map<string, RunRecord>): Map<string, RunRecord> {
  return new Map([...runs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
