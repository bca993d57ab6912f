import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './dead-end.js';

describe('dead-end', () => {
  it('reports an empty option when nothing follows the decision', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/dead-end/invalid.md']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 23, column: 1, severity: 'error' });
    expect(found[0]!.message).toContain('Option "Да"');
  });
  it('is silent when every path ends, jumps or waits', async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/dead-end/valid.md'])).toEqual([]);
  });
  it('with requireExplicitEnd, also reports paths that simply run out', async () => {
    const config = { rules: { 'dead-end': ['error', { requireExplicitEnd: true }] as ['error', Record<string, unknown>] } };
    const found = await verifyRule(rule, ['test/fixtures/lint/dead-end/invalid.md'], { config });
    expect(found.map((d) => d.line)).toEqual([23, 26]);
    expect(found[1]!.message).toMatch(/runs out after step "Позвонить клиенту/);
    expect(await verifyRule(rule, ['test/fixtures/lint/dead-end/valid.md'], { config })).toEqual([]);
  });
});
