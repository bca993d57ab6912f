import type { Document, Graph, Node, Task } from './types.js';

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

export type EdgeKind = 'next' | 'option' | 'jump' | 'return';

export interface Edge {
  from: string;
  /** null: the flow runs out here (the task, or a called task, is done). */
  to: string | null;
  kind: EdgeKind;
  /** For option edges: the option's id. */
  option?: string;
}

/** The edges leaving a node, in source order. A jump's edge goes to its target; with `return`, also on to `next`. */
export function outgoing(node: Node): Edge[] {
  switch (node.kind) {
    case 'decision':
      return node.options.map((o) => ({ from: node.id, to: o.next, kind: 'option', option: o.id }));
    case 'jump': {
      const edges: Edge[] = [];
      if (node.targetNode !== undefined) edges.push({ from: node.id, to: node.targetNode, kind: 'jump' });
      if (node.return) edges.push({ from: node.id, to: node.next, kind: 'return' });
      return edges;
    }
    case 'end':
      return [];
    default:
      return [{ from: node.id, to: node.next, kind: 'next' }];
  }
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
