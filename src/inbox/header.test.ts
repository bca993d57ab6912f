import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyRule } from '../lint/rule-tester.js';
import { rule } from '../lint/rules/inbox-stale.js';
import { listDrafts, withoutHeader } from './list.js';

const root = mkdtempSync(join(tmpdir(), 'instr-inbox-header-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Regression: `instr inbox` and the inbox-stale rule each parsed the header with their own regex
// (a BOM or extra spaces were a draft for one and not for the other) and rounded the age apart.
describe('one draft header, one age', () => {
  it('instr inbox and the inbox-stale rule read the same capture time and the same age', async () => {
    mkdirSync(join(root, 'inbox'));
    writeFileSync(join(root, 'guide.md'), '---\nid: guide\ntitle: Guide\nlang: en\n---\n\n# Guide\n');
    // the file name's date is later than the header's: the header wins for both readers
    writeFileSync(
      join(root, 'inbox', '2026-11-01-reply-a1b2.md'),
      '\uFEFF<!--  instr-inbox  {"captured":"2026-10-01T18:00:00.000Z"}  -->\n### A letter on paper {#draft-1}\n',
    );
    const today = '2026-11-27';
    const { drafts } = await listDrafts(root, Date.parse(`${today}T00:00:00Z`) + 86_400_000);
    expect(drafts.map((d) => [d.captured, d.ageDays])).toEqual([['2026-10-01T18:00:00.000Z', 57]]);
    const found = await verifyRule(rule, [root], { today });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('captured on 2026-10-01 (57 days ago)');
  });

  it('showing a draft drops the same header that listing reads, BOM and spaces included', () => {
    expect(withoutHeader('\uFEFF<!--  instr-inbox  {"captured":"2026-10-01"}  -->\r\n### A {#a}\n')).toBe('### A {#a}\n');
    expect(withoutHeader('### Written by hand\n')).toBe('### Written by hand\n');
  });
});
