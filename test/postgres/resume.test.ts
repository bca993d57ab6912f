/**
 * A run begun on one machine and continued on another: two working folders, each with its own
 * local journal and its own HOME, one team journal. Machine B has never seen the run; `instr run
 * --resume` finds it on the server, continues it, and the server ends up with the whole run, each
 * event once, in order.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresStore } from '../../src/journal/postgres/store.js';
import { runCli } from '../support/cli.js';
import { describeWithServer, freshDatabase } from '../support/postgres.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-resume-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A machine: its own working folder (instructions, local journal) and its own HOME. */
function machine(name: string): { cwd: string; env: Record<string, string> } {
  const cwd = join(temp, name);
  mkdirSync(join(cwd, 'home'), { recursive: true });
  cpSync('test/fixtures/run', join(cwd, 'instructions'), { recursive: true });
  writeFileSync(join(cwd, 'paid.yaml'), 'paid: true\ninvoice-number: INV-9\nconfirmed: true\n');
  return { cwd, env: { HOME: join(cwd, 'home') } };
}

const localRecords = (cwd: string): Array<{ run: string; seq: number; type: string }> => {
  const file = join(cwd, '.instr', 'journal.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { run: string; seq: number; type: string });
};

describeWithServer('instr run --resume on another machine', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase('resume');
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

  it('a run suspended on machine A is found, continued and finished on machine B; the server has it whole, once', async () => {
    const a = machine('a');
    const b = machine('b');
    writeFileSync(join(a.cwd, 'answers.yaml'), 'in-tariff: no\nagree: pay\ninvoice-number: INV-9\nconfirmed: true\n');
    const started = await runCli(['run', 'request', '--answers', 'answers.yaml', '--journal', db.url, '--user', 'boris', '--json'], a);
    expect(started.stderr).toBe('');
    const suspended = JSON.parse(started.stdout) as { run: string; status: string };
    expect(suspended.status).toBe('waiting');
    const onA = localRecords(a.cwd);
    expect(await serverSeqs(suspended.run)).toEqual(onA.map((e) => e.seq));

    // B's own journal knows nothing of it; without a run id the user's open runs are listed
    expect(localRecords(b.cwd)).toEqual([]);
    const listed = await runCli(['run', '--resume', '--answers', 'paid.yaml', '--journal', db.url, '--user', 'boris'], b);
    expect(listed.code).toBe(2);
    expect(listed.stderr).toContain(suspended.run);
    // someone else's open runs are not offered
    const other = await runCli(['run', '--resume', '--answers', 'paid.yaml', '--journal', db.url, '--user', 'vera'], machine('c'));
    expect(other.code).toBe(0);
    expect(other.stdout).toContain('No paused or suspended runs');

    const resumed = await runCli(['run', '--resume', suspended.run, '--answers', 'paid.yaml', '--journal', db.url, '--json'], b);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ run: suspended.run, status: 'done' });
    const onB = localRecords(b.cwd).filter((e) => e.run === suspended.run);
    // B's file holds the whole run: A's records first, then its own
    expect(onB.slice(0, onA.length)).toEqual(onA);
    expect(onB.map((e) => e.seq)).toEqual(onB.map((_, i) => i));
    expect(onB.at(-1)?.type).toBe('end');
    expect(await serverSeqs(suspended.run)).toEqual(onB.map((e) => e.seq));

    // a second push from B finds everything there
    const push = JSON.parse((await runCli(['journal', 'push', '--journal', db.url, '--json'], b)).stdout) as { uploaded: number };
    expect(push.uploaded).toBe(0);
    // and A, resuming the same run again, is told it is finished
    const again = await runCli(['run', '--resume', suspended.run, '--answers', 'answers.yaml', '--journal', db.url], a);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('finished');
    const report = JSON.parse(
      (await runCli(['report', '--journal', db.url, '--format', 'json', '--today', '2026-11-27', '--since', '2026-01-01', '--until', '2030-01-01'], a)).stdout,
    ) as { tasks: Array<{ task: string; finished: number; waiting: number }>; journal: { stats: { events: number } } };
    expect(report.tasks.find((t) => t.task === 'request')).toMatchObject({ finished: 1, waiting: 0 });
    expect(report.journal.stats.events).toBe(onB.length);
  });

  it('with the server out of reach, --resume says so and offers what this machine has', async () => {
    const b = machine('offline');
    const r = await runCli(['run', '--resume', '--journal', 'postgres://boris:S3cret-pw@127.0.0.1:9/nowhere', '--user', 'boris', '--answers', 'paid.yaml'], b);
    expect(r.stderr.match(/cannot be reached/g)).toHaveLength(1);
    expect(r.stderr).not.toContain('S3cret-pw');
    expect(r.stdout).toContain('No paused or suspended runs');
    expect(r.code).toBe(0);
  });
});
