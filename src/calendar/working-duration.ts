import { addDuration, parseDuration, type DurationParts } from '../schedule/durations.js';
import { addWorkingDays, addWorkingMinutes, type WorkTime } from './working-time.js';

/**
 * A span of time as an instruction writes it:
 * - calendar time, ISO 8601: `P3D`, `PT2H`, `P1W` — counts every hour of every day;
 * - working time, compact: `3wd` (working days), `2wh` (working hours), `30wm` (working minutes),
 *   combined largest first: `1wd4wh`;
 * - working time in words: «3 рабочих дня», «2 рабочих часа», «30 рабочих минут»,
 *   "3 working days", "2 business hours"; parts may be joined with «и» / "and".
 */
export type Span = { kind: 'calendar'; parts: DurationParts } | { kind: 'working'; days: number; minutes: number };

const compact = /^(?=\d)(?:(\d{1,4})wd)?(?:(\d{1,5})wh)?(?:(\d{1,6})wm)?$/i;

const ruWorking = 'рабоч(?:ий|его|их|ая|ие|ую|ем|им|ими|ему)';
const enWorking = '(?:working|business|work)';
const unitWords: Array<[RegExp, 'days' | 'hours' | 'minutes']> = [
  [/^(?:день|дня|дней|дн\.?|days?)$/i, 'days'],
  [/^(?:час|часа|часов|ч\.?|hours?|h)$/i, 'hours'],
  [/^(?:минута|минуты|минут|минуту|мин\.?|minutes?|mins?)$/i, 'minutes'],
];
const phrasePart = new RegExp(`^(\\d{1,6})\\s+(?:${ruWorking}|${enWorking})\\s+(\\S+)$`, 'iu');

/** Parses a span; null when the text is none of the forms above. */
export function parseSpan(text: string): Span | null {
  const t = text.trim();
  const iso = parseDuration(t);
  if (iso) return { kind: 'calendar', parts: iso };
  const c = compact.exec(t);
  if (c) {
    const n = (s: string | undefined) => (s ? Number(s) : 0);
    return { kind: 'working', days: n(c[1]), minutes: n(c[2]) * 60 + n(c[3]) };
  }
  const pieces = t.split(/\s*(?:,|\s(?:и|and)\s)\s*/iu).filter(Boolean);
  if (pieces.length === 0) return null;
  let days = 0;
  let minutes = 0;
  for (const piece of pieces) {
    const m = phrasePart.exec(piece.replace(/\s+/g, ' '));
    if (!m) return null;
    const unit = unitWords.find(([re]) => re.test(m[2]!))?.[1];
    if (!unit) return null;
    const n = Number(m[1]);
    if (unit === 'days') days += n;
    else minutes += unit === 'hours' ? n * 60 : n;
  }
  return { kind: 'working', days, minutes };
}

export const spanHint =
  'an ISO 8601 duration such as P1D or PT2H (calendar time), or working time such as 3wd (working days), 2wh (working hours), 1wd4wh, or in words: "2 working hours", «3 рабочих дня»';

/** When a span that starts at an instant ends. Working days are added first, then working minutes. */
function endOfSpan(start: number, span: Span, w: WorkTime): number | null {
  if (span.kind === 'calendar') return addDuration(new Date(start), span.parts).getTime();
  const afterDays = span.days > 0 ? addWorkingDays(w, start, span.days) : start;
  return span.minutes > 0 ? addWorkingMinutes(w, afterDays, span.minutes) : afterDays;
}

/** The end of a span written as text, or null when the text is not a span. */
export function dueAfter(start: number, text: string, w: WorkTime): number | null {
  const span = parseSpan(text);
  return span ? endOfSpan(start, span, w) : null;
}
