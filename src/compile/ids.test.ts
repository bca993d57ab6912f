import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentId, sha256 } from './ids.js';

/** The definition of a content id: sha1 of the kind, a NUL and the text with white space runs as one space, trimmed, lowercased. */
const byDefinition = (kind: string, prefix: string, text: string) =>
  `${prefix}${createHash('sha1').update(kind).update('\0').update(text.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex').slice(0, 6)}`;

describe('content ids', () => {
  it('are the sha1 of the normalised text, whatever white space the text has (seeded random texts)', () => {
    const seed = 1128;
    let s = seed;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const alphabet = ['a', 'Б', 'ё', 'Ё', 'Z', '1', '.', ' ', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', 'İ', 'Σ'];
    for (let t = 0; t < 2000; t++) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(contentId('step', text, new Set(), ''), `text ${JSON.stringify(text)} (seed ${seed})`).toBe(byDefinition('step', 's', text));
    }
  });

  it('keep their scope and suffix a repeated text', () => {
    const used = new Set<string>();
    const first = contentId('decision', 'Клиент  согласен?', used, 'task.');
    expect(first).toBe(byDefinition('decision', 'task.d', 'Клиент согласен?'));
    expect(contentId('decision', ' клиент согласен? ', used, 'task.')).toBe(`${first}-2`);
  });

  it('hash files with sha256 as hex', () => {
    const bytes = new TextEncoder().encode('# Заголовок\n');
    expect(sha256(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(sha256('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
  });
});
