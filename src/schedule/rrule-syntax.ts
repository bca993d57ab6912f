/**
 * Reads a recurrence rule's parts before the rrule library does, so that every mistake an author
 * can make is named by instr in the instruction's language: the library's own errors are English
 * sentences (and it lets many mistakes through, such as `BYMONTH=may`), which must not reach a
 * Russian screen.
 */
export type RruleSyntaxProblem =
  | { key: 'rrulePart'; args: { part: string } }
  | { key: 'rruleUnknownKey'; args: { key: string; list: string } }
  | { key: 'rruleRepeatedKey'; args: { key: string } }
  | { key: 'rruleNumber'; args: { key: string; value: string } }
  | { key: 'rruleWeekday'; args: { key: string; value: string } }
  | { key: 'rruleUntil'; args: { value: string } };

const numberKeys = new Set(['COUNT', 'INTERVAL', 'BYSETPOS', 'BYMONTH', 'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYHOUR', 'BYMINUTE', 'BYSECOND']);
const knownKeys = [
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYMONTH',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYDAY',
  'BYSETPOS',
  'BYHOUR',
  'BYMINUTE',
  'BYSECOND',
  'WKST',
];
const day = /^(MO|TU|WE|TH|FR|SA|SU)$/;
const dayWithPosition = /^([+-]?)(\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;

/** The first thing wrong with how the rule is written, or null when each part is KEY=VALUE with a value of the right shape. */
export function rruleSyntaxProblem(text: string): RruleSyntaxProblem | null {
  const body = text
    .trim()
    .replace(/^RRULE:/i, '')
    .replace(/;\s*$/, '');
  if (body === '') return null; // no FREQ: said by the caller
  const seen = new Set<string>();
  for (const part of body.split(';')) {
    const m = /^([A-Za-z]+)=([^=]+)$/.exec(part.trim());
    if (!m) return { key: 'rrulePart', args: { part: part.trim() } };
    const key = m[1]!.toUpperCase();
    const value = m[2]!.trim();
    if (!knownKeys.includes(key)) return { key: 'rruleUnknownKey', args: { key: m[1]!, list: knownKeys.join(', ') } };
    if (seen.has(key)) return { key: 'rruleRepeatedKey', args: { key } };
    seen.add(key);
    if (numberKeys.has(key) && !value.split(',').every((v) => /^[+-]?\d{1,6}$/.test(v))) return { key: 'rruleNumber', args: { key, value } };
    if (key === 'WKST' && !day.test(value)) return { key: 'rruleWeekday', args: { key, value } };
    if (key === 'BYDAY' && !value.split(',').every((v) => validWeekday(v))) return { key: 'rruleWeekday', args: { key, value } };
    if (key === 'UNTIL' && !validUntil(value)) return { key: 'rruleUntil', args: { value } };
  }
  return null;
}

function validWeekday(text: string): boolean {
  const m = dayWithPosition.exec(text);
  if (!m) return false;
  // rrule refuses a position of 0 (0MO); a sign without a number (+MO) is not one either
  if (m[2] === undefined) return m[1] === '';
  const n = Number(m[2]);
  return n >= 1 && n <= 53;
}

function validUntil(text: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(text);
  if (!m) return false;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((v) => v ?? '0') as string[];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d) && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60;
}
