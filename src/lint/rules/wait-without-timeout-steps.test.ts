import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './wait-without-timeout-steps.js';

describe('wait-without-timeout-steps', () => {
  it('flags a wait with a timeout and no steps for it, and one whose timeout item is empty; not a wait with steps or without a timeout', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/wait-without-timeout-steps/en.md']);
    expect(found.map((d) => [d.line, d.severity])).toEqual([
      [15, 'warning'],
      [30, 'warning'],
    ]);
    expect(found[0]!.message).toBe(
      'The wait "The client paid" has timeout=3wd but does not say what to do when the time runs out. Add right under it an item "- The time ran out, …" with the steps indented under it: what to send, and to whom',
    );
  });
});
