import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OverlapIndex } from './overlap-index.js';

/** A verdict on the sets' contents that depends on which is the query, as the lint rule's does. */
const accept = (query: ReadonlySet<string>, stored: ReadonlySet<string>) => {
  let shared = 0;
  for (const s of query) {
    if (stored.has(s)) shared++;
    else if (stored.has(`!${s}`)) return false;
  }
  return shared >= 2 && shared * 2 >= query.size;
};

const sets = fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', '!a', '!b'), { maxLength: 5 }), { maxLength: 40 });

describe('OverlapIndex', () => {
  it('finds exactly the stored sets a scan of all of them accepts, in order', () => {
    fc.assert(
      fc.property(sets, sets, (stored, queries) => {
        const index = new OverlapIndex(2, accept);
        const ids = stored.map((members) => index.add(new Set(members)));
        // equal sets share an id
        stored.forEach((members, i) => expect(index.sets[ids[i]!]).toEqual(new Set(members)));
        for (const members of queries) {
          const query = new Set(members);
          const scanned = index.sets.flatMap((set, id) => (accept(query, set) ? [id] : []));
          expect(index.matching(query)).toEqual(scanned);
          expect(index.matching(new Set([...members].reverse()))).toEqual(scanned);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('asks for a verdict only on sets that share enough members', () => {
    let asked = 0;
    const index = new OverlapIndex(3, (q, s) => {
      asked++;
      return accept(q, s);
    });
    for (let i = 0; i < 1000; i++) index.add(new Set([`w${i}`, `x${i}`, `y${i}`, 'common']));
    index.add(new Set(['w1', 'x1', 'y1', 'z']));
    expect(index.matching(new Set(['w1', 'x1', 'y1', 'common']))).toEqual([1, 1000]);
    expect(asked).toBe(2);
  });
});
