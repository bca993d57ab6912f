import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './stale-review.js';

describe('stale-review', () => {
  it('reports an overdue instruction at its reviewed line and an overdue task at its heading', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/stale-review/invalid.md'], { today: '2026-11-27' });
    expect(found.map((d) => [d.line, d.message.slice(0, 25)])).toEqual([
      [5, 'Instruction "stale-bad" w'],
      [11, 'Task "reply" was last rev'],
    ]);
    expect(found[0]!.message).toContain('due for review on 2025-07-15');
  });
  it('is silent while reviews are current', async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/stale-review/valid.md'], { today: '2026-11-27' })).toEqual([]);
  });
  it('depends on --today', async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/stale-review/invalid.md'], { today: '2025-02-01' })).toEqual([]);
  });
});
