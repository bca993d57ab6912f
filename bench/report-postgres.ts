/**
 * `npm run bench:report-postgres`: a journal of about 100 000 events (the bench instruction's
 * runs, as bench/report.ts writes them) imported into a fresh database of the server named by
 * INSTR_TEST_POSTGRES_URL (scripts/with-postgres.sh starts one), then `instr report` timed on it
 * through the real binary, next to the same report on the file. Also the time to the first prompt
 * of `instr run` with a file and with the server (through a pseudo-terminal).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { compilePaths } from '../src/compile/compile.js';
import { writeBenchInstruction, writeJournal } from './report.js';

const server = process.env['INSTR_TEST_POSTGRES_URL'] ?? process.argv[2];
const bin = fileURLToPath(new URL('../bin/instr', import.meta.url));
const ptyDrive = fileURLToPath(new URL('../test/e2e/pty-drive.py', import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timed(args: string[], cwd: string): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`instr ${args[0]} exited ${String(r.status)}: ${r.stderr}`);
  return ms;
}

/** Milliseconds from starting `instr run` at a terminal to its first prompt being on screen. */
function firstPrompt(instructions: string, journal: string, cwd: string): number {
  const script = join(cwd, 'pty.json');
  writeFileSync(script, JSON.stringify({ timeout: 30, steps: [{ expect: 'Выполнить действие 1', send: '\u0003' }] }));
  const t = performance.now();
  const r = spawnSync('python3', [ptyDrive, script, '--', process.execPath, bin, 'run', 'task-1', instructions, '--journal', journal], {
    cwd,
    encoding: 'utf8',
  });
  const ms = performance.now() - t;
  const out = JSON.parse(r.stdout) as { failed: unknown };
  if (out.failed !== null) throw new Error(`no prompt: ${r.stdout}`);
  return ms;
}

async function main(): Promise<void> {
  if (!server) throw new Error('set INSTR_TEST_POSTGRES_URL (scripts/with-postgres.sh npm run bench:report-postgres)');
  const dir = mkdtempSync(join(tmpdir(), 'instr-bench-pg-'));
  const name = `instr_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  const url = u.toString();
  try {
    const instructions = writeBenchInstruction(dir);
    const { graph } = await compilePaths([instructions]);
    const journal = join(dir, 'journal.jsonl');
    const runs = Number(process.argv[3] ?? 5000);
    const lines = writeJournal(journal, graph, runs, 3);
    console.log(`journal: ${runs} runs, ${lines} events`);
    let t = performance.now();
    timed(['journal', 'push', '--from', journal, '--journal', url], dir);
    console.log(`instr journal push --from: ${Math.round(performance.now() - t)} ms (${Math.round(lines / ((performance.now() - t) / 1000))} events/s)`);
    const period = ['--since', '2026-01-01', '--until', '2026-11-27', '--today', '2026-11-27', '--format', 'json'];
    timed(['report', instructions, '--journal', url, ...period], dir); // warm the server's caches and instr's compile cache
    const onServer = [0, 1, 2, 3, 4].map(() => timed(['report', instructions, '--journal', url, ...period], dir));
    const onFile = [0, 1, 2].map(() => timed(['report', instructions, '--journal', journal, ...period], dir));
    console.log(`instr report, ${lines} events on PostgreSQL: median ${Math.round(median(onServer))} ms (${onServer.map(Math.round).join(', ')})`);
    console.log(`instr report, the same journal as a file: median ${Math.round(median(onFile))} ms (${onFile.map(Math.round).join(', ')})`);
    // the fetch alone, in-process: what the server sends and the fold
    const { PostgresStore } = await import('../src/journal/postgres/store.js');
    const store = new PostgresStore(url);
    await store.connection();
    const fetches: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      await store.loadRuns();
      fetches.push(performance.now() - t);
    }
    const rows = await store.query<{ n: string }>('SELECT count(*) AS n FROM instr_events WHERE significant');
    await store.close();
    console.log(`loadRuns in-process: median ${Math.round(median(fetches))} ms; ${rows.rows[0]!.n} of ${lines} events leave the server`);
    if (spawnSync('python3', ['--version']).status === 0) {
      const file = [0, 1, 2, 3, 4].map(() => firstPrompt(instructions, join(dir, 'first.jsonl'), dir));
      const viaServer = [0, 1, 2, 3, 4].map(() => firstPrompt(instructions, url, dir));
      console.log(
        `instr run, first prompt: file median ${Math.round(median(file))} ms (${file.map(Math.round).join(', ')}); PostgreSQL median ${Math.round(median(viaServer))} ms (${viaServer.map(Math.round).join(', ')})`,
      );
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
