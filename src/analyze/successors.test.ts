import { beforeAll, describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import { indexGraph, outgoing, type GraphIndex } from '../graph/query.js';
import { buildFlowchart } from '../render/flowchart.js';
import { reachableFromTasks } from './flow.js';

// Regression: the flow analysis and the flowchart each had their own copy of "where the flow goes
// from a node"; all three now use graph/query's eachSuccessor. These checks hold them together.
let indexes: GraphIndex[];
beforeAll(async () => {
  indexes = await Promise.all(['instructions', 'test/fixtures/run', 'test/fixtures/lint'].map(async (p) => indexGraph((await compilePaths([p])).graph)));
});

describe('one definition of a node’s successors', () => {
  it('the flow analysis reaches exactly what a walk over outgoing() reaches', () => {
    for (const index of indexes) {
      const seen = new Set<string>();
      const stack = index.graph.tasks.map((t) => t.entry).filter((e): e is string => typeof e === 'string');
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (seen.has(id) || !index.node(id)) continue;
        seen.add(id);
        for (const e of outgoing(index.node(id)!)) if (e.to !== null) stack.push(e.to);
      }
      expect([...reachableFromTasks(index)].sort()).toEqual([...seen].sort());
    }
  });

  it('the flowchart draws a solid edge for each non-jump edge of outgoing()', () => {
    for (const index of indexes) {
      const chart = buildFlowchart(index, index.graph.tasks);
      const idOf = new Map(chart.groups.flatMap((g) => g.nodes.map((n) => [n.key, n.graphId ?? `(${n.shape})`] as const)));
      const drawn = new Map<string, string[]>();
      for (const e of chart.edges) if (!e.dashed) drawn.set(idOf.get(e.from)!, [...(drawn.get(idOf.get(e.from)!) ?? []), idOf.get(e.to)!]);
      const drawnIds = new Set(idOf.values());
      for (const node of Object.values(index.graph.nodes)) {
        const want = outgoing(node)
          .filter((e) => e.kind !== 'jump')
          .map((e) => (e.to === null ? '(done)' : e.to))
          .filter((to) => drawnIds.has(to));
        expect(drawn.get(node.id) ?? [], node.id).toEqual(want);
      }
    }
  });
});
