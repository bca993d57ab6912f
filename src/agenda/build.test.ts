import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import type { Graph } from '../graph/types.js';
import { loadRuns } from '../journal/load-runs.js';
import type { RunRecord } from '../journal/runs.js';
import { buildReport } from '../report/build.js';
import { buildAgenda } from './build.js';
import { agendaMarkdown, agendaText, longDate } from './render.js';

let graph: Graph;
let runs: RunRecord[];

beforeAll(async () => {
  ({ graph } = await compilePaths(['test/fixtures/agenda']));
  runs = [...(await loadRuns('test/fixtures/report/journal.jsonl')).runs.values()];
});

const waiting = (run: string, timeoutAt: string): RunRecord => ({
  run,
  task: 'equipment',
  title: '',
  file: 'manager.md',
  lang: 'ru',
  user: 'vera',
  scripted: false,
  startedAt: Date.parse('2026-11-25T07:00:00Z'),
  lastAt: Date.parse('2026-11-25T07:30:00Z'),
  lastAtText: '2026-11-25T07:30:00Z',
  state: 'waiting',
  node: 'approval',
  wait: { node: 'approval', event: 'Директор согласовал заявку', since: Date.parse('2026-11-25T07:30:00Z'), timeoutAt: Date.parse(timeoutAt) },
});

