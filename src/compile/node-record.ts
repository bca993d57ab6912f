import type { Node } from '../graph/types.js';

/**
 * The graph's one record of nodes, filled file by file, with its nodes also listed as they go in.
 * V8 keeps a record of 100 000 nodes as a dictionary, and `Object.values()` of it sorts the keys
 * by when they were added (~50 ms on 10 MB of instructions); the list is that order already, as
 * long as no key is added twice, none is an array index (those are listed first, by number) and
 * none is `__proto__` (which sets the record's prototype, as `Object.assign` does, and is not
 * listed). Otherwise `values()` falls back to `Object.values()`.
 */
export class NodeRecord {
  readonly record: Record<string, Node> = {};
  private readonly list: Node[] = [];
  private listInOrder = true;

  /** Adds a file's nodes under their keys, as `Object.assign` would. */
  add(nodes: Record<string, Node>, keys: readonly string[] = Object.keys(nodes)): void {
    for (const key of keys) {
      if (this.listInOrder && (Object.hasOwn(this.record, key) || isArrayIndex(key) || key === '__proto__')) this.listInOrder = false;
      const node = nodes[key]!;
      this.record[key] = node;
      this.list.push(node);
    }
  }

  /** The record's nodes in `Object.values()` order. */
  values(): Node[] {
    return this.listInOrder ? this.list : Object.values(this.record);
  }
}

/** Whether a property key is an array index, which JavaScript lists before every other key. */
export function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}
