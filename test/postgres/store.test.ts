import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeBenchInstruction, writeJournal } from '../../bench/report.js';
import { compilePaths } from '../../src/compile/compile.js';
import type { JournalEvent } from '../../src/journal/events.js';
import { latestVersion, migrations } from '../../src/journal/postgres/migrations/index.js';
import { migrate, schemaVersion } from '../../src/journal/postgres/migrate.js';
import { PostgresStore } from '../../src/journal/postgres/store.js';
import { runCli } from '../support/cli.js';
import { admin, describeWithServer, freshDatabase, urlFor } from '../support/postgres.js';

const instr = (args: string[], cwd: string) => runCli(args, { cwd });

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-store-'));
let db: Awaited<ReturnType<typeof freshDatabase>>;
afterAll(async () => {
  rmSync(temp, { recursive: true, force: true });
  await db?.drop();
});

const AT = '2026-11-27T10:00:00.000Z';
const ev = (run: string, seq: number, body: Record<string, unknown>) => ({ v: 1, run, seq, at: AT, ...body }) as unknown as JournalEvent;

describeWithServer('the journal on PostgreSQL', () => {
  beforeAll(async () => {
    db = await freshDatabase('store');
  });

  it('migrates on first use, once, when many clients start at the same time (advisory lock)', async () => {
    const clients = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        return c;
      }),
    );
    try {
      const applied = await Promise.all(clients.map((c) => migrate(c)));
      expect(applied.flat()).toEqual(migrations.map((m) => m.version));
      expect(await schemaVersion(clients[0]!)).toBe(latestVersion);
      const rows = await clients[0]!.query('SELECT version FROM instr_schema_migrations');
      expect(rows.rowCount).toBe(migrations.length);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });

  it('stores hostile run subjects, notes and step texts as values, unchanged, and a retried write once', async () => {
    const store = new PostgresStore(db.url);
    const hostile = [
      "'); DROP TABLE instr_events; --",
      'Robert"); DELETE FROM instr_runs WHERE ("1"="1',
      '$1 $2 ::text \\x00 \\\\ %s %n',
      'NUL\u0000inside',
      'emoji 😀 and a lone surrogate \ud800 and bidi \u202e',
      "E'\\\\' || pg_sleep(5) || '",
    ];
    const events: JournalEvent[] = [
      ev('hostile-run', 0, {
        type: 'start',
        task: hostile[0],
        title: hostile[1],
        file: 'x.md',
        lang: 'en',
        user: hostile[2],
        revision: null,
        contentHash: 'h',
        scripted: false,
        about: hostile[3],
      }),
    ];
    hostile.forEach((text, i) => {
      events.push(ev('hostile-run', events.length, { type: 'unclear', node: `n${i}`, note: text }));
      events.push(ev('hostile-run', events.length, { type: 'step', node: text, action: 'skip', reason: text }));
    });
    try {
      expect(await store.insertEvents(events)).toBe(events.length);
      expect(await store.insertEvents(events)).toBe(0);
      const back = await store.runEvents('hostile-run');
      expect(back).toEqual(JSON.parse(JSON.stringify(events)));
      const questions = await store.questions({ user: hostile[2]! });
      expect(questions.map((q) => q.note)).toEqual(hostile);
      const tables = await store.query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE tablename IN ('instr_events', 'instr_runs')");
      expect(Number(tables.rows[0]!.n)).toBe(2);
    } finally {
      await store.close();
    }
  });

  it("answers a question with one more record after the run's last (inbox answer); the run's state and last activity stay", async () => {
    const store = new PostgresStore(db.url);
    const start = { type: 'start', task: 't', title: 'T', file: 'x.md', lang: 'ru', user: 'anna', revision: null, contentHash: 'h', scripted: false };
    const events = [
      ev('answer-run', 0, start),
      ev('answer-run', 1, { type: 'unclear', node: 'n1', note: 'Как обращаться?' }),
      { ...ev('answer-run', 2, { type: 'pause', node: 'n1' }), at: '2026-11-27T10:05:00.000Z' } as JournalEvent,
    ];
    try {
      await store.insertEvents(events);
      const [question] = await store.questions({ user: 'anna' });
      expect(question).toMatchObject({ run: 'answer-run', seq: 1, note: 'Как обращаться?' });
      expect(question!.answer).toBeUndefined();
      await store.answerQuestion(question!, 'По имени', 'irina', '2026-11-28T08:00:00.000Z');
      const [answered] = await store.questions({ user: 'anna' });
      expect(answered!.answer).toEqual({ text: 'По имени', at: '2026-11-28T08:00:00.000Z', user: 'irina' });
      expect((await store.runEvents('answer-run')).map((e) => `${e.seq}:${e.type}`)).toEqual(['0:start', '1:unclear', '2:pause', '3:answered']);
      const { runs } = await store.loadRuns({ user: 'anna' });
      expect(runs.get('answer-run')).toMatchObject({ state: 'paused', lastAtText: '2026-11-27T10:05:00.000Z', node: 'n1' });
    } finally {
      await store.close();
    }
  });

  it('gives the same report and agenda as the file it was imported from (push --from), for all users and for one', async () => {
    const own = await freshDatabase('equal');
    try {
      await sameAsFile(own.url);
    } finally {
      await own.drop();
    }
  });

  async function sameAsFile(url: string): Promise<void> {
    const instructions = writeBenchInstruction(temp);
    const { graph } = await compilePaths([instructions]);
    const file = join(temp, 'journal.jsonl');
    const lines = writeJournal(file, graph, 150, 17);
    const pushed = await instr(['journal', 'push', '--from', file, '--journal', url, '--json'], temp);
    expect(pushed.code).toBe(0);
    const counts = JSON.parse(pushed.stdout) as { read: number; uploaded: number; alreadyThere: number; complete: boolean };
    expect(counts).toMatchObject({ read: lines, complete: true });
    const again = JSON.parse((await instr(['journal', 'push', '--from', file, '--journal', url, '--json'], temp)).stdout) as typeof counts;
    expect(again).toMatchObject({ read: lines, uploaded: 0, alreadyThere: lines });
    const period = ['--since', '2026-01-01', '--until', '2026-11-27', '--today', '2026-11-27', '--format', 'json'];
    for (const filter of [[], ['--user', 'anna']]) {
      const fromFile = await instr(['report', instructions, '--journal', file, ...period, ...filter], temp);
      const fromServer = await instr(['report', instructions, '--journal', url, ...period, ...filter], temp);
      expect(fromServer.stderr).toBe('');
      const a = JSON.parse(fromFile.stdout) as Record<string, unknown>;
      const b = JSON.parse(fromServer.stdout) as Record<string, unknown>;
      expect(b['journal']).toMatchObject({ path: expect.stringMatching(/^postgres:\/\/instr:\*\*\*@/) });
      delete a['journal'];
      delete b['journal'];
      expect(b).toEqual(a);
      const agendaFile = await instr(['agenda', instructions, '--journal', file, '--date', '2026-11-20', '--days', '14', '--format', 'json', ...filter], temp);
      const agendaServer = await instr(['agenda', instructions, '--journal', url, '--date', '2026-11-20', '--days', '14', '--format', 'json', ...filter], temp);
      expect(agendaServer.stdout).toBe(agendaFile.stdout);
    }
    // a role no instruction is for is a usage error that names the roles there are, not an empty report
    const noRole = await instr(['report', instructions, '--journal', url, ...period, '--role', 'nobody'], temp);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toContain('--role «nobody»');
  }

  it('works with the least-privilege role of docs/team-journal.md: inserts and reads, cannot delete, update or drop', async () => {
    const docs = readFileSync('docs/team-journal.md', 'utf8');
    const block = /<!-- least-privilege -->\s*```sql\n([\s\S]*?)```/.exec(docs);
    expect(block, 'docs/team-journal.md has the role SQL after <!-- least-privilege -->').not.toBeNull();
    const role = `instr_writer_${db.name.slice(-8)}`;
    const password = 'pw-' + db.name.slice(-8);
    const sql = block![1]!.replaceAll('instr_writer', role).replaceAll("'change-me'", `'${password}'`).replaceAll('DATABASE instr', `DATABASE ${db.name}`);
    await admin((c) => c.query(sql), db.name);
    const store = new PostgresStore(urlFor(db.name, { user: role, password }));
    try {
      expect(
        await store.insertEvents([
          ev('writer-run', 0, {
            type: 'start',
            task: 't',
            title: 'T',
            file: 'f.md',
            lang: 'en',
            user: 'eve',
            revision: null,
            contentHash: 'h',
            scripted: false,
          }),
        ]),
      ).toBe(1);
      expect((await store.loadRuns({ user: 'eve' })).runs.has('writer-run')).toBe(true);
      for (const statement of [
        'DELETE FROM instr_events',
        'UPDATE instr_runs SET user_name = $$x$$',
        'TRUNCATE instr_events',
        'DROP TABLE instr_events',
        'CREATE TABLE instr_x (a int)',
      ]) {
        await expect(store.query(statement), statement).rejects.toThrow(/permission denied|must be owner/);
      }
    } finally {
      await store.close();
      await admin((c) => c.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`), db.name);
    }
  });
});
