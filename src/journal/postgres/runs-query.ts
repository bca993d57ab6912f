/**
 * Runs folded with the server's help: per run, the latest time, node and progress come from index
 * probes; only the events that change a run's state (start, wait, resume, pause, end, skips,
 * questions, checkpoints…) travel to the client, where the same fold as for the file journal
 * (RunFolder) reads them. The many plain "done" steps, decisions and jumps never leave the server.
 * Every run has its row in instr_runs (written with its first upload), which the probes start from.
 */
import type pg from 'pg';
import type { JournalEvent } from '../events.js';
import { finishRuns, RunFolder } from '../runs.js';
import type { LoadedRuns, RunFilter } from '../store.js';

type Query = <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<pg.QueryResult<R>>;

/** Types after which a paused run counts as picked up again (RunFolder's "touch"). */
const notTouching = ['start', 'wait', 'resume', 'pause', 'end', 'abandon', 'not-covered', 'answered', 'promise'];

export async function loadServerRuns(query: Query, filter: RunFilter): Promise<LoadedRuns> {
  const user = filter.user ?? null;
  const scope = '($1::text IS NULL OR e.run IN (SELECT run FROM instr_runs WHERE user_name = $1))';
  // unordered: sorting 30 000 rows here is cheaper than the server's sort spilling to disk
  const significant = await query<{ record: string }>(`SELECT e.record FROM instr_events e WHERE e.significant AND ${scope}`, [user]);
  // per run, three backward probes of the (run, seq) index instead of aggregating every event;
  // the count of all events rides along as one more row (run NULL): one round trip fewer
  const progress = await query<{ run: string | null; last_at: string | null; node: string | null; touch_seq: number | null; total: string | null }>(
    `SELECT r.run, l.at AS last_at, n.node, t.seq AS touch_seq, NULL::bigint AS total
       FROM instr_runs r
       LEFT JOIN LATERAL (SELECT e.at FROM instr_events e WHERE e.run = r.run AND e.type <> 'answered' ORDER BY e.seq DESC LIMIT 1) l ON true
       LEFT JOIN LATERAL (SELECT e.node FROM instr_events e WHERE e.run = r.run AND e.node IS NOT NULL AND e.type <> 'answered' ORDER BY e.seq DESC LIMIT 1) n ON true
       LEFT JOIN LATERAL (SELECT e.seq FROM instr_events e WHERE e.run = r.run AND e.type <> ALL ($2::text[]) ORDER BY e.seq DESC LIMIT 1) t ON true
      WHERE $1::text IS NULL OR r.user_name = $1
     UNION ALL SELECT NULL, NULL, NULL, NULL, count(*) FROM instr_events e WHERE ${scope}`,
    [user, notTouching],
  );
  const events = significant.rows.map((row) => JSON.parse(row.record) as JournalEvent).sort((a, b) => (a.run < b.run ? -1 : a.run > b.run ? 1 : a.seq - b.seq));
  const folder = new RunFolder();
  const pausedAt = new Map<string, number>();
  for (const e of events) {
    folder.add(e);
    if (e.type === 'pause') pausedAt.set(e.run, e.seq);
  }
  let total = 0;
  for (const row of progress.rows) {
    if (row.run === null) {
      total = Number(row.total);
      continue;
    }
    if (row.last_at === null) continue;
    let r = folder.runs.get(row.run);
    if (!r) {
      // a run whose state-changing events never arrived: known only by its progress
      folder.add({ v: 1, run: row.run, seq: 0, at: row.last_at, type: 'step', node: row.node ?? '', action: 'done' });
      r = folder.runs.get(row.run)!;
    }
    r.lastAtText = row.last_at;
    if (row.node !== null) r.node = row.node;
    if (r.state === 'paused' && row.touch_seq !== null && row.touch_seq > (pausedAt.get(row.run) ?? -1)) r.state = 'active';
  }
  const stats = { lines: total, events: total, unreadable: 0, unreadableLines: [], duplicates: 0, unknown: 0 };
  return { runs: finishRuns(folder.runs), stats, missing: total === 0 };
}
