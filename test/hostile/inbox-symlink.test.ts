/**
 * "Not in the instruction…" during `instr run` writes a draft into `instructions/inbox/`. A
 * repository that commits that folder as a symlink to a folder outside must not get a file
 * written there. Driven through a pseudo-terminal (the menu is interactive only), real binary.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../e2e/run-instr.js';
import { python } from '../support/python.js';
import { binPath, stackTrace, tempFolder } from './hostile-helpers.js';

const folder = tempFolder('inbox-link');
afterAll(() => folder.cleanup());
const driver = join(projectRoot, 'test/e2e/pty-drive.py');
const ENTER = '\r';
const DOWN = '\u001b[B';

describe.skipIf(!python)('a committed instructions/inbox symlink', { timeout: 300_000 }, () => {
  it('"not in the instruction" refuses to write the draft through it; the folder outside stays empty', () => {
    const repo = join(folder.dir, 'repo');
    const outside = join(folder.dir, 'outside');
    mkdirSync(outside);
    cpSync(join(projectRoot, 'test/fixtures/run'), join(repo, 'instructions'), { recursive: true });
    symlinkSync(outside, join(repo, 'instructions', 'inbox'));
    execFileSync('git', ['init', '-q'], { cwd: repo });

    const script = join(folder.dir, 'steps.json');
    const steps = [
      { expect: '\\? What is this run about', send: ENTER },
      // Step 1's menu: Done, Skip, Unclear, then "Not in the instruction…"
      { expect: 'Step 1\\n[\\s\\S]*\\? What now\\?[\\s\\S]*❯ Done', send: `${DOWN}${DOWN}${DOWN}${ENTER}` },
      { expect: 'What happened that the instruction does not cover\\?', send: `A client sent $(touch pwned)${ENTER}` },
      { expect: 'Has someone already decided what to do\\?[\\s\\S]*❯ Yes', send: `${DOWN}${ENTER}` },
      { expect: 'And now\\?[\\s\\S]*❯ Go back', send: ENTER },
      { expect: 'is a symbolic link' },
    ];
    writeFileSync(script, JSON.stringify({ cols: 100, rows: 40, timeout: 60, steps }));
    const r = spawnSync(python, [driver, script, '--', process.execPath, binPath, 'run', 'request', '--user', 'tester'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', LANG: 'C.UTF-8', INSTR_JOURNAL: join(folder.dir, 'journal.jsonl') },
    });
    expect(r.status).toBe(0);
    const run = JSON.parse(r.stdout) as { code: number | null; output: string; failed: unknown };
    if (run.failed) console.log(run.output.slice(-2000));
    expect(run.failed).toBeNull();
    expect(run.output).toMatch(/instructions\/inbox is a symbolic link/);
    expect(run.output).not.toMatch(stackTrace);
    expect(run.code).toBe(2);
    expect(readdirSync(outside)).toEqual([]);
  });
});
