import { describe, expect, it } from 'vitest';
import type { Schedule } from '../graph/types.js';
import { calendarOccurrences } from './calendar-occurrences.js';
import { parseYearlyDate } from './date-rules.js';
import { parseDateTable } from './date-table.js';
import { workTimeFor } from './work-time-for.js';

const w = workTimeFor({ calendar: 'ru', timezone: 'Europe/Moscow' });
const position = { file: 'x.md', line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
const daily: Schedule = { label: 'Каждый рабочий день в 9:00', rrule: 'FREQ=DAILY', time: '09:00', workdays: true, position };
const dates = (s: Schedule, from: string, days: number, table?: Parameters<typeof calendarOccurrences>[4]) =>
  calendarOccurrences(s, w, from, days, table).map((o) => o.date);

describe('schedules that follow the production calendar', () => {
  it('"every working day" skips 31 December 2026, the transferred 9 January 2026 and weekends', () => {
    expect(dates(daily, '2026-12-28', 7)).toEqual(['2026-12-28', '2026-12-29', '2026-12-30']);
    expect(dates(daily, '2026-01-05', 10)).toEqual(['2026-01-12', '2026-01-13', '2026-01-14']);
    expect(dates(daily, '2026-11-27', 3)).toEqual(['2026-11-27']);
  });

  it('includes a Saturday worked by a transfer (1 November 2025)', () => {
    expect(dates(daily, '2025-11-01', 5)).toEqual(['2025-11-01', '2025-11-05']); // 2-4 November off
  });

  it('moves an occurrence on a day off to the working day before or after', () => {
    const before: Schedule = { label: 'День бухгалтера', rrule: 'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=21', time: '09:30', shift: 'before', position };
    expect(dates(before, '2026-11-16', 14)).toEqual(['2026-11-20']);
    const after: Schedule = { ...before, shift: 'after', rrule: 'FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=3' };
    expect(dates(after, '2026-01-01', 20)).toEqual(['2026-01-12']);
    const monthly: Schedule = { label: '25-го', rrule: 'FREQ=MONTHLY;BYMONTHDAY=25', shift: 'before', position };
    expect(dates(monthly, '2026-04-01', 31)).toEqual(['2026-04-24']); // 25 April 2026 is a Saturday
  });

  it('takes dates from a table, names whom they concern, and moves a Sunday to the Friday before', () => {
    const table = parseDateTable(
      'client-holidays.yaml',
      '- date: третье воскресенье июня\n  title: День медицинского работника\n  who: [Клиника «Здоровье»]\n- date: 21 ноября\n  title: День бухгалтера\n',
    );
    expect(table.problems).toEqual([]);
    const schedule: Schedule = { label: 'Праздник клиента', rrule: 'FREQ=YEARLY', table: 'client-holidays.yaml', time: '10:00', shift: 'before', position };
    const june = calendarOccurrences(schedule, w, '2026-06-15', 7, table);
    expect(june.map((o) => [o.date, o.time, o.row])).toEqual([['2026-06-19', '10:00', { title: 'День медицинского работника', who: ['Клиника «Здоровье»'] }]]);
    expect(june[0]!.at.toISOString()).toBe('2026-06-19T07:00:00.000Z');
  });

  it('moves a 17:30 schedule an hour earlier on a shortened pre-holiday day (3 November 2026) and keeps it on other days', () => {
    const evening: Schedule = { label: 'Каждый рабочий день в 17:30', rrule: 'FREQ=DAILY', time: '17:30', workdays: true, position };
    const week = calendarOccurrences(evening, w, '2026-11-02', 3);
    expect(week.map((o) => [o.date, o.time, o.movedFrom])).toEqual([
      ['2026-11-02', '17:30', undefined],
      ['2026-11-03', '16:30', '17:30'], // shortened: the office closes at 17:00
    ]); // 4 November is a holiday
    expect(week[1]!.at.toISOString()).toBe('2026-11-03T13:30:00.000Z');
    // a morning time is inside the shortened day: it stays
    expect(calendarOccurrences(daily, w, '2026-11-03', 1).map((o) => [o.time, o.movedFrom])).toEqual([['09:00', undefined]]);
    // the office hours of the front matter decide how much the day loses
    const late = workTimeFor({ calendar: 'ru', timezone: 'Europe/Moscow', hours: { open: '10:00-19:00', shortened: '10:00-17:00' } });
    expect(calendarOccurrences(evening, late, '2026-04-30', 1).map((o) => [o.time, o.movedFrom])).toEqual([['15:30', '17:30']]);
  });

  it('reports a table row it cannot read', () => {
    const table = parseDateTable('t.yaml', '- date: тридцать второе мартобря\n  title: X\n- title: Y\n  date: 11-21\n  extra: 1\n');
    expect(table.rows.map((r) => r.title)).toEqual(['Y']);
    expect(table.problems).toHaveLength(2);
  });
});

describe('yearly dates as people write them', () => {
  it('reads fixed days and n-th weekdays in Russian and English', () => {
    expect(parseYearlyDate('третье воскресенье июня')!(2026)).toBe('2026-06-21');
    expect(parseYearlyDate('четвёртая суббота июля')!(2026)).toBe('2026-07-25');
    expect(parseYearlyDate('второе воскресенье августа')!(2026)).toBe('2026-08-09');
    expect(parseYearlyDate('последняя пятница марта')!(2026)).toBe('2026-03-27');
    expect(parseYearlyDate('third Sunday of June')!(2027)).toBe('2027-06-20');
    expect(parseYearlyDate('21 ноября')!(2026)).toBe('2026-11-21');
    expect(parseYearlyDate('02-29')!(2026)).toBeNull();
    expect(parseYearlyDate('02-29')!(2028)).toBe('2028-02-29');
    expect(parseYearlyDate('пятое воскресенье июня')).toBeNull();
  });
});
