import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { controlCharacters, errorLine, frontMatter, instr, linesOf, oneRun, stackTrace, tempFolder } from './hostile-helpers.js';

/** Text from a repository must not forge lines of output, escape sequences or Mermaid directives; and small defects found with it. */
const folder = tempFolder('injection');
afterAll(() => folder.cleanup());
const forged = '\n::error file=x.md,line=1::forged\n::stop-commands::abc';
const task = `## Tasks {.tasks}\n\n### Do it {#do-it}\n\n::when[A client writes]\n\n1. Greet the client.\n\n::decision[Is it paid?]\n\n- Yes\n  1. Ship it.\n- No\n  1. Ask for payment.\n`;
const forgedLine = /^::(?:error|warning|stop-commands)/m;

/**
 * The files `compile --quiet` refuses go to one run of the binary (each start costs ~0.3 s of
 * CPU); each has an instruction id and a task id of its own, and each test checks the lines about its own file.
 */
const refusedFiles: Record<string, string> = {};
const refusedRun = oneRun(folder.dir, 'refused', refusedFiles, ['compile', '--quiet']);

/** A file of `refused/`: the run ends cleanly, and this file has an error of its own; returns its lines. */
function refused(name: string): string {
  const r = refusedRun();
  expect(r.code).toBe(1);
  expect(r.stderr).not.toMatch(stackTrace);
  expect(r.stdout + r.stderr).not.toMatch(forgedLine);
  expect(r.stderr).not.toContain('duplicate-id');
  const own = linesOf(r, `refused/${name}`);
  expect(own).toMatch(errorLine);
  return own;
}

