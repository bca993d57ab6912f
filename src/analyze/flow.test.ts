import { describe, expect, it } from 'vitest';
import { indexGraph } from '../graph/query.js';
import type { Graph, Node, Position, Task } from '../graph/types.js';
import {
  brokenEdges,
  inFileOrder,
  loops,
  nodesReachedByTasks,
  predecessors,
  reachableFrom,
  reachableFromTasks,
  runOuts,
  runOutsAmong,
  unreachableHeads,
  unreachableNodes,
} from './flow.js';
import { outgoing } from '../graph/query.js';

const pos = (line: number): Position => ({ file: 'a.md', line, column: 1, endLine: line, endColumn: 2, offset: line * 10, endOffset: line * 10 + 1 });
const step = (id: string, next: string | null, line = 1, task = 't'): Node => ({ id, task, kind: 'step', text: id, markdown: id, position: pos(line), next });
const task = (id: string, entry: string | null): Task => ({
  id,
  kind: 'task',
  title: id,
  file: 'a.md',
  document: 'd',
  section: 's',
  position: pos(1),
  schedules: [],
  entry,
});

function graph(nodes: Node[], tasks: Task[]): Graph {
  return { format: 'instr-graph', version: 1, documents: [], tasks, nodes: Object.fromEntries(nodes.map((n) => [n.id, n])) };
}

