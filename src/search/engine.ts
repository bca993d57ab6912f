import type { Query, SearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Postings } from './postings.js';

/** MiniSearch's defaults, which the index was tuned with (BM25+; fuzzy and prefix matches weigh less). */
const bm25 = { k: 1.2, b: 0.7, d: 0.5 };
const weights = { fuzzy: 0.55, prefix: 0.6 };
const maxFuzzy = 6;

/**
 * Sets of (query term, index term) pairs, numbered: a matching piece carries the number of the set
 * of pairs that found it, so no piece needs an object or an array of its own. 0 is the empty set.
 */
class PairSets {
  private readonly pairs: Array<{ source: string; derived: string }> = [];
  private readonly pairAt = new Map<string, number>();
  private readonly members: number[][] = [[]];
  private readonly byMembers = new Map<string, number>([['', 0]]);
  private readonly added = new Map<number, Map<number, number>>();
  private readonly unions = new Map<number, Map<number, number>>();

  pair(source: string, derived: string): number {
    const key = `${source}\0${derived}`;
    let at = this.pairAt.get(key);
    if (at === undefined) {
      this.pairAt.set(key, (at = this.pairs.length));
      this.pairs.push({ source, derived });
    }
    return at;
  }

  /** The set with one more pair. */
  add(set: number, pair: number): number {
    return memo(this.added, set, pair, () => this.make([...this.members[set]!, pair]));
  }

  union(a: number, b: number): number {
    if (a === b || b === 0) return a;
    if (a === 0) return b;
    return memo(this.unions, Math.min(a, b), Math.max(a, b), () => this.make([...this.members[a]!, ...this.members[b]!]));
  }

  /** Query terms of a set (distinct, in the order first matched). */
  sources(set: number): string[] {
    return [...new Set(this.members[set]!.map((p) => this.pairs[p]!.source))];
  }

  /** Index terms of a set. */
  derived(set: number): string[] {
    return [...new Set(this.members[set]!.map((p) => this.pairs[p]!.derived))];
  }

  private make(list: number[]): number {
    const sorted = [...new Set(list)].sort((x, y) => x - y);
    const key = sorted.join(',');
    let id = this.byMembers.get(key);
    if (id === undefined) {
      this.byMembers.set(key, (id = this.members.length));
      this.members.push(sorted);
    }
    return id;
  }
}

function memo(table: Map<number, Map<number, number>>, a: number, b: number, make: () => number): number {
  let row = table.get(a);
  if (!row) table.set(a, (row = new Map()));
  let value = row.get(b);
  if (value === undefined) row.set(b, (value = make()));
  return value;
}

/** Pieces a (sub)query matched: their numbers, and by piece number their score and the set of pairs that found them. */
class Matches {
  readonly pieces: number[] = [];
  readonly score: Float64Array;
  readonly set: Uint32Array;
  constructor(size: number) {
    this.score = new Float64Array(size);
    this.set = new Uint32Array(size);
  }
}

/**
 * Matches whose arrays are reused within a query: a (sub)query's matches are folded into another
 * and given back, cleared where they were written, so that a query over 100 000 pieces does not
 * allocate (and the collector clear) two arrays of that size for every term it looks up.
 */
class MatchesPool {
  private readonly free: Matches[] = [];
  constructor(private readonly size: number) {}

  take(): Matches {
    return this.free.pop() ?? new Matches(this.size);
  }

  give(m: Matches): void {
    for (const n of m.pieces) {
      m.score[n] = 0;
      m.set[n] = 0;
    }
    m.pieces.length = 0;
    this.free.push(m);
  }
}

/** A stored index whose postings could not be read or did not match their digests: it is not used (and is rebuilt). */
export class DamagedIndexError extends Error {
  constructor() {
    super('the stored search index is damaged');
  }
}

/** What a query matched: each matching piece's score and the terms that found it. */
export interface QueryResult {
  /** Matching pieces, in no particular order. */
  pieces: readonly number[];
  score: Float64Array;
  /** Query terms that found a piece (stems as planned). */
  sources(n: number): string[];
  /** Index terms of a piece that matched (a prefix or a typo of a query term, or the term itself). */
  derived(n: number): string[];
  /** Number of the set of query terms that found a piece: pieces with the same set have the same sources(). */
  setOf(n: number): number;
}

/**
 * MiniSearch's query semantics (nested OR/AND queries, prefix and fuzzy terms, field boosts, BM25+
 * with a per-piece boost) over typed-array postings. The term dictionary is MiniSearch's own radix
 * tree (SearchableMap), which finds the prefix and typo matches; only the postings of the terms a
 * query matches are read, and a matching piece costs a few array slots, not objects.
 */
export class QueryEngine {
  private dictionary: SearchableMap<number> | null = null;
  private readonly avgFieldLength: number;

