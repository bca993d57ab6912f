import snowball from 'snowball-stemmers';

/** A word of a text with where it starts (UTF-16 offset into the text). */
export interface Word {
  text: string;
  offset: number;
}

/**
 * The words of a text: what `/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*\/gu` matches (runs of letters and
 * digits, joined by a hyphen or an apostrophe), found without that expression: V8 compiles its two
 * Unicode classes on first use, which cost more than a warm `instr search` spends on its query
 * (src/text/words.test.ts checks that both agree).
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  someWord(text, (start, end) => void out.push({ text: text.slice(start, end), offset: start }));
  return out;
}

/**
 * Visits the words of a text as words() finds them, by where each starts and ends, until `visit`
 * returns true; whether it did. A text is often only asked whether it has some word, and most
 * have none: then no list is built.
 */
export function someWord(text: string, visit: (start: number, end: number) => boolean | undefined): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.codePointAt(i)!;
    if (!isLetterOrDigit(c)) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n) {
        const d = text.codePointAt(i)!;
        if (!isLetterOrDigit(d)) break;
        i += d > 0xffff ? 2 : 1;
      }
      const joiner = text.charCodeAt(i);
      if (i + 1 < n && (joiner === 0x2d || joiner === 0x27 || joiner === 0x2019) && isLetterOrDigit(text.codePointAt(i + 1)!)) i++;
      else break;
    }
    if (visit(start, i) === true) return true;
  }
  return false;
}

/** Compiled only for a character outside the ranges isLetterOrDigit knows (remembered per character). */
let letterOrDigit: RegExp | undefined;
const otherCharacters = new Map<number, boolean>();

/**
 * \p{L} or \p{N}. ASCII, Latin-1, Cyrillic, and the punctuation and currency signs of Russian
 * texts (— … ₽) are answered from their ranges (every one of them assigned since Unicode 5.0, so
 * the same in every Node); any other character by the regular expression.
 */
export function isLetterOrDigit(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  if (c >= 0x400 && c <= 0x4ff) return c < 0x482 || c > 0x489; // ҂ and the combining marks after it are not
  if (c < 0x100)
    return c >= 0xc0 ? c !== 0xd7 && c !== 0xf7 : c === 0xaa || c === 0xb2 || c === 0xb3 || c === 0xb5 || c === 0xb9 || c === 0xba || (c >= 0xbc && c <= 0xbe);
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x20a0 && c <= 0x20cf)) return false; // general punctuation, currency signs
  let known = otherCharacters.get(c);
  if (known === undefined) {
    letterOrDigit ??= /^[\p{L}\p{N}]$/u;
    known = letterOrDigit.test(String.fromCodePoint(c));
    if (otherCharacters.size < 10_000) otherCharacters.set(c, known);
  }
  return known;
}

const stemmers = new Map<string, ReturnType<typeof snowball.newStemmer>>();

function stemmer(language: 'russian' | 'english') {
  let s = stemmers.get(language);
  if (!s) {
    s = snowball.newStemmer(language);
    stemmers.set(language, s);
  }
  return s;
}

// Stems remembered: an instruction repeats its words, and the Snowball stemmer costs ~20 µs a word.
// Keyed by the word as given as well as by its lowercased form, so that a word seen before is
// answered without lowercasing it again (rules stem the same texts' words one after another).
// Bounded, so that a hostile file of unique words cannot grow it without limit.
const remembered = new Map<string, string>();
const rememberedLimit = 100_000;

/** Snowball stem of a word, Russian for Cyrillic words and English otherwise; lowercased, ё → е. */
export function stem(word: string): string {
  let s = remembered.get(word);
  if (s !== undefined) return s;
  const lowered = word.toLowerCase();
  const lower = lowered.includes('ё') ? lowered.replace(/ё/g, 'е') : lowered;
  s = remembered.get(lower);
  if (s === undefined) s = /[\u0400-\u04ff]/.test(lower) ? stemmer('russian').stem(lower) : stemmer('english').stem(lower);
  if (remembered.size >= rememberedLimit) remembered.clear();
  remembered.set(word, s);
  if (lower !== word) remembered.set(lower, s);
  return s;
}