describe('the agenda', () => {
  it('lists what the schedules make due on a day, in time order, with all-day items', () => {
    const agenda = buildAgenda(graph, [], '2026-11-27', 1);
    const day = agenda.dates[0]!;
    expect(day.date).toBe('2026-11-27');
    expect(day.items.map((i) => [i.task, i.time, i.at])).toEqual([
      ['night-export', '01:30', '2026-11-26T22:30:00.000Z'],
      ['mail', '09:00', '2026-11-27T06:00:00.000Z'],
      ['equipment', '10:00', '2026-11-27T07:00:00.000Z'],
      ['open-office', '02:30', '2026-11-27T07:30:00.000Z'],
      ['plants', '23:30', '2026-11-28T04:30:00.000Z'],
    ]);
    expect(day.items[2]).toMatchObject({
      kind: 'schedule',
      label: 'В последнюю пятницу каждого месяца',
      file: 'manager.md',
      line: 26,
      zone: 'Europe/Moscow',
      overdue: false,
    });
  });

  it('spreads a range over its days: weekends without the weekday routine, the yearly holiday on its date', () => {
    const agenda = buildAgenda(graph, [], '2026-11-20', 3);
    const tasks = agenda.dates.map((d) => d.items.map((i) => i.task));
    expect(tasks[0]).toContain('mail');
    expect(tasks[1]).not.toContain('mail');
    expect(tasks[1]).toContain('accountants-day');
    expect(agenda.dates[1]!.items.find((i) => i.task === 'accountants-day')).toMatchObject({ time: null, at: '2026-11-20T21:00:00.000Z' });
    const leap = buildAgenda(graph, [], '2028-02-29', 1).dates[0]!.items.map((i) => i.task);
    expect(leap).toContain('leap-birthday');
    expect(leap).toContain('month-end');
  });

  it('adds waits to chase that are past (listed first, as overdue) or fall in the range, and stopped runs', () => {
    const agenda = buildAgenda(graph, [...runs, waiting('near', '2026-11-28T08:00:00Z'), waiting('later', '2026-12-05T08:00:00Z')], '2026-11-27', 2);
    const [first, second] = agenda.dates;
    expect(first!.items.slice(0, 2).map((i) => [i.kind, i.run, i.overdue])).toEqual([
      ['wait', 'r4', true],
      ['task-deadline', 'r6', true],
    ]);
    expect(first!.items[0]).toMatchObject({ date: '2026-11-27', label: 'Директор согласовал заявку', user: 'anna' });
    expect(second!.items.filter((i) => i.kind === 'wait').map((i) => [i.run, i.time, i.overdue])).toEqual([['near', '11:00', false]]);
    expect(agenda.dates.flatMap((d) => d.items).some((i) => i.run === 'later')).toBe(false);
    // Finished, abandoned and scripted runs are not on the agenda.
    expect(agenda.dates.flatMap((d) => d.items).some((i) => i.run === 'r5' || i.run === 'r9' || i.run === 'r8')).toBe(false);
    expect(agenda.open.map((r) => [r.run, r.state, r.node])).toEqual([['r6', 'paused', 'check-acts']]);
  });

  it('lists a run with no event for an hour and no pause as interrupted, but not one in progress', () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    const active = (run: string, lastAt: string): RunRecord => ({
      ...waiting(run, '2026-12-30T00:00:00Z'),
      state: 'active',
      lastAt: Date.parse(lastAt),
      lastAtText: lastAt,
      node: 'suppliers',
    });
    const agenda = buildAgenda(graph, [active('old', '2026-11-27T09:00:00Z'), active('busy', '2026-11-27T11:45:00Z')], '2026-11-27', 1, now);
    expect(agenda.open.map((r) => [r.run, r.state])).toEqual([['old', 'active']]);
    expect(agendaText(agenda, 'en', new Chalk({ level: 0 }))).toContain('equipment  Заказать технику и канцелярию  interrupted');
  });

  it("renders text and Markdown with dates in the instruction's language", () => {
    expect(longDate('2026-11-27', 'ru')).toBe('пятница, 27 ноября 2026 г.');
    // The exact punctuation comes from the ICU data Node ships with.
    expect(longDate('2026-11-27', 'en')).toMatch(/^Friday,? 27 November 2026$/);
    const agenda = buildAgenda(graph, runs, '2026-11-27', 1);
    const text = agendaText(agenda, 'ru', new Chalk({ level: 0 }));
    expect(text).toContain('пятница, 27 ноября 2026 г.');
    expect(text).toMatch(/02\.11, 10:21\s+просрочено equipment/);
    expect(text).toContain('Напомнить: Директор согласовал заявку');
    expect(text).toContain('Начатые и не завершённые прохождения\n  month-end  Закрыть месяц  на паузе');
    const md = agendaMarkdown(agenda, 'en');
    expect(md).toMatch(/## Friday,? 27 November 2026/);
    expect(md).toContain('| 10:00 | `equipment` Заказать технику и канцелярию | В последнюю пятницу каждого месяца | manager.md:26 (Europe/Moscow) |');
  });

  // Regression: the report and the agenda each had their own overdue rules (journal/due.ts now).
  it('lists as overdue what the report lists as overdue, for the same runs and the same moment', () => {
    const open = [
      waiting('w1', '2026-11-26T09:00:00Z'),
      waiting('w2', '2026-11-30T09:00:00Z'),
      { ...waiting('w3', '2026-11-20T09:00:00Z'), state: 'done' as const },
    ];
    const from = '2026-11-27';
    const agenda = buildAgenda(graph, open, from, 1, Date.parse('2026-11-27T00:00:00Z'));
    const start = Date.parse('2026-11-26T21:00:00Z'); // the first moment of 27 November in Moscow
    const report = buildReport(graph, open, {
      since: '2026-11-01',
      until: '2026-11-26',
      today: '2026-11-26',
      now: start,
      journal: { path: 'j', missing: false, stats: null },
    });
    const fromAgenda = agenda.dates
      .flatMap((d) => d.items)
      .filter((i) => i.overdue)
      .map((i) => `${i.run} ${i.kind} ${i.at}`);
    const fromReport = report.overdue.map((o) => `${o.run} ${o.kind} ${o.due}`);
    expect(fromAgenda).toEqual(['w1 wait 2026-11-26T09:00:00.000Z']);
    expect(fromReport.sort()).toEqual(fromAgenda.sort());
  });
});
