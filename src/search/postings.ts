import { indexTerms } from './terms.js';

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

/** The postings of pieces of text, numbered from 0 in order. */
export function buildPostings(texts: readonly string[]): Postings {
  const byTerm = new Map<string, number[]>();
  const fieldLength = new Uint32Array(texts.length);
  texts.forEach((text, n) => {
    const counts = new Map<string, number>();
    for (const term of indexTerms(text)) if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
    fieldLength[n] = counts.size;
    for (const [term, tf] of counts) {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push(n, tf);
    }
  });
  const terms = [...byTerm.keys()].sort();
  const start = new Uint32Array(terms.length + 1);
  let total = 0;
  terms.forEach((t, i) => {
    start[i] = total;
    total += byTerm.get(t)!.length / 2;
  });
  start[terms.length] = total;
  const docs = new Uint32Array(total);
  const tfs = new Uint16Array(total);
  terms.forEach((t, i) => {
    const list = byTerm.get(t)!;
    for (let j = 0, at = start[i]!; j < list.length; j += 2, at++) {
      docs[at] = list[j]!;
      tfs[at] = Math.min(list[j + 1]!, 65535);
    }
  });
  return { terms, start, docs, tfs, fieldLength };
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
