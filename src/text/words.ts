import snowball from 'snowball-stemmers';

/** A word of a text with where it starts (UTF-16 offset into the text). */
export interface Word {
  text: string;
  offset: number;
}

const wordPattern = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(wordPattern)) out.push({ text: m[0], offset: m.index });
  return out;
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
// Bounded, so that a hostile file of unique words cannot grow it without limit.
const remembered = new Map<string, string>();
const rememberedLimit = 100_000;

/** Snowball stem of a word, Russian for Cyrillic words and English otherwise; lowercased, ё → е. */
export function stem(word: string): string {
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  let s = remembered.get(lower);
  if (s === undefined) {
    s = /[\u0400-\u04ff]/.test(lower) ? stemmer('russian').stem(lower) : stemmer('english').stem(lower);
    if (remembered.size >= rememberedLimit) remembered.clear();
    remembered.set(lower, s);
  }
  return s;
}
