/**
 * Load: 20 runners at once, each writing 200 events while their uploads run in the background,
 * all into one database. None may be lost or stored twice. The time is printed, not asserted.
 *
 * Here the runners append to their local journals without the per-record fsync of the real
 * writer (7 ms a record on a busy CI disk: 4 000 of them in one process would be the whole test
 * budget); the upload, the server and the concurrency are the real ones. The variant with 20
 * real runner processes, each with the fsyncing writer of `instr run` and its background upload,
 * runs with INSTR_SLOW=1 (`npm run test:slow`, which CI runs next to a server too).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeBenchInstruction } from '../../bench/report.js';
import { PostgresStore } from '../../src/journal/postgres/store.js';
import { BackgroundUpload } from '../../src/journal/postgres/background.js';
import { projectRoot, runCli } from '../support/cli.js';
import { describeWithServer, freshDatabase } from '../support/postgres.js';

const instr = (args: string[], cwd: string) => runCli(args, { cwd });

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-load-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const runners = 20;
const perRunner = 200;
const slow = process.env['INSTR_SLOW'] === '1';

describeWithServer('the team journal under load', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase('load');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it(`${runners} runners × ${perRunner} events at once: every event on the server exactly once`, async () => {
    const errors: string[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: runners }, async (_, r) => {
        const cwd = join(temp, `runner-${r}`);
        mkdirSync(cwd);
        const outbox = join(cwd, 'journal.jsonl');
        const upload = new BackgroundUpload(
          async () => {
            const store = new PostgresStore(db.url);
            await store.connection();
            return store;
          },
          outbox,
          (detail) => errors.push(detail),
          { firstDelayMs: 0 },
        );
        const run = `load-${String(r).padStart(2, '0')}`;
        const at = new Date(Date.UTC(2026, 10, 27, 9, r)).toISOString();
        const record = (seq: number, body: Record<string, unknown>) => `${JSON.stringify({ v: 1, run, seq, at, ...body })}\n`;
        appendFileSync(
          outbox,
          record(0, {
            type: 'start',
            task: 'task-1',
            title: 'T',
            file: 'bench.md',
            lang: 'en',
            user: `user-${r % 5}`,
            revision: null,
            contentHash: 'h',
            scripted: false,
          }),
        );
        for (let i = 1; i < perRunner; i++) {
          appendFileSync(outbox, record(i, { type: 'step', node: `task-1.s${i}`, action: 'done' }));
          upload.poke();
          // a person answers a prompt, the event loop turns: the uploads run meanwhile
          if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        expect(await upload.finish(30_000)).toBe(true);
      }),
    );
    const ms = performance.now() - started;
    expect(errors).toEqual([]);
    const store = new PostgresStore(db.url);
    try {
      const r = await store.query<{ events: string; distinct_ids: string; runs: string; complete: string }>(
        `SELECT count(*) AS events, count(DISTINCT id) AS distinct_ids, count(DISTINCT run) AS runs,
                count(*) FILTER (WHERE seq < $1) AS complete FROM instr_events`,
        [perRunner],
      );
      expect(r.rows[0]).toEqual({
        events: String(runners * perRunner),
        distinct_ids: String(runners * perRunner),
        runs: String(runners),
        complete: String(runners * perRunner),
      });
    } finally {
      await store.close();
    }
    const reported = await instr(['report', writeBenchInstruction(temp), '--journal', db.url, '--format', 'json', '--today', '2026-11-27'], temp);
    expect(reported.stderr).toBe('');
    const report = JSON.parse(reported.stdout) as { journal: { stats: { events: number } } };
    expect(report.journal.stats.events).toBe(runners * perRunner);
    process.stdout.write(
      `\n  load: ${runners} runners × ${perRunner} events = ${runners * perRunner} events written and uploaded in ${Math.round(ms)} ms (${Math.round((runners * perRunner) / (ms / 1000))} events/s)\n`,
    );
  });
  it.runIf(slow)(
    `${runners} runner processes × ${perRunner} events, each record fsynced then uploaded in the background: every event on the server exactly once`,
    async () => {
      const script = join(temp, 'runner.mjs');
      const api = JSON.stringify(new URL('dist/bundle/api.js', `file://${projectRoot}`).href);
      // what `instr run` does with each answer: the record on disk (fsync), then the upload poked
      writeFileSync(
        script,
        `import { openRunJournal } from ${api};
const color = new Proxy({}, { get: () => (s) => s });
const io = { out() {}, err: (s) => process.stderr.write(s), color, isTTY: false, columns: 80, cwd: process.cwd() };
const [url, run, user, count] = process.argv.slice(2);
const journal = await openRunJournal(io, url, () => 'en');
const w = journal.writer(run, 0);
const at = new Date(Date.UTC(2026, 10, 27, 9)).toISOString();
w.append({ type: 'start', task: 'task-1', title: 'T', file: 'bench.md', lang: 'en', user, revision: null, contentHash: 'h', scripted: false }, at);
for (let i = 1; i < Number(count); i++) {
  w.append({ type: 'step', node: 'task-1.s' + i, action: 'done' }, at);
  await new Promise((r) => setImmediate(r));
}
w.close();
await journal.finish();
`,
      );
      const started = performance.now();
      const results = await Promise.all(
        Array.from({ length: runners }, (_, r) => {
          const cwd = join(temp, `process-${r}`);
          mkdirSync(cwd);
          const child = spawn(process.execPath, [script, db.url, `proc-${String(r).padStart(2, '0')}`, `user-${r % 5}`, String(perRunner)], {
            cwd,
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          let stderr = '';
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          return new Promise<{ code: number | null; stderr: string; local: number }>((resolve) =>
            child.on('close', (code) =>
              resolve({
                code,
                stderr,
                local: readFileSync(join(cwd, '.instr', 'journal.jsonl'), 'utf8')
                  .split('\n')
                  .filter(Boolean).length,
              }),
            ),
          );
        }),
      );
      const ms = performance.now() - started;
      for (const r of results) {
        expect(r).toMatchObject({ code: 0, local: perRunner });
        // a runner whose last upload did not finish in time (a loaded machine) says so, and only that
        if (r.stderr !== '') expect(r.stderr).toMatch(/^instr: The team journal \S+ cannot be reached \(no answer within \d+ s\)/);
      }
      // what a runner could not upload before it ended is sent by the next command that connects
      const late = results.filter((r) => r.stderr !== '').length;
      for (let r = 0; r < runners; r++) expect((await instr(['journal', 'push', '--journal', db.url], join(temp, `process-${r}`))).code).toBe(0);
      const store = new PostgresStore(db.url);
      try {
        const r = await store.query<{ events: string; distinct_ids: string; runs: string; complete: string }>(
          `SELECT count(*) AS events, count(DISTINCT id) AS distinct_ids, count(DISTINCT run) AS runs,
                count(*) FILTER (WHERE seq < $1) AS complete FROM instr_events WHERE run LIKE 'proc-%'`,
          [perRunner],
        );
        expect(r.rows[0]).toEqual({
          events: String(runners * perRunner),
          distinct_ids: String(runners * perRunner),
          runs: String(runners),
          complete: String(runners * perRunner),
        });
      } finally {
        await store.close();
      }
      process.stdout.write(
        `\n  load (processes): ${runners} runner processes × ${perRunner} fsynced events = ${runners * perRunner} events written and uploaded in ${Math.round(ms)} ms${late ? ` (${late} runner(s) left the rest to \`instr journal push\`)` : ''}\n`,
      );
    },
  );
});
