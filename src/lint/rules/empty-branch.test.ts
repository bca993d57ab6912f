import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './empty-branch.js';

describe('empty-branch', () => {
  it('reports an option with no steps that goes straight on', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/empty-branch/invalid.md']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 21, column: 1, severity: 'warning' });
    expect(found[0]!.message).toContain('Option "Да"');
  });
  it('is silent when every option has steps', async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/empty-branch/valid.md'])).toEqual([]);
  });
});
