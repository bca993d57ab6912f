import { addDays, isoDate, localParts, parseIsoDate, zonedToInstant } from '../schedule/zone.js';
import { openIntervals, type OfficeHours } from './office-hours.js';
import { maxSearchDays, type ProductionCalendar } from './production-calendar.js';

/** Everything working-time arithmetic needs: the calendar, the office hours and the zone they are in. */
export interface WorkTime {
  calendar: ProductionCalendar;
  hours: OfficeHours;
  zone: string;
}

const minute = 60_000;

/** A local date and minute-of-day of an instant. */
function local(instant: number, zone: string): { date: string; minutes: number } {
  const p = localParts(instant, zone);
  return { date: isoDate(p), minutes: p.hour * 60 + p.minute };
}

function instantOf(date: string, minutes: number, zone: string): number {
  return zonedToInstant(parseIsoDate(date)! + minutes * minute, zone);
}

/** The open intervals of a local date (none on a day off). */
function dayIntervals(w: WorkTime, date: string): Array<[number, number]> {
  const kind = w.calendar.kind(date);
  if (kind !== 'working' && kind !== 'shortened') return [];
  return openIntervals(w.hours, kind === 'shortened');
}

/** Whether the office is open at an instant. */
export function isOpen(w: WorkTime, instant: number): boolean {
  const { date, minutes } = local(instant, w.zone);
  return dayIntervals(w, date).some(([a, b]) => minutes >= a && minutes < b);
}

/**
 * Adds working minutes: only the office's open time on working days counts. Landing exactly on a
 * closing time stays there (16:00 + 2 working hours = 18:00). Zero minutes moves an instant
 * outside office hours to the next opening. Null when no working time exists for ten years.
 */
export function addWorkingMinutes(w: WorkTime, start: number, amount: number): number | null {
  const first = local(start, w.zone);
  let { date, minutes: cursor } = first;
  let left = amount;
  for (let i = 0; i < maxSearchDays; i++) {
    for (const [a, b] of dayIntervals(w, date)) {
      if (cursor >= b) continue;
      const from = Math.max(cursor, a);
      if (left <= b - from) {
        // Already open and nothing to add: the instant itself, seconds and all.
        if (left === 0 && i === 0 && from === first.minutes) return start;
        return instantOf(date, from + left, w.zone);
      }
      left -= b - from;
      cursor = b;
    }
    date = addDays(date, 1);
    cursor = 0;
  }
  return null;
}

/** The next instant the office is open (the instant itself when it is). */
export function nextOpen(w: WorkTime, instant: number): number | null {
  return addWorkingMinutes(w, instant, 0);
}

/**
 * Adds working days: the n-th working day after the start's local date, at the same local time
 * held inside that day's office hours (a time after a shortened day's close moves to the close).
 */
export function addWorkingDays(w: WorkTime, start: number, n: number): number {
  const { date, minutes } = local(start, w.zone);
  const target = w.calendar.addWorkingDays(date, n);
  const intervals = dayIntervals(w, target);
  if (intervals.length === 0) return instantOf(target, minutes, w.zone);
  const open = intervals[0]![0];
  const close = intervals[intervals.length - 1]![1];
  return instantOf(target, Math.min(Math.max(minutes, open), close), w.zone);
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(w: WorkTime, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  let { date } = local(from, w.zone);
  const end = local(to, w.zone);
  const start = local(from, w.zone);
  for (let i = 0; i < maxSearchDays && date <= end.date; i++, date = addDays(date, 1)) {
    for (const [a, b] of dayIntervals(w, date)) {
      const lo = date === start.date ? Math.max(a, start.minutes) : a;
      const hi = date === end.date ? Math.min(b, end.minutes) : b;
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}
