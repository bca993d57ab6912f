import type { Schedule } from '../graph/types.js';
import { occurrences } from '../schedule/occurrences.js';
import { addDays, parseIsoDate, zonedToInstant } from '../schedule/zone.js';
import type { DateTable } from './date-table.js';
import type { WorkTime } from './working-time.js';

/** An occurrence on a local date, possibly labelled by a dates-table row (whom it concerns). */
export interface CalendarOccurrence {
  date: string;
  time: string | null;
  at: Date;
  /** From a dates table: the row's title and the names it lists. */
  row?: { title: string; who: string[] };
  /** On a shortened pre-holiday day the time fell after the early close: the time as written, moved earlier. */
  movedFrom?: string;
}

/** The longest run of days off a shift has to cross (the New Year holidays and a weekend). */
const shiftReach = 16;

/**
 * Occurrences of a schedule on the local dates [from, from + days) with the production calendar:
 * - `workdays`: only on working days (no "every working day" task on 31 December);
 * - `shift: before | after`: an occurrence on a day off moves to the working day before or after;
 * - `table`: the dates come from a dates table, one occurrence per row, naming whom it concerns.
 */
export function calendarOccurrences(schedule: Schedule, w: WorkTime, from: string, days: number, table?: DateTable): CalendarOccurrence[] {
  const reach = schedule.shift ? shiftReach : 0;
  const wideFrom = addDays(from, schedule.shift === 'after' ? -reach : 0);
  const wideDays = days + reach;
  let base: CalendarOccurrence[];
  if (schedule.table !== undefined) {
    base = [];
    if (table) {
      const first = Number(wideFrom.slice(0, 4));
      const last = Number(addDays(wideFrom, wideDays).slice(0, 4));
      for (let year = first; year <= last; year++) {
        for (const row of table.rows) {
          const date = row.date(year);
          if (date !== null && date >= wideFrom && date < addDays(wideFrom, wideDays))
            base.push({ date, time: schedule.time ?? null, at: at(date, schedule.time, w.zone), row: { title: row.title, who: row.who } });
        }
      }
    }
  } else base = occurrences(schedule, w.zone, wideFrom, wideDays);
  const end = addDays(from, days);
  const out: CalendarOccurrence[] = [];
  for (const o of base) {
    let date = o.date;
    if (schedule.shift && !w.calendar.isWorkingDay(date)) date = w.calendar.shift(date, schedule.shift);
    if (schedule.workdays && !w.calendar.isWorkingDay(date)) continue;
    if (date < from || date >= end) continue;
    const time = shortenedDayTime(o.time, date, w);
    if (time !== o.time) out.push({ ...o, date, time, at: at(date, time, w.zone), movedFrom: o.time! });
    else out.push(date === o.date ? o : { ...o, date, at: at(date, o.time, w.zone) });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * A time that falls in the hour(s) a shortened pre-holiday day loses (17:30 when the office closes
 * at 17:00 instead of 18:00) moves earlier by that much (16:30): the task keeps its place before
 * closing, as the whole day is shifted. Other times, and other days, stay.
 */
function shortenedDayTime(time: string | null, date: string, w: WorkTime): string | null {
  if (time === null || w.calendar.kind(date) !== 'shortened') return time;
  const [h, m] = time.split(':').map(Number);
  const minutes = (h ?? 0) * 60 + (m ?? 0);
  const [shortOpen, shortClose] = w.hours.shortened;
  const lost = w.hours.close - shortClose;
  if (lost <= 0 || minutes < shortClose || minutes > w.hours.close) return time;
  const moved = Math.max(shortOpen, minutes - lost);
  return `${String(Math.floor(moved / 60)).padStart(2, '0')}:${String(moved % 60).padStart(2, '0')}`;
}

function at(date: string, time: string | null | undefined, zone: string): Date {
  const [h, m] = time ? time.split(':').map(Number) : [0, 0];
  return new Date(zonedToInstant(parseIsoDate(date)! + ((h ?? 0) * 60 + (m ?? 0)) * 60_000, zone));
}
