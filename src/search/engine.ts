import type { Query, SearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Postings } from './postings.js';

/** A piece that matched: its score, the query terms it matched and the index terms that matched them. */
export interface Scored {
  n: number;
  score: number;
  /** Query terms (stems as planned) that found the piece. */
  terms: string[];
  /** Index terms of the piece that matched (a prefix or a typo of a query term, or the term itself). */
  match: string[];
}

type Results = Map<number, Scored>;

/** MiniSearch's defaults, which the index was tuned with (BM25+; fuzzy and prefix matches weigh less). */
const bm25 = { k: 1.2, b: 0.7, d: 0.5 };
const weights = { fuzzy: 0.55, prefix: 0.6 };
const maxFuzzy = 6;

/**
 * MiniSearch's query semantics (nested OR/AND queries, prefix and fuzzy terms, field boosts, BM25+
 * with a per-piece boost) over typed-array postings. The term dictionary is MiniSearch's own radix
 * tree (SearchableMap), which finds the prefix and typo matches; only the postings of the terms a
 * query matches are read, so nothing is deserialised up front.
 */
export class QueryEngine {
  private dictionary: SearchableMap<number> | null = null;
  private readonly avgFieldLength: number;

  constructor(
    private readonly postings: Postings,
    /** Weight of each piece (its kind), multiplied into its score. */
    private readonly boost: Float64Array,
  ) {
    let sum = 0;
    for (const length of postings.fieldLength) sum += length;
    this.avgFieldLength = postings.fieldLength.length === 0 ? 0 : sum / postings.fieldLength.length;
  }

  /** Matching pieces, best first (ties: the lower piece number first). */
  search(query: Query): Scored[] {
    const results = [...this.execute(query, {}).values()];
    return results.sort((a, b) => b.score - a.score || a.n - b.n);
  }

  private terms(): SearchableMap<number> {
    if (!this.dictionary) {
      this.dictionary = new SearchableMap<number>();
      this.postings.terms.forEach((t, i) => this.dictionary!.set(t, i));
    }
    return this.dictionary;
  }

  private execute(query: Query, inherited: SearchOptions): Results {
    if (typeof query === 'symbol') throw new Error('wildcard queries are not used');
    if (typeof query !== 'string') {
      const options: SearchOptions = { ...inherited, ...query };
      return combine(
        query.queries.map((q) => this.execute(q, options)),
        options.combineWith,
      );
    }
    if (!query) return new Map();
    return this.executeTerm(query, inherited);
  }

  private executeTerm(term: string, options: SearchOptions): Results {
    const fieldBoost = options.boost?.['text'] ?? 1;
    const results: Results = new Map();
    const dictionary = this.terms();
    const exact = dictionary.get(term);
    if (exact !== undefined) this.termResults(term, term, 1, fieldBoost, exact, results);
    const fuzzyOption = typeof options.fuzzy === 'number' || typeof options.fuzzy === 'boolean' ? options.fuzzy : false;
    let fuzzyMatches: Map<string, [number, number]> | undefined;
    if (fuzzyOption) {
      const fuzzy = fuzzyOption === true ? 0.2 : fuzzyOption;
      const maxDistance = fuzzy < 1 ? Math.min(maxFuzzy, Math.round(term.length * fuzzy)) : fuzzy;
      if (maxDistance) fuzzyMatches = dictionary.fuzzyGet(term, maxDistance);
    }
    if (options.prefix === true) {
      for (const [derived, t] of dictionary.atPrefix(term)) {
        const distance = derived.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(derived);
        this.termResults(term, derived, (weights.prefix * derived.length) / (derived.length + 0.3 * distance), fieldBoost, t, results);
      }
    }
    if (fuzzyMatches) {
      for (const [derived, [t, distance]] of fuzzyMatches) {
        if (!distance) continue;
        this.termResults(term, derived, (weights.fuzzy * derived.length) / (derived.length + distance), fieldBoost, t, results);
      }
    }
    return results;
  }

  private termResults(source: string, derived: string, termWeight: number, fieldBoost: number, t: number, results: Results): void {
    const { start, docs, tfs, fieldLength } = this.postings;
    const from = start[t]!;
    const to = start[t + 1]!;
    const total = fieldLength.length;
    const matching = to - from;
    const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
    const { k, b, d } = bm25;
    for (let j = from; j < to; j++) {
      const n = docs[j]!;
      const docBoost = this.boost[n]!;
      if (!docBoost) continue;
      const tf = tfs[j]!;
      const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * fieldLength[n]!) / this.avgFieldLength)));
      const score = termWeight * fieldBoost * docBoost * raw;
      const found = results.get(n);
      if (found) {
        found.score += score;
        if (!found.terms.includes(source)) found.terms.push(source);
        if (!found.match.includes(derived)) found.match.push(derived);
      } else results.set(n, { n, score, terms: [source], match: [derived] });
    }
  }
}

function combine(results: Results[], combineWith = 'OR'): Results {
  if (results.length === 0) return new Map();
  const operator = combineWith.toUpperCase();
  if (operator !== 'OR' && operator !== 'AND') throw new Error(`unknown combination ${combineWith}`);
  return results.reduce((a, b) => (operator === 'OR' ? or(a, b) : and(a, b)));
}

function merge(into: Scored, from: Scored): void {
  into.score += from.score;
  for (const t of from.terms) if (!into.terms.includes(t)) into.terms.push(t);
  for (const m of from.match) if (!into.match.includes(m)) into.match.push(m);
}

function or(a: Results, b: Results): Results {
  for (const [n, r] of b) {
    const found = a.get(n);
    if (found) merge(found, r);
    else a.set(n, r);
  }
  return a;
}

function and(a: Results, b: Results): Results {
  const combined: Results = new Map();
  for (const [n, r] of b) {
    const found = a.get(n);
    if (!found) continue;
    merge(found, r);
    combined.set(n, found);
  }
  return combined;
}
