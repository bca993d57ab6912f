import { someWord } from '../text/words.js';
import { wordTerms } from './terms.js';

/**
 * An inverted index over pieces of text, in typed arrays: for each term (sorted), the pieces it is
 * in and how often. Kept in this form, not as MiniSearch's JSON, because it is stored and read
 * back at every warm `instr search`: typed arrays are copied, not parsed, and a query touches only
 * the postings of the terms it matches (see engine.ts).
 */
export interface Postings {
  /** Distinct index terms, sorted. */
  terms: string[];
  /** Postings of terms[t]: docs/tfs[start[t] .. start[t + 1]). */
  start: Uint32Array;
  /** Piece numbers, ascending within a term. */
  docs: Uint32Array;
  /** How often the term is in that piece (capped at 65535). */
  tfs: Uint16Array;
  /** Distinct terms of each piece (MiniSearch's field length). */
  fieldLength: Uint32Array;
  /** Sum of fieldLength, when known without a pass over it (a stored index). */
  fieldLengthSum?: number;
  /**
   * Makes docs and tfs of terms[t] readable (a stored index reads them block by block, as a query
   * needs them); false when they cannot be read or do not match their digest. Absent: all are in memory.
   */
  ensure?: (t: number) => boolean;
}

/**
 * The postings of pieces of text, numbered from 0 in order. Pieces repeat their words, so each
 * distinct word as written is lowercased, split and stemmed once per build (Words), to the numbers
 * of its terms; each piece's terms and counts go to one array, from which the postings are laid out
 * term by term at the end, terms sorted by their text. Little is allocated per word or per piece:
 * a large folder's compiled graph is in memory meanwhile, and fresh memory is slow to fault in.
 */
export function buildPostings(texts: readonly string[]): Postings {
  const words = new Words();
  /** Per term number: the piece that last had it, and where its count is in `pairs`. */
  let lastPiece = new Int32Array(256).fill(-1);
  let countAt = new Int32Array(256);
  /** Per term number: how many pieces have it. */
  let piecesWith = new Int32Array(256);
  /** Term number and count, for each distinct term of each piece in order (fieldLength[n] pairs for piece n); room for 8 a piece, grown when more. */
  let pairs = new Int32Array(2 + 16 * texts.length);
  let used = 0;
  const fieldLength = new Uint32Array(texts.length);
  let text = '';
  let n = 0;
  const visit = (from: number, to: number): boolean => {
    const w = words.find(text, from, to);
    for (let k = words.first[w]!, end = k + words.count[w]!; k < end; k++) {
      const id = words.terms[k]!;
      if (id >= lastPiece.length) {
        lastPiece = grown(lastPiece, id, -1);
        countAt = grown(countAt, id, 0);
        piecesWith = grown(piecesWith, id, 0);
      }
      if (lastPiece[id] === n) pairs[countAt[id]!]!++;
      else {
        if (used + 2 > pairs.length) pairs = grown(pairs, used + 1, 0);
        lastPiece[id] = n;
        pairs[used] = id;
        pairs[used + 1] = 1;
        countAt[id] = used + 1;
        used += 2;
        fieldLength[n]!++;
        piecesWith[id]!++;
      }
    }
    return false;
  };
  for (; n < texts.length; n++) {
    text = texts[n]!;
    someWord(text, visit);
  }
  const termCount = words.termText.length;
  const order = Array.from({ length: termCount }, (_, id) => id).sort((a, b) => (words.termText[a]! < words.termText[b]! ? -1 : 1));
  const start = new Uint32Array(termCount + 1);
  /** Where the next posting of each term number goes. */
  const next = new Uint32Array(termCount);
  let total = 0;
  for (let i = 0; i < termCount; i++) {
    start[i] = next[order[i]!] = total;
    total += piecesWith[order[i]!]!;
  }
  start[termCount] = total;
  const docs = new Uint32Array(total);
  const tfs = new Uint16Array(total);
  for (let piece = 0, k = 0; piece < fieldLength.length; piece++) {
    for (let end = k + 2 * fieldLength[piece]!; k < end; k += 2) {
      const at = next[pairs[k]!]!++;
      docs[at] = piece;
      tfs[at] = Math.min(pairs[k + 1]!, 65535);
    }
  }
  return { terms: order.map((id) => words.termText[id]!), start, docs, tfs, fieldLength };
}

/** A copy of `array` at least twice as long and long enough to hold index `needed`, the new slots filled with `fill`. */
function grown(array: Int32Array<ArrayBuffer>, needed: number, fill: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(Math.max(2 * array.length, needed + 1)).fill(fill);
  copy.set(array);
  return copy;
}

/** The distinct words of one build, each with the numbers of its index terms (wordTerms(), empty terms left out). */
class Words {
  /** Index terms by number, in the order first met. */
  readonly termText: string[] = [];
  private readonly termOf = new Map<string, number>();
  private readonly wordOf = new Map<string, number>();
  /** Per word: its term numbers as terms[first .. first + count). */
  readonly first: number[] = [];
  readonly count: number[] = [];
  readonly terms: number[] = [];

  /** The number of the word text[from .. to). */
  find(text: string, from: number, to: number): number {
    const word = text.slice(from, to);
    const known = this.wordOf.get(word);
    return known === undefined ? this.add(word) : known;
  }

  private add(word: string): number {
    const w = this.first.length;
    this.wordOf.set(word, w);
    this.first.push(this.terms.length);
    for (const term of wordTerms(word)) {
      if (!term) continue;
      let id = this.termOf.get(term);
      if (id === undefined) {
        this.termOf.set(term, (id = this.termText.length));
        this.termText.push(term);
      }
      this.terms.push(id);
    }
    this.count.push(this.terms.length - this.first[w]!);
    return w;
  }
}

/** Postings of several parts as one, the pieces of each part numbered after those of the parts before it. */
export function mergePostings(parts: readonly Postings[]): Postings {
  const offsets: number[] = [];
  let pieces = 0;
  let total = 0;
  for (const p of parts) {
    offsets.push(pieces);
    pieces += p.fieldLength.length;
    total += p.docs.length;
  }
  const terms = [...new Set(parts.flatMap((p) => p.terms))].sort();
  const termAt = parts.map((p) => {
    const at = new Map<string, number>();
    p.terms.forEach((t, i) => at.set(t, i));
    return at;
  });
  const start = new Uint32Array(terms.length + 1);
  const docs = new Uint32Array(total);
  const tfs = new Uint16Array(total);
  let at = 0;
  terms.forEach((term, i) => {
    start[i] = at;
    parts.forEach((p, k) => {
      const t = termAt[k]!.get(term);
      if (t === undefined) return;
      for (let j = p.start[t]!; j < p.start[t + 1]!; j++, at++) {
        docs[at] = p.docs[j]! + offsets[k]!;
        tfs[at] = p.tfs[j]!;
      }
    });
  });
  start[terms.length] = at;
  const fieldLength = new Uint32Array(pieces);
  parts.forEach((p, k) => fieldLength.set(p.fieldLength, offsets[k]));
  return { terms, start, docs, tfs, fieldLength };
}
