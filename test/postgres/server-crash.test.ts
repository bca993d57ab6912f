/**
 * The database server itself stops in the middle of a run (`pg_ctl stop -m immediate`: its
 * processes killed, as in a crash), on a cluster of this test's own. The runner, a separate
 * process with the journal of `instr run`, goes on writing to its local journal, says so once, and
 * acknowledges every record on screen as before. When the server is back, the next command that
 * connects uploads the rest in order, each event once, and `report` counts what was acknowledged.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeBenchInstruction } from '../../bench/report.js';
import { PostgresStore } from '../../src/journal/postgres/store.js';
import { projectRoot, runCli } from '../support/cli.js';
import { clusterBin, startOwnCluster, type OwnCluster } from '../support/own-cluster.js';
import { describeWithServer } from '../support/postgres.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-crash-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const AT = '2026-11-27T10:00:00.000Z';
const total = 100;
const crashAfter = 30;

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describeWithServer('the team journal when the database server stops mid-run', () => {
  let cluster: OwnCluster | undefined;
  beforeAll(async () => {
    if (clusterBin) cluster = await startOwnCluster();
  });
  afterAll(() => cluster?.remove());

  async function serverSeqs(run: string): Promise<number[]> {
    const store = new PostgresStore(cluster!.url, { connectTimeoutMs: 2000 });
    try {
      return (await store.query<{ seq: number }>('SELECT seq FROM instr_events WHERE run = $1 ORDER BY seq', [run])).rows.map((r) => r.seq);
    } catch {
      return [];
    } finally {
      await store.close();
    }
  }

  it.runIf(clusterBin)(
    'the runner goes on, says so once; after the restart the next command uploads the rest once; report counts what was acknowledged',
    async () => {
      const url = cluster!.url;
      const cwd = join(temp, 'runner');
      mkdirSync(cwd);
      const go = join(temp, 'go');
      const script = join(temp, 'runner.mjs');
      const api = JSON.stringify(new URL('dist/bundle/api.js', `file://${projectRoot}`).href);
      // each record is acknowledged on screen after it is written, as `instr run` moves to its next prompt
      writeFileSync(
        script,
        `import { existsSync } from 'node:fs';
import { openRunJournal } from ${api};
const color = new Proxy({}, { get: () => (s) => s });
const io = { out() {}, err: (s) => process.stderr.write(s), color, isTTY: false, columns: 80, cwd: process.cwd() };
const journal = await openRunJournal(io, process.argv[2], () => 'en');
const w = journal.writer('crash-run', 0);
w.append({ type: 'start', task: 'task-1', title: 'T', file: 'bench.md', lang: 'en', user: 'kim', revision: null, contentHash: 'h', scripted: false }, '${AT}');
for (let i = 1; i < ${total}; i++) {
  w.append({ type: 'step', node: 'task-1.s' + i, action: 'done' }, '${AT}');
  process.stdout.write('ack ' + i + '\\n');
  if (i === ${crashAfter}) while (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 20));
  else await new Promise((r) => setTimeout(r, 10));
}
w.close();
await journal.finish();
`,
      );
      const child = spawn(process.execPath, [script, url], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      // the background upload has sent the first part…
      await until(async () => (await serverSeqs('crash-run')).length === crashAfter + 1, `the first ${crashAfter + 1} events on the server`);
      expect(stderr).toBe('');
      // …then the server is killed, and the run goes on
      cluster!.crash();
      writeFileSync(go, '');
      expect(await exited).toBe(0);
      const acked = stdout.split('\n').filter((l) => l.startsWith('ack ')).length;
      expect(acked).toBe(total - 1);
      expect(stderr.match(/cannot be reached/g)).toHaveLength(1);
      expect(stderr).toContain('.instr/journal.jsonl');
      const local = readFileSync(join(cwd, '.instr', 'journal.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean);
      expect(local).toHaveLength(acked + 1);

      cluster!.start();
      expect(await serverSeqs('crash-run')).toEqual(Array.from({ length: crashAfter + 1 }, (_, i) => i));
      // the next command that connects (here the report) uploads what is pending, then counts
      const instructions = writeBenchInstruction(temp);
      const report = await runCli(['report', instructions, '--journal', url, '--format', 'json', '--today', '2026-11-27', '--since', '2026-01-01'], { cwd });
      expect(report.code).toBe(0);
      // it says how many it sent (in the instruction's language): the ones the server had not acknowledged
      expect(report.stderr).toMatch(new RegExp(`\\b${total - crashAfter - 1}\\b`));
      expect((JSON.parse(report.stdout) as { journal: { stats: { events: number } } }).journal.stats.events).toBe(acked + 1);
      expect(await serverSeqs('crash-run')).toEqual(Array.from({ length: total }, (_, i) => i));
      const again = JSON.parse((await runCli(['journal', 'push', '--journal', url, '--json'], { cwd })).stdout) as { uploaded: number };
      expect(again.uploaded).toBe(0);
      expect(existsSync(join(cwd, '.instr', 'journal.jsonl.pushed'))).toBe(true);
    },
  );
});
