/**
 * The two shortcuts of working out local time are exact, not approximate: the day-wide offset
 * cache gives what asking Intl for the instant itself gives, and a rule walked from a nearer
 * Monday, 1 January gives the occurrences it gives when walked from 2001.
 */
import fc from 'fast-check';
import rrulePackage from 'rrule';
import { describe, expect, inject, it } from 'vitest';
import { occurrences } from './occurrences.js';
import { localParts, offsetAt } from './zone.js';
import { propertyRuns } from '../../test/support/scale.js';

const { RRule } = rrulePackage;
const seed = inject('seed');
const zones = ['Europe/Moscow', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'UTC'];

/** Intl's answer for the instant itself, with no cache. */
function offsetFromIntl(instant: number, zone: string): number {
  const minute = Math.floor(instant / 60_000) * 60_000;
  const p = localParts(minute, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - minute;
}

describe('local time shortcuts', () => {
  it('offsetAt agrees with Intl at any instant, on days of a change of offset too', () => {
    const changes = ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-04-05T15:00:00Z'];
    const near = fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -36 * 3_600_000, max: 36 * 3_600_000 })).map(([at, d]) => Date.parse(at) + d);
    const any = fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2030-12-31T23:59:59Z') });
    fc.assert(
      fc.property(fc.oneof(near, any), fc.constantFrom(...zones), (instant, zone) => {
        expect(offsetAt(instant, zone)).toBe(offsetFromIntl(instant, zone));
      }),
      { seed, numRuns: propertyRuns(400) },
    );
  });

  it('a rule without INTERVAL or COUNT has the same occurrences as when walked from an earlier Monday, 1 January', () => {
    const rule = fc.record({
      freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
      byday: fc.option(fc.constantFrom('MO', 'FR', 'MO,WE,FR', '-1FR', '2SU', 'MO,TU,WE,TH,FR'), { nil: undefined }),
      bymonthday: fc.option(fc.constantFrom('1', '15', '-1', '31'), { nil: undefined }),
      bymonth: fc.option(fc.constantFrom('1', '5', '8', '11', '2,8'), { nil: undefined }),
      bysetpos: fc.option(fc.constantFrom('1', '-1'), { nil: undefined }),
    });
    fc.assert(
      fc.property(rule, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 120 }), (r, offset, days) => {
        const parts = [`FREQ=${r.freq}`];
        if (r.byday) parts.push(`BYDAY=${r.byday}`);
        if (r.bymonthday) parts.push(`BYMONTHDAY=${r.bymonthday}`);
        if (r.bymonth) parts.push(`BYMONTH=${r.bymonth}`);
        if (r.bysetpos && r.freq !== 'DAILY') parts.push(`BYSETPOS=${r.bysetpos}`);
        const text = parts.join(';');
        const start = Date.parse('2024-01-01T00:00:00Z') + offset * 86_400_000;
        const from = new Date(start).toISOString().slice(0, 10);
        const got = occurrences({ rrule: text, time: '10:00' }, 'UTC', from, days).map((o) => o.date);
        // 2018 rather than 2001 only to keep the reference walk short; any Monday, 1 January would do
        const walked = new RRule({ ...RRule.parseString(text), dtstart: new Date(Date.UTC(2018, 0, 1, 10, 0)), tzid: null });
        const expected = walked.between(new Date(start), new Date(start + days * 86_400_000 - 1), true).map((d) => d.toISOString().slice(0, 10));
        expect(got, text).toEqual(expected);
      }),
      { seed, numRuns: 20 },
    );
  });

  it('a rule with INTERVAL keeps counting from 2001', () => {
    const text = 'FREQ=WEEKLY;INTERVAL=2';
    const got = occurrences({ rrule: text }, 'UTC', '2026-01-01', 28).map((o) => o.date);
    const walked = new RRule({ ...RRule.parseString(text), dtstart: new Date(Date.UTC(2001, 0, 1)), tzid: null });
    const expected = walked.between(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-28T23:59:59Z'), true).map((d) => d.toISOString().slice(0, 10));
    expect(got).toEqual(expected);
    expect(got).toHaveLength(2);
  });
});
