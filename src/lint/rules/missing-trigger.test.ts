import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './missing-trigger.js';

describe('missing-trigger', () => {
  it('reports a task and a situation without ::when', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/missing-trigger/invalid.md']);
    expect(found.map((d) => [d.line, d.message.slice(0, 22)])).toEqual([
      [11, 'Task "invoice" does no'],
      [17, 'Situation "complaint" '],
    ]);
  });
  it('accepts ::when, and ::schedule for a task', async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/missing-trigger/valid.md'])).toEqual([]);
  });
  it('with allowSchedule: false, a schedule is not enough', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/missing-trigger/valid.md'], {
      config: { rules: { 'missing-trigger': ['error', { allowSchedule: false }] } },
    });
    expect(found).toHaveLength(1);
  });
});
