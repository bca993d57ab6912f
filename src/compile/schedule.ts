import { checkBudget, rruleLimitProblem, withBudget, type RruleLimit } from '../schedule/rrule-budget.js';
import { rruleSyntaxProblem, type RruleSyntaxProblem } from '../schedule/rrule-syntax.js';
import { lazy } from './lazy.js';

// rrule ships CommonJS; loaded on first use (a run from the cache never checks a schedule).
const rrule = lazy<typeof import('rrule')>('rrule');

/**
 * Checks an RFC 5545 recurrence rule as an instruction uses it: no DTSTART (the tool supplies
 * it), a daily or coarser frequency, and at least one occurrence in the next five years.
 * Returns a message saying what is wrong, or null.
 */
export type RruleProblem =
  | { key: 'rruleDtstart' | 'rruleUnreadable' | 'rruleNoFreq' | 'rruleFreq' | 'rruleBudget' | 'rruleNotInFiveYears' | 'rruleNever'; args?: undefined }
  | { key: 'rruleRange'; args: Record<string, string | number> }
  | RruleSyntaxProblem
  | RruleLimit;

export function checkRrule(text: string): RruleProblem | null {
  // Identical rules (a schedule repeated across a folder) are checked once.
  let known = checked.get(text);
  if (known === undefined) {
    if (checked.size > 10_000) checked.clear();
    checked.set(text, (known = checkUncached(text)));
  }
  return known;
}

const checked = new Map<string, RruleProblem | null>();
/** Days stepped through by every check in this process: a folder of rules that never occur must not add up to minutes. */
let spentDays = 0;
const totalCheckBudget = 40 * checkBudget;

function checkUncached(text: string): RruleProblem | null {
  if (/DTSTART/i.test(text)) return { key: 'rruleDtstart' };
  const syntax = rruleSyntaxProblem(text);
  if (syntax) return syntax;
  const { RRule } = rrule();
  const allowedFrequencies = new Set([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);
  let options;
  try {
    options = RRule.parseString(text.trim());
  } catch {
    // rruleSyntaxProblem has named every mistake the parser throws on; its English never reaches the screen
    return { key: 'rruleUnreadable' };
  }
  if (options.freq === undefined || options.freq === null) return { key: 'rruleNoFreq' };
  if (!allowedFrequencies.has(options.freq)) return { key: 'rruleFreq' };
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
        if (!(v === 0 && (key === 'byhour' || key === 'byminute')))
          return { key: 'rruleRange', args: { key: String(key).toUpperCase(), value: String(v), min, max } };
      }
    }
  }
  try {
    const start = new Date(Date.UTC(2024, 0, 1));
    if (spentDays > totalCheckBudget) return { key: 'rruleBudget' };
    const rule = new RRule({ ...options, dtstart: start }, true);
    const budget = withBudget(rule, checkBudget);
    const next = rule.between(start, new Date(Date.UTC(2029, 0, 1)), true, (_d, i) => i < 1);
    spentDays += budget.spentDays();
    if (next.length === 0) return budget.exhausted() ? { key: 'rruleNotInFiveYears' } : { key: 'rruleNever' };
  } catch {
    return { key: 'rruleUnreadable' };
  }
  return null;
}

export const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