  constructor(
    private readonly postings: Postings,
    /** Kind of each piece: its score is multiplied by the weight of its kind. */
    private readonly kinds: Uint8Array,
    /** Weight of each kind. */
    private readonly kindBoost: Float64Array,
  ) {
    let sum = postings.fieldLengthSum;
    if (sum === undefined) {
      sum = 0;
      for (const length of postings.fieldLength) sum += length;
    }
    this.avgFieldLength = postings.fieldLength.length === 0 ? 0 : sum / postings.fieldLength.length;
  }

  search(query: Query): QueryResult {
    const sets = new PairSets();
    const m = this.execute(query, {}, sets, new MatchesPool(this.postings.fieldLength.length));
    return {
      pieces: m.pieces,
      score: m.score,
      sources: (n) => sets.sources(m.set[n]!),
      derived: (n) => sets.derived(m.set[n]!),
      setOf: (n) => m.set[n]!,
    };
  }

  private terms(): SearchableMap<number> {
    if (!this.dictionary) {
      this.dictionary = new SearchableMap<number>();
      this.postings.terms.forEach((t, i) => this.dictionary!.set(t, i));
    }
    return this.dictionary;
  }

  private execute(query: Query, inherited: SearchOptions, sets: PairSets, pool: MatchesPool): Matches {
    if (typeof query === 'symbol') throw new Error('wildcard queries are not used');
    if (typeof query !== 'string') {
      const options: SearchOptions = { ...inherited, ...query };
      const operator = (options.combineWith ?? 'OR').toUpperCase();
      if (operator !== 'OR' && operator !== 'AND') throw new Error(`unknown combination ${options.combineWith}`);
      // Left to right, as MiniSearch folds them: a piece's score is summed in the same order.
      let result: Matches | null = null;
      for (const q of query.queries) {
        const next = this.execute(q, options, sets, pool);
        result = result === null ? next : operator === 'OR' ? or(result, next, sets, pool) : and(result, next, sets, pool);
      }
      return result ?? pool.take();
    }
    return this.executeTerm(query, inherited, sets, pool);
  }

  private executeTerm(term: string, options: SearchOptions, sets: PairSets, pool: MatchesPool): Matches {
    const fieldBoost = options.boost?.['text'] ?? 1;
    const results = pool.take();
    if (!term) return results;
    const dictionary = this.terms();
    const exact = dictionary.get(term);
    if (exact !== undefined) this.termResults(term, term, 1, fieldBoost, exact, results, sets);
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
        this.termResults(term, derived, (weights.prefix * derived.length) / (derived.length + 0.3 * distance), fieldBoost, t, results, sets);
      }
    }
    if (fuzzyMatches) {
      for (const [derived, [t, distance]] of fuzzyMatches) {
        if (!distance) continue;
        this.termResults(term, derived, (weights.fuzzy * derived.length) / (derived.length + distance), fieldBoost, t, results, sets);
      }
    }
    return results;
  }

  private termResults(source: string, derived: string, termWeight: number, fieldBoost: number, t: number, into: Matches, sets: PairSets): void {
    if (this.postings.ensure && !this.postings.ensure(t)) throw new DamagedIndexError();
    const { start, docs, tfs, fieldLength } = this.postings;
    const from = start[t]!;
    const to = start[t + 1]!;
    const total = fieldLength.length;
    const matching = to - from;
    const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
    const { k, b, d } = bm25;
    const pair = sets.pair(source, derived);
    const next = new Map<number, number>();
    let lastSet = -1;
    let lastAdded = 0;
    for (let j = from; j < to; j++) {
      const n = docs[j]!;
      const docBoost = this.kindBoost[this.kinds[n]!] ?? 1;
      if (!docBoost) continue;
      const tf = tfs[j]!;
      const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * fieldLength[n]!) / this.avgFieldLength)));
      const set = into.set[n]!;
      if (set === 0) into.pieces.push(n);
      into.score[n] = into.score[n]! + termWeight * fieldBoost * docBoost * raw;
      if (set !== lastSet) {
        let added = next.get(set);
        if (added === undefined) next.set(set, (added = sets.add(set, pair)));
        lastSet = set;
        lastAdded = added;
      }
      into.set[n] = lastAdded;
    }
  }
}

/** b folded into a (b is given back). */
function or(a: Matches, b: Matches, sets: PairSets, pool: MatchesPool): Matches {
  for (const n of b.pieces) {
    if (a.set[n] === 0) a.pieces.push(n);
    a.score[n] = a.score[n]! + b.score[n]!;
    a.set[n] = sets.union(a.set[n]!, b.set[n]!);
  }
  pool.give(b);
  return a;
}

/** The pieces in both (a and b are given back). */
function and(a: Matches, b: Matches, sets: PairSets, pool: MatchesPool): Matches {
  const combined = pool.take();
  for (const n of b.pieces) {
    if (a.set[n] === 0) continue;
    combined.pieces.push(n);
    combined.score[n] = a.score[n]! + b.score[n]!;
    combined.set[n] = sets.union(a.set[n]!, b.set[n]!);
  }
  pool.give(a);
  pool.give(b);
  return combined;
}
