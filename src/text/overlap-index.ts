/**
 * Sets of word stems, stored once each, with an index from stem to the sets that hold it: which
 * stored sets share at least `minShared` members with a given set, found by looking up its own
 * members instead of comparing it with every stored set. Comparing every option and trigger of a
 * folder with every task's trigger was quadratic in the folder (a 10 MB folder: ~65 million
 * comparisons); here each set meets only the stored sets it shares words with.
 */
export class OverlapIndex {
  private readonly ids = new Map<string, number>();
  /** The stored sets, by id. */
  readonly sets: ReadonlySet<string>[] = [];
  private readonly byMember = new Map<string, number[]>();
  private readonly answers = new Map<string, number[]>();
  private counts = new Int32Array(0);

  /**
   * @param minShared the fewest shared members a candidate has (a necessary condition of `accept`)
   * @param accept the verdict on a candidate: the query first, the stored set second
   */
  constructor(
    private readonly minShared: number,
    private readonly accept: (query: ReadonlySet<string>, stored: ReadonlySet<string>) => boolean,
  ) {}

  /** Stores a set (an equal set stored before keeps its id); returns its id. */
  add(set: ReadonlySet<string>): number {
    const key = keyOf(set);
    let id = this.ids.get(key);
    if (id !== undefined) return id;
    id = this.sets.length;
    this.ids.set(key, id);
    this.sets.push(set);
    for (const member of set) {
      const list = this.byMember.get(member);
      if (list) list.push(id);
      else this.byMember.set(member, [id]);
    }
    this.answers.clear();
    return id;
  }

  /** Ids of the stored sets that `accept` the query, ascending. Do not change the array returned. */
  matching(query: ReadonlySet<string>): readonly number[] {
    const key = keyOf(query);
    const known = this.answers.get(key);
    if (known) return known;
    if (this.counts.length < this.sets.length) this.counts = new Int32Array(this.sets.length);
    const counts = this.counts;
    const touched: number[] = [];
    for (const member of query) {
      for (const id of this.byMember.get(member) ?? []) if (counts[id]!++ === 0) touched.push(id);
    }
    const found: number[] = [];
    for (const id of touched) {
      if (counts[id]! >= this.minShared && this.accept(query, this.sets[id]!)) found.push(id);
      counts[id] = 0;
    }
    found.sort((a, b) => a - b);
    this.answers.set(key, found);
    return found;
  }
}

/** The same key for equal sets, whatever their order. */
function keyOf(set: ReadonlySet<string>): string {
  return [...set].sort().join('\u0000');
}