describe('no input text starts a line of its own in line-oriented output', () => {
  it('scenario names, expected outcomes and answers with line breaks (instr test)', () => {
    const dir = join(folder.dir, 'scen');
    mkdirSync(join(dir, 'scenarios'), { recursive: true });
    writeFileSync(join(dir, 'doc.md'), frontMatter + task);
    writeFileSync(
      join(dir, 'scenarios', 's.yaml'),
      `task: do-it\nscenarios:\n  - name: ${JSON.stringify(`Paid${forged}`)}\n    answers:\n      Is it paid?: ${JSON.stringify(`Maybe${forged}`)}\n    expect:\n      status: ${JSON.stringify(`done${forged}`)}\n`,
    );
    for (const args of [
      ['test', 'scen'],
      ['test', 'scen', '--format', 'json'],
      ['test', 'scen', '--suggest'],
    ]) {
      const r = instr(folder.dir, args);
      expect(r.stdout + r.stderr).not.toMatch(forgedLine);
      expect(r.stderr).not.toMatch(stackTrace);
    }
  });

  const tz = `---\nid: tz\ntitle: Tz\nlang: en\ntimezone: ${JSON.stringify(`Mars/Base${forged}`)}\n---\n\n${task}`;
  refusedFiles['tz.md'] = tz.replace('{#do-it}', '{#tz}');
  it('a front-matter timezone with line breaks (compile, lint)', () => {
    // compile: in the run of refused/, which refused() checks for a forged line as a whole
    expect(refused('tz.md')).toContain('Mars/Base');
    folder.write('tz.md', tz);
    const r = instr(folder.dir, ['lint', 'tz.md']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('Mars/Base');
    expect(r.stdout + r.stderr).not.toMatch(forgedLine);
  });

  it('a broken link whose URL carries an OSC 52 clipboard write (lint --format github)', () => {
    folder.write('link.md', `${frontMatter}${task}\n   See [the form](./missing\u001b]52;c;ZXZpbA==\u0007.md).\n`);
    const r = instr(folder.dir, ['lint', 'link.md', '--format', 'github']);
    expect(r.stdout).toMatch(/::(?:error|warning) /);
    expect(r.stdout).not.toMatch(controlCharacters);
  });

  it('file names with escape sequences (list, show, lint --format github)', () => {
    const name = 'evil\u001b]0;owned\u0007\u009b2J.md';
    folder.write(name, frontMatter.replace('id: hostile', 'id: evil') + task);
    for (const args of [
      ['list', name],
      ['show', 'do-it', name],
      ['lint', name, '--format', 'github'],
    ]) {
      const r = instr(folder.dir, args);
      expect(r.stdout.length).toBeGreaterThan(10);
      expect(r.stdout + r.stderr).not.toMatch(controlCharacters);
    }
  });
});

describe('graph output', () => {
  it('a cut label cannot smuggle a Mermaid %%{init}%% directive; bidi overrides are dropped', () => {
    const long = `Check ${'very '.repeat(30)}carefully %%{init: {"themeCSS": ".removed {display:none}"}}%% \u202Edesrever\u202C`;
    folder.write('mermaid.md', frontMatter.replace('id: hostile', 'id: merm') + task.replace('Greet the client.', long));
    const r = instr(folder.dir, ['graph', 'do-it', 'mermaid.md', '--format', 'mermaid']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/%% n\d+: Check/);
    expect(r.stdout).not.toContain('%%{');
    expect(r.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('small defects', () => {
  it('compile -o into a folder that does not exist is a usage error (exit 2)', () => {
    folder.write('ok.md', frontMatter.replace('id: hostile', 'id: ok') + task);
    const r = instr(folder.dir, ['compile', 'ok.md', '-o', '/nonexistent/dir/x.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Cannot write /nonexistent/dir/x.json: no such file or folder (ENOENT)');
    expect(r.stderr).not.toMatch(stackTrace);
  });

  const tags = { omap: '!!omap\n  - boss: {title: Boss}', set: '!!set\n  ? boss' };
  for (const [tag, roles] of Object.entries(tags))
    refusedFiles[`${tag}.md`] = `---\nid: ${tag}\ntitle: Omap\nlang: en\nroles: ${roles}\n---\n\n${task.replace('{#do-it}', `{#${tag}}`)}`;
  it('roles: !!omap or !!set is refused, not dropped', () => {
    for (const tag of Object.keys(tags)) expect(refused(`${tag}.md`)).toMatch(new RegExp(`${tag}\\.md:\\d+:\\d+ .*(!!omap|!!set|tag)`, 'i'));
  });

  it('instr diff ^HEAD is refused as an unknown revision', () => {
    const repo = join(folder.dir, 'repo');
    mkdirSync(repo);
    writeFileSync(join(repo, 'doc.md'), frontMatter + task);
    const git = (...args: string[]) =>
      spawnSync('git', args, {
        cwd: repo,
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'one');
    const r = instr(repo, ['diff', '^HEAD', '--', '.']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown revision "^HEAD"');
  });

  describe('run --resume', () => {
    const answers = 'Greet the client: { skip: "later" }\nIs it paid?: "Yes"\n';
    const start = (extra: Record<string, unknown>) =>
      `${JSON.stringify({ v: 1, run: '20261127T101500Z-a1b2c3', seq: 0, at: '2026-11-27T10:15:00.000Z', type: 'start', task: 'do-it', file: 'doc.md', user: 'u', revision: null, contentHash: 'x', scripted: true, ...extra })}\n`;

    it('a start record without a title, or with a numeric lang, is a clean error', () => {
      const dir = join(folder.dir, 'resume');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'doc.md'), frontMatter + task);
      writeFileSync(join(dir, 'answers.yaml'), answers);
      for (const record of [start({ lang: 'en' }), start({ title: 'Do it', lang: 7 })]) {
        writeFileSync(join(dir, 'journal.jsonl'), record);
        const r = instr(dir, ['run', '--resume', '20261127T101500Z-a1b2c3', 'doc.md', '--answers', 'answers.yaml', '--journal', 'journal.jsonl']);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('start record');
        expect(r.stderr).not.toMatch(stackTrace);
      }
    });

    it('a run another live process is continuing is refused, with a clear message; a stale lock is taken over', () => {
      const dir = join(folder.dir, 'locked');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'doc.md'), frontMatter + task);
      writeFileSync(join(dir, 'answers.yaml'), answers);
      const journal = join(dir, 'journal.jsonl');
      writeFileSync(journal, start({ title: 'Do it', lang: 'en' }));
      const lock = `${journal}.${createHash('sha256').update('20261127T101500Z-a1b2c3').digest('hex').slice(0, 16)}.lock`;
      writeFileSync(lock, `${process.pid} ${hostname()}\n`); // this test process: alive
      const args = ['run', '--resume', '20261127T101500Z-a1b2c3', 'doc.md', '--answers', 'answers.yaml', '--journal', 'journal.jsonl'];
      const refused = instr(dir, args);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`being continued by another instr process (pid ${process.pid})`);
      expect(readFileSync(journal, 'utf8').trim().split('\n')).toHaveLength(1);
      writeFileSync(lock, `999999999 ${hostname()}\n`); // no such process: stale
      const resumed = instr(dir, args);
      expect(resumed.stderr).not.toMatch(stackTrace);
      expect(resumed.code).toBe(0);
      expect(readFileSync(journal, 'utf8')).toContain('"type":"end"');
    });
  });
});
