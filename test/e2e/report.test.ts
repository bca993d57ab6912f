import { appendFileSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const fixtures = resolve('test/fixtures/agenda');
const temp = mkdtempSync(join(tmpdir(), 'instr-report-'));
const journal = join(temp, 'journal.jsonl');
copyFileSync('test/fixtures/report/journal.jsonl', journal);
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const period = ['--since', '2026-11-01', '--until', '2026-11-30', '--today', '2026-11-27'];

interface JsonReport {
  tasks: Array<{
    task: string;
    started: number;
    finished: number;
    abandoned: number;
    medianMs: number | null;
    schedules: Array<{ due: number; missed: Array<{ date: string }> }>;
  }>;
  unclear: Array<{ node: string; file: string; line: number; count: number }>;
  overdue: Array<{ run: string }>;
  review: Array<{ file: string }>;
  journal: { stats: { unreadable: number; duplicates: number } };
}

describe('instr report', () => {
  it('documents its options', async () => {
    const help = await runCli(['report', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--since <YYYY-MM-DD>', '--until <YYYY-MM-DD>', '--today <YYYY-MM-DD>', '--format <format>', '--journal <file>'])
      expect(help.stdout).toContain(option);
  });

  it('reports a month from a journal with a torn last line, warning about the unreadable lines', async () => {
    const result = await runCli(['report', fixtures, '--journal', journal, ...period]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('пропущены нечитаемые строки: 2 (6, 38)'); // the instruction is Russian
    expect(result.stdout).toContain('Как выполнялись инструкции\nПериод: 2026-11-01 … 2026-11-30');
    expect(result.stdout).toContain('  mail  Разобрать почту\n    начато 5 · завершено 4 · брошено 1 · медианное время 30 мин');
    expect(result.stdout).toContain(
      'Непонятные шаги: что переписать\n  3× mail 1. Открыть общий почтовый ящик. manager.md:41\n     2× Где взять пароль от ящика?\n     scripted note',
    );
    expect(result.stdout).toContain('По расписанию, но не выполнено 1/1 «В последнюю пятницу каждого месяца»: 2026-11-27 manager.md:26');
    expect(result.stdout).toMatch(/Пора пересмотреть\n {2}office\.md:1 +проверено 2026-03-01, срок 2026-06-01/);
  });

  it('picks up runs appended to the journal, as JSON', async () => {
    const more = join(temp, 'more.jsonl');
    copyFileSync(journal, more);
    // Close the torn line first, as the next write after a crash would start on a new line.
    appendFileSync(
      more,
      '\n' +
        [
          {
            v: 1,
            run: 'r20',
            seq: 0,
            at: '2026-11-27T07:05:00.000Z',
            type: 'start',
            task: 'equipment',
            title: 'Заказать технику',
            file: 'manager.md',
            lang: 'ru',
            user: 'anna',
            revision: null,
            contentHash: 'x',
            scripted: false,
          },
          { v: 1, run: 'r20', seq: 1, at: '2026-11-27T07:06:00.000Z', type: 'unclear', node: 'draft-request', note: 'Где лежит образец сметы?' },
        ]
          .map((e) => JSON.stringify(e))
          .join('\n') +
        '\n',
    );
    const result = await runCli(['report', fixtures, '--journal', more, ...period, '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    const equipment = report.tasks.find((t) => t.task === 'equipment')!;
    expect(equipment).toMatchObject({ started: 2, finished: 1 });
    expect(equipment.schedules[0]).toMatchObject({ due: 1, missed: [] });
    expect(report.unclear.map((u) => [u.node, u.file, u.line, u.count])).toContainEqual(['draft-request', 'manager.md', 28, 1]);
    expect(report.journal.stats).toMatchObject({ unreadable: 2, duplicates: 1 });
    expect(report.overdue.map((o) => o.run)).toEqual(['r4', 'r6']);
  });

  it('neutralises terminal escape sequences that came through the journal', async () => {
    const hostile = join(temp, 'hostile.jsonl');
    const esc = '\u001b]0;pwned\u0007\u001b[2J';
    writeFileSync(
      hostile,
      [
        {
          v: 1,
          run: 'h1',
          seq: 0,
          at: '2026-11-10T07:00:00.000Z',
          type: 'start',
          task: `gone${esc}`,
          title: `T${esc}`,
          file: 'x.md',
          lang: 'ru',
          user: `u${esc}`,
          revision: null,
          contentHash: 'x',
          scripted: false,
        },
        { v: 1, run: 'h1', seq: 1, at: '2026-11-10T07:01:00.000Z', type: 'unclear', node: `n${esc}`, note: `note${esc}` },
        { v: 1, run: 'h1', seq: 2, at: '2026-11-10T07:02:00.000Z', type: 'step', node: 'open-mailbox', action: 'skip', reason: `why${esc}` },
      ]
        .map((e) => JSON.stringify(e))
        .join('\n') + '\n',
    );
    for (const format of ['text', 'markdown']) {
      const result = await runCli(['report', fixtures, '--journal', hostile, ...period, '--format', format]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('note');
      expect(result.stdout).not.toContain('\u001b');
      expect(result.stdout).not.toContain('\u0007');
    }
  });

  it('writes Markdown for a pull request or a wiki page', async () => {
    const result = await runCli(['report', fixtures, '--journal', journal, ...period, '--format', 'markdown', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# How the instructions were followed\n/);
    expect(result.stdout).toContain('| `mail` Разобрать почту | 5 | 4 | 1 | 30 min | 0 | 15/20 |');
    expect(result.stdout).toContain('## Checkpoints not confirmed\n\n- **1×** `equipment` 5. Техника получена (manager.md:35)');
  });

  it('works without a journal (nothing run yet): reviews only, no schedule judged', async () => {
    const result = await runCli(['report', fixtures, ...period, '--format', 'json'], { cwd: temp, env: { INSTR_JOURNAL: '' } });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport & { journal: { missing: boolean } };
    expect(report.journal.missing).toBe(true);
    expect(report.tasks).toEqual([]);
    expect(report.review.map((r) => r.file)).toEqual(['office.md', 'manager.md']);
    const text = await runCli(['report', fixtures, ...period], { cwd: temp, env: { INSTR_JOURNAL: '' } });
    expect(text.stdout).toContain('Журнал: .instr/journal.jsonl (журнала ещё нет)');
  });

  it('exits 2 on bad dates, a reversed period or a missing journal', async () => {
    for (const args of [
      ['--since', '2026-13-01'],
      ['--since', '2026-11-30', '--until', '2026-11-01'],
      ['--journal', join(temp, 'none.jsonl')],
      ['--journal', temp],
    ]) {
      const result = await runCli(['report', fixtures, ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^instr: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
