import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './step-has-no-action.js';

describe('step-has-no-action', () => {
  it('reports Russian steps with no verb', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/step-has-no-action/invalid.md']);
    expect(found.map((d) => d.line)).toEqual([15, 16]);
    expect(found[0]!.message).toContain('has no verb');
  });
  it('accepts infinitives, imperatives, "когда …, сделать" and «учесть»', async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/step-has-no-action/valid.md'])).toEqual([]);
  });
  it('reports English steps that start with an article or an -ing form, not verbs after "If …,"', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/step-has-no-action/mixed-en.md']);
    expect(found.map((d) => d.line)).toEqual([15, 16]);
  });
});
