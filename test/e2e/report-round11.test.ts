/**
 * `instr report` on the bundled instructions, friend test round 11: runs dated after the report's
 * moment, a missed wait's wording, a 9:30 routine started at 15:10. A journal in a temporary
 * folder, every moment given with --now.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { answersFolder, officeMorningLines } from './office-morning-answers.js';

const { temp, answers } = answersFolder('instr-round11-');
const officeMorning = answers('office-morning', officeMorningLines);

describe('instr report: runs dated after its moment', () => {
  it('says how many runs it leaves out and the --now that shows them, in the screen language', async () => {
    const journal = join(temp, 'future.jsonl');
    const run = await runCli(['run', 'office-morning', '--answers', officeMorning, '--journal', journal, '--now', '2026-12-03T09:40']);
    expect(run.code).toBe(0);
    const ru = await runCli(['report', '--journal', journal, '--now', '2026-11-28T12:00']);
    expect(ru.code).toBe(0);
    expect(ru.stdout).toContain(
      '1 прохождение в журнале датировано позже момента, на который составлен отчёт (2026-11-28 12:00), и не учтено;\n  чтобы его увидеть: instr report --now 2026-12-03T09:40',
    );
    const en = await runCli(['report', '--journal', journal, '--now', '2026-11-28T12:00', '--lang', 'en', '--format', 'json']);
    expect(JSON.parse(en.stdout).future).toEqual({
      runs: 1,
      latest: '2026-12-03T06:40:00.000Z',
      zone: 'Europe/Moscow',
      now: '2026-11-28T09:00:00.000Z',
    });
    const seen = await runCli(['report', '--journal', journal, '--now', '2026-12-03T09:40', '--lang', 'en']);
    expect(seen.stdout).not.toContain('dated after the moment');
    expect(seen.stdout).toMatch(/office-morning {2}.*\n {4}started 1 · finished 1/);
  });
});

describe('instr report: a scheduled task started long after its time', () => {
  it('lists the 9:30 routine started at 15:10 as started late, by how much, and the one at 9:40 as on time', async () => {
    const journal = join(temp, 'late.jsonl');
    for (const now of ['2026-12-02T09:40', '2026-12-03T15:10'])
      expect((await runCli(['run', 'office-morning', '--answers', officeMorning, '--journal', journal, '--now', now])).code).toBe(0);
    const text = await runCli(['report', '--journal', journal, '--now', '2026-12-03T18:00']);
    expect(text.stdout).toContain(
      'По расписанию, но начато с опозданием 1/2 «Каждый рабочий день в 9:30»: 2026-12-03 (начато в 15:10, позже на 5 ч 40 мин) client-manager.md:',
    );
    const json = JSON.parse((await runCli(['report', '--journal', journal, '--now', '2026-12-03T18:00', '--format', 'json'])).stdout) as {
      tasks: Array<{ task: string; schedules: Array<{ due: number; missed: unknown[]; late: Array<{ date: string; startedTime: string; lateMs: number }> }> }>;
    };
    const schedule = json.tasks.find((t) => t.task === 'office-morning')!.schedules[0]!;
    expect(schedule).toMatchObject({ due: 2, missed: [], late: [{ date: '2026-12-03', time: '09:30', startedTime: '15:10', lateMs: 20_400_000 }] });
    const md = await runCli(['report', '--journal', journal, '--now', '2026-12-03T18:00', '--format', 'markdown', '--lang', 'en']);
    expect(md.stdout).toContain('## Scheduled, but started late\n\n- **1/2** `office-morning`');
    expect(md.stdout).toContain('2026-12-03 (started at 15:10, 5 h 40 min late)');
  });
});

/** The run a journal's first record belongs to. */
function firstRun(journal: string): string {
  return (JSON.parse(readFileSync(journal, 'utf8').split('\n')[0]!) as { run: string }).run;
}

describe('instr report: the urgent task’s wait for the accountant', () => {
  it('words a wait whose chase time passed unchased as a chase not recorded, not as the event being late', async () => {
    const journal = join(temp, 'urgent.jsonl');
    const first = answers('urgent-1', [
      'chief-urgent-answer: "2026-12-03 10:10"',
      '"Клиенту в течение часа сообщено, кто и к какому часу решает срочный вопрос": true',
    ]);
    const then = answers('urgent-2', ['urgent-solved: "2026-12-03 14:30"', 'urgent-tariff: Да, входит', '"Клиент подтвердил, что срочный вопрос решён": true']);
    expect((await runCli(['run', 'urgent-issue', '--answers', first, '--journal', journal, '--now', '2026-12-03T10:15'])).code).toBe(0);
    const run = firstRun(journal);
    expect((await runCli(['run', '--resume', run, '--answers', then, '--journal', journal, '--now', '2026-12-03T15:00'])).code).toBe(0);
    const report = await runCli(['report', '--journal', journal, '--now', '2026-12-03T16:00', '--lang', 'en']);
    // 10:15 + one hour: when the instruction says to open the CRM, not the accountant's hour
    expect(report.stdout).toContain(
      '2026-12-03 11:15  urgent-issue  «Бухгалтер отметил в CRM, что срочный вопрос решён» — had not happened by its chase time, and no chase (its timeout steps) was recorded; happened at 2026-12-03 14:30',
    );
  });
});
