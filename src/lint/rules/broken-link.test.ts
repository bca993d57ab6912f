import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { findLinks, rule } from './broken-link.js';

describe('broken-link', () => {
  it('reports missing files and links that leave the repository, and is silent on good ones', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/broken-link/doc.md']);
    expect(found.map((d) => [d.line, d.message.replace(/ (points|is).*/, '')])).toEqual([
      [16, 'Link "templates/estimate.md"'],
      [17, 'Link "../../../../../etc/passwd"'],
      [20, 'Link "templates/missing-ref.md"'],
    ]);
    expect(found[1]!.message).toContain('outside the repository');
  });
  it('finds inline links, images and definitions with their offsets', () => {
    const text = 'See [a](x.md) ![b](<y.png>)\n[c]: z.md\n';
    expect(findLinks(text).map((l) => [l.url, text.slice(l.offset, l.offset + l.url.length)])).toEqual([
      ['x.md', 'x.md'],
      ['y.png', 'y.png'],
      ['z.md', 'z.md'],
    ]);
  });
});
