import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, watch } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { random } from '../../bench/generate.mjs';
import { parseJournal } from '../../src/journal/reader.js';
import { projectRoot } from '../e2e/run-instr.js';
import { binPath, slow, tempFolder } from './hostile-helpers.js';

/**
 * Durability of the journal: `instr run` is SIGKILLed at random moments while it records a
 * 200-step task; each time the run is resumed from the journal. Whatever the moment, the run
 * must end with every step recorded exactly once, in order, and seq numbers without gaps or
 * repeats. 20 kills over 4 journals in parallel by default, 200 under `npm run test:slow`;
 * INSTR_KILL_TRIALS sets another number. The moments of the kills come from the suite's seed.
 */
const trials = Number(process.env['INSTR_KILL_TRIALS'] ?? (slow ? 200 : 20));
const seed = inject('seed');
const draw = random(seed);
const lanes = 4;
const fixture = join(projectRoot, 'test/fixtures/hostile/journal');
const folder = tempFolder('journal');
afterAll(() => folder.cleanup());

interface Spawned {
  code: number | null;
  killed: boolean;
  /** Still running after 120 s: stopped, and a failure. */
  hung: boolean;
  stdout: string;
  stderr: string;
}

/** Runs instr; once the journal grows past `from` bytes, waits 0–40 ms and SIGKILLs it (unless `kill` is false). */
function runAndMaybeKill(cwd: string, args: string[], journal: string, kill: boolean): Promise<Spawned> {
  return new Promise((resolve) => {
    const from = existsSync(journal) ? statSync(journal).size : 0;
    const child = spawn(process.execPath, [binPath, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let killed = false;
    let hung = false;
    const watchdog = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, 120_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // The journal's growth is seen through its folder's change events (inotify on Linux: at once,
    // and no CPU while the child starts); the slow poll is only a fallback where they do not come.
    // A run that is not to be killed is not watched at all.
    const check = () => {
      if (killed) return;
      if (existsSync(journal) && statSync(journal).size > from) {
        killed = true;
        stopWatching();
        setTimeout(() => child.kill('SIGKILL'), Math.floor(draw() * 40));
      }
    };
    const watcher = kill ? watch(dirname(journal), check) : undefined;
    watcher?.on('error', () => {}); // the poll still sees the growth
    const poll = kill ? setInterval(check, 25) : undefined;
    const stopWatching = () => {
      watcher?.close();
      clearInterval(poll);
    };
    child.on('exit', (code) => {
      stopWatching();
      clearTimeout(watchdog);
      resolve({ code, killed, hung, stdout, stderr });
    });
  });
}

function openRun(journal: string): string | null {
  const { events } = parseJournal(readFileSync(journal, 'utf8'));
  const ended = new Set(events.filter((e) => e.type === 'end' || e.type === 'abandon').map((e) => e.run));
  const started = events.filter((e) => e.type === 'start').map((e) => e.run);
  return started.find((r) => !ended.has(r)) ?? null;
}

async function lane(n: number, kills: number): Promise<string> {
  const cwd = join(folder.dir, `lane-${n}`);
  mkdirSync(join(cwd, 'instructions'), { recursive: true });
  copyFileSync(join(fixture, 'long.md'), join(cwd, 'instructions/long.md'));
  const journal = join(cwd, 'journal.jsonl');
  const answers = join(fixture, 'answers.yaml');
  const common = ['--answers', answers, '--journal', journal];
  for (let done = 0; done < kills; ) {
    const open = existsSync(journal) ? openRun(journal) : null;
    const r = await runAndMaybeKill(cwd, open ? ['run', '--resume', open, ...common] : ['run', 'long', ...common], journal, true);
    expect(r.hung, `${open ? `resume ${open}` : 'run'} hung: ${r.stdout.slice(-500)} ${r.stderr}`).toBe(false);
    if (r.killed) done++;
    else {
      expect(r.code, `${open ? `resume ${open}` : 'run'}: ${r.stderr}`).toBe(0);
      // A resume that ends without being killed must have finished its run.
      if (open)
        expect(
          openRun(journal),
          `resume ${open} exited 0 but the run is still open: ${r.stdout.slice(-300)}\n${readFileSync(journal, 'utf8')
            .split('\n')
            .filter((l) => l.includes(open))
            .slice(-4)
            .join('\n')}`,
        ).not.toBe(open);
    }
  }
  // Finish the last run without killing it.
  for (let open = openRun(journal); open; open = openRun(journal)) {
    const r = await runAndMaybeKill(cwd, ['run', '--resume', open, ...common], journal, false);
    expect(r.hung, `resume ${open} hung: ${r.stdout.slice(-500)} ${r.stderr}`).toBe(false);
    expect(r.code, `resume ${open}: ${r.stderr}`).toBe(0);
  }
  return journal;
}

describe('the journal under SIGKILL', () => {
  it(`loses and repeats no record across ${trials} kills (seed ${seed}), and every run resumes to its end`, async () => {
    const journals = await Promise.all(Array.from({ length: lanes }, (_, i) => lane(i, Math.ceil(trials / lanes))));
    const steps = readFileSync(join(fixture, 'long.md'), 'utf8').match(/^\d+\. /gm)!.length;
    let runs = 0;
    for (const journal of journals) {
      const { events, problems } = parseJournal(readFileSync(journal, 'utf8'));
      // A kill during a write may tear the last line; it must never be an answered record that is then missing.
      for (const p of problems) expect(p.message).toContain('torn');
      const byRun = new Map<string, typeof events>();
      for (const e of events) byRun.set(e.run, [...(byRun.get(e.run) ?? []), e]);
      for (const [run, list] of byRun) {
        runs++;
        expect(
          list.map((e) => e.seq),
          run,
        ).toEqual(list.map((_, i) => i));
        const stepNodes = list.filter((e) => e.type === 'step').map((e) => (e as { node: string }).node);
        expect(stepNodes, run).toHaveLength(steps);
        expect(new Set(stepNodes).size, run).toBe(steps);
        expect(list.at(-1)?.type, run).toBe('end');
      }
    }
    expect(runs).toBeGreaterThan(0);
  }, 600_000);
});
