/**
 * Runs folded on the server's side as far as SQL can: per run, the latest time, node and progress
 * come from one GROUP BY; only the few events that change a run's state (start, wait, resume,
 * pause, end, skips, questions, checkpoints…) travel to the client, where the same fold as for
 * the file journal (RunFolder) reads them. The many plain "done" steps never leave the server.
 */
import type pg from 'pg';
import type { JournalEvent } from '../events.js';
import { finishRuns, RunFolder } from '../../report/runs.js';
import type { LoadedRuns, RunFilter } from '../store.js';

type Query = <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<pg.QueryResult<R>>;

/** Types after which a paused run counts as picked up again (RunFolder's "touch"). */
const notTouching = ['start', 'wait', 'resume', 'pause', 'end', 'abandon', 'not-covered'];

export async function loadServerRuns(query: Query, filter: RunFilter): Promise<LoadedRuns> {
  const user = filter.user ?? null;
  const scope = '($1::text IS NULL OR e.run IN (SELECT run FROM instr_runs WHERE user_name = $1))';
  const significant = await query<{ record: string }>(`SELECT e.record FROM instr_events e WHERE e.significant AND ${scope} ORDER BY e.run, e.seq`, [user]);
  const summary = await query<{ run: string; last_at: string; node: string | null; touch_seq: number | null; events: string }>(
    `SELECT e.run,
            (array_agg(e.at ORDER BY e.seq DESC))[1] AS last_at,
            (array_agg(e.node ORDER BY e.seq DESC) FILTER (WHERE e.node IS NOT NULL))[1] AS node,
            max(e.seq) FILTER (WHERE e.type <> ALL ($2::text[])) AS touch_seq,
            count(*) AS events
       FROM instr_events e WHERE ${scope} GROUP BY e.run ORDER BY e.run`,
    [user, notTouching],
  );
  const folder = new RunFolder();
  const pausedAt = new Map<string, number>();
  for (const row of significant.rows) {
    const e = JSON.parse(row.record) as JournalEvent;
    folder.add(e);
    if (e.type === 'pause') pausedAt.set(e.run, e.seq);
  }
  let events = 0;
  for (const row of summary.rows) {
    events += Number(row.events);
    let r = folder.runs.get(row.run);
    if (!r) {
      // a run whose start never arrived (a hand-trimmed journal): known only by its progress
      folder.add({ v: 1, run: row.run, seq: 0, at: row.last_at, type: 'step', node: row.node ?? '', action: 'done' });
      r = folder.runs.get(row.run)!;
    }
    r.lastAtText = row.last_at;
    if (row.node !== null) r.node = row.node;
    if (r.state === 'paused' && row.touch_seq !== null && row.touch_seq > (pausedAt.get(row.run) ?? -1)) r.state = 'active';
  }
  const stats = { lines: events, events, unreadable: 0, unreadableLines: [], duplicates: 0, unknown: 0 };
  return { runs: finishRuns(folder.runs), stats, missing: events === 0 };
}
