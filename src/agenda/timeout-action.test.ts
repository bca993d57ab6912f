import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import type { RunRecord } from '../journal/runs.js';
import { buildAgenda } from './build.js';
import { agendaText } from './render.js';

describe('the agenda: a wait to chase reads as what to do', () => {
  it('names the timeout steps of the bundled equipment approval on the day it is chased', async () => {
    const { graph } = await compilePaths(['instructions']);
    const chaseAt = Date.parse('2026-11-30T07:00:00Z'); // Monday 30 November, 10:00 in Moscow
    const run: RunRecord = {
      run: 'r1',
      task: 'equipment',
      title: '',
      file: 'client-manager.md',
      lang: 'ru',
      user: 'olga',
      scripted: false,
      startedAt: Date.parse('2026-11-27T07:00:00Z'),
      lastAt: Date.parse('2026-11-27T07:30:00Z'),
      lastAtText: '2026-11-27T07:30:00Z',
      state: 'waiting',
      node: 'equipment-approval',
      wait: { node: 'equipment-approval', event: 'Директор согласовал заявку', since: Date.parse('2026-11-27T07:30:00Z'), timeoutAt: chaseAt },
    };
    const agenda = buildAgenda(graph, [run], '2026-11-30', 1, Date.parse('2026-11-30T06:00:00Z'));
    const item = agenda.dates[0]!.items.find((i) => i.kind === 'wait');
    expect(item).toMatchObject({
      time: '10:00',
      label: 'Директор согласовал заявку',
      action:
        'Время вышло, директор не ответила: Написать директору в Telegram: «Ирина Викторовна, напоминаю о заявке на закупку для офиса за (месяц). Отправила её (дата) на почту».',
    });
    expect(agendaText(agenda, 'ru', new Chalk({ level: 0 }))).toContain(
      'Директор согласовал заявку — Время вышло, директор не ответила: Написать директору в Telegram',
    );
  });
});

describe('the agenda: done marks', () => {
  it('marks a scheduled task done on a day one of its runs finished, started when one is open', async () => {
    const { graph } = await compilePaths(['instructions']);
    const record = (run: string, task: string, state: RunRecord['state'], startedAt: string): RunRecord => ({
      run,
      task,
      title: '',
      file: 'client-manager.md',
      lang: 'ru',
      user: 'olga',
      scripted: false,
      startedAt: Date.parse(startedAt),
      lastAt: Date.parse(startedAt),
      lastAtText: startedAt,
      state,
      node: null,
    });
    const runs = [
      record('a', 'daily-check', 'done', '2026-11-30T06:05:00Z'),
      record('b', 'office-morning', 'paused', '2026-11-30T06:35:00Z'),
      record('c', 'daily-check', 'done', '2026-11-27T06:05:00Z'),
    ];
    const agenda = buildAgenda(graph, runs, '2026-11-30', 1, Date.parse('2026-11-30T09:00:00Z'));
    const marks = Object.fromEntries(agenda.dates[0]!.items.filter((i) => i.kind === 'schedule').map((i) => [i.task, i.done ?? null]));
    expect(marks).toMatchObject({ 'daily-check': 'done', 'office-morning': 'started', 'open-office': null });
    const text = agendaText(agenda, 'ru', new Chalk({ level: 0 }));
    expect(text).toMatch(/09:00\s+✓ сделано daily-check/);
    expect(text).toMatch(/09:30\s+начато office-morning/);
  });
});
