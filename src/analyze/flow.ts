import { eachSuccessor, outgoing, type Edge, type GraphIndex } from '../graph/query.js';
import type { Node } from '../graph/types.js';

/**
 * Facts about the flow of a compiled graph that several consumers need (lint, report, test):
 * which nodes a run can reach, where a run stops without an explicit end, and which loops a run
 * can never leave. Everything here is iterative and linear in the size of the graph: graphs come
 * from untrusted files and may be large or deep.
 */

/**
 * The graph's nodes numbered in their order and its edges (next, options, jumps, returns) as
 * integer lists, built once per index and shared by every analysis: lint asks several questions
 * of the same graph, and walking `outgoing()` objects each time costs more than the walk itself.
 * An index is built for a graph that no longer changes (see indexGraph).
 */
interface FlowIndex {
  ids: string[];
  nodes: Node[];
  number: Map<string, number>;
  /** Edges of node i are succ[start[i]] … succ[start[i + 1] - 1], in outgoing() order; only edges to existing nodes. */
  start: Int32Array;
  succ: Int32Array;
  /** Numbers of the nodes with an edge to a node the graph does not have, in node order. */
  broken: number[];
  /** 1 for a node with an edge that leads to no node: the flow runs out (null) or the target is missing. */
  open: Uint8Array;
  /** Memo: nodes reached from every task's entry. */
  reachedByTasks?: { seen: Uint8Array; order: number[] };
  /** Memo: the edges turned round (see predecessors()). */
  predecessors?: Predecessors;
}

const flowIndexes = new WeakMap<GraphIndex, FlowIndex>();

function flowIndex(index: GraphIndex): FlowIndex {
  let flow = flowIndexes.get(index);
  if (flow) return flow;
  const ids = Object.keys(index.graph.nodes);
  const nodes = ids.map((id) => index.graph.nodes[id]!);
  const number = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) number.set(ids[i]!, i);
  const start = new Int32Array(ids.length + 1);
  const list: number[] = [];
  const broken: number[] = [];
  const open = new Uint8Array(ids.length);
  let brokenHere = false;
  let openHere = false;
  const add = (to: string | null | undefined) => {
    if (to === null) {
      openHere = true;
      return;
    }
    const n = to === undefined ? undefined : number.get(to);
    if (n !== undefined) list.push(n);
    else brokenHere = openHere = true; // brokenEdges() looks at this node's edges again
  };
  for (let i = 0; i < nodes.length; i++) {
    start[i] = list.length;
    brokenHere = openHere = false;
    const node = nodes[i]!;
    eachSuccessor(node, add);
    if (brokenHere) broken.push(i);
    if (openHere) open[i] = 1;
  }
  start[nodes.length] = list.length;
  flow = { ids, nodes, number, start, succ: Int32Array.from(list), broken, open };
  flowIndexes.set(index, flow);
  return flow;
}

/** The graph's nodes in its order, listed once per index (cheaper than Object.values on a large graph each time). */
export function nodeList(index: GraphIndex): readonly Node[] {
  return flowIndex(index).nodes;
}

/**
 * The edges of the flow index turned round: the nodes with an edge to node i are
 * `nodes[pred[start[i]]]` … `nodes[pred[start[i + 1] - 1]]`, in node order, a node once per edge
 * (a decision whose two options lead to the same node is there twice), as collecting `outgoing()`
 * targets node by node would list them. Only edges to existing nodes.
 */
export interface Predecessors {
  nodes: readonly Node[];
  start: Int32Array;
  pred: Int32Array;
  /** The edges the other way round, as the flow index has them: node i's are `succ[succStart[i]]` … `succ[succStart[i + 1] - 1]`. */
  succStart: Int32Array;
  succ: Int32Array;
}

/** Every node's predecessors, worked out once per index. */
export function predecessors(index: GraphIndex): Predecessors {
  const flow = flowIndex(index);
  if (flow.predecessors) return flow.predecessors;
  const n = flow.nodes.length;
  const { start: first, succ } = flow;
  const start = new Int32Array(n + 1);
  // counted, summed up, then filled in node order: each list comes out in the order of the nodes before it
  for (let k = 0; k < succ.length; k++) start[succ[k]! + 1] = start[succ[k]! + 1]! + 1;
  for (let i = 0; i < n; i++) start[i + 1] = start[i + 1]! + start[i]!;
  const fill = start.slice(0, n);
  const pred = new Int32Array(succ.length);
  for (let v = 0; v < n; v++)
    for (let k = first[v]!, end = first[v + 1]!; k < end; k++) {
      const w = succ[k]!;
      pred[fill[w]!] = v;
      fill[w] = fill[w]! + 1;
    }
  flow.predecessors = { nodes: flow.nodes, start, pred, succStart: first, succ };
  return flow.predecessors;
}

/** Depth-first from the starts, in the order reachableFrom() has always visited; marks `seen`, returns the visit order. */
function walk(flow: FlowIndex, starts: Iterable<string | null | undefined>): { seen: Uint8Array; order: number[] } {
  const seen = new Uint8Array(flow.ids.length);
  const order: number[] = [];
  const stack: number[] = [];
  for (const s of starts) {
    const n = s ? flow.number.get(s) : undefined;
    if (n !== undefined) stack.push(n);
  }
  const { start, succ } = flow;
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (seen[v]) continue;
    seen[v] = 1;
    order.push(v);
    for (let k = start[v]!, end = start[v + 1]!; k < end; k++) if (!seen[succ[k]!]) stack.push(succ[k]!);
  }
  return { seen, order };
}

