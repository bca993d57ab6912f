/**
 * Two machines, both offline, continue the same run (no server holds its lock then). When both
 * upload, nothing either recorded may vanish: the second upload finds its records clash with the
 * first's at the same places, stores its own as a fork of the run, says so (en, ru), and the report
 * shows the pair.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresStore } from '../../src/journal/postgres/store.js';
import { runCli } from '../support/cli.js';
import { describeWithServer, freshDatabase } from '../support/postgres.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-fork-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const offline = 'postgres://boris:pw@127.0.0.1:9/nowhere';
const period = ['--since', '2026-01-01', '--until', '2030-01-01', '--today', '2026-11-27'];

function machine(name: string): { cwd: string; env: Record<string, string> } {
  const cwd = join(temp, name);
  mkdirSync(join(cwd, 'home'), { recursive: true });
  cpSync('test/fixtures/run', join(cwd, 'instructions'), { recursive: true });
  return { cwd, env: { HOME: join(cwd, 'home') } };
}

type Line = Record<string, unknown> & { run: string; seq: number; type: string };

const journalOf = (cwd: string): string => join(cwd, '.instr', 'journal.jsonl');
const localRecords = (cwd: string): Line[] =>
  existsSync(journalOf(cwd))
    ? readFileSync(journalOf(cwd), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Line)
    : [];

describeWithServer('a run continued on two machines while both were offline', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase('fork');
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function serverRecords(run: string): Promise<Line[]> {
    const store = new PostgresStore(db.url);
    try {
      return (await store.runEvents(run)) as unknown as Line[];
    } finally {
      await store.close();
    }
  }

  it('keeps both machines’ records: the second upload stores its own as a fork, says so in en and ru, and the report lists it', async () => {
    const a = machine('a');
    const b = machine('b');
    writeFileSync(join(a.cwd, 'answers.yaml'), 'in-tariff: no\nagree: pay\ninvoice-number: INV-9\nconfirmed: true\n');
    const started = await runCli(['run', 'request', '--answers', 'answers.yaml', '--journal', db.url, '--user', 'boris', '--json'], a);
    expect(started.stderr).toBe('');
    const run = (JSON.parse(started.stdout) as { run: string; status: string }).run;
    // B has the run too (it caught it up while it was online), then both go on the road
    mkdirSync(join(b.cwd, '.instr'), { recursive: true });
    writeFileSync(journalOf(b.cwd), readFileSync(journalOf(a.cwd)));
    const common = localRecords(a.cwd).length;

    writeFileSync(join(a.cwd, 'paid.yaml'), 'paid: true\ninvoice-number: INV-9\nconfirmed: true\n');
    writeFileSync(join(b.cwd, 'paid.yaml'), 'paid: true\ninvoice-number: INV-10\nconfirmed: true\n');
    for (const m of [a, b]) {
      const r = await runCli(['run', '--resume', run, '--answers', 'paid.yaml', '--journal', offline, '--json'], m);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('cannot be reached');
      expect(JSON.parse(r.stdout)).toMatchObject({ run, status: 'done' });
    }
    const onA = localRecords(a.cwd).filter((e) => e.run === run);
    const onB = localRecords(b.cwd).filter((e) => e.run === run);
    expect(onA.length).toBeGreaterThan(common);
    expect(onB.length).toBeGreaterThan(common);

    // A uploads first: its records are the run's
    const pushA = await runCli(['journal', 'push', '--journal', db.url, '--json'], a);
    expect(pushA.stderr).toBe('');
    expect(JSON.parse(pushA.stdout)).toMatchObject({ uploaded: onA.length - common, forks: [] });
    expect(await serverRecords(run)).toEqual(onA);

    // B uploads second: its records from the first clash on are stored as a fork, and B is told, in Russian here
    const pushB = await runCli(['journal', 'push', '--journal', db.url, '--json', '--lang', 'ru'], b);
    expect(pushB.code).toBe(0);
    const result = JSON.parse(pushB.stdout) as { uploaded: number; forks: Array<{ run: string; fork: string; from: number }> };
    expect(result.forks).toHaveLength(1);
    const fork = result.forks[0]!;
    expect(fork).toMatchObject({ run, from: common });
    expect(fork.fork).toMatch(new RegExp(`^${run}~[0-9a-f]{6}$`));
    expect(result.uploaded).toBe(onB.length - common);
    expect(pushB.stderr).toContain(`Прохождение ${run} продолжали и на другом компьютере`);
    expect(pushB.stderr).toContain(`сохранены как прохождение ${fork.fork}`);

    // nothing lost: A's version under the run, B's whole version under the fork
    expect(await serverRecords(run)).toEqual(onA);
    const forked = await serverRecords(fork.fork);
    expect(forked.map((e) => e.seq)).toEqual(onB.map((e) => e.seq));
    expect(forked.map(({ run: _r, forkOf: _o, forkedAt: _a, ...rest }) => rest)).toEqual(onB.map(({ run: _r, ...rest }) => rest));
    expect(forked[0]).toMatchObject({ type: 'start', forkOf: run, forkedAt: common });

    // pushed again: nothing new, no second fork, nothing said
    const again = await runCli(['journal', 'push', '--from', journalOf(b.cwd), '--journal', db.url, '--json'], b);
    expect(JSON.parse(again.stdout)).toMatchObject({ uploaded: 0, forks: [] });
    expect(again.stderr).toBe('');

    // what B records on that run later (an inbox answer, a promise kept by hand) goes on in the fork
    const last = onB[onB.length - 1]!;
    appendFileSync(
      journalOf(b.cwd),
      `${JSON.stringify({ v: 1, run, seq: last.seq + 1, at: '2026-11-28T09:00:00.000Z', type: 'unclear', node: 'x', note: 'later on B' })}\n`,
    );
    const later = await runCli(['journal', 'push', '--journal', db.url, '--json'], b);
    expect(JSON.parse(later.stdout)).toMatchObject({ uploaded: 1, forks: [] });
    expect((await serverRecords(fork.fork)).at(-1)).toMatchObject({ run: fork.fork, seq: last.seq + 1, note: 'later on B' });
    expect(await serverRecords(run)).toEqual(onA);

    // the report shows the pair, in English and Russian; both runs count
    const json = JSON.parse((await runCli(['report', '--journal', db.url, '--format', 'json', ...period], a)).stdout) as {
      forks: Array<{ run: string; of: string; from: number; user: string }>;
      tasks: Array<{ task: string; finished: number }>;
    };
    expect(json.forks).toEqual([{ run: fork.fork, of: run, from: common, task: 'request', user: 'boris' }]);
    expect(json.tasks.find((t) => t.task === 'request')?.finished).toBe(2);
    const en = await runCli(['report', '--journal', db.url, ...period, '--lang', 'en'], a);
    expect(en.stdout).toContain('Runs continued on two machines at once (offline): both kept');
    expect(en.stdout).toContain(`${fork.fork} forks ${run} from its record ${common}`);
    const ru = await runCli(['report', '--journal', db.url, ...period, '--lang', 'ru'], a);
    expect(ru.stdout).toContain(`${fork.fork} — ответвление ${run} с записи ${common}`);
  });
});
