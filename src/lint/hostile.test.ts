import { describe, expect, it } from 'vitest';
import { findLinks } from './rules/broken-link.js';
import { findPlaceholders } from './rules/placeholder.js';
import { maskMarkdown, maskProse } from './source-text.js';
import { vagueWords } from './vague-words.js';
import { PhraseMatcher } from './wording.js';

/** Shapes that make careless regular expressions backtrack for minutes. */
const hostile = [
  '.'.repeat(200_000),
  '…)'.repeat(100_000),
  '`'.repeat(200_000),
  ']('.repeat(100_000),
  '{'.repeat(200_000),
  `- ${' '.repeat(200_000)}x`,
  `${' \t'.repeat(100_000)}уточнить x`,
  '<a '.repeat(70_000),
  '[x]: '.repeat(50_000),
  'при '.repeat(60_000),
];

describe('prose scanning on hostile input', () => {
  // A backtracking scanner takes minutes on these; the test timeout is the guard (timings: npm run bench).
  it('every scanner gets through 200 000-character pathological lines', () => {
    const matcher = new PhraseMatcher([...vagueWords.ru, ...vagueWords.en]);
    for (const text of hostile) {
      const prose = maskProse(maskMarkdown(text));
      expect(prose.length, JSON.stringify(text.slice(0, 12))).toBe(maskMarkdown(text).length);
      expect(Array.isArray(findPlaceholders(prose))).toBe(true);
      expect(Array.isArray(findLinks(text))).toBe(true);
      expect(Array.isArray(matcher.find(prose))).toBe(true);
    }
  });
  it('still finds what it should in long text', () => {
    expect(findPlaceholders(`${'слово '.repeat(50_000)}то…\n`)).toHaveLength(1);
  });
});
