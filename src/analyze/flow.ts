import { outgoing, type Edge, type GraphIndex } from '../graph/query.js';
import type { Node, Task } from '../graph/types.js';

/**
 * Facts about the flow of a compiled graph that several consumers need (lint, report, test):
 * which nodes a run can reach, where a run stops without an explicit end, and which loops a run
 * can never leave. Everything here is iterative and linear in the size of the graph: graphs come
 * from untrusted files and may be large or deep.
 */

/** Ids of every node reachable from the given start ids, following next, options, jumps and returns. */
export function reachableFrom(index: GraphIndex, starts: Iterable<string | null | undefined>): Set<string> {
  const seen = new Set<string>();
  const stack: string[] = [];
  for (const s of starts) if (s && index.node(s)) stack.push(s);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = index.node(id)!;
    for (const edge of outgoing(node)) if (edge.to !== null && !seen.has(edge.to) && index.node(edge.to)) stack.push(edge.to);
  }
  return seen;
}

/** Nodes reachable from one task's entry (jumps into other tasks followed). */
export function reachableFromTask(index: GraphIndex, task: Task): Set<string> {
  return reachableFrom(index, [task.entry]);
}

/** Nodes that no run of any task reaches, in the graph's node order. */
export function unreachableNodes(index: GraphIndex): Node[] {
  const reached = reachableFrom(
    index,
    index.graph.tasks.map((t) => t.entry),
  );
  return Object.values(index.graph.nodes).filter((n) => !reached.has(n.id));
}

/** The nodes that come after a node in the text's flow: its edges and, for a decision, its join. */
export function flowSuccessors(node: Node): string[] {
  const targets = outgoing(node).map((e) => e.to);
  if (node.kind === 'decision') targets.push(node.join ?? null);
  return targets.filter((to): to is string => to !== null && to !== undefined);
}

/**
 * The first node of each unreachable stretch: an unreachable node that no other unreachable node
 * leads to, also through a decision's join (so a block of ten steps after an `::end` is reported
 * once). Nodes of an unreachable cycle that nothing else leads into are represented by one of them.
 */
export function unreachableHeads(index: GraphIndex, unreachable: Node[]): Node[] {
  const set = new Set(unreachable.map((n) => n.id));
  const led = new Set<string>();
  for (const n of unreachable) for (const to of flowSuccessors(n)) if (set.has(to) && to !== n.id) led.add(to);
  const heads = unreachable.filter((n) => !led.has(n.id));
  const covered = new Set<string>();
  const cover = (start: string) => {
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (covered.has(id) || !set.has(id)) continue;
      covered.add(id);
      stack.push(...flowSuccessors(index.node(id)!));
    }
  };
  for (const h of heads) cover(h.id);
  for (const n of unreachable) {
    if (covered.has(n.id)) continue;
    heads.push(n);
    cover(n.id);
  }
  return heads;
}

/** An edge that names a node the graph does not have: the flow stops there. */
export interface BrokenEdge {
  from: Node;
  edge: Edge;
}

export function brokenEdges(index: GraphIndex): BrokenEdge[] {
  const out: BrokenEdge[] = [];
  for (const node of Object.values(index.graph.nodes)) {
    for (const edge of outgoing(node)) if (edge.to !== null && !index.node(edge.to)) out.push({ from: node, edge });
  }
  return out;
}

/** Where a run of a task stops because the flow runs out (`next: null`), not at an end, jump or wait. */
export interface RunOut {
  /** The last node before the flow runs out. */
  node: Node;
  /** For a decision: the option that leads nowhere. */
  option?: string;
}

/**
 * Every place among the given nodes (e.g. what a task's runs reach, or what any run reaches)
 * where the flow runs out, each once. A jump with `return` continues after the called task, so
 * the called task running out is not a stop of the caller; a decision's option that leads
 * nowhere is a stop of its own.
 */
export function runOuts(index: GraphIndex, nodes: Iterable<string>): RunOut[] {
  const out: RunOut[] = [];
  for (const id of nodes) {
    const node = index.node(id)!;
    switch (node.kind) {
      case 'end':
      case 'wait':
        break;
      case 'decision':
        for (const o of node.options) if (o.next === null) out.push({ node, option: o.id });
        break;
      case 'jump':
        if (node.return && node.next === null) out.push({ node });
        break;
      default:
        if (node.next === null) out.push({ node });
    }
  }
  return out;
}

/** A strongly connected set of nodes that contains a cycle. */
export interface Loop {
  nodes: Node[];
  /** True when some edge leaves the loop, it contains an end, or the flow can run out inside it. */
  hasExit: boolean;
}

/** Every cycle of the graph (strongly connected components with a cycle), found with an iterative Tarjan. */
export function loops(index: GraphIndex): Loop[] {
  const nodes = Object.values(index.graph.nodes);
  const n = nodes.length;
  const number = new Map<string, number>();
  nodes.forEach((node, i) => number.set(node.id, i));
  // Successors as integer lists, built once.
  const succ: number[][] = nodes.map((node) => {
    const out: number[] = [];
    for (const e of outgoing(node)) {
      const to = e.to === null ? undefined : number.get(e.to);
      if (to !== undefined) out.push(to);
    }
    return out;
  });
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const frameNode: number[] = [];
  const frameNext: number[] = [];
  const result: Loop[] = [];
  let counter = 0;
  for (let start = 0; start < n; start++) {
    if (order[start] !== -1) continue;
    const enter = (v: number) => {
      order[v] = low[v] = counter++;
      stack.push(v);
      onStack[v] = 1;
      frameNode.push(v);
      frameNext.push(0);
    };
    enter(start);
    while (frameNode.length > 0) {
      const top = frameNode.length - 1;
      const v = frameNode[top]!;
      const list = succ[v]!;
      if (frameNext[top]! < list.length) {
        const w = list[frameNext[top]!++]!;
        if (order[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, order[w]!);
        continue;
      }
      frameNode.pop();
      frameNext.pop();
      if (frameNode.length > 0) {
        const parent = frameNode[frameNode.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] !== order[v]) continue;
      const members: string[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        members.push(nodes[w]!.id);
      } while (w !== v);
      if (members.length > 1 || list.includes(v)) result.push(describeLoop(index, members));
    }
  }
  return result;
}

function describeLoop(index: GraphIndex, ids: string[]): Loop {
  const set = new Set(ids);
  const nodes = ids.map((id) => index.node(id)!).sort((a, b) => (a.position.file < b.position.file ? -1 : a.position.file > b.position.file ? 1 : a.position.offset - b.position.offset));
  const hasExit = nodes.some((n) => n.kind === 'end' || outgoing(n).some((e) => e.to === null || !set.has(e.to)));
  return { nodes, hasExit };
}
