import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Reachability } from './reachability.js';

/** The definition: every id met by walking one edge or more from `from`. */
function walk(links: ReadonlyMap<string, ReadonlySet<string>>, from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(links.get(from) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of links.get(id) ?? []) stack.push(next);
  }
  return seen;
}

/** Random graphs over ids t0…t(n-1), with edges to ids that have no entry of their own (a jump to a missing task). */
const graphs = fc
  .integer({ min: 0, max: 30 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat({ max: Math.max(0, n - 1) }), fc.nat({ max: n + 3 })), { maxLength: n * 3 })))
  .map(([n, edges]) => {
    const links = new Map<string, Set<string>>();
    for (let i = 0; i < n; i++) links.set(`t${i}`, new Set());
    for (const [from, to] of edges) if (n > 0) links.get(`t${from}`)!.add(`t${to}`);
    return links;
  });

describe('Reachability', () => {
  it('answers every pair as walking the graph does: cycles, self-loops, missing ids', () => {
    fc.assert(
      fc.property(graphs, (links) => {
        const reach = new Reachability(links);
        const ids = [...new Set([...links.keys(), 'missing', ...[...links.values()].flatMap((s) => [...s])])];
        // every pair is asked; one expect per source id (an expect per pair was most of the test's time)
        for (const from of ids) {
          const walked = walk(links, from);
          expect(
            ids.filter((to) => reach.reaches(from, to)),
            `from ${from}`,
          ).toEqual(ids.filter((to) => walked.has(to)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes a chain of 20 000 ids without deep recursion', () => {
    const links = new Map<string, Set<string>>();
    for (let i = 0; i < 20_000; i++) links.set(`t${i}`, new Set(i + 1 < 20_000 ? [`t${i + 1}`] : []));
    const reach = new Reachability(links);
    expect(reach.reaches('t0', 't19999')).toBe(true);
    expect(reach.reaches('t19999', 't0')).toBe(false);
    expect(reach.reaches('t5', 't5')).toBe(false);
  });

  it('ties a cycle into one component: each id reaches every other and itself', () => {
    const links = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set<string>()],
    ]);
    const reach = new Reachability(links);
    for (const from of ['a', 'b', 'c']) for (const to of ['a', 'b', 'c', 'd']) expect(reach.reaches(from, to)).toBe(true);
    expect(reach.reaches('d', 'a')).toBe(false);
    expect(reach.reaches('d', 'd')).toBe(false);
  });
});
