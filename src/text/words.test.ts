import { describe, expect, it } from 'vitest';
import { isLetterOrDigit, someWord, stem, words } from './words.js';

/** What words() stands for. */
const pattern = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const byPattern = (text: string) => [...text.matchAll(pattern)].map((m) => ({ text: m[0], offset: m.index }));

describe('words', () => {
  it('knows every code point of the ranges it answers itself (and around them) as \\p{L} or \\p{N} does', () => {
    const single = /^[\p{L}\p{N}]$/u;
    const wrong: number[] = [];
    for (let c = 0; c <= 0x2fff; c++) if (isLetterOrDigit(c) !== single.test(String.fromCodePoint(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('finds what the regular expression finds (seeded random texts)', () => {
    const seed = 1127;
    let s = seed;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    // Letters and digits of several scripts, the joiners, spaces and punctuation, a combining mark,
    // a letter outside the BMP (𝒜), an emoji, and lone surrogates.
    const alphabet = [
      'a',
      'Z',
      '7',
      'ё',
      'Ж',
      'é',
      'ß',
      'ª',
      '²',
      '中',
      '٣',
      '𝒜',
      '😀',
      '\u0301',
      '\u0483',
      '-',
      "'",
      '’',
      ' ',
      '«',
      '»',
      '—',
      '₽',
      '№',
      '.',
      '\ud800',
      '\udc00',
      '_',
    ];
    for (let t = 0; t < 1000; t++) {
      const text = Array.from({ length: Math.floor(next() * 30) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(words(text), `text ${JSON.stringify(text)} (seed ${seed})`).toEqual(byPattern(text));
    }
  });

  it('keeps hyphenated and apostrophe words whole', () => {
    expect(words('3-НДФЛ, e-mail и don’t — «по-русски»').map((w) => w.text)).toEqual(['3-НДФЛ', 'e-mail', 'и', 'don’t', 'по-русски']);
    expect(words("a--b a-'b -x x-")).toEqual(byPattern("a--b a-'b -x x-"));
  });

  it('someWord visits the words words() finds, in order, and stops at the first one accepted', () => {
    const text = 'Закрыть 3-НДФЛ, e-mail и don’t — «по-русски»';
    const seen: string[] = [];
    expect(someWord(text, (start, end) => void seen.push(text.slice(start, end)))).toBe(false);
    expect(seen).toEqual(words(text).map((w) => w.text));
    seen.length = 0;
    expect(someWord(text, (start, end) => (seen.push(text.slice(start, end)), text.slice(start, end) === 'e-mail'))).toBe(true);
    expect(seen).toEqual(['Закрыть', '3-НДФЛ', 'e-mail']);
  });
});

describe('stem', () => {
  it('gives a word as written, asked again, the stem of its lowercased form (ё as е)', () => {
    for (const word of ['Организовать', 'ОРГАНИЗУЙТЕ', 'Ёлки', 'ёлки', 'Ensuring', 'ensuring']) {
      const first = stem(word);
      expect(stem(word)).toBe(first);
      expect(stem(word.toLowerCase().replace(/ё/g, 'е'))).toBe(first);
    }
    expect(stem('Ёлки')).toBe(stem('елки'));
  });
});
