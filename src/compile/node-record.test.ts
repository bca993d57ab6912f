import { describe, expect, it } from 'vitest';
import type { Node } from '../graph/types.js';
import { isArrayIndex, NodeRecord } from './node-record.js';

const step = (id: string) => ({ id, kind: 'step' }) as unknown as Node;
const recordOf = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, step(id)]));

/** Adds the records to a NodeRecord and to a plain object with Object.assign, and returns both lists of ids. */
function both(records: Array<Record<string, Node>>): { listed: string[]; assigned: string[]; record: Record<string, Node> } {
  const nodes = new NodeRecord();
  const plain: Record<string, Node> = {};
  for (const r of records) {
    nodes.add(r);
    Object.assign(plain, r);
  }
  return { listed: nodes.values().map((n) => n.id), assigned: Object.values(plain).map((n) => n.id), record: nodes.record };
}

describe('NodeRecord', () => {
  it('lists the nodes in Object.values() order, file after file', () => {
    const { listed, assigned, record } = both([recordOf(['t.s1', 't.a']), recordOf(['u.s2', 'z', 'b'])]);
    expect(listed).toEqual(['t.s1', 't.a', 'u.s2', 'z', 'b']);
    expect(listed).toEqual(assigned);
    expect(Object.keys(record)).toEqual(listed);
  });

  it('keeps the order of Object.values() when a key comes twice (its first place, the last node)', () => {
    const first = recordOf(['a', 'b']);
    const second = { c: step('c'), a: step('a') };
    const { listed, assigned, record } = both([first, second]);
    expect(listed).toEqual(assigned);
    expect(listed).toEqual(['a', 'b', 'c']);
    expect(record['a']).toBe(second.a);
  });

  it('keeps the order of Object.values() when a key is an array index (listed first, by number)', () => {
    const { listed, assigned } = both([recordOf(['b', '10']), recordOf(['a', '2'])]);
    expect(listed).toEqual(assigned);
    expect(listed).toEqual(['2', '10', 'b', 'a']);
  });

  it('keeps the order of Object.values() when a key is __proto__ (it sets the prototype, as Object.assign does)', () => {
    const odd = JSON.parse('{"b": {"id": "b", "kind": "step"}, "__proto__": {"id": "p", "kind": "step"}}') as Record<string, Node>;
    const { listed, assigned } = both([recordOf(['a']), odd]);
    expect(listed).toEqual(assigned);
    expect(listed).toEqual(['a', 'b']);
  });

  it('adds only the keys it is given', () => {
    const nodes = new NodeRecord();
    nodes.add(recordOf(['a', 'b', 'c']), ['c', 'a']);
    expect(Object.keys(nodes.record)).toEqual(['c', 'a']);
    expect(nodes.values().map((n) => n.id)).toEqual(['c', 'a']);
  });
});

describe('isArrayIndex', () => {
  it('is true for the keys JavaScript orders as array indexes', () => {
    for (const key of ['0', '1', '42', String(2 ** 32 - 2)]) expect(isArrayIndex(key), key).toBe(true);
    for (const key of ['', '01', '-1', '1.5', '1e3', ' 1', 'a1', String(2 ** 32 - 1), '99999999999']) expect(isArrayIndex(key), key).toBe(false);
  });

  it('agrees with the order of an object’s keys', () => {
    for (const key of ['0', '7', '01', '-1', '4294967294', '4294967295', '1.0']) {
      const o: Record<string, number> = { x: 1 };
      o[key] = 2;
      expect(Object.keys(o)[0] === key, key).toBe(isArrayIndex(key));
    }
  });
});
