/**
 * `npm run bench:report-postgres`: a journal of about 100 000 events (the bench instruction's
 * runs, as bench/report.ts writes them) imported into a fresh database of the server named by
 * INSTR_TEST_POSTGRES_URL (scripts/with-postgres.sh starts one), then `instr report` timed on it
 * through the real binary, next to the same report on the file. Also the time to the first prompt
 * of `instr run` with a file and with the server (through a pseudo-terminal).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { compilePaths } from '../src/compile/compile.js';
import { writeBenchInstruction, writeJournal } from './report.js';

const server = process.env['INSTR_TEST_POSTGRES_URL'] ?? process.argv[2];
const bin = fileURLToPath(new URL('../bin/instr', import.meta.url));
/** Samples of each report (BENCH_SAMPLES, default 7): the medians are of these. */
const samples = Number(process.env['BENCH_SAMPLES'] ?? 7);
const ptyDrive = fileURLToPath(new URL('../test/e2e/pty-drive.py', import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * CPU (user + system, ms) of this process's finished children, grandchildren included once waited
 * for (Linux /proc/self/stat, in clock ticks of 10 ms); null elsewhere. The machine is shared, so
 * wall times swing with the load; the CPU a command needs does not.
 */
function childrenCpu(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

function loadAverage(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

interface Sample {
  wallMs: number;
  cpuMs: number | null;
}

function sampled(work: () => void): Sample {
  const cpu = childrenCpu();
  const t = performance.now();
  work();
  const wallMs = performance.now() - t;
  const after = childrenCpu();
  return { wallMs, cpuMs: cpu === null || after === null ? null : after - cpu };
}

function describe(samples: Sample[]): string {
  const wall = samples.map((s) => s.wallMs);
  const cpu = samples.flatMap((s) => (s.cpuMs === null ? [] : [s.cpuMs]));
  const cpuText = cpu.length > 0 ? `, CPU median ${Math.round(median(cpu))} ms (${cpu.map(Math.round).join(', ')})` : '';
  return `wall median ${Math.round(median(wall))} ms (${wall.map(Math.round).join(', ')})${cpuText}`;
}

function timed(args: string[], cwd: string): Sample {
  return sampled(() => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    if (r.status !== 0) throw new Error(`instr ${args[0]} exited ${String(r.status)}: ${r.stderr}`);
  });
}

/**
 * From starting `instr run` at a terminal to its first prompt being on screen: wall time, and the
 * CPU instr used until then (read by the pty driver from /proc when the prompt appears). What the
 * run does after the prompt (with a server: loading the driver, the upload when it ends) is not
 * counted: the question is how long a person waits for the prompt.
 */
function firstPrompt(instructions: string, journal: string, cwd: string): Sample {
  const script = join(cwd, 'pty.json');
  writeFileSync(script, JSON.stringify({ timeout: 30, steps: [{ expect: 'Выполнить действие 1', send: '\u0003' }] }));
  const r = spawnSync('python3', [ptyDrive, script, '--', process.execPath, bin, 'run', 'task-1', instructions, '--journal', journal], {
    cwd,
    encoding: 'utf8',
  });
  const out = JSON.parse(r.stdout) as { failed: unknown; marks?: Array<{ ms: number; cpuMs: number | null }> };
  const mark = out.marks?.[0];
  if (out.failed !== null || !mark) throw new Error(`no prompt: ${r.stdout}`);
  return { wallMs: mark.ms, cpuMs: mark.cpuMs };
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
    console.log(`load average at the start: ${loadAverage()} (${cpus().length} cores)`);
    const runs = Number(process.argv[3] ?? 5000);
    const lines = writeJournal(journal, graph, runs, 3);
    console.log(`journal: ${runs} runs, ${lines} events`);
    const push = timed(['journal', 'push', '--from', journal, '--journal', url], dir);
    console.log(`instr journal push --from: ${describe([push])} (${Math.round(lines / (push.wallMs / 1000))} events/s)`);
    const period = ['--since', '2026-01-01', '--until', '2026-11-27', '--today', '2026-11-27', '--format', 'json'];
    timed(['report', instructions, '--journal', url, ...period], dir); // warm the server's caches and instr's compile cache
    // file and server alternate, so that a change in the machine's load touches both alike
    // and `node -e 0` beside them: the floor of any Node process on this machine at this moment
    const onServer: Sample[] = [];
    const onFile: Sample[] = [];
    const bare: Sample[] = [];
    for (let i = 0; i < samples; i++) {
      bare.push(sampled(() => spawnSync(process.execPath, ['-e', '0'])));
      onServer.push(timed(['report', instructions, '--journal', url, ...period], dir));
      onFile.push(timed(['report', instructions, '--journal', journal, ...period], dir));
    }
    const ratio = (s: Sample[]): string => {
      const a = s.flatMap((x) => (x.cpuMs === null ? [] : [x.cpuMs]));
      const b = bare.flatMap((x) => (x.cpuMs === null ? [] : [x.cpuMs]));
      return a.length && b.length ? ` = ${(median(a) / median(b)).toFixed(1)} × node -e 0 (CPU)` : '';
    };
    console.log(`node -e 0: ${describe(bare)}`);
    console.log(`instr report, ${lines} events on PostgreSQL: ${describe(onServer)}${ratio(onServer)}`);
    console.log(`instr report, the same journal as a file: ${describe(onFile)}${ratio(onFile)}`);
    console.log(`  (instr's CPU only; the server's own work for a report is measured below)`);
    // the fetch alone, in-process: what the server sends and the fold
    const { PostgresStore } = await import('../src/journal/postgres/store.js');
    const store = new PostgresStore(url);
    await store.connection();
    const fetches: Sample[] = [];
    const backend = (await store.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const backendCpu = (): number | null => {
      try {
        const fields = readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        return null; // the server runs elsewhere, or as a user whose processes this one cannot read
      }
    };
    const serverCpu: number[] = [];
    for (let i = 0; i < samples; i++) {
      const cpu0 = process.cpuUsage();
      const server0 = backendCpu();
      const t = performance.now();
      await store.loadRuns();
      const wallMs = performance.now() - t;
      const cpu = process.cpuUsage(cpu0);
      const server1 = backendCpu();
      if (server0 !== null && server1 !== null) serverCpu.push(server1 - server0);
      fetches.push({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
    const rows = await store.query<{ n: string }>('SELECT count(*) AS n FROM instr_runs');
    await store.close();
    console.log(
      `loadRuns in-process: ${describe(fetches)}${serverCpu.length ? `; the server's CPU median ${Math.round(median(serverCpu))} ms (${serverCpu.join(', ')})` : ''}; ${rows.rows[0]!.n} runs`,
    );
    if (process.env['BENCH_PROMPT'] !== '0' && spawnSync('python3', ['--version']).status === 0) {
      const file: Sample[] = [];
      const viaServer: Sample[] = [];
      for (let i = 0; i < 7; i++) {
        file.push(firstPrompt(instructions, join(dir, 'first.jsonl'), dir));
        viaServer.push(firstPrompt(instructions, url, dir));
      }
      console.log(`instr run, first prompt, file journal: ${describe(file)}`);
      console.log(`instr run, first prompt, PostgreSQL:   ${describe(viaServer)}`);
    }
    console.log(`load average at the end: ${loadAverage()} (${cpus().length} cores)`);
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
