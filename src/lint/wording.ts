import { stem, words } from '../text/words.js';

/**
 * Finds words and phrases of a list in a text in any inflected form, in one pass over the text.
 *
 * Snowball stems are compared, with a tolerance where the stemmer is known to be inconsistent:
 * - Russian: Snowball cuts verbs unevenly («организовать» → «организова», «организуйте» →
 *   «организ»), so a list verb is reduced to its root (the stem without the stem vowel or the
 *   «-ова-» suffix: «организ») and a word matches when its stem starts with the list word's
 *   root or stem; stems of three letters or fewer («при») must be equal.
 * - English: stems must be equal, and the surface words must share more than the stem (so
 *   "organize" finds "organizing" but not "organic", whose stem is also "organ").
 */
export interface PhraseMatch {
  /** The list entry that matched, as written in the list. */
  entry: string;
  offset: number;
  endOffset: number;
}

interface EntryWord {
  surface: string;
  stem: string;
  cyrillic: boolean;
}

interface Entry {
  text: string;
  words: EntryWord[];
}

interface Token {
  lower: string;
  stem: string;
  cyrillic: boolean;
  offset: number;
  end: number;
}

const cyrillicPattern = /[\u0400-\u04ff]/;

function normalise(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function wordMatches(entry: EntryWord, token: Token): boolean {
  if (entry.cyrillic !== token.cyrillic) return false;
  if (entry.cyrillic) return entry.stem.length <= 3 ? token.stem === entry.stem : token.stem.startsWith(entry.stem);
  if (entry.stem !== token.stem) return false;
  return commonPrefix(entry.surface, token.lower) >= Math.min(entry.surface.length - 1, entry.stem.length + 2);
}

const russianVerb = /(?:ть|ти|чь)(?:ся|сь)?$/;

/**
 * The part of a Russian word every form starts with: its Snowball stem, and for a verb the stem
 * without the stem vowel or the «-ова-/-ива-» suffix Snowball leaves only on some forms.
 */
function russianRoot(word: string): string {
  const s = stem(word);
  if (!russianVerb.test(word)) return s;
  const root = s.replace(/(?:[оеиы]?ва|[аяеи])$/, '');
  return root.length >= 4 ? root : s;
}

export class PhraseMatcher {
  private readonly byFirst = new Map<string, Entry[]>();

  constructor(list: Iterable<string>) {
    for (const text of list) {
      const ws = words(text).map((w) => {
        const surface = normalise(w.text);
        const cyrillic = cyrillicPattern.test(surface);
        return { surface, stem: cyrillic ? russianRoot(surface) : stem(surface), cyrillic };
      });
      if (ws.length === 0) continue;
      const key = ws[0]!.stem.slice(0, 2);
      const bucket = this.byFirst.get(key) ?? [];
      bucket.push({ text, words: ws });
      this.byFirst.set(key, bucket);
    }
  }

  get size(): number {
    let n = 0;
    for (const b of this.byFirst.values()) n += b.length;
    return n;
  }

  /** Every match in `text`; words of a phrase may be separated only by white space. */
  find(text: string): PhraseMatch[] {
    const stems = new Map<string, string>();
    const tokens: Token[] = words(text).map((w) => {
      const lower = normalise(w.text);
      let s = stems.get(lower);
      if (s === undefined) {
        s = stem(lower);
        stems.set(lower, s);
      }
      return { lower, stem: s, cyrillic: cyrillicPattern.test(lower), offset: w.offset, end: w.offset + w.text.length };
    });
    const found: PhraseMatch[] = [];
    let coveredUntil = -1;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.offset < coveredUntil) continue;
      const bucket = this.byFirst.get(token.stem.slice(0, 2));
      if (!bucket) continue;
      let best: { entry: Entry; last: Token } | null = null;
      for (const entry of bucket) {
        const last = this.matchAt(entry, tokens, i, text);
        if (last && (!best || entry.words.length > best.entry.words.length)) best = { entry, last };
      }
      if (best) {
        found.push({ entry: best.entry.text, offset: token.offset, endOffset: best.last.end });
        coveredUntil = best.last.end;
      }
    }
    return found;
  }

  private matchAt(entry: Entry, tokens: Token[], start: number, text: string): Token | null {
    let last: Token | null = null;
    for (let k = 0; k < entry.words.length; k++) {
      const token = tokens[start + k];
      if (!token || !wordMatches(entry.words[k]!, token)) return null;
      if (last && !/^\s+$/.test(text.slice(last.end, token.offset))) return null;
      last = token;
    }
    return last;
  }
}
