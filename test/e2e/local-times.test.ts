/**
 * Every time `agenda` and `report` print is in the instruction's time zone (the machine's when the
 * instruction names none); UTC appears only in JSON. And a schedule at 17:30 on a shortened
 * pre-holiday day (3 November 2026) moves to 16:30 and says so.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-local-times-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function instruction(folder: string, zone: string | null): string {
  const dir = join(temp, folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'office.md'),
    `---
id: office
title: Офис
lang: ru
${zone ? `timezone: ${zone}\n` : ''}calendar: ru
hours:
  open: "09:00-18:00"
  shortened: "09:00-17:00"
---

## Задачи {.tasks}

### Закрыть день {#close-day}

::when[Конец рабочего дня]

::schedule[Каждый рабочий день в 17:30]{rrule="FREQ=DAILY" time="17:30" workdays}

1. Разнести звонки в CRM.

### Заказать воду {#water}

::when[Вода кончается]

1. Написать поставщику.

::wait[Поставщик подтвердил доставку]{#water-confirmed timeout=P1D}
- Время вышло

  1. Позвонить поставщику.

2. Принять воду.
`,
  );
  return dir;
}

function journal(name: string): string {
  const file = join(temp, `${name}.jsonl`);
  const start = (run: string, at: string) =>
    `{"v":1,"run":"${run}","seq":0,"at":"${at}","type":"start","task":"water","title":"Заказать воду","file":"office.md","lang":"ru","user":"olga","revision":null,"contentHash":"x","scripted":false}`;
  writeFileSync(
    file,
    [
      start('paused-run', '2026-11-26T06:00:00.000Z'),
      '{"v":1,"run":"paused-run","seq":1,"at":"2026-11-26T06:05:00.000Z","type":"pause","node":"water-confirmed"}',
      start('late-run', '2026-11-23T06:00:00.000Z'),
      '{"v":1,"run":"late-run","seq":1,"at":"2026-11-23T06:01:00.000Z","type":"wait","node":"water-confirmed","event":"Поставщик подтвердил доставку","timeoutAt":"2026-11-24T06:01:00.000Z"}',
      '',
    ].join('\n'),
  );
  return file;
}

describe('times on screen are local', () => {
  it('agenda and report show the instruction’s zone (Europe/Moscow), JSON keeps UTC', async () => {
    const dir = instruction('moscow', 'Europe/Moscow');
    const j = journal('moscow');
    const agenda = await runCli(['agenda', dir, '--date', '2026-11-26', '--journal', j, '--now', '2026-11-26T12:00'], { env: { TZ: 'Asia/Tokyo' } });
    expect(agenda.stderr).toBe('');
    expect(agenda.stdout).toContain('последнее действие 2026-11-26 09:05'); // 06:05 UTC
    expect(agenda.stdout).not.toContain('UTC');
    const report = await runCli(['report', dir, '--since', '2026-11-01', '--until', '2026-11-30', '--journal', j, '--now', '2026-11-26T12:00'], {
      env: { TZ: 'Asia/Tokyo' },
    });
    expect(report.stdout).toContain('2026-11-24 09:01  water');
    expect(report.stdout).not.toContain('UTC');
    const json = await runCli(['agenda', dir, '--date', '2026-11-26', '--journal', j, '--now', '2026-11-26T12:00', '--format', 'json']);
    expect(JSON.parse(json.stdout).open[0]).toMatchObject({ run: 'paused-run', lastAt: '2026-11-26T06:05:00.000Z', zone: 'Europe/Moscow' });
  });

  it('without a timezone in the instruction, the machine’s zone (TZ) is used', async () => {
    const dir = instruction('no-zone', null);
    const j = journal('no-zone');
    const tokyo = await runCli(['agenda', dir, '--date', '2026-11-26', '--journal', j, '--now', '2026-11-26T18:00'], { env: { TZ: 'Asia/Tokyo' } });
    expect(tokyo.stdout).toContain('последнее действие 2026-11-26 15:05');
    const report = await runCli(['report', dir, '--since', '2026-11-01', '--until', '2026-11-30', '--journal', j, '--now', '2026-11-26T18:00'], {
      env: { TZ: 'Asia/Tokyo' },
    });
    expect(report.stdout).toContain('2026-11-24 15:01  water');
  });

  it('a 17:30 schedule on the shortened 3 November 2026 is listed at 16:30, flagged; on 2 November at 17:30', async () => {
    const dir = instruction('shortened', 'Europe/Moscow');
    const r = await runCli(['agenda', dir, '--date', '2026-11-02', '--days', '3', '--journal', journal('shortened'), '--now', '2026-11-02T09:00']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/понедельник, 2 ноября 2026 г\.\n {2}17:30 +close-day +Закрыть день\n +Каждый рабочий день в 17:30 +office\.md/);
    expect(r.stdout).toMatch(
      /вторник, 3 ноября 2026 г\.\n {2}16:30 +close-day +Закрыть день\n +Каждый рабочий день в 17:30 \(сокращённый день, по расписанию 17:30\)/,
    );
    expect(r.stdout).not.toContain('4 ноября'); // a holiday: nothing that day
  });
});
