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

/** How a word of a text compares with list words, worked out once per distinct word. */
interface WordInfo {
  lower: string;
  stem: string;
  cyrillic: boolean;
}

// Distinct words of all texts seen so far (a vocabulary is small next to the texts); bounded so a
// hostile text of random words cannot grow it without end.
const wordInfos = new Map<string, WordInfo>();
const maxWordInfos = 100_000;

function wordInfo(text: string): WordInfo {
  let info = wordInfos.get(text);
  if (info) return info;
  const lower = normalise(text);
  info = { lower, stem: stem(lower), cyrillic: cyrillicPattern.test(lower) };
  if (wordInfos.size >= maxWordInfos) wordInfos.clear();
  wordInfos.set(text, info);
  return info;
}

// The words of a text exactly as words() finds them (text/words.ts): a sticky copy to read the
// word at a place, a global one to find the next word after it.
const wordSource = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/u.source;
const wordAt = new RegExp(wordSource, 'uy');
const wordAfter = new RegExp(wordSource, 'gu');
const wordChar = /^[\p{L}\p{N}]$/u;
const joinChars = new Set(['-', "'", '’']);
// 0: not yet known, 1: a letter or digit, 2: not; for code units outside the surrogates.
const wordUnit = new Uint8Array(0x10000);

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x10000 && (cp < 0xd800 || cp > 0xdfff)) {
    let known = wordUnit[cp]!;
    if (known === 0) {
      known = wordChar.test(String.fromCharCode(cp)) ? 1 : 2;
      wordUnit[cp] = known;
    }
    return known === 1;
  }
  return wordChar.test(String.fromCodePoint(cp));
}

/** The code point that ends just before `i`, and where it starts (-1 at the start of the text). */
function before(text: string, i: number): { cp: number; at: number } {
  if (i <= 0) return { cp: -1, at: -1 };
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return { cp: (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000, at: i - 2 };
  }
  return { cp: low, at: i - 1 };
}

/** Whether words() would start a word at `i`: a letter or digit that does not continue the word before it. */
function startsWord(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  if (cp === undefined || !isWordCodePoint(cp)) return false;
  const prev = before(text, i);
  if (prev.cp === -1) return true;
  if (isWordCodePoint(prev.cp)) return false;
  // «a-b», «don't»: a hyphen or apostrophe between letters joins them into one word
  if (joinChars.has(String.fromCharCode(prev.cp))) {
    const prev2 = before(text, prev.at);
    if (prev2.cp !== -1 && isWordCodePoint(prev2.cp)) return false;
  }
  return true;
}

function escapeForPattern(s: string): string {
  let out = '';
  for (const ch of s) {
    // the text is searched lowercased but not with ё → е, and Greek sigma lowercases by context
    if (ch === 'е') out += '[её]';
    else if (ch === 'σ' || ch === 'ς') out += '[σς]';
    else out += ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  }
  return out;
}

export class PhraseMatcher {
  private readonly byFirst = new Map<string, Entry[]>();
  /**
   * Where a match can start, as a pattern over the lowercased text: every form a list word
   * matches starts with its stem (Russian: Snowball only cuts endings off, so a word's stem is
   * the beginning of the word) or, in English, with the surface letters wordMatches() requires.
   * Null when some entry gives no such beginning; then every word is tried.
   */
  private readonly starts: RegExp | null;

  constructor(list: Iterable<string>) {
    const prefixes = new Set<string>();
    let everyWord = false;
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
      const first = ws[0]!;
      const prefix = first.cyrillic ? first.stem : first.surface.slice(0, Math.min(first.surface.length - 1, first.stem.length + 2));
      if (prefix.length === 0) everyWord = true;
      else prefixes.add(prefix);
    }
    this.starts =
      everyWord || prefixes.size === 0
        ? null
        : new RegExp(
            [...prefixes]
              .sort((a, b) => b.length - a.length)
              .map(escapeForPattern)
              .join('|'),
            'gu',
          );
  }

  get size(): number {
    let n = 0;
    for (const b of this.byFirst.values()) n += b.length;
    return n;
  }

  /** Every match in `text`; words of a phrase may be separated only by white space. */
  find(text: string): PhraseMatch[] {
    if (this.byFirst.size === 0) return [];
    const lower = text.toLowerCase();
    // Lowercasing that changes the length (e.g. «İ») would shift offsets: try every word then.
    if (!this.starts || lower.length !== text.length) return this.findEveryWord(text);
    const found: PhraseMatch[] = [];
    const starts = new RegExp(this.starts);
    let coveredUntil = -1;
    for (let m = starts.exec(lower); m !== null; m = starts.exec(lower)) {
      const at = m.index;
      starts.lastIndex = at + 1;
      if (at < coveredUntil || !startsWord(text, at)) continue;
      wordAt.lastIndex = at;
      const first = wordAt.exec(text);
      if (!first) continue;
      const tokens: Token[] = [toToken(first[0], at)];
      const bucket = this.byFirst.get(tokens[0]!.stem.slice(0, 2));
      if (!bucket) continue;
      // the words after it, read only as far as an entry needs them
      const tokenAt = (k: number): Token | undefined => {
        while (tokens.length <= k) {
          wordAfter.lastIndex = tokens[tokens.length - 1]!.end;
          const next = wordAfter.exec(text);
          if (!next) return undefined;
          tokens.push(toToken(next[0], next.index));
        }
        return tokens[k];
      };
      const best = this.bestAt(bucket, tokenAt, text);
      if (best) {
        found.push({ entry: best.entry.text, offset: at, endOffset: best.last.end });
        coveredUntil = best.last.end;
      }
    }
    return found;
  }

  /** The same search, trying every word of the text. */
  private findEveryWord(text: string): PhraseMatch[] {
    const tokens: Token[] = words(text).map((w) => toToken(w.text, w.offset));
    const found: PhraseMatch[] = [];
    let coveredUntil = -1;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.offset < coveredUntil) continue;
      const bucket = this.byFirst.get(token.stem.slice(0, 2));
      if (!bucket) continue;
      const best = this.bestAt(bucket, (k) => tokens[i + k], text);
      if (best) {
        found.push({ entry: best.entry.text, offset: token.offset, endOffset: best.last.end });
        coveredUntil = best.last.end;
      }
    }
    return found;
  }

  /** The longest entry of the bucket that matches the words from here on (the first on a tie). */
  private bestAt(bucket: Entry[], tokenAt: (k: number) => Token | undefined, text: string): { entry: Entry; last: Token } | null {
    let best: { entry: Entry; last: Token } | null = null;
    for (const entry of bucket) {
      const last = matchAt(entry, tokenAt, text);
      if (last && (!best || entry.words.length > best.entry.words.length)) best = { entry, last };
    }
    return best;
  }
}

function toToken(word: string, offset: number): Token {
  const info = wordInfo(word);
  return { lower: info.lower, stem: info.stem, cyrillic: info.cyrillic, offset, end: offset + word.length };
}

const spaceOnly = /^\s+$/;

function matchAt(entry: Entry, tokenAt: (k: number) => Token | undefined, text: string): Token | null {
  let last: Token | null = null;
  for (let k = 0; k < entry.words.length; k++) {
    const token = tokenAt(k);
    if (!token || !wordMatches(entry.words[k]!, token)) return null;
    if (last && !spaceOnly.test(text.slice(last.end, token.offset))) return null;
    last = token;
  }
  return last;
}
