/**
 * Faults: the server goes away in the middle of a run, a runner is killed with SIGKILL, the
 * network drops during an upload. After each, the server holds exactly the events the runner
 * acknowledged (wrote to its local journal before going on), each once.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeBenchInstruction, writeJournal } from '../../bench/report.js';
import { compilePaths } from '../../src/compile/compile.js';
import type { Io } from '../../src/cli/io.js';
import { cursorPath, pushFile, readCursor } from '../../src/journal/postgres/push.js';
import { PostgresStore } from '../../src/journal/postgres/store.js';
import { openRunJournal } from '../../src/journal/run-journal.js';
import { runCli } from '../support/cli.js';
import { describeWithServer, freshDatabase } from '../support/postgres.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { projectRoot } from '../support/cli.js';

const instr = (args: string[], cwd: string) => runCli(args, { cwd });

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-faults-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const AT = '2026-11-27T10:00:00.000Z';

function captureIo(cwd: string): Io & { errors: string[] } {
  const errors: string[] = [];
  return { out: () => undefined, err: (s) => void errors.push(s), errors, color: new Chalk({ level: 0 }), isTTY: false, columns: 100, cwd };
}

async function serverEvents(url: string, run?: string): Promise<Array<{ run: string; seq: number }>> {
  const store = new PostgresStore(url);
  try {
    const r = await store.query<{ run: string; seq: number }>('SELECT run, seq FROM instr_events WHERE $1::text IS NULL OR run = $1 ORDER BY run, seq', [
      run ?? null,
    ]);
    return r.rows;
  } finally {
    await store.close();
  }
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function fileLines(path: string): Array<{ run: string; seq: number }> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { run: string; seq: number });
}

describeWithServer('the team journal when things go wrong', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let proxy: TcpProxy;
  let viaProxy: string;
  let instructions: string;
  beforeAll(async () => {
    db = await freshDatabase('faults');
    const u = new URL(db.url);
    proxy = await new TcpProxy(u.hostname, Number(u.port)).start();
    viaProxy = proxy.urlThrough(db.url);
    instructions = writeBenchInstruction(temp);
  });
  afterAll(async () => {
    await proxy?.stop();
    await db?.drop();
  });

  it('the server goes away mid-run: the run goes on, says so once, and the next upload sends the rest', async () => {
    const cwd = join(temp, 'away');
    mkdirSync(cwd);
    const io = captureIo(cwd);
    const journal = await openRunJournal(io, viaProxy, () => 'en');
    const writer = journal.writer('away-run', 0);
    writer.append(
      { type: 'start', task: 'task-1', title: 'T', file: 'bench.md', lang: 'en', user: 'ann', revision: null, contentHash: 'h', scripted: false },
      AT,
    );
    // the first prompt is drawn: nothing is uploaded before the first answer
    await new Promise((r) => setTimeout(r, 20));
    expect(await serverEvents(db.url, 'away-run')).toEqual([]);
    for (let i = 1; i < 30; i++) writer.append({ type: 'step', node: `s${i}`, action: 'done' }, AT);
    await until(async () => (await serverEvents(db.url, 'away-run')).length === 30, 'the first 30 events on the server');
    await proxy.cut();
    for (let i = 30; i < 60; i++) {
      writer.append({ type: 'step', node: `s${i}`, action: 'done' }, AT);
      await new Promise((r) => setTimeout(r, 5));
    }
    await until(async () => io.errors.length > 0, 'the notice');
    for (let i = 60; i < 80; i++) writer.append({ type: 'step', node: `s${i}`, action: 'done' }, AT);
    writer.close();
    expect(io.errors).toHaveLength(1);
    expect(io.errors[0]).toContain('cannot be reached');
    expect(io.errors[0]).toContain('.instr/journal.jsonl');
    expect(io.errors[0]).not.toContain(new URL(db.url).password);
    await proxy.restore();
    await journal.finish();
    const rows = await serverEvents(db.url, 'away-run');
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i));
  });

  it('a runner killed with SIGKILL loses nothing it acknowledged; push uploads the rest once', async () => {
    const cwd = join(temp, 'killed');
    mkdirSync(cwd);
    const script = join(temp, 'runner.mjs');
    const module = (p: string) => JSON.stringify(new URL(`dist/${p}`, `file://${projectRoot}`).href);
    writeFileSync(
      script,
      `import { openRunJournal } from ${module('bundle/api.js')};
const color = new Proxy({}, { get: () => (s) => s });
const io = { out() {}, err: (s) => process.stderr.write(s), color, isTTY: false, columns: 80, cwd: process.cwd() };
const journal = await openRunJournal(io, process.argv[2], () => 'en');
const w = journal.writer('killed-run', 0);
w.append({ type: 'start', task: 'task-1', title: 'T', file: 'bench.md', lang: 'en', user: 'kim', revision: null, contentHash: 'h', scripted: false }, '${AT}');
for (let i = 1; i < 100000; i++) {
  w.append({ type: 'step', node: 's' + i, action: 'done' }, '${AT}');
  process.stdout.write('ack ' + i + '\\n');
  await new Promise((r) => setTimeout(r, 2));
}
`,
    );
    const child = spawn(process.execPath, [script, db.url], { cwd: join(cwd), stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const last = /ack (\d+)\n(?![\s\S]*ack)/.exec(d.toString());
        if (last) acked = Number(last[1]);
        if (acked >= 150) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => (acked >= 150 ? resolve() : reject(new Error(`the runner stopped early: ${stderr}`))));
    });
    await new Promise((r) => child.once('close', r));
    const local = fileLines(join(cwd, '.instr', 'journal.jsonl'));
    expect(local.length).toBeGreaterThanOrEqual(acked + 1);
    const push = await instr(['journal', 'push', '--journal', db.url, '--json'], cwd);
    expect(push.code).toBe(0);
    const rows = await serverEvents(db.url, 'killed-run');
    expect(rows.map((r) => r.seq)).toEqual(local.map((r) => r.seq));
    const again = JSON.parse((await instr(['journal', 'push', '--journal', db.url, '--json'], cwd)).stdout) as { read: number; uploaded: number };
    expect(again.uploaded).toBe(0);
  });

  it('the network drops during push: the push stops, the CLI says the server is out of reach (exit 2), the next push resumes after the last committed batch', async () => {
    const cwd = join(temp, 'dropped');
    mkdirSync(join(cwd, '.instr'), { recursive: true });
    const { graph } = await compilePaths([instructions]);
    const outbox = join(cwd, '.instr', 'journal.jsonl');
    const total = writeJournal(outbox, graph, 100, 5);
    const store = new PostgresStore(viaProxy, { queryTimeoutMs: 5000 });
    let batches = 0;
    await expect(
      pushFile(store, outbox, {
        useCursor: true,
        batchSize: 100,
        onBatch: () => {
          if (++batches === 3) setTimeout(() => void proxy.cut(), 0);
        },
      }),
    ).rejects.toThrow();
    await store.close();
    const cursor = readCursor(outbox, store.serverKey, statSync(outbox).size);
    expect(cursor).toBeGreaterThan(0);
    expect(cursor).toBeLessThan(statSync(outbox).size);
    const cut = await instr(['journal', 'push', '--journal', viaProxy], cwd);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain('cannot reach the team journal postgres://instr:***@');
    await proxy.restore();
    const resumed = await instr(['journal', 'push', '--journal', viaProxy, '--json'], cwd);
    expect(resumed.code).toBe(0);
    const counts = JSON.parse(resumed.stdout) as { read: number; uploaded: number; alreadyThere: number };
    expect(counts.read).toBeLessThan(total);
    expect(counts.read).toBe(counts.uploaded + counts.alreadyThere);
    const report = JSON.parse((await instr(['report', instructions, '--journal', db.url, '--format', 'json', '--today', '2026-11-27'], cwd)).stdout) as {
      journal: { stats: { events: number } };
    };
    const rows = await serverEvents(db.url);
    const runs = new Set(fileLines(outbox).map((e) => e.run));
    expect(rows.filter((r) => runs.has(r.run))).toHaveLength(total);
    expect(report.journal.stats.events).toBe(rows.length);
    expect(JSON.parse(readFileSync(cursorPath(outbox), 'utf8'))).toMatchObject({ [store.serverKey]: statSync(outbox).size });
  });
});
