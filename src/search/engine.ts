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
    let row = this.added.get(set);
    if (!row) this.added.set(set, (row = new Map()));
    let value = row.get(pair);
    if (value === undefined) row.set(pair, (value = this.make([...this.members[set]!, pair])));
    return value;
  }

  union(a: number, b: number): number {
    if (a === b || b === 0) return a;
    if (a === 0) return b;
    const low = a < b ? a : b;
    const high = a < b ? b : a;
    let row = this.unions.get(low);
    if (!row) this.unions.set(low, (row = new Map()));
    let value = row.get(high);
    if (value === undefined) row.set(high, (value = this.make([...this.members[low]!, ...this.members[high]!])));
    return value;
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
  /** termWeight * fieldBoost * kindBoost[kind] of the term being read. */
  private readonly byKind: Float64Array;
  /** BM25+ of the term being read for a tf of 1, by field length (0: not worked out yet). */
  private readonly rawOfLength = new Float64Array(256);

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
    this.byKind = new Float64Array(kindBoost.length);
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

  /** Whether the index has this term as a word of its own (not only as the start of longer ones). */
  has(term: string): boolean {
    return this.terms().has(term);
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
    const avg = this.avgFieldLength;
    const { kinds, kindBoost, byKind, rawOfLength } = this;
    // A piece adds termWeight * fieldBoost * docBoost * raw: the first three are multiplied once per
    // kind, and raw (BM25+) once per field length for the common tf of 1 — the same operations in the
    // same order, so the same scores to the last bit, without a dozen numbers made per posting.
    const weight = termWeight * fieldBoost;
    for (let i = 0; i < kindBoost.length; i++) byKind[i] = weight * kindBoost[i]!;
    rawOfLength.fill(0);
    const pair = sets.pair(source, derived);
    const { pieces, score, set: setOf } = into;
    const next = new Map<number, number>();
    let lastSet = -1;
    let lastAdded = 0;
    for (let j = from; j < to; j++) {
      const n = docs[j]!;
      const kind = kinds[n]!;
      const docBoost = kindBoost[kind] ?? 1;
      if (!docBoost) continue;
      const tf = tfs[j]!;
      const length = fieldLength[n]!;
      let raw: number;
      if (tf === 1 && length < rawOfLength.length) {
        raw = rawOfLength[length]!;
        // raw is never 0 (idf and d are positive): 0 is "not yet worked out"
        if (raw === 0) raw = rawOfLength[length] = idf * (d + (1 * (k + 1)) / (1 + k * (1 - b + (b * length) / avg)));
      } else raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)));
      const set = setOf[n]!;
      if (set === 0) pieces.push(n);
      score[n] = score[n]! + (kind < byKind.length ? byKind[kind]! : weight) * raw;
      if (set !== lastSet) {
        let added = next.get(set);
        if (added === undefined) next.set(set, (added = sets.add(set, pair)));
        lastSet = set;
        lastAdded = added;
      }
      setOf[n] = lastAdded;
    }
  }
}

/** b folded into a (b is given back). */
function or(a: Matches, b: Matches, sets: PairSets, pool: MatchesPool): Matches {
  const { pieces, score, set } = a;
  let lastA = -1;
  let lastB = -1;
  let lastUnion = 0;
  for (const n of b.pieces) {
    const setA = set[n]!;
    const setB = b.set[n]!;
    if (setA === 0) pieces.push(n);
    score[n] = score[n]! + b.score[n]!;
    // neighbouring pieces mostly have the same sets
    if (setA !== lastA || setB !== lastB) {
      lastA = setA;
      lastB = setB;
      lastUnion = sets.union(setA, setB);
    }
    set[n] = lastUnion;
  }
  pool.give(b);
  return a;
}

/** The pieces in both (a and b are given back). */
function and(a: Matches, b: Matches, sets: PairSets, pool: MatchesPool): Matches {
  const combined = pool.take();
  let lastA = -1;
  let lastB = -1;
  let lastUnion = 0;
  for (const n of b.pieces) {
    const setA = a.set[n]!;
    if (setA === 0) continue;
    const setB = b.set[n]!;
    combined.pieces.push(n);
    combined.score[n] = a.score[n]! + b.score[n]!;
    if (setA !== lastA || setB !== lastB) {
      lastA = setA;
      lastB = setB;
      lastUnion = sets.union(setA, setB);
    }
    combined.set[n] = lastUnion;
  }
  pool.give(a);
  pool.give(b);
  return combined;
}
