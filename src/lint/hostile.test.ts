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
  '](' .repeat(100_000),
  '{'.repeat(200_000),
  `- ${' '.repeat(200_000)}x`,
  `${' \t'.repeat(100_000)}уточнить x`,
  '<a '.repeat(70_000),
  '[x]: '.repeat(50_000),
  'при '.repeat(60_000),
];

describe('prose scanning on hostile input', () => {
  it('stays linear: every scanner finishes 200 000-character pathological lines quickly', () => {
    const matcher = new PhraseMatcher([...vagueWords.ru, ...vagueWords.en]);
    for (const text of hostile) {
      const started = performance.now();
      const prose = maskProse(maskMarkdown(text));
      findPlaceholders(prose);
      findLinks(text);
      matcher.find(prose);
      const took = performance.now() - started;
      if (process.env["SHOW_TIMES"]) console.log(JSON.stringify(text.slice(0, 6)), took.toFixed(0));
      expect(took, JSON.stringify(text.slice(0, 12))).toBeLessThan(3000);
    }
  });
  it('still finds what it should in long text', () => {
    expect(findPlaceholders(`${'слово '.repeat(50_000)}то…\n`)).toHaveLength(1);
  });
});