/** Ids of every node reachable from the given start ids, following next, options, jumps and returns. */
export function reachableFrom(index: GraphIndex, starts: Iterable<string | null | undefined>): Set<string> {
  const flow = flowIndex(index);
  const { order } = walk(flow, starts);
  const out = new Set<string>();
  for (const v of order) out.add(flow.ids[v]!);
  return out;
}

/** Whether a run of some task reaches each node (by the node's number), and in what order; computed once per index. */
function reachedByTasks(index: GraphIndex): { seen: Uint8Array; order: number[] } {
  const flow = flowIndex(index);
  flow.reachedByTasks ??= walk(
    flow,
    index.graph.tasks.map((t) => t.entry),
  );
  return flow.reachedByTasks;
}

/** Ids of the nodes that some run of some task reaches (one walk from every task's entry, shared). */
export function reachableFromTasks(index: GraphIndex): Set<string> {
  const flow = flowIndex(index);
  const out = new Set<string>();
  for (const v of reachedByTasks(index).order) out.add(flow.ids[v]!);
  return out;
}

/** The nodes that some run of some task reaches, in the order of reachableFromTasks(), without a set of their ids. */
export function nodesReachedByTasks(index: GraphIndex): Node[] {
  const flow = flowIndex(index);
  return reachedByTasks(index).order.map((v) => flow.nodes[v]!);
}

/** Nodes that no run of any task reaches, in the graph's node order. */
export function unreachableNodes(index: GraphIndex): Node[] {
  const flow = flowIndex(index);
  const reached = reachedByTasks(index).seen;
  const out: Node[] = [];
  for (let i = 0; i < reached.length; i++) if (!reached[i]) out.push(flow.nodes[i]!);
  return out;
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
  const flow = flowIndex(index);
  const out: BrokenEdge[] = [];
  for (const i of flow.broken) {
    const node = flow.nodes[i]!;
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
  return runOutsAmong([...nodes].map((id) => index.node(id)!));
}

/** runOuts() of nodes already looked up. */
export function runOutsAmong(nodes: Iterable<Node>): RunOut[] {
  const out: RunOut[] = [];
  for (const node of nodes) {
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
  const flow = flowIndex(index);
  const { nodes, start: first, succ } = flow;
  const n = nodes.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const frameNode: number[] = [];
  const frameNext: number[] = [];
  const result: Loop[] = [];
  const inLoop = new Uint8Array(n);
  let counter = 0;
  const enter = (v: number) => {
    order[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    frameNode.push(v);
    frameNext.push(first[v]!);
  };
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    enter(root);
    while (frameNode.length > 0) {
      const top = frameNode.length - 1;
      const v = frameNode[top]!;
      if (frameNext[top]! < first[v + 1]!) {
        const w = succ[frameNext[top]!++]!;
        if (order[w] === -1) enter(w);
        else if (onStack[w] && order[w]! < low[v]!) low[v] = order[w]!;
        continue;
      }
      frameNode.pop();
      frameNext.pop();
      if (frameNode.length > 0) {
        const parent = frameNode[frameNode.length - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] !== order[v]) continue;
      if (stack[stack.length - 1] === v && !selfLoop(first, succ, v)) {
        // a component of one node without an edge to itself: no cycle (the common case)
        stack.pop();
        onStack[v] = 0;
        continue;
      }
      const members: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        members.push(w);
      } while (w !== v);
      result.push(describeLoop(flow, members, inLoop));
    }
  }
  return result;
}

function selfLoop(first: Int32Array, succ: Int32Array, v: number): boolean {
  for (let k = first[v]!, end = first[v + 1]!; k < end; k++) if (succ[k] === v) return true;
  return false;
}

/** A loop's nodes in file order, then text order, and whether a run can leave it. `inLoop` is all zeros on entry and on return. */
function describeLoop(flow: FlowIndex, members: number[], inLoop: Uint8Array): Loop {
  for (const m of members) inLoop[m] = 1;
  // An edge leaves the loop when it leads to no node (the flow runs out, or the target is
  // missing) or to a node outside it; an end finishes the run.
  let hasExit = false;
  for (const m of members) {
    if (flow.open[m] || flow.nodes[m]!.kind === 'end') hasExit = true;
    else for (let k = flow.start[m]!, end = flow.start[m + 1]!; k < end && !hasExit; k++) if (!inLoop[flow.succ[k]!]) hasExit = true;
    if (hasExit) break;
  }
  for (const m of members) inLoop[m] = 0;
  return { nodes: inFileOrder(members.map((m) => flow.nodes[m]!)), hasExit };
}

/** Nodes sorted by file, then by offset in the file (a stable sort); `list` itself may be reordered. */
export function inFileOrder(list: Node[]): Node[] {
  const file = list[0]?.position.file;
  // most loops are in one file: no ranking of files
  if (list.every((n) => n.position.file === file)) return list.sort((a, b) => a.position.offset - b.position.offset);
  // Files compared once, not in every comparison.
  const files = [...new Set(list.map((n) => n.position.file))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const fileRank = new Map(files.map((f, i) => [f, i]));
  const keyed = list.map((n) => ({ n, file: fileRank.get(n.position.file)!, offset: n.position.offset }));
  keyed.sort((a, b) => a.file - b.file || a.offset - b.offset);
  return keyed.map((k) => k.n);
}
