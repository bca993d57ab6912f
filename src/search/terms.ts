import { stem, words, type Word } from '../text/words.js';
import { isStopWord } from './stop-words.js';

/** Lowercase, ё → е: the form words are compared in. */
function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

/** The index term of a normalized word: its stem (stem() remembers them), or the word itself when it has digits. */
function stemOf(lower: string): string {
  return /\d/.test(lower) ? lower : stem(lower);
}

/** One word of a text as the index sees it. */
export interface Term {
  /** The word as written. */
  word: Word;
  /** Normalized form. */
  lower: string;
  /** Index terms of the word: its stem, and the stems of its parts when it has a hyphen ("ИТ-подрядчик"). */
  stems: string[];
  stop: boolean;
}

export function termsOf(text: string): Term[] {
  return words(text).map((word) => {
    const lower = normalizeWord(word.text);
    return { word, lower, stems: stemsOfLower(lower), stop: isStopWord(lower) };
  });
}

/** Index terms of a normalized word: its stem, then the stems of its parts that are not stop words when it has a hyphen or an apostrophe. */
function stemsOfLower(lower: string): string[] {
  const stems = [stemOf(lower)];
  const parts = lower.split(/[-'’]/).filter(Boolean);
  if (parts.length > 1) for (const p of parts) if (!isStopWord(p)) stems.push(stemOf(p));
  return stems;
}

/** Index terms of a word as written (stop words included: a query of only stop words looks for them). */
export function wordTerms(word: string): string[] {
  return stemsOfLower(normalizeWord(word));
}
