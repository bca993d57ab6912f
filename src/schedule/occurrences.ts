import rrulePackage from 'rrule';
import type { Schedule } from '../graph/types.js';
import { rruleLimitProblem, withBudget } from './rrule-budget.js';
import { hhmm, isoDate, parseIsoDate, zonedToInstant } from './zone.js';

// rrule ships CommonJS; under Node's ESM loader its named exports sit on the default export.
const { RRule } = rrulePackage;

/**
 * Rules carry no DTSTART; this one stands in. A Monday, 1 January: FREQ=WEEKLY alone means
 * Mondays, FREQ=MONTHLY alone the 1st, FREQ=YEARLY alone 1 January, and INTERVAL counts from a
 * fixed point, so the answer for a date never depends on the range asked about.
 */
const anchor = { year: 2001, month: 1, day: 1 };

/**
 * rrule walks from DTSTART to the range: from 2001, a daily rule steps through 9 000 days before
 * it reaches 2026. Without INTERVAL (or with 1) and without COUNT, every year whose 1 January is a
 * Monday gives the same occurrences from then on, so the walk starts at the latest such year
 * before the range instead (2024 for 2026).
 */
function anchorYear(options: { interval?: number | null; count?: number | null }, from: number): number {
  if ((options.interval ?? 1) !== 1 || (options.count !== undefined && options.count !== null)) return anchor.year;
  for (let year = new Date(from).getUTCFullYear(); year > anchor.year; year--) {
    if (new Date(Date.UTC(year, 0, 1)).getUTCDay() === 1) return year;
  }
  return anchor.year;
}

export interface Occurrence {
  /** Local calendar date in the schedule's zone. */
  date: string;
  /** Local wall-clock time HH:MM, or null for an all-day occurrence. */
  time: string | null;
  /** The instant (UTC): the local time, or the start of the local day when there is no time. */
  at: Date;
}

/**
 * Occurrences of a schedule on the local dates [from, from + days) in a zone. The rule is
 * expanded in floating time (wall-clock fields held as UTC, where rrule has no DST to trip over)
 * and each result is then placed in the zone with Intl.
 */
export function occurrences(schedule: Pick<Schedule, 'rrule' | 'time'>, zone: string, from: string, days: number): Occurrence[] {
  const start = parseIsoDate(from);
  if (start === null) throw new RangeError(`not a date: ${from}`);
  let options;
  try {
    options = RRule.parseString(schedule.rrule.trim());
  } catch {
    return [];
  }
  // A rule that passed the compiler is within the limits; one from elsewhere (an old graph) is checked again.
  if (rruleLimitProblem(options)) return [];
  const [hour, minute] = schedule.time ? schedule.time.split(':').map(Number) : [0, 0];
  const hasTime = Boolean(schedule.time) || hasValues(options.byhour) || hasValues(options.byminute);
  const dtstart = new Date(Date.UTC(anchorYear(options, start), anchor.month - 1, anchor.day, hour ?? 0, minute ?? 0));
  let rule;
  try {
    rule = new RRule({ ...options, dtstart, tzid: null }, true);
    withBudget(rule);
  } catch {
    return [];
  }
  const end = start + days * 86_400_000;
  const out: Occurrence[] = [];
  for (const d of rule.between(new Date(start), new Date(end - 1), true)) {
    const floating = d.getTime();
    const fields = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
    const midnight = Date.UTC(fields.year, fields.month - 1, fields.day);
    out.push({ date: isoDate(fields), time: hasTime ? hhmm(fields) : null, at: new Date(zonedToInstant(hasTime ? floating : midnight, zone)) });
  }
  return out;
}

function hasValues(v: unknown): boolean {
  return v !== undefined && v !== null && (!Array.isArray(v) || v.length > 0);
}
