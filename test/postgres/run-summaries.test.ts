import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { random } from '../../bench/generate.mjs';
import { writeBenchInstruction, writeJournal } from '../../bench/report.js';
import { compilePaths } from '../../src/compile/compile.js';
import type { JournalEvent } from '../../src/journal/events.js';
import { loadRuns as loadFileRuns } from '../../src/journal/load-runs.js';
import { eventId } from '../../src/journal/postgres/event-id.js';
import { migrate } from '../../src/journal/postgres/migrate.js';
import { migrations } from '../../src/journal/postgres/migrations/index.js';
import { PostgresStore } from '../../src/journal/postgres/store.js';
import type { RunRecord } from '../../src/journal/runs.js';
import { runCli } from '../support/cli.js';
import { admin, describeWithServer, freshDatabase, urlFor } from '../support/postgres.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-summaries-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const seed = Number(process.env['INSTR_TEST_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const period = ['--since', '2026-01-01', '--until', '2026-11-27', '--today', '2026-11-27'];

function readEvents(file: string): JournalEvent[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as JournalEvent);
}

/** The runs as folding the raw events of the file gives them (the file journal's report), as plain data. */
async function foldedFromFile(file: string, user?: string): Promise<Array<[string, RunRecord]>> {
  const { runs } = await loadFileRuns(file);
  return [...runs].filter(([, r]) => user === undefined || r.user === user).sort(([a], [b]) => (a < b ? -1 : 1));
}

async function fromServer(store: PostgresStore, user?: string): Promise<Array<[string, RunRecord]>> {
  const { runs } = await store.loadRuns(user === undefined ? {} : { user });
  return [...runs];
}