describe('flow analysis', () => {
  it('follows next, options and jumps, and finds what nothing reaches', () => {
    const g = graph(
      [
        step('a', 'd'),
        {
          id: 'd',
          task: 't',
          kind: 'decision',
          question: 'q',
          position: pos(2),
          join: 'c',
          options: [
            { id: 'y', label: 'y', position: pos(3), next: 'j' },
            { id: 'n', label: 'n', position: pos(4), next: 'e' },
          ],
        },
        { id: 'j', task: 't', kind: 'jump', target: 'u', targetTask: 'u', targetNode: 'u1', return: false, position: pos(5), next: null },
        { id: 'e', task: 't', kind: 'end', outcome: 'x', status: 'done', position: pos(6) },
        step('c', 'c2', 7),
        step('c2', null, 8),
        step('u1', null, 9, 'u'),
      ],
      [task('t', 'a'), task('u', 'u1')],
    );
    const index = indexGraph(g);
    expect([...reachableFrom(index, ['a'])].sort()).toEqual(['a', 'd', 'e', 'j', 'u1']);
    const lost = unreachableNodes(index);
    expect(lost.map((n) => n.id)).toEqual(['c', 'c2']);
    expect(unreachableHeads(index, lost).map((n) => n.id)).toEqual(['c']);
    expect(runOuts(index, reachableFrom(index, ['a'])).map((r) => r.node.id)).toEqual(['u1']);
    const reached = nodesReachedByTasks(index);
    expect(reached.map((n) => n.id)).toEqual([...reachableFromTasks(index)]);
    expect(reached.every((n) => index.node(n.id) === n)).toBe(true);
    expect(runOutsAmong(reached)).toEqual(runOuts(index, reachableFromTasks(index)));
  });

  it('finds loops with and without an exit', () => {
    const g = graph(
      [
        step('a', 'b'),
        step('b', 'a2'),
        { id: 'a2', task: 't', kind: 'jump', target: 'a', targetTask: 't', targetNode: 'a', return: false, position: pos(3), next: null },
        step('x', 'y', 4, 'u'),
        {
          id: 'y',
          task: 'u',
          kind: 'decision',
          question: 'again?',
          position: pos(5),
          options: [
            { id: 'o1', label: 'yes', position: pos(6), next: 'x' },
            { id: 'o2', label: 'no', position: pos(7), next: null },
          ],
        },
      ],
      [task('t', 'a'), task('u', 'x')],
    );
    const found = loops(indexGraph(g));
    expect(found.map((l) => [l.nodes.map((n) => n.id).sort(), l.hasExit])).toEqual([
      [['a', 'a2', 'b'], false],
      [['x', 'y'], true],
    ]);
  });

  it('handles a chain of 60 000 nodes ending in a 30 000-node cycle without recursion', () => {
    const n = 60_000;
    const nodes: Node[] = [];
    for (let i = 0; i < n; i++) nodes.push(step(`s${i}`, i + 1 < n ? `s${i + 1}` : 's30000', i + 1));
    const index = indexGraph(graph(nodes, [task('t', 's0')]));
    expect(reachableFrom(index, ['s0']).size).toBe(n);
    const found = loops(index);
    expect(found).toHaveLength(1);
    expect(found[0]!.nodes).toHaveLength(30_000);
    expect(found[0]!.hasExit).toBe(false);
  });

  it('reports edges to nodes that do not exist', () => {
    const index = indexGraph(graph([step('a', 'ghost')], [task('t', 'a')]));
    expect(brokenEdges(index).map((b) => b.edge.to)).toEqual(['ghost']);
  });

  it('lists the predecessors of each node as collecting outgoing() targets node by node does: node order, once per edge', () => {
    const g = graph(
      [
        step('a', 'd'),
        {
          id: 'd',
          task: 't',
          kind: 'decision',
          question: 'q',
          position: pos(2),
          join: 'c',
          options: [
            { id: 'y', label: 'y', position: pos(3), next: 'c' },
            { id: 'n', label: 'n', position: pos(4), next: 'c' },
            { id: 'm', label: 'm', position: pos(5), next: 'gone' },
          ],
        },
        { id: 'w', task: 't', kind: 'wait', event: 'w', position: pos(6), next: 'c', onTimeout: { id: 'timeout', label: 'late', position: pos(7), next: 'a' } },
        { id: 'j', task: 't', kind: 'jump', target: 'u', targetTask: 'u', targetNode: 'c', return: true, position: pos(8), next: 'a' },
        step('c', 'a', 9),
      ],
      [task('t', 'a')],
    );
    const index = indexGraph(g);
    const expected = new Map<string, string[]>();
    for (const node of Object.values(g.nodes))
      for (const edge of outgoing(node)) if (edge.to && Object.hasOwn(g.nodes, edge.to)) expected.set(edge.to, [...(expected.get(edge.to) ?? []), node.id]);
    const { nodes, start, pred } = predecessors(index);
    const found = new Map<string, string[]>();
    nodes.forEach((node, i) => {
      const list: string[] = [];
      for (let k = start[i]!; k < start[i + 1]!; k++) list.push(nodes[pred[k]!]!.id);
      if (list.length > 0) found.set(node.id, list);
    });
    expect(found).toEqual(expected);
    expect(found.get('c')).toEqual(['d', 'd', 'w', 'j']);
    // and the edges the other way round: each node's existing targets, in outgoing() order
    const { succStart, succ } = predecessors(index);
    nodes.forEach((node, i) => {
      const targets: string[] = [];
      for (let k = succStart[i]!; k < succStart[i + 1]!; k++) targets.push(nodes[succ[k]!]!.id);
      expect(targets).toEqual(outgoing(node).flatMap((e) => (e.to && Object.hasOwn(g.nodes, e.to) ? [e.to] : [])));
    });
    expect(predecessors(index)).toBe(predecessors(index));
  });
});

describe('inFileOrder', () => {
  it('sorts by file, then offset, keeping the order of ties, in one file or several (seeded random lists)', () => {
    const seed = 1128;
    let s = seed;
    const next = (k: number) => Math.floor(((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) * k);
    const byDefinition = (list: Node[]) =>
      list
        .map((n, i) => ({ n, i }))
        .sort((a, b) =>
          a.n.position.file < b.n.position.file ? -1 : a.n.position.file > b.n.position.file ? 1 : a.n.position.offset - b.n.position.offset || a.i - b.i,
        )
        .map((x) => x.n);
    for (let t = 0; t < 500; t++) {
      const files = 1 + next(3);
      const list = Array.from({ length: 1 + next(8) }, (_, i) => {
        const n = step(`n${i}`, null);
        return { ...n, position: { ...n.position, file: `f${next(files)}.md`, offset: next(5) } };
      });
      expect(inFileOrder([...list]), `list ${t} (seed ${seed})`).toEqual(byDefinition(list));
    }
  });
});
