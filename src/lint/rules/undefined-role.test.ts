import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './undefined-role.js';

describe('undefined-role', () => {
  it("reports «руководителю» that no role is called by, in Russian; not quoted words or the client's own boss", async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/undefined-role/invalid-ru.md'], { lang: 'ru' });
    expect(found.map((d) => d.line)).toEqual([20]);
    expect(found[0]!.message).toContain('«руководителю» — такой роли нет в разделе roles');
    expect(found[0]!.message).toContain('«Директор»');
  });
  it('reports "boss" in English, but not the client\'s supervisor', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/undefined-role/invalid-en.md']);
    expect(found.map((d) => [d.line, d.message.slice(0, 40)])).toEqual([[20, '"boss" is not a role of the front matter']]);
  });
  it("accepts a role-like word that a role's title defines, in any word form", async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/undefined-role/valid.md'])).toEqual([]);
  });
  it('takes more words from the options', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/undefined-role/valid.md'], {
      config: { rules: { 'undefined-role': ['warn', { words: ['клиент'] }] } },
    });
    expect(found.length).toBeGreaterThan(0);
  });
});
