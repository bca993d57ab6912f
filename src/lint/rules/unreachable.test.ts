import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './unreachable.js';

describe('unreachable', () => {
  it('reports the first node of each stretch no run reaches, with how many follow', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/unreachable/invalid.md']);
    expect(found.map((d) => [d.line, d.column])).toEqual([[24, 1]]);
    expect(found[0]!.message).toMatch(/Unreachable step "Записать заявку в CRM\."\s\(and 5 more after it\)/);
    expect(found[0]!.severity).toBe('error');
  });
  it('is silent when every node is on some path', async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/unreachable/valid.md'])).toEqual([]);
  });
});
