import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './calendar-coverage.js';

const fixture = ['test/fixtures/lint/calendar-coverage/ru.md'];

describe('calendar-coverage', () => {
  it('is silent while the calendar knows the next 60 days', async () => {
    expect(await verifyRule(rule, fixture, { today: '2026-11-27' })).toEqual([]);
  });
  it('warns at the calendar line when the next 60 days reach a year the calendar lacks', async () => {
    const found = await verifyRule(rule, fixture, { today: '2027-11-15' });
    expect(found.map((d) => [d.line, d.column])).toEqual([[6, 1]]);
    expect(found[0]!.message).toContain('2028 (from 2028-01-01');
  });
  it('with requireDecree, a year known only from the Labour Code is not covered', async () => {
    const found = await verifyRule(rule, fixture, { today: '2026-11-27', config: { rules: { 'calendar-coverage': ['warn', { requireDecree: true }] } } });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('2027 (from 2027-01-01');
  });
});
