/**
 * "When did it happen?" — the time an awaited event happened, as the newcomer says it: now,
 * earlier today at a given time («11:00»), or a date and time («2026-11-26 16:30»). Deadlines
 * after a wait count from this moment, not from the moment the answer was typed.
 */
import { readMoment } from '../schedule/moment.js';

export type Happened = { ok: true; at: number } | { ok: false; error: 'format' | 'future' | 'past' };

/**
 * "Until when?" for a pause: `HH:MM` (today), `YYYY-MM-DD` (that day at `open`, the office's
 * opening time) or `YYYY-MM-DD HH:MM`, in the instruction's zone; it must be later than `now`.
 */
export function parseUntil(text: string, now: number, zone: string, open = '09:00'): Happened {
  const s = text.trim();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s} ${open}` : s;
  const read = parseHappened(date, now, zone, Infinity);
  if (!read.ok) return { ok: false, error: 'format' };
  if (read.at <= now) return { ok: false, error: 'past' };
  return read;
}

/**
 * Reads a time of an event: `HH:MM` (today, in the instruction's zone), `YYYY-MM-DD HH:MM` or
 * `YYYY-MM-DDTHH:MM` (in the zone), or an ISO time with an offset. A time after `now` is refused.
 */
export function parseHappened(text: string, now: number, zone: string, latest = now): Happened {
  const at = readMoment(text, now, zone);
  if (at === null) return { ok: false, error: 'format' };
  if (at > latest) return { ok: false, error: 'future' };
  return { ok: true, at };
}
