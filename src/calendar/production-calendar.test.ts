import { describe, expect, it } from 'vitest';
import { addDays } from '../schedule/zone.js';
import { parseFirmDays } from './firm-days.js';
import { calendarData, ProductionCalendar } from './production-calendar.js';

const ru = new ProductionCalendar(calendarData('ru')!);

function workingDaysIn(cal: ProductionCalendar, year: number): number {
  let n = 0;
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return n;
}

describe('the Russian production calendar against the decrees', () => {
  it('2026, decree No. 1466 of 24 Sep 2025: rest periods, shortened days, 247 working days', () => {
    const year = calendarData('ru')!.years['2026']!;
    expect(year.decree).toContain('№ 1466');
    const off = ['2026-01-01', '2026-01-09', '2026-01-11', '2026-02-23', '2026-03-09', '2026-05-01', '2026-05-11', '2026-06-12', '2026-11-04', '2026-12-31'];
    for (const d of off) expect([d, ru.isWorkingDay(d)]).toEqual([d, false]);
    expect(ru.kind('2026-01-09')).toBe('holiday'); // the transfer from Saturday 3 January
    expect(ru.kind('2026-12-31')).toBe('holiday'); // the transfer from Sunday 4 January
    for (const d of ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03']) expect([d, ru.kind(d)]).toEqual([d, 'shortened']);
    for (const d of ['2026-01-12', '2026-02-24', '2026-05-04', '2026-12-30', '2026-11-27']) expect([d, ru.kind(d)]).toEqual([d, 'working']);
    expect(ru.kind('2026-11-28')).toBe('weekend');
    expect(workingDaysIn(ru, 2026)).toBe(year.workingDays);
    expect(workingDaysIn(ru, 2026)).toBe(247);
  });

  it('2025, decree No. 1335 of 4 Oct 2024: the working Saturday 1 November, shortened, 247 working days', () => {
    const year = calendarData('ru')!.years['2025']!;
    expect(year.decree).toContain('№ 1335');
    for (const d of ['2025-01-08', '2025-05-02', '2025-05-08', '2025-06-13', '2025-11-03', '2025-12-31']) expect([d, ru.isWorkingDay(d)]).toEqual([d, false]);
    expect(ru.kind('2025-11-01')).toBe('shortened'); // a Saturday worked, one hour shorter
    for (const d of ['2025-03-07', '2025-04-30', '2025-06-11']) expect([d, ru.kind(d)]).toEqual([d, 'shortened']);
    expect(workingDaysIn(ru, 2025)).toBe(247);
  });

  it('2027 is marked as not checked against a decree and holds only the statutory holidays', () => {
    const year = calendarData('ru')!.years['2027']!;
    expect(year.status).toBe('statutory');
    expect(year.decree).toBeNull();
    expect(ru.coverage('2027-03-01')).toBe('statutory');
    expect(ru.coverage('2026-03-01')).toBe('decree');
    expect(ru.coverage('2028-03-01')).toBe('none');
    expect(ru.isWorkingDay('2027-01-08')).toBe(false);
    expect(ru.isWorkingDay('2027-01-11')).toBe(true);
  });

  it('moves a date to the working day before or after, and counts working days', () => {
    expect(ru.shift('2026-06-21', 'before')).toBe('2026-06-19'); // third Sunday of June → Friday
    expect(ru.shift('2026-01-03', 'after')).toBe('2026-01-12');
    expect(ru.shift('2026-12-31', 'before')).toBe('2026-12-30');
    expect(ru.addWorkingDays('2026-11-27', 3)).toBe('2026-12-02');
    expect(ru.addWorkingDays('2026-12-29', 2)).toBe('2027-01-11');
  });
});

describe('a firm’s own days', () => {
  it('adds days off and working days from days-off.yaml and reports bad entries', () => {
    const { firm, problems } = parseFirmDays(
      'days-off:\n  2026-12-30: Корпоратив\n  2026-08-10..2026-08-12: Ремонт\n  2026-13-01: bad\nworking-days:\n  2026-12-26: Отработка\nextra: 1\n',
    );
    const cal = new ProductionCalendar(calendarData('ru')!, firm);
    expect(cal.kind('2026-12-30')).toBe('firm-day-off');
    expect(cal.kind('2026-08-11')).toBe('firm-day-off');
    expect(cal.kind('2026-12-26')).toBe('working');
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/2026-13-01[\s\S]*extra/);
  });
  it('shortens the firm’s shortened-days, and only working ones: a day off stays off', () => {
    const { firm, problems } = parseFirmDays('shortened-days:\n  2026-12-30: Последний рабочий день года\n  2026-12-31: Уже выходной\n');
    expect(problems).toEqual([]);
    const cal = new ProductionCalendar(calendarData('ru')!, firm);
    // the decree shortens no day before 31 December 2026 (a transferred day off, not a holiday)
    expect(new ProductionCalendar(calendarData('ru')!).kind('2026-12-30')).toBe('working');
    expect(cal.kind('2026-12-30')).toBe('shortened');
    expect(cal.kind('2026-12-31')).toBe('holiday');
    expect(cal.isWorkingDay('2026-12-30')).toBe(true);
  });
});
