import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const fixtures = resolve('test/fixtures/agenda');
const temp = mkdtempSync(join(tmpdir(), 'instr-agenda-'));
const journal = join(temp, 'journal.jsonl');
copyFileSync('test/fixtures/report/journal.jsonl', journal);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('instr agenda', () => {
  it('--role keeps one role’s day: the bundled office administrator’s tasks are not in the client manager’s agenda', async () => {
    const all = await runCli(['agenda', 'instructions', '--date', '2026-11-30', '--journal', journal]);
    expect(all.stdout).toContain('open-office');
    const manager = await runCli(['agenda', 'instructions', '--date', '2026-11-30', '--role', 'клиентский менеджер', '--journal', journal]);
    expect(manager.code).toBe(0);
    expect(manager.stdout).toContain('daily-check');
    expect(manager.stdout).not.toContain('open-office');
    const report = await runCli(['report', 'instructions', '--role', 'Администратор офиса', '--format', 'json', '--journal', journal, '--today', '2026-11-27']);
    expect(report.code).toBe(0);
    const tasks = (JSON.parse(report.stdout) as { tasks: Array<{ task: string }> }).tasks.map((t) => t.task);
    expect(tasks).not.toContain('daily-check');
    const unknown = await runCli(['agenda', 'instructions', '--role', 'бухгалтер', '--journal', journal]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('роли: «Клиентский менеджер», «Администратор офиса»');
  });

  it('documents its options', async () => {
    const help = await runCli(['agenda', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--date <YYYY-MM-DD>', '--days <n>', '--format <format>', '--journal <file>', '--lang <code>']) expect(help.stdout).toContain(option);
  });

  it('shows what is due on 27 November 2026, the overdue wait from the journal first', async () => {
    const result = await runCli(['agenda', fixtures, '--date', '2026-11-27', '--journal', journal]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('пятница, 27 ноября 2026 г.');
    expect(lines[1]).toMatch(/^ {2}02\.11, 10:21 +просрочено equipment +Заказать технику и канцелярию$/);
    expect(result.stdout).toContain('Напомнить: Директор согласовал заявку  manager.md:31');
    expect(result.stdout).toMatch(/10:00 +equipment +Заказать технику и канцелярию\n +В последнюю пятницу каждого месяца +manager\.md:26/);
    expect(result.stdout).toContain('Начатые и не завершённые прохождения\n  month-end  Закрыть месяц  на паузе');
  });

  it('gives a week as JSON, grouped by day, and as Markdown in English', async () => {
    const json = await runCli(['agenda', fixtures, '--date', '2026-11-27', '--days', '7', '--format', 'json', '--journal', journal]);
    expect(json.code).toBe(0);
    const agenda = JSON.parse(json.stdout) as { dates: Array<{ date: string; items: Array<{ task: string; kind: string }> }> };
    expect(agenda.dates.map((d) => d.date)).toEqual(['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']);
    expect(agenda.dates[3]!.items.map((i) => i.task)).toEqual(['night-export', 'mail', 'open-office', 'month-end', 'plants']);
    const md = await runCli(['agenda', fixtures, '--date', '2026-11-21', '--format', 'markdown', '--lang', 'en']);
    expect(md.stdout).toMatch(/^# Agenda\n\n## Saturday,? 21 November 2026\n\n\| Time \| Tasks \| What \| Where \|/);
    expect(md.stdout).toContain('| all day | `accountants-day` Поздравить клиентов с Днём бухгалтера | Каждый год 21 ноября | manager.md:54 (Europe/Moscow) |');
  });

  it('finds the journal through INSTR_JOURNAL and under the working folder by default', async () => {
    const viaEnv = await runCli(['agenda', fixtures, '--date', '2026-11-27'], { env: { INSTR_JOURNAL: journal } });
    expect(viaEnv.stdout).toContain('просрочено equipment');
    const cwd = join(temp, 'work');
    mkdirSync(join(cwd, '.instr'), { recursive: true });
    copyFileSync(journal, join(cwd, '.instr', 'journal.jsonl'));
    const local = await runCli(['agenda', fixtures, '--date', '2026-11-27'], { cwd, env: { INSTR_JOURNAL: '' } });
    expect(local.stdout).toContain('просрочено equipment');
    const none = await runCli(['agenda', fixtures, '--date', '2026-11-27'], { cwd: temp, env: { INSTR_JOURNAL: '' } });
    expect(none.code).toBe(0);
    expect(none.stdout).not.toContain('просрочено');
  });

  it('exits 2 on a bad option value or a journal that is not there, without a stack trace', async () => {
    for (const args of [
      ['--date', '2026-02-30'],
      ['--days', '0'],
      ['--format', 'html'],
      ['--journal', join(temp, 'nope.jsonl')],
    ]) {
      const result = await runCli(['agenda', fixtures, ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^instr: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('instr agenda on the production calendar (the bundled instructions)', () => {
  it('lists no "every working day" task on 31 December 2026 or on the transferred 9 January 2026', async () => {
    for (const date of ['2026-12-31', '2026-01-09', '2026-11-28']) {
      const result = await runCli(['agenda', 'instructions/client-manager.md', '--date', date]);
      expect([date, result.code]).toEqual([date, 0]);
      expect(result.stdout).not.toContain('daily-check');
    }
    const working = await runCli(['agenda', 'instructions/client-manager.md', '--date', '2026-12-30']);
    expect(working.stdout).toContain('daily-check');
  });

  it('lists a client’s professional holiday on the working day before it, naming the clients', async () => {
    const result = await runCli(['agenda', 'instructions/client-manager.md', '--date', '2026-06-19']);
    expect(result.stdout).toMatch(
      /10:00 +client-holiday .*\n +Профессиональный праздник клиента: День медицинского работника — Клиника «Здоровье», ООО «Медтехника»/,
    );
    const sunday = await runCli(['agenda', 'instructions/client-manager.md', '--date', '2026-06-21']);
    expect(sunday.stdout).not.toContain('client-holiday');
  });

  it('gives the Day of the Accountant (a Saturday in 2026) one task on the Friday before, not a second one for the clients whose holiday it is', async () => {
    const result = await runCli(['agenda', 'instructions/client-manager.md', '--date', '2026-11-20']);
    expect(result.stdout).toContain('accountant-day');
    expect(result.stdout).not.toContain('client-holiday');
  });

  it('--now picks the day (and INSTR_NOW does too); a bad value is a usage error', async () => {
    const now = await runCli(['agenda', 'instructions/client-manager.md', '--now', '2026-12-31T10:00', '--format', 'json']);
    expect((JSON.parse(now.stdout) as { from: string }).from).toBe('2026-12-31');
    const env = await runCli(['agenda', 'instructions/client-manager.md', '--format', 'json'], { env: { INSTR_NOW: '2026-06-19T09:00:00+03:00' } });
    expect((JSON.parse(env.stdout) as { from: string }).from).toBe('2026-06-19');
    const bad = await runCli(['agenda', 'instructions/client-manager.md', '--now', 'tomorrow']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--now должен быть датой и временем'); // the instruction is Russian
  });
});
