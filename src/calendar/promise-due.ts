/**
 * When a promise to a client is due, as an instruction writes it on `::promise`:
 * - `due` — a span from the moment the promise is made (`30wm`, `2wh`, `PT30M`, «2 рабочих часа»),
 *   or a time of day: `today 18:00` («сегодня до 18:00»), `next-workday 12:00`
 *   («следующий рабочий день до 12:00»), or `18:00` alone (today);
 * - `after` — the rule for a promise made late in the day: `15:00 -> next-workday 12:00`
 *   («если позже 15:00 — завтра до 12:00»): made at 15:00 or later, the second due applies.
 * "Today" on a day off, or a time of day already past, is the next working day at that time.
 */
import { isoDate, localParts, parseIsoDate, zonedToInstant } from '../schedule/zone.js';
import { dueAfter, parseSpan } from './working-duration.js';
import type { WorkTime } from './working-time.js';

export type PromiseDue = { kind: 'span'; text: string } | { kind: 'clock'; day: 'today' | 'next-workday'; minutes: number };

export interface PromiseRule {
  due: PromiseDue;
  /** Made at or after `from` (minutes after local midnight): `due` is this one instead. */
  after?: { from: number; due: PromiseDue };
}

const time = '([01]?\\d|2[0-3])[:.]([0-5]\\d)';
const until = '(?:(?:до|by|until)\\s+)?';
const today = new RegExp(`^(?:(?:today|сегодня)\\s+)?${until}${time}$`, 'iu');
const nextWorkday = new RegExp(
  `^(?:next-workday|next\\s+working\\s+day|next\\s+business\\s+day|tomorrow|завтра|следующ(?:ий|его|ем)\\s+рабоч(?:ий|его|ем)\\s+дн?(?:ень|я|е))\\s+${until}${time}$`,
  'iu',
);

/** A `due` as written; null when it is none of the forms above. */
export function parsePromiseDue(text: string): PromiseDue | null {
  const s = text.trim().replace(/\s+/g, ' ');
  const t = today.exec(s);
  if (t) return { kind: 'clock', day: 'today', minutes: Number(t[1]) * 60 + Number(t[2]) };
  const n = nextWorkday.exec(s);
  if (n) return { kind: 'clock', day: 'next-workday', minutes: Number(n[1]) * 60 + Number(n[2]) };
  return parseSpan(s) ? { kind: 'span', text: s } : null;
}

/** An `after` rule: `15:00 -> next-workday 12:00` (also `→`, `—`); null when malformed. */
export function parsePromiseAfter(text: string): PromiseRule['after'] | null {
  const m = new RegExp(`^\\s*(?:(?:after|позже|после)\\s+)?${time}\\s*(?:->|→|—|=>)\\s*(.+)$`, 'iu').exec(text);
  if (!m) return null;
  const due = parsePromiseDue(m[3]!);
  return due ? { from: Number(m[1]) * 60 + Number(m[2]), due } : null;
}

export const promiseDueHint =
  'a time of day such as "today 18:00" or "next-workday 12:00" («сегодня до 18:00», «следующий рабочий день до 12:00»), or a span from when it is made such as 30wm, 2wh or PT30M';

export const promiseAfterHint = 'a time, an arrow and a due: "15:00 -> next-workday 12:00"';

/** When a promise made at `made` is due; null when no working day exists to keep it. */
export function promiseDueAt(w: WorkTime, made: number, rule: PromiseRule): number | null {
  const p = localParts(made, w.zone);
  const date = isoDate(p);
  const minutesNow = p.hour * 60 + p.minute;
  const due = rule.after && minutesNow >= rule.after.from ? rule.after.due : rule.due;
  if (due.kind === 'span') return dueAfter(made, due.text, w);
  const at = (day: string) => zonedToInstant(parseIsoDate(day)! + due.minutes * 60_000, w.zone);
  if (due.kind === 'clock' && due.day === 'today' && w.calendar.isWorkingDay(date) && at(date) > made) return at(date);
  const next = w.calendar.addWorkingDays(date, 1);
  return next ? at(next) : null;
}
