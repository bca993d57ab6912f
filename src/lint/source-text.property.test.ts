import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { maskMarkdown, maskProse, maskProsePiece } from './source-text.js';
import { propertyRuns } from '../../test/support/scale.js';

// The suite's seed (printed once per run; INSTR_TEST_SEED repeats or changes it).
const seed = inject('seed');

/** What the prose mask blanks, and what sits beside a piece's edge: blank lines, tags broken over lines, links, URLs. */
const bits = [
  '\n',
  '\n\n',
  '\n\n\n',
  ' ',
  '\t',
  'слово',
  'word',
  '[ссылка](./a.md#x)',
  '](',
  ')',
  'https://example.org/path',
  'mailto:a@b',
  '<https://x.y>',
  '<a href="x">',
  '<a',
  '<a\n>',
  '<span\nclass="x">',
  '<br/>',
  '</p>',
  '>',
  '::goto[',
  ':end{',
  '{#id}',
  '{return}',
  '{',
  '}',
  '[ref]: ./a.md',
  '   [x]: y',
  '```',
  '`код`',
  '<!-- c -->',
  '---',
];

describe('the prose mask, piece by piece', () => {
  it('is the mask of the whole text', () => {
    // small pieces here, so that many edges fall beside what the mask blanks; 64 Ki characters in use
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...bits), { minLength: 1, maxLength: 400 }), fc.integer({ min: 1, max: 64 }), (parts, piece) => {
        const markdown = maskMarkdown(parts.join(''));
        const prose = maskProse(markdown, piece);
        expect(prose.length).toBe(markdown.length);
        expect(prose === maskProsePiece(markdown)).toBe(true);
      }),
      { seed, numRuns: propertyRuns(2000) },
    );
  });
});
