import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './required-sections.js';

describe('required-sections', () => {
  it('reports each missing kind of section', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/required-sections/invalid.md']);
    expect(found.map((d) => d.message.match(/no \.(\w+) section/)?.[1])).toEqual(['schedule', 'situations', 'norms']);
  });
  it('is silent when all four are there', async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/required-sections/valid.md'])).toEqual([]);
  });
  it('takes the list from the config', async () => {
    expect(
      await verifyRule(rule, ['test/fixtures/lint/required-sections/invalid.md'], {
        config: { rules: { 'required-sections': ['warn', { sections: ['tasks'] }] } },
      }),
    ).toEqual([]);
  });
});
