import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './no-exit-loop.js';

describe('no-exit-loop', () => {
  it('reports a loop that nothing leaves, at its first node', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/no-exit-loop/invalid.md']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 20, column: 1 });
    expect(found[0]!.message).toContain('3 nodes');
  });
  it('is silent on a loop with an option that leaves it', async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/no-exit-loop/valid.md'])).toEqual([]);
  });
});
