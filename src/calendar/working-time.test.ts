import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localParts } from '../schedule/zone.js';
import { parseSpan, dueAfter } from './working-duration.js';
import { addWorkingDays, addWorkingMinutes, isOpen, nextOpen, workingMinutesBetween } from './working-time.js';
import { workTimeFor } from './work-time-for.js';

const w = workTimeFor({ calendar: 'ru', timezone: 'Europe/Moscow', hours: { open: '09:00-18:00', lunch: '13:00-14:00', shortened: '09:00-17:00' } });
const msk = (local: string) => Date.parse(`${local}+03:00`);
const show = (t: number | null) => {
  if (t === null) return null;
  const p = localParts(t, 'Europe/Moscow');
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
};

describe('working durations', () => {
  it('parses calendar, compact and worded forms', () => {
    expect(parseSpan('P3D')).toMatchObject({ kind: 'calendar' });
    expect(parseSpan('3wd')).toEqual({ kind: 'working', days: 3, minutes: 0 });
    expect(parseSpan('1wd4wh')).toEqual({ kind: 'working', days: 1, minutes: 240 });
    expect(parseSpan('90wm')).toEqual({ kind: 'working', days: 0, minutes: 90 });
    expect(parseSpan('3 рабочих дня')).toEqual({ kind: 'working', days: 3, minutes: 0 });
    expect(parseSpan('2 рабочих часа')).toEqual({ kind: 'working', days: 0, minutes: 120 });
    expect(parseSpan('1 рабочий день и 30 рабочих минут')).toEqual({ kind: 'working', days: 1, minutes: 30 });
    expect(parseSpan('2 working hours')).toEqual({ kind: 'working', days: 0, minutes: 120 });
    expect(parseSpan('3 business days')).toEqual({ kind: 'working', days: 3, minutes: 0 });
    for (const bad of ['', '3', 'wd', '3 дня', 'two working days', '3wh2wd', 'P']) expect([bad, parseSpan(bad)]).toEqual([bad, null]);
  });

  it('2 working hours from 17:30 on a Friday is 10:30 on Monday', () => {
    expect(show(dueAfter(msk('2026-11-27T17:30'), '2wh', w))).toBe('2026-11-30 10:30');
    expect(show(dueAfter(msk('2026-11-27T17:30'), '2 рабочих часа', w))).toBe('2026-11-30 10:30');
  });

  it('3 working days from Friday 27 November 2026 is Wednesday 2 December', () => {
    expect(show(dueAfter(msk('2026-11-27T11:00'), '3wd', w))).toBe('2026-12-02 11:00');
  });

  it('skips lunch, holidays and the shortened day’s last hour', () => {
    expect(show(dueAfter(msk('2026-11-27T12:30'), '1wh', w))).toBe('2026-11-27 14:30');
    expect(show(dueAfter(msk('2026-12-30T17:00'), '2wh', w))).toBe('2027-01-11 10:00'); // 31 Dec is off, 30 Dec is a full day
    expect(show(dueAfter(msk('2026-11-03T16:30'), '1wh', w))).toBe('2026-11-05 09:30'); // 3 Nov closes at 17:00, 4 Nov is a holiday
    expect(show(dueAfter(msk('2026-11-27T16:00'), '2wh', w))).toBe('2026-11-27 18:00');
    expect(show(dueAfter(msk('2026-11-27T17:30'), 'PT2H', w))).toBe('2026-11-27 19:30'); // calendar time stays calendar time
  });

  it('chase times fall inside office hours', () => {
    expect(show(nextOpen(w, msk('2026-11-28T08:02')))).toBe('2026-11-30 09:00');
    expect(show(nextOpen(w, msk('2026-11-27T13:20')))).toBe('2026-11-27 14:00');
    expect(nextOpen(w, msk('2026-11-27T10:00:30'))).toBe(msk('2026-11-27T10:00:30'));
  });
});

// Property tests draw from the seed the test run prints (test/support/global-setup.ts).
const runs = 300;

/** Instants from 2025-01-01 to 2027-12-01, on whole minutes. */
const instant = fc.integer({ min: 0, max: 1_050 * 24 * 60 }).map((m) => Date.UTC(2025, 0, 1) + m * 60_000);

describe('working-time arithmetic (properties)', () => {
  it('adding n working minutes lands in office time, and exactly n working minutes later', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 5 * 8 * 60 }), (start, n) => {
        const end = addWorkingMinutes(w, start, n)!;
        expect(end).toBeGreaterThan(start);
        expect(workingMinutesBetween(w, start, end)).toBe(n);
        // The minute before the end is open time: the end never sits in a closed stretch.
        expect(isOpen(w, end - 60_000)).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('adding in two parts equals adding at once', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 1200 }), fc.integer({ min: 1, max: 1200 }), (start, a, b) => {
        expect(addWorkingMinutes(w, addWorkingMinutes(w, start, a)!, b)).toBe(addWorkingMinutes(w, start, a + b));
      }),
      { numRuns: runs },
    );
  });

  it('n working days later is the n-th working day after the start’s date, within its office hours', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const end = addWorkingDays(w, start, n);
        const from = localParts(start, w.zone);
        const to = localParts(end, w.zone);
        const iso = (p: typeof from) => `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
        expect(w.calendar.isWorkingDay(iso(to))).toBe(true);
        expect(w.calendar.addWorkingDays(iso(from), n)).toBe(iso(to));
        // The time of day is kept, held between the day's opening and closing.
        const m = to.hour * 60 + to.minute;
        expect(m >= 540 && m <= (w.calendar.kind(iso(to)) === 'shortened' ? 1020 : 1080)).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('no working minute falls on a holiday, a weekend or outside the transfers', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const p = localParts(t, w.zone);
        const date = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
        if (isOpen(w, t)) {
          expect(w.calendar.isWorkingDay(date)).toBe(true);
          const m = p.hour * 60 + p.minute;
          expect(m >= 540 && m < 1080 && !(m >= 780 && m < 840)).toBe(true);
          if (w.calendar.kind(date) === 'shortened') expect(m < 1020).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
