import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { findPlaceholders, rule } from './placeholder.js';

describe('placeholder', () => {
  it('reports «то…», TODO, (уточнить), ??? and an option that is only "..."', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/placeholder/invalid.md']);
    expect(found.map((d) => [d.line, d.column])).toEqual([
      [15, 53],
      [16, 4],
      [17, 27],
      [22, 6],
      [23, 3],
    ]);
  });
  it('is silent on concrete text, an ellipsis inside a quote, «уточнить у…» and code', async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/placeholder/valid.md'])).toEqual([]);
  });
  it('does not take a heading ending in an ellipsis for an unfinished branch', () => {
    expect(findPlaceholders('## Что делать, если…\n')).toEqual([]);
  });
});
