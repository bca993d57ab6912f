import { describe, expect, it } from 'vitest';
import { rule } from './rules/vague-wording.js';
import { verifyRule } from './rule-tester.js';

describe('inline disable comments', () => {
  it('instr-disable-next-line silences one line; instr-disable … instr-enable a block', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/disable/doc.md']);
    expect(found.map((d) => [d.line, d.message.match(/"([^"]+)"/)?.[1]])).toEqual([
      [17, 'Организовать'],
      [26, 'Своевременно'],
    ]);
  });
});
