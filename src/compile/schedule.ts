import { checkBudget, rruleLimitProblem, withBudget } from '../schedule/rrule-budget.js';
import { lazy } from './lazy.js';

// rrule ships CommonJS; loaded on first use (a run from the cache never checks a schedule).
const rrule = lazy<typeof import('rrule')>('rrule');

/**
 * Checks an RFC 5545 recurrence rule as an instruction uses it: no DTSTART (the tool supplies
 * it), a daily or coarser frequency, and at least one occurrence in the next five years.
 * Returns a message saying what is wrong, or null.
 */
export function checkRrule(text: string): string | null {
  // Identical rules (a schedule repeated across a folder) are checked once.
  let known = checked.get(text);
  if (known === undefined) {
    if (checked.size > 10_000) checked.clear();
    checked.set(text, (known = checkUncached(text)));
  }
  return known;
}

const checked = new Map<string, string | null>();
/** Days stepped through by every check in this process: a folder of rules that never occur must not add up to minutes. */
let spentDays = 0;
const totalCheckBudget = 40 * checkBudget;

function checkUncached(text: string): string | null {
  if (/DTSTART/i.test(text)) return 'leave DTSTART out of the rule; the tool supplies it';
  const { RRule } = rrule();
  const allowedFrequencies = new Set([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);
  let options;
  try {
    options = RRule.parseString(text.trim());
  } catch (error) {
    return `not a valid RFC 5545 rule (${error instanceof Error ? error.message : String(error)})`;
  }
  if (options.freq === undefined || options.freq === null) return 'the rule needs FREQ (YEARLY, MONTHLY, WEEKLY or DAILY)';
  if (!allowedFrequencies.has(options.freq)) return 'FREQ must be YEARLY, MONTHLY, WEEKLY or DAILY';
  const limit = rruleLimitProblem(options);
  if (limit) return limit;
  const ranges: Array<[keyof typeof options, number, number]> = [
    ['bymonth', 1, 12],
    ['bymonthday', -31, 31],
    ['byyearday', -366, 366],
    ['byweekno', -53, 53],
    ['byhour', 0, 23],
    ['byminute', 0, 59],
    ['bysetpos', -366, 366],
  ];
  for (const [key, min, max] of ranges) {
    const raw = options[key];
    const values = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
    for (const v of values) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max || v === 0) {
        if (!(v === 0 && (key === 'byhour' || key === 'byminute'))) return `${String(key).toUpperCase()}=${String(v)} is out of range ${min}..${max}`;
      }
    }
  }
  try {
    const start = new Date(Date.UTC(2024, 0, 1));
    if (spentDays > totalCheckBudget)
      return 'not checked: the schedules before this one took all the work allowed for checking (too many rules that never occur); fix those first';
    const rule = new RRule({ ...options, dtstart: start }, true);
    const budget = withBudget(rule, checkBudget);
    const next = rule.between(start, new Date(Date.UTC(2029, 0, 1)), true, (_d, i) => i < 1);
    spentDays += budget.spentDays();
    if (next.length === 0)
      return budget.exhausted()
        ? 'the rule has no occurrence in the next five years (it never occurs, or is too costly to expand; check the month, day and BYSETPOS)'
        : 'the rule never occurs (check the month and day)';
  } catch (error) {
    return `not a valid RFC 5545 rule (${error instanceof Error ? error.message : String(error)})`;
  }
  return null;
}

export const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
