/**
 * Limits on recurrence rules, which come from untrusted instruction files. rrule's expansion
 * loops until a period yields a date or the year passes 9999: `INTERVAL=-1` walks backwards
 * forever, and a rule that never matches (`FREQ=DAILY;BYSETPOS=366`) walks three million days
 * (10–15 s). So INTERVAL must be a positive integer up to maxInterval, a BYSETPOS that no period
 * of the frequency can reach is refused, and every expansion runs on an iteration budget.
 */
import type { Options, RRule } from 'rrule';

const maxInterval = 1000;
/**
 * Days one expansion may step through (a week counts 7, a month 31, a year 366): ~137 years,
 * enough for any date the agenda or the report asks about (rules are anchored in 2001), and
 * about half a second for a rule that never matches.
 */
const iterationBudget = 50_000;
/** Days the compiler's "does it ever occur" check may step through: the five years it looks at, and a little more. */
export const checkBudget = 2_200;

// rrule's Frequency values.
const YEARLY = 0;
const MONTHLY = 1;
const WEEKLY = 2;
const DAILY = 3;

const count = (v: unknown): number => (v === undefined || v === null ? 0 : Array.isArray(v) ? v.length : 1);

/** What is wrong with the rule's INTERVAL or BYSETPOS for expansion (a message key and its values), or null. */
export type RruleLimit =
  | { key: 'rruleInterval'; args: { value: string; max: number } }
  | { key: 'rruleSetpos'; args: { value: number; largest: number; frequency: 'daily' | 'weekly' | 'monthly' | 'yearly' } };

export function rruleLimitProblem(options: Partial<Options>): RruleLimit | null {
  const interval = options.interval;
  if (interval !== undefined && interval !== null && (!Number.isInteger(interval) || interval < 1 || interval > maxInterval)) {
    return { key: 'rruleInterval', args: { value: String(interval), max: maxInterval } };
  }
  const positions = options.bysetpos === undefined || options.bysetpos === null ? [] : Array.isArray(options.bysetpos) ? options.bysetpos : [options.bysetpos];
  if (positions.length > 0) {
    const times = Math.max(1, count(options.byhour)) * Math.max(1, count(options.byminute));
    const days = options.freq === DAILY ? 1 : options.freq === WEEKLY ? 7 : options.freq === MONTHLY ? 31 : options.freq === YEARLY ? 366 : 366;
    const largest = days * times;
    const beyond = positions.find((p) => Math.abs(p) > largest);
    if (beyond !== undefined) return { key: 'rruleSetpos', args: { value: beyond, largest, frequency: frequencyName(options.freq) } };
  }
  return null;
}

function daysPerPeriod(freq: unknown): number {
  return freq === DAILY ? 1 : freq === WEEKLY ? 7 : freq === MONTHLY ? 31 : 366;
}

function frequencyName(freq: unknown): 'daily' | 'weekly' | 'monthly' | 'yearly' {
  return freq === DAILY ? 'daily' : freq === WEEKLY ? 'weekly' : freq === MONTHLY ? 'monthly' : 'yearly';
}

/**
 * Puts an iteration budget on a rule (built with noCache): rrule reads `options.interval` twice
 * per period it steps through and stops when it reads 0, so after `budgetDays` worth of periods
 * it is told to stop. `exhausted()` says whether the budget ran out, i.e. the answer may be incomplete.
 */
export function withBudget(rule: RRule, budgetDays: number = iterationBudget): { exhausted(): boolean; spentDays(): number } {
  const options = rule.options as Options & { interval: number };
  const interval = options.interval;
  const budget = Math.max(1, Math.floor(budgetDays / daysPerPeriod(options.freq)));
  let reads = 0;
  let exhausted = false;
  Object.defineProperty(options, 'interval', {
    configurable: true,
    enumerable: true,
    get() {
      if (++reads > budget * 2 + 1) {
        exhausted = true;
        return 0;
      }
      return interval;
    },
  });
  return { exhausted: () => exhausted, spentDays: () => Math.ceil(reads / 2) * daysPerPeriod(options.freq) };
}
