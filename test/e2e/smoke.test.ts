import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { runInstr } from './run-instr.js';

/**
 * The real binary, end to end: what the in-process tests cannot see (bin/instr and dist/ load,
 * stdin is a pipe, exit codes reach the shell, output is flushed). Everything else about the
 * commands is tested in process (test/support/cli.ts).
 */
const temp = mkdtempSync(join(tmpdir(), 'instr-smoke-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const compile = 'test/fixtures/compile';
const noStack = /\n\s+at .+:\d+:\d+/;

describe('bin/instr (smoke)', () => {
  it('prints its version and its help', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(runInstr(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = runInstr(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['compile', 'list', 'show', 'run', 'lint', 'diff', 'graph', 'agenda', 'report', 'test', 'inbox'])
      expect(help.stdout).toContain(command);
  });

  it('exits 2 on an unknown command, without a stack trace', () => {
    const r = runInstr(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('неизвестная команда «frobnicate»'); // in the language of ./instructions (docs/screen-language.md)
    expect(r.stderr).not.toMatch(noStack);
  });

  it('compiles a folder to graph JSON on stdout', () => {
    const r = runInstr(['compile', `${compile}/multi`]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { tasks: Array<{ id: string }> }).tasks.map((t) => t.id)).toEqual(['start', 'finish']);
  });

  it('exits 1 with file:line:column diagnostics on stderr', () => {
    const r = runInstr(['compile', `${compile}/broken-folder`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test/fixtures/compile/broken-folder/broken.md:2:14  error');
  });

  it('lists and shows tasks', () => {
    expect(runInstr(['list', `${compile}/request.md`])).toMatchObject({ code: 0, stdout: expect.stringContaining('request    Обработать заявку клиента') });
    expect(runInstr(['show', 'request', `${compile}/request.md`])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('3. Задача входит в тариф клиента?'),
    });
  });

  it("refuses an interactive run when stdin is not a terminal, in the instruction's language, instead of hanging", () => {
    const russian = runInstr(['run', 'request', `${compile}/request.md`], { input: '' });
    expect(russian).toMatchObject({ code: 2, stderr: expect.stringContaining('stdin — не терминал; передайте ответы через --answers FILE') });
    const english = runInstr(['run', 'start', `${compile}/multi`], { input: '' });
    expect(english).toMatchObject({ code: 2, stderr: expect.stringContaining('stdin is not a terminal') });
  });

  it('runs a task from an answers file and journals it', () => {
    const journal = join(temp, 'journal.jsonl');
    const answers = join(temp, 'answers.yaml');
    writeFileSync(answers, 'in-tariff: no\nagree: refuse\n');
    const r = runInstr(['run', 'request', 'test/fixtures/run', '--answers', answers, '--journal', journal, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ task: 'request', status: 'cancelled' });
    const { events, problems } = parseJournal(readFileSync(journal, 'utf8'));
    expect(problems).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'end', status: 'cancelled' });
  });

  it('lints the bundled instructions clean', () => {
    expect(runInstr(['lint', 'instructions', '--max-warnings', '0'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('draws a task as Mermaid', () => {
    const r = runInstr(['graph', 'request', 'test/fixtures/diff/base']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('flowchart TD\n')).toBe(true);
  });

  it('prints the agenda of a day (the journal: the empty one the test setup names in INSTR_JOURNAL)', () => {
    const r = runInstr(['agenda', 'test/fixtures/agenda', '--date', '2026-11-27', '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { dates: Array<{ date: string }> }).dates[0]!.date).toBe('2026-11-27');
  });
});
