import { describe, expect, it } from 'vitest';
import { parsePromiseAfter, parsePromiseDue, promiseDueAt, type PromiseRule } from './promise-due.js';
import { workTimeFor } from './work-time-for.js';

const w = workTimeFor({ calendar: 'ru', timezone: 'Europe/Moscow', hours: { open: '09:00-18:00', lunch: '13:00-14:00', shortened: '09:00-17:00' } });
const msk = (local: string) => Date.parse(`${local}:00+03:00`);
const iso = (t: number | null) => (t === null ? null : new Date(t + 3 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));
const rule = (due: string, after?: string): PromiseRule => ({ due: parsePromiseDue(due)!, ...(after ? { after: parsePromiseAfter(after)! } : {}) });

describe('when a promise is due', () => {
  it('reads the forms an instruction writes, in English and Russian', () => {
    expect(parsePromiseDue('today 18:00')).toEqual({ kind: 'clock', day: 'today', minutes: 1080 });
    expect(parsePromiseDue('сегодня до 18:00')).toEqual({ kind: 'clock', day: 'today', minutes: 1080 });
    expect(parsePromiseDue('18:00')).toEqual({ kind: 'clock', day: 'today', minutes: 1080 });
    expect(parsePromiseDue('next-workday 12:00')).toEqual({ kind: 'clock', day: 'next-workday', minutes: 720 });
    expect(parsePromiseDue('следующий рабочий день до 12:00')).toEqual({ kind: 'clock', day: 'next-workday', minutes: 720 });
    expect(parsePromiseDue('завтра до 12:00')).toEqual({ kind: 'clock', day: 'next-workday', minutes: 720 });
    expect(parsePromiseDue('30wm')).toEqual({ kind: 'span', text: '30wm' });
    expect(parsePromiseDue('2 рабочих часа')).toEqual({ kind: 'span', text: '2 рабочих часа' });
    expect(parsePromiseDue('PT30M')).toEqual({ kind: 'span', text: 'PT30M' });
    for (const bad of ['', 'soon', '25:00', 'today', 'вчера 12:00']) expect(parsePromiseDue(bad)).toBeNull();
    expect(parsePromiseAfter('15:00 -> next-workday 12:00')).toEqual({ from: 900, due: { kind: 'clock', day: 'next-workday', minutes: 720 } });
    expect(parsePromiseAfter('позже 15:00 → завтра до 12:00')).toEqual({ from: 900, due: { kind: 'clock', day: 'next-workday', minutes: 720 } });
    expect(parsePromiseAfter('15:00')).toBeNull();
  });

  it('«сегодня до 18:00, а если позже 15:00 — завтра до 12:00» on Friday 27 November 2026', () => {
    const r = rule('today 18:00', '15:00 -> next-workday 12:00');
    expect(iso(promiseDueAt(w, msk('2026-11-27T10:00'), r))).toBe('2026-11-27 18:00');
    expect(iso(promiseDueAt(w, msk('2026-11-27T14:59'), r))).toBe('2026-11-27 18:00');
    // after 15:00 on a Friday: "tomorrow" is the next working day, Monday
    expect(iso(promiseDueAt(w, msk('2026-11-27T15:00'), r))).toBe('2026-11-30 12:00');
  });

  it('"today" on a day off or after its time is the next working day; next-workday skips holidays and transfers', () => {
    expect(iso(promiseDueAt(w, msk('2026-11-28T11:00'), rule('today 18:00')))).toBe('2026-11-30 18:00'); // Saturday
    expect(iso(promiseDueAt(w, msk('2026-11-27T19:00'), rule('today 18:00')))).toBe('2026-11-30 18:00');
    expect(iso(promiseDueAt(w, msk('2026-12-30T16:00'), rule('next-workday 12:00')))).toBe('2027-01-11 12:00'); // 31 Dec 2026 and the New Year holidays
    expect(iso(promiseDueAt(w, msk('2026-11-03T16:00'), rule('next-workday 10:00')))).toBe('2026-11-05 10:00'); // 4 November
  });

  it('a span counts working time from the moment the promise is made: 30 working minutes at 17:45 end at 9:15 on Monday', () => {
    expect(iso(promiseDueAt(w, msk('2026-11-27T17:45'), rule('30wm')))).toBe('2026-11-30 09:15');
    expect(iso(promiseDueAt(w, msk('2026-11-27T12:50'), rule('30 рабочих минут')))).toBe('2026-11-27 14:20'); // lunch skipped
    expect(iso(promiseDueAt(w, msk('2026-11-27T17:45'), rule('PT30M')))).toBe('2026-11-27 18:15'); // calendar time
  });
});
