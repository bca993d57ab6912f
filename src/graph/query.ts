import type { Document, Graph, Node, Option, Task } from './types.js';

/** Lookups every consumer needs; build once per graph. */
export interface GraphIndex {
  graph: Graph;
  tasks: Map<string, Task>;
  documents: Map<string, Document>;
  node(id: string | null | undefined): Node | undefined;
  documentOf(task: Task): Document | undefined;
}

export function indexGraph(graph: Graph): GraphIndex {
  const tasks = new Map(graph.tasks.map((t) => [t.id, t]));
  const documents = new Map(graph.documents.map((d) => [d.file, d]));
  return {
    graph,
    tasks,
    documents,
    node: (id) => (id != null && Object.hasOwn(graph.nodes, id) ? graph.nodes[id] : undefined),
    documentOf: (task) => documents.get(task.file),
  };
}

export type EdgeKind = 'next' | 'option' | 'jump' | 'return' | 'timeout';

export interface Edge {
  from: string;
  /** null: the flow runs out here (the task, or a called task, is done). */
  to: string | null;
  kind: EdgeKind;
  /** For option edges: the option's id. */
  option?: string;
}

/**
 * Where the flow goes from a node, in source order: the one definition of a node's successors that
 * outgoing(), the flow analysis (analyze/flow.ts) and the flowchart (render/flowchart.ts) share.
 * `visit` gets each target (null: the flow runs out), the edge's kind and, for an option, the option.
 * A jump's edge goes to its target; with `return`, also on to `next`. No allocation per node.
 */
export function eachSuccessor(node: Node, visit: (to: string | null, kind: EdgeKind, option?: Option) => void): void {
  switch (node.kind) {
    case 'decision':
      for (const o of node.options) visit(o.next, 'option', o);
      return;
    case 'jump':
      if (node.targetNode !== undefined) visit(node.targetNode, 'jump');
      if (node.return) visit(node.next, 'return');
      return;
    case 'end':
      return;
    case 'wait':
      visit(node.next, 'next');
      // the steps for when the wait's time runs out; they come back to the wait
      if (node.onTimeout) visit(node.onTimeout.next, 'timeout', node.onTimeout);
      return;
    default:
      visit(node.next, 'next');
  }
}

/** The edges leaving a node, in source order (see eachSuccessor). */
export function outgoing(node: Node): Edge[] {
  const edges: Edge[] = [];
  eachSuccessor(node, (to, kind, option) => edges.push(option ? { from: node.id, to, kind, option: option.id } : { from: node.id, to, kind }));
  return edges;
}

/** Nodes of one task in flow order (depth-first from the entry, options in order), each once. */
export function taskNodes(index: GraphIndex, task: Task): Node[] {
  const seen = new Set<string>();
  const order: Node[] = [];
  const stack: string[] = task.entry ? [task.entry] : [];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    const node = index.node(id);
    if (!node || node.task !== task.id) continue;
    seen.add(id);
    order.push(node);
    const next = outgoing(node)
      .filter((e) => e.kind !== 'jump')
      .map((e) => e.to)
      .filter((to): to is string => to !== null);
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
  return order;
}
