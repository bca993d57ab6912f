import { beforeAll, describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import type { Graph } from '../graph/types.js';
import { buildReport, median, type Report } from './build.js';
import { loadRuns } from '../journal/load-runs.js';
import { formatMs, reportMarkdown, reportText } from './render.js';
import { Chalk } from 'chalk';

const journal = 'test/fixtures/report/journal.jsonl';
let graph: Graph;
let report: Report;

beforeAll(async () => {
  ({ graph } = await compilePaths(['test/fixtures/agenda']));
  const { runs, stats } = await loadRuns(journal);
  report = buildReport(graph, runs.values(), {
    since: '2026-11-01',
    until: '2026-11-30',
    today: '2026-11-27',
    now: Date.parse('2026-11-27T21:00:00Z'),
    journal: { path: journal, missing: false, stats },
  });
});

const task = (id: string) => report.tasks.find((t) => t.task === id);

describe('the report', () => {
  it('counts runs started in the period per task: finished, abandoned (discarded), paused however long ago, median time', () => {
    // r8 is scripted (--answers): a run like any other, but its duration is left out of the median
    expect(task('mail')).toMatchObject({ started: 5, finished: 4, abandoned: 1, medianMs: 1_800_000, known: true, file: 'manager.md' });
    // paused for weeks is still paused: «на паузе», as the agenda says, until continued or cancelled
    expect(task('month-end')).toMatchObject({ started: 1, finished: 0, abandoned: 0, paused: 1, inProgress: 0 });
    expect(task('old-task')).toMatchObject({ known: false, started: 1, cancelled: 1, file: null });
    // r11 started in October: not counted; r8 is counted, and said to be scripted.
    expect(report.scriptedRuns).toBe(1);
    expect(task('leap-birthday')).toBeUndefined();
  });

  it('lists skipped steps with their reasons and file:line from the current graph', () => {
    expect(task('mail')?.skipped).toEqual([
      {
        node: 'answer-mail',
        text: 'Ответить на письма клиентов.',
        number: '2',
        file: 'manager.md',
        line: 42,
        count: 1,
        reasons: [{ reason: 'Писем не было', count: 1 }],
      },
    ]);
    expect(task('old-task')?.skipped[0]).toMatchObject({ node: 'old-task.s1234567', text: null, file: null });
  });

  it('groups "unclear" notes by step, the most asked first, the scripted run\'s too', () => {
    expect(report.unclear).toEqual([
      {
        task: 'mail',
        node: 'open-mailbox',
        text: 'Открыть общий почтовый ящик.',
        number: '1',
        file: 'manager.md',
        line: 41,
        count: 3,
        notes: [
          { note: 'Где взять пароль от ящика?', count: 2 },
          { note: 'scripted note', count: 1 },
        ],
      },
      {
        task: 'mail',
        node: 'answer-mail',
        text: 'Ответить на письма клиентов.',
        number: '2',
        file: 'manager.md',
        line: 42,
        count: 1,
        notes: [{ note: 'Отвечать с общего ящика или с личного?', count: 1 }],
      },
    ]);
  });

  it('reports checkpoints not confirmed and runs finished after their deadline', () => {
    expect(task('equipment')).toMatchObject({
      started: 1,
      finished: 1,
      late: 1,
      checkpoints: [{ node: 'received', text: 'Техника получена', line: 35, count: 1 }],
    });
  });

  it('lists open waits and deadlines that are past, whenever the run started', () => {
    expect(report.overdue.map((o) => [o.run, o.kind, o.due])).toEqual([
      ['r4', 'wait', '2026-11-02T07:21:00.000Z'],
      ['r6', 'task-deadline', '2026-11-11T10:00:00.000Z'],
    ]);
    expect(report.overdue[0]).toMatchObject({ task: 'equipment', label: 'Директор согласовал заявку', daysLate: 25 });
  });

  it('finds scheduled occurrences with no run on their local date', () => {
    const equipment = task('equipment')!.schedules[0]!;
    expect(equipment).toMatchObject({ due: 1, missed: [{ date: '2026-11-27', time: '10:00' }] });
    const mail = task('mail')!.schedules[0]!;
    expect(mail.due).toBe(20);
    expect(mail.missed.map((m) => m.date)).not.toContain('2026-11-02');
    // The scripted run on 5 November did the routine that day, as any run does.
    expect(mail.missed.map((m) => m.date)).not.toContain('2026-11-05');
    expect(mail.missed).toHaveLength(15);
    // Started at 01:30 Moscow on 21 November, which is still 20 November in UTC.
    expect(task('accountants-day')!.schedules[0]).toMatchObject({ due: 1, missed: [] });
    // Only up to today: the 30th is still ahead.
    expect(task('month-end')!.schedules[0]).toMatchObject({ due: 0, missed: [] });
  });

  it("checks schedules only from the journal's first run: before it, nothing can be known", async () => {
    const { runs, stats } = await loadRuns(journal);
    const october = buildReport(graph, runs.values(), {
      since: '2026-10-01',
      until: '2026-10-31',
      today: '2026-11-27',
      journal: { path: journal, missing: false, stats },
    });
    expect(october.journalSince).toBe('2026-10-29T06:00:00.000Z');
    // r11 ran the mail routine on 29 October; 30 October is the only miss, 1–28 October are not judged.
    expect(october.tasks.find((t) => t.task === 'mail')!.schedules[0]).toMatchObject({ due: 2, missed: [{ date: '2026-10-30', time: '09:00' }] });
    expect(reportText(october, 'en', new Chalk({ level: 0 }))).toContain('Schedules checked from the first run in the journal: 2026-10-29');
    const empty = buildReport(graph, [], {
      since: '2026-11-01',
      until: '2026-11-30',
      today: '2026-11-27',
      journal: { path: journal, missing: true, stats: null },
    });
    expect(empty).toMatchObject({ journalSince: null, tasks: [] });
  });

  it('lists the instructions due for review', () => {
    expect(report.review.map((r) => [r.file, r.dueOn])).toEqual([
      ['office.md', '2026-06-01'],
      ['manager.md', '2026-07-10'],
    ]);
  });

  it("renders as text and Markdown in the instruction's language", () => {
    const text = reportText(report, 'ru', new Chalk({ level: 0 }));
    expect(text).toContain('Пропущено нечитаемых строк: 2 (6, 38)');
    expect(text).toContain('Прохождений по файлу ответов (--answers), учтены со всеми: 1');
    expect(text).toContain('mail  Разобрать почту\n    начато 5 · завершено 4 · брошено 1 · медианное время 30 мин');
    expect(text).toContain('3× mail 1. Открыть общий почтовый ящик. manager.md:41');
    const md = reportMarkdown(report, 'en');
    expect(md).toContain('## Unclear steps: what to rewrite');
    expect(md).toContain('- [ ] **3×** `mail` 1. Открыть общий почтовый ящик. (manager.md:41)');
    expect(md).toContain('| `mail` Разобрать почту | 5 | 4 | 1 | 30 min | 0 | 15/20 |');
  });
});

describe('helpers', () => {
  it('takes the median of an odd and an even count', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('formats durations briefly', () => {
    expect(formatMs(1_800_000, 'ru')).toBe('30 мин');
    expect(formatMs(525_600_000, 'en')).toBe('6 d 2 h');
    expect(formatMs(0, 'en')).toBe('0 s');
  });
});
