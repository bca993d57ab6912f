import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './vague-wording.js';

describe('vague-wording', () => {
  it("flags the seed's bad example word by word, with line and column", async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/vague-wording/invalid.md']);
    const words = found.map((d) => [d.line, d.column, d.endColumn, d.message.match(/"([^"]+)"/)?.[1]]);
    expect(words).toEqual([
      [15, 4, 16, 'Организовать'],
      [15, 17, 27, 'комфортную'],
      [16, 4, 21, 'При необходимости'],
      [16, 22, 32, 'обеспечьте'],
      [17, 16, 28, 'своевременно'],
      [18, 4, 18, 'Контролировать'],
      [18, 43, 61, 'надлежащим образом'],
    ]);
    expect(found[2]).toMatchObject({ line: 16, endLine: 16 });
  });
  it("passes the seed's good example (and ignores links and comments)", async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/vague-wording/valid.md'])).toEqual([]);
  });
  it('flags English vague wording', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/vague-wording/invalid-en.md']);
    expect(found.map((d) => d.message.match(/"([^"]+)"/)?.[1])).toEqual(['Ensure', 'as needed', 'appropriately', 'in a timely manner']);
  });
  it('lists extend and shrink in the config', async () => {
    const config = {
      rules: { 'vague-wording': ['warn', { ru: { add: ['встреча'], remove: ['организовать', 'комфортный'] } }] as ['warn', Record<string, unknown>] },
    };
    const found = await verifyRule(rule, ['test/fixtures/lint/vague-wording/invalid.md'], { config });
    const words = found.map((d) => d.message.match(/"([^"]+)"/)?.[1]);
    expect(words).toContain('встречу');
    expect(words).not.toContain('Организовать');
    expect(words).not.toContain('комфортную');
  });
  it('keeps columns right in a file that starts with a byte order mark', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/bom/doc.md']);
    expect(found.map((d) => [d.line, d.column])).toEqual([[15, 4]]);
  });
});
