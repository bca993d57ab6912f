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
    const parts = lower.split(/[-'’]/).filter(Boolean);
    const stemsOfWord = [stemOf(lower)];
    if (parts.length > 1) for (const p of parts) if (!isStopWord(p)) stemsOfWord.push(stemOf(p));
    return { word, lower, stems: stemsOfWord, stop: isStopWord(lower) };
  });
}

/** Every index term of a text (stop words included: a query of only stop words looks for them). */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of termsOf(text)) out.push(...t.stems);
  return out;
}
