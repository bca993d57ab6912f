/**
 * One machine at a time per run (src/journal/postgres/run-claim.ts): whoever appends to a run holds
 * its lock on the team journal's server. Machine B resuming a run that machine A is continuing, or
 * is running from its start, is refused with exit 2 in the user's language; once A is done, B may.
 * Machine A here is the runner's own journal (openRunJournal), in this process; B is the CLI.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { claimRun, RunElsewhereError } from '../../src/journal/postgres/run-claim.js';
import { PostgresStore } from '../../src/journal/postgres/store.js';
import { openRunJournal } from '../../src/journal/run-journal.js';
import { runCli } from '../support/cli.js';
import { admin, describeWithServer, freshDatabase } from '../support/postgres.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-claim-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function machine(name: string): { cwd: string; env: Record<string, string> } {
  const cwd = join(temp, name);
  mkdirSync(join(cwd, 'home'), { recursive: true });
  cpSync('test/fixtures/run', join(cwd, 'instructions'), { recursive: true });
  writeFileSync(join(cwd, 'answers.yaml'), 'in-tariff: no\nagree: pay\ninvoice-number: INV-9\nconfirmed: true\n');
  writeFileSync(join(cwd, 'paid.yaml'), 'paid: true\ninvoice-number: INV-9\nconfirmed: true\n');
  return { cwd, env: { HOME: join(cwd, 'home') } };
}

/** Machine A's runner journal, with what it says on screen. */
async function runnerJournal(cwd: string, url: string) {
  let said = '';
  const journal = await openRunJournal({ cwd, err: (text) => void (said += text), color: { yellow: (text) => text } }, url, () => 'en');
  return { journal, said: () => said };
}

describeWithServer('one machine at a time per run (the team journal holds its lock)', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase('claim');
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function serverSeqs(run: string): Promise<number[]> {
    const store = new PostgresStore(db.url);
    try {
      return (await store.query<{ seq: number }>('SELECT seq FROM instr_events WHERE run = $1 ORDER BY seq', [run])).rows.map((r) => r.seq);
    } finally {
      await store.close();
    }
  }

  /** A run suspended at its wait on machine `name`; its id. */
  async function suspendedRun(name: string): Promise<{ run: string; cwd: string }> {
    const m = machine(name);
    const r = await runCli(['run', 'request', '--answers', 'answers.yaml', '--journal', db.url, '--user', 'boris', '--json'], m);
    const out = JSON.parse(r.stdout) as { run: string; status: string };
    expect(out.status).toBe('waiting');
    return { run: out.run, cwd: m.cwd };
  }

  it('the lock: a second session is refused; the first ending (or killed) lets go', async () => {
    const connect = async () => {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      return c;
    };
    const [a, b] = [await connect(), await connect()];
    await claimRun(a, 'run-x');
    await claimRun(a, 'run-x'); // again in the same session: harmless
    await expect(claimRun(b, 'run-x')).rejects.toBeInstanceOf(RunElsewhereError);
    await claimRun(b, 'run-y'); // another run: free
    await a.end();
    await claimRun(b, 'run-x');
    const c = await connect();
    await expect(claimRun(c, 'run-x')).rejects.toThrow('run-x');
    // a session that dies (a killed runner, a dropped network) lets go too
    const pid = (await b.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    b.on('error', () => undefined);
    await admin((x) => x.query('SELECT pg_terminate_backend($1)', [pid]));
    let free = false;
    for (let i = 0; i < 50 && !free; i++)
      free = await claimRun(c, 'run-x').then(
        () => true,
        async () => (await new Promise((r) => setTimeout(r, 100)), false),
      );
    expect(free).toBe(true);
    await c.end();
  });

  for (const lang of ['en', 'ru'] as const) {
    it(`${lang}: resuming on machine B while machine A continues the run is refused (exit 2); after A, B may`, async () => {
      const { run, cwd: aCwd } = await suspendedRun(`a-${lang}`);
      const before = await serverSeqs(run);
      const a = await runnerJournal(aCwd, db.url);
      await a.journal.claim!(run); // what `instr run --resume RUN` on A does before going on
      const b = machine(`b-${lang}`);
      const refused = await runCli(['run', '--resume', run, '--answers', 'paid.yaml', '--journal', db.url, '--lang', lang], b);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(run);
      expect(refused.stderr).toContain(
        lang === 'ru'
          ? 'сейчас продолжают на другом компьютере (его держит общий журнал postgres://'
          : 'is being continued on another machine right now (the team journal postgres://',
      );
      expect(refused.stderr).not.toContain(new URL(db.url).password);
      expect(await serverSeqs(run)).toEqual(before);
      await a.journal.finish();
      expect(a.said()).toBe('');
      const resumed = await runCli(['run', '--resume', run, '--answers', 'paid.yaml', '--journal', db.url, '--json'], b);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(JSON.parse(resumed.stdout)).toMatchObject({ run, status: 'done' });
      const after = await serverSeqs(run);
      expect(after.length).toBeGreaterThan(before.length);
      expect(after).toEqual(after.map((_, i) => i));
    });
  }

  it('a run being run from its start on A is held from its first upload: B cannot resume it until A is done', async () => {
    const aCwd = machine('fresh-a').cwd;
    const a = await runnerJournal(aCwd, db.url);
    const run = '20261127T101500Z-c1a1e1';
    const writer = a.journal.writer(run, 0);
    const at = '2026-11-27T10:15:00.000Z';
    writer.append(
      { type: 'start', task: 'request', title: 'Request', file: 'flow.md', lang: 'en', user: 'boris', revision: null, contentHash: 'h', scripted: false },
      at,
    );
    writer.append({ type: 'pause', node: 'request/step-1' }, at);
    await new Promise((resolve) => setImmediate(resolve)); // the burst before the first prompt is over
    writer.append({ type: 'pause', node: 'request/step-1' }, at); // an answer: the upload starts
    for (let i = 0; i < 100 && (await serverSeqs(run)).length < 3; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await serverSeqs(run)).toEqual([0, 1, 2]);
    const b = machine('fresh-b');
    const refused = await runCli(['run', '--resume', run, '--answers', 'paid.yaml', '--journal', db.url], b);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is being continued on another machine right now');
    writer.close();
    await a.journal.finish();
    expect(a.said()).toBe('');
    const resumed = await runCli(['run', '--resume', run, '--answers', 'paid.yaml', '--journal', db.url], b);
    expect(resumed.stderr).not.toContain('another machine');
  });
});
