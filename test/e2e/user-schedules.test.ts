/**
 * `--user` without `--role`: schedules belong to roles. A client manager's agenda and report judge
 * the schedules of the instructions she has runs in, and say whose were left out and how to see
 * them (round 9 of the friend test: the office administrator's opening of the office was listed as
 * not run in the client manager's report).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-user-schedules-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const journal = join(temp, 'journal.jsonl');
const record = (seq: number, at: string, type: string, extra: object) => JSON.stringify({ v: 1, run: 'anna-1', seq, at, type, ...extra });
writeFileSync(
  journal,
  `${[
    record(0, '2026-11-30T06:00:00.000Z', 'start', {
      task: 'daily-check',
      title: 'Ежедневная проверка',
      file: 'instructions/client-manager.md',
      lang: 'ru',
      user: 'anna',
      revision: null,
      contentHash: 'h',
    }),
    record(1, '2026-11-30T06:20:00.000Z', 'end', { node: 'daily-check', outcome: 'done' }),
  ].join('\n')}\n`,
);

type Report = { tasks: Array<{ task: string; schedules: Array<{ due: number; missed: string[] }> }> };

describe('--user without --role: the schedules of the instructions the person works in', () => {
  it('agenda: the client manager’s day without the office administrator’s, and a word on how to see it', async () => {
    const anna = await runCli(['agenda', 'instructions', '--date', '2026-11-30', '--user', 'anna', '--journal', journal]);
    expect(anna.code, anna.stderr).toBe(0);
    expect(anna.stdout).toContain('daily-check');
    expect(anna.stdout).not.toContain('open-office');
    expect(anna.stderr).toContain('--user anna: расписания проверены в тех инструкциях, по которым у anna есть прогоны');
    expect(anna.stderr).toContain('Администратор офиса');
    const asAdmin = await runCli(['agenda', 'instructions', '--date', '2026-11-30', '--user', 'anna', '--role', 'Администратор офиса', '--journal', journal]);
    expect(asAdmin.stdout).toContain('open-office');
    expect(asAdmin.stderr).toBe('');
    const everyone = await runCli(['agenda', 'instructions', '--date', '2026-11-30', '--journal', journal]);
    expect(everyone.stdout).toContain('open-office');
    expect(everyone.stderr).toBe('');
  });

  it('report: no missed schedule of another role; English on an English screen', async () => {
    const anna = await runCli(['report', 'instructions', '--user', 'anna', '--today', '2026-11-30', '--format', 'json', '--journal', journal, '--lang', 'en']);
    expect(anna.code, anna.stderr).toBe(0);
    const tasks = (JSON.parse(anna.stdout) as Report).tasks.map((t) => t.task);
    expect(tasks).toContain('daily-check');
    expect(tasks).not.toContain('open-office');
    expect(anna.stderr).toMatch(
      /--user anna: schedules are checked in the instructions anna has runs in; the schedules of Администратор офиса: with --role\n$/,
    );
    const everyone = await runCli(['report', 'instructions', '--today', '2026-11-30', '--format', 'json', '--journal', journal]);
    expect((JSON.parse(everyone.stdout) as Report).tasks.map((t) => t.task)).toContain('open-office');
  });
});