describeWithServer('the folded run summaries on PostgreSQL (schema version 2)', () => {
  let instructions: string;
  let file: string;
  let events: JournalEvent[];

  beforeAll(async () => {
    console.log(`run-summaries.test.ts: seed ${seed} (set INSTR_TEST_SEED=${seed} to repeat)`);
    instructions = writeBenchInstruction(temp);
    const { graph } = await compilePaths([instructions]);
    file = join(temp, 'journal.jsonl');
    writeJournal(file, graph, 160, seed);
    events = readEvents(file);
    // a run whose wait has a time no clock can read (its fold holds NaN): stored, but never trusted as a summary
    const odd = 'run-odd';
    const extra = [
      {
        v: 1,
        run: odd,
        seq: 0,
        at: '2026-03-01T08:00:00.000Z',
        type: 'start',
        task: events[0]!.type === 'start' ? events[0]!.task : 't',
        title: 'Odd',
        file: 'x.md',
        lang: 'en',
        user: 'anna',
        revision: null,
        contentHash: 'h',
        scripted: false,
      },
      { v: 1, run: odd, seq: 1, at: 'yesterday-ish', type: 'wait', node: 'n1', event: 'payment', timeoutAt: 'never' },
    ] as unknown as JournalEvent[];
    events.push(...extra);
    writeFileSync(file, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
  });

  it('gives the same runs and the same report as folding the raw events, whatever order and batches the events arrive in', async () => {
    const db = await freshDatabase('summaries');
    const store = new PostgresStore(db.url);
    try {
      const rnd = random(seed);
      // per run, its events cut into pieces; the pieces arrive in a random order across runs, a
      // later piece of a run sometimes before an earlier one (a laptop's late upload), some twice
      const pieces: JournalEvent[][] = [];
      const byRun = new Map<string, JournalEvent[]>();
      for (const e of events) byRun.set(e.run, [...(byRun.get(e.run) ?? []), e]);
      for (const list of byRun.values()) {
        for (let i = 0; i < list.length; ) {
          const n = 1 + Math.floor(rnd() * 6);
          pieces.push(list.slice(i, i + n));
          i += n;
        }
      }
      for (let i = pieces.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [pieces[i], pieces[j]] = [pieces[j]!, pieces[i]!];
      }
      let outOfOrder = 0;
      const highest = new Map<string, number>();
      for (let i = 0; i < pieces.length; ) {
        const n = 1 + Math.floor(rnd() * 8);
        const batch = pieces.slice(i, i + n).flat();
        i += n;
        for (const e of batch) {
          if (e.seq < (highest.get(e.run) ?? -1)) outOfOrder++;
          highest.set(e.run, Math.max(highest.get(e.run) ?? -1, e.seq));
        }
        await store.insertEvents(batch);
        if (rnd() < 0.1) expect(await store.insertEvents(batch)).toBe(0);
      }
      expect(outOfOrder).toBeGreaterThan(0);
      const stale = await store.query<{ n: string }>('SELECT count(*) AS n FROM instr_run_summaries WHERE stale');
      expect(Number(stale.rows[0]!.n)).toBe(1); // the odd run only
      expect(await fromServer(store)).toEqual(await foldedFromFile(file));
      expect(await fromServer(store, 'anna')).toEqual(await foldedFromFile(file, 'anna'));
      const loaded = await store.loadRuns();
      expect(loaded.stats?.events).toBe(events.length);
      await store.close();

      for (const format of ['text', 'json']) {
        for (const filter of [[], ['--user', 'boris']]) {
          const a = await runCli(['report', instructions, '--journal', file, ...period, '--format', format, ...filter], { cwd: temp });
          const b = await runCli(['report', instructions, '--journal', db.url, ...period, '--format', format, ...filter], { cwd: temp });
          expect(b.stderr).toBe('');
          const strip = (s: string) =>
            format === 'json' ? JSON.stringify({ ...(JSON.parse(s) as object), journal: null }) : s.replace(/^.*(journal|журнал).*$/gim, '');
          expect(strip(b.stdout), `report --format ${format} ${filter.join(' ')}`).toBe(strip(a.stdout));
        }
      }
    } finally {
      await store.close();
      await db.drop();
    }
  });

  it('a run written to by two writers at once folds every event of both', async () => {
    const db = await freshDatabase('summaries_race');
    const stores = [new PostgresStore(db.url), new PostgresStore(db.url)];
    try {
      const run = events.filter((e) => e.run === events[0]!.run);
      await stores[0]!.insertEvents(run.slice(0, 1));
      // even events by one connection, odd by the other, at the same time
      await Promise.all(
        stores.map(async (s, k) => {
          for (const e of run.slice(1).filter((x) => x.seq % 2 === k)) await s.insertEvents([e]);
        }),
      );
      const folded = (await foldedFromFile(file)).filter(([id]) => id === run[0]!.run);
      expect(await fromServer(stores[0]!)).toEqual(folded);
      const row = await stores[0]!.query<{ events: number; stale: boolean }>('SELECT events, stale FROM instr_run_summaries');
      expect(row.rows).toEqual([{ events: run.length, stale: false }]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await db.drop();
    }
  });

  it('the migration builds the summaries of a journal stored before it; an event stored by other means is folded from the events', async () => {
    const db = await freshDatabase('summaries_migrate');
    const writer = `instr_v1_writer_${db.name.slice(-8)}`;
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      // the database as version 1 left it, filled the way version 1 wrote it
      await client.query(migrations[0]!.sql);
      await client.query(
        'CREATE TABLE instr_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      await client.query("INSERT INTO instr_schema_migrations (version, name) VALUES (1, 'journal')");
      const insert = async (list: JournalEvent[]) =>
        client.query(
          `INSERT INTO instr_events (id, run, seq, type, at, node, record, significant)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[])`,
          [
            list.map((e) => eventId(e)),
            list.map((e) => e.run),
            list.map((e) => e.seq),
            list.map((e) => e.type),
            list.map((e) => e.at),
            list.map((e) => ('node' in e && typeof e.node === 'string' ? e.node : null)),
            list.map((e) => JSON.stringify(e)),
            list.map(() => true),
          ],
        );
      const last = events[events.length - 3]!;
      const before = events.filter((e) => e !== last);
      await insert(before);
      await client.query("INSERT INTO instr_runs (run, user_name) SELECT DISTINCT run, '' FROM instr_events");
      // a writer role set up as version 1's documentation said: it must go on writing after the upgrade
      await client.query(`CREATE ROLE ${writer} LOGIN PASSWORD '${writer}'`);
      await client.query(`GRANT SELECT, INSERT ON instr_runs, instr_events TO ${writer}; GRANT SELECT ON instr_schema_migrations TO ${writer}`);
      expect(await migrate(client)).toEqual([2]);
      const summaries = await client.query<{ n: string; events: string }>(
        'SELECT count(*) AS n, sum(events) AS events FROM instr_run_summaries WHERE NOT stale',
      );
      expect(Number(summaries.rows[0]!.events)).toBe(before.length - 2); // all but the odd run’s two…
      expect(Number(summaries.rows[0]!.n)).toBe(new Set(before.map((e) => e.run)).size - 1);
      // … and one more event stored without the writer: its run is marked stale by the trigger
      await insert([last]);
      const stale = await client.query<{ run: string }>('SELECT run FROM instr_run_summaries WHERE stale ORDER BY run');
      expect(stale.rows.map((r) => r.run)).toEqual([...new Set([last.run, 'run-odd'])].sort());
      const store = new PostgresStore(db.url);
      try {
        expect(await fromServer(store)).toEqual(await foldedFromFile(file));
        // the next write to that run through instr folds it again and trusts it from then on
        const next = { ...last, seq: 10_000, type: 'step', node: 'n9', action: 'done' } as unknown as JournalEvent;
        await store.insertEvents([next]);
        const after = await client.query<{ stale: boolean; events: number }>('SELECT stale, events FROM instr_run_summaries WHERE run = $1', [last.run]);
        expect(after.rows[0]).toEqual({ stale: false, events: events.filter((e) => e.run === last.run).length + 1 });
      } finally {
        await store.close();
      }
      const asWriter = new PostgresStore(urlFor(db.name, { user: writer, password: writer }));
      try {
        const more = { ...last, seq: 10_001, type: 'step', node: 'n9', action: 'done' } as unknown as JournalEvent;
        expect(await asWriter.insertEvents([more])).toBe(1);
        expect((await asWriter.loadRuns()).stats?.events).toBe(events.length + 2);
      } finally {
        await asWriter.close();
      }
    } finally {
      await client.end();
      await db.drop();
      await admin((c) => c.query(`DROP ROLE IF EXISTS ${writer}`));
    }
  });
});
