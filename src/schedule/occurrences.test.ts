import { describe, expect, it } from 'vitest';
import { occurrences } from './occurrences.js';

const dates = (rrule: string, zone: string, from: string, days: number, time?: string) =>
  occurrences(time ? { rrule, time } : { rrule }, zone, from, days).map((o) => o.date);

describe('occurrences of a schedule', () => {
  it('finds the last Friday of every month, 27 November 2026 among them', () => {
    expect(dates('FREQ=MONTHLY;BYDAY=-1FR', 'Europe/Moscow', '2026-01-01', 365)).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
      '2026-04-24',
      '2026-05-29',
      '2026-06-26',
      '2026-07-31',
      '2026-08-28',
      '2026-09-25',
      '2026-10-30',
      '2026-11-27',
      '2026-12-25',
    ]);
    const [nov] = occurrences({ rrule: 'FREQ=MONTHLY;BYDAY=-1FR', time: '10:00' }, 'Europe/Moscow', '2026-11-27', 1);
    expect(nov).toEqual({ date: '2026-11-27', time: '10:00', at: new Date('2026-11-27T07:00:00.000Z') });
  });

  it('takes the last day of each month, February too, in common and leap years', () => {
    expect(dates('FREQ=MONTHLY;BYMONTHDAY=-1', 'UTC', '2026-01-01', 181)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
    ]);
    expect(dates('FREQ=MONTHLY;BYMONTHDAY=-1', 'UTC', '2028-02-01', 29)).toEqual(['2028-02-29']);
    // The 31st exists in seven months only; the rule skips the others rather than moving.
    expect(dates('FREQ=MONTHLY;BYMONTHDAY=31', 'UTC', '2026-01-01', 365)).toHaveLength(7);
  });

  it('keeps a yearly 29 February to leap years', () => {
    expect(dates('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'Europe/Moscow', '2025-01-01', 365 * 8)).toEqual(['2028-02-29', '2032-02-29']);
    expect(dates('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'Europe/Moscow', '2100-01-01', 366)).toEqual([]);
  });

  it('gives weekday routines on Monday to Friday only, and yearly dates such as 21 November', () => {
    expect(dates('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'Europe/Moscow', '2026-11-26', 7, '09:00')).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    expect(dates('FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=21', 'Europe/Moscow', '2026-01-01', 365 * 2)).toEqual(['2026-11-21', '2027-11-21']);
    const [allDay] = occurrences({ rrule: 'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=21' }, 'Europe/Moscow', '2026-11-21', 1);
    expect(allDay).toEqual({ date: '2026-11-21', time: null, at: new Date('2026-11-20T21:00:00.000Z') });
  });

  it('places a local time on the right UTC day across a time-zone boundary', () => {
    // 01:30 in Moscow (UTC+3) is still the previous day in UTC …
    expect(occurrences({ rrule: 'FREQ=DAILY', time: '01:30' }, 'Europe/Moscow', '2026-11-27', 1)).toEqual([
      { date: '2026-11-27', time: '01:30', at: new Date('2026-11-26T22:30:00.000Z') },
    ]);
    // … and 23:30 in New York (UTC-5 in winter) is already the next day in UTC.
    expect(occurrences({ rrule: 'FREQ=DAILY', time: '23:30' }, 'America/New_York', '2026-11-27', 1)).toEqual([
      { date: '2026-11-27', time: '23:30', at: new Date('2026-11-28T04:30:00.000Z') },
    ]);
    // A range is of local dates: 2026-12-31 23:30 in Auckland (UTC+13) is 10:30 UTC on the same day.
    const [nye] = occurrences({ rrule: 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31', time: '23:30' }, 'Pacific/Auckland', '2026-12-31', 1);
    expect(nye?.at.toISOString()).toBe('2026-12-31T10:30:00.000Z');
  });

  it('keeps the wall-clock time across a DST change in America/New_York', () => {
    const at = (from: string, days: number, time: string) =>
      occurrences({ rrule: 'FREQ=DAILY', time }, 'America/New_York', from, days).map((o) => o.at.toISOString());
    // Clocks go forward on 8 March 2026: 09:00 is 14:00 UTC before and 13:00 UTC after.
    expect(at('2026-03-07', 3, '09:00')).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z']);
    // 02:30 does not exist on 8 March: it moves forward by the hour that was skipped (03:30 EDT).
    expect(at('2026-03-08', 1, '02:30')).toEqual(['2026-03-08T07:30:00.000Z']);
    // Clocks go back on 1 November 2026: 01:30 happens twice; the first one counts.
    expect(at('2026-10-31', 3, '01:30')).toEqual(['2026-10-31T05:30:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });

  it('does not depend on the range asked about (INTERVAL counts from a fixed start)', () => {
    const rule = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO';
    const wide = dates(rule, 'UTC', '2026-11-01', 60);
    const narrow = dates(rule, 'UTC', '2026-11-20', 20);
    expect(narrow).toEqual(wide.filter((d) => d >= '2026-11-20' && d < '2026-12-10'));
    expect(wide.length).toBeGreaterThan(3);
  });

  it('returns nothing for a rule that does not parse', () => {
    expect(dates('FREQ=SOMETIMES', 'UTC', '2026-11-01', 30)).toEqual([]);
  });
});
