import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './inbox-stale.js';

describe('inbox-stale', () => {
  it('reports a draft older than P14D', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/inbox-stale/invalid'], { today: '2026-11-27' });
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toBe('test/fixtures/lint/inbox-stale/invalid/inbox/2026-10-01-reply-a1b2.md');
    expect(found[0]!.message).toContain('captured on 2026-10-01 (57 days ago)');
  });
  it('is silent on a recent draft', async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/inbox-stale/valid'], { today: '2026-11-27' })).toEqual([]);
  });
  it('takes the age limit from the config', async () => {
    expect(
      await verifyRule(rule, ['test/fixtures/lint/inbox-stale/invalid'], {
        today: '2026-11-27',
        config: { rules: { 'inbox-stale': ['warn', { maxAge: 'P3M' }] } },
      }),
    ).toEqual([]);
  });
});
