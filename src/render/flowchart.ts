import { eachSuccessor, taskNodes, type GraphIndex } from '../graph/query.js';
import type { Node, Task } from '../graph/types.js';
import { waitDeadlineText, waitTimeoutText } from '../i18n/wait-text.js';
import { messages } from '../i18n/messages.js';

/** The shape a box is drawn with; each output format maps these to its own. */
export type FlowShape = 'start' | 'done' | Node['kind'];

interface FlowNode {
  /** Id in the output (n1, n2…): graph ids may hold characters a format reserves. */
  key: string;
  /** The graph node it draws; absent for a task's start and done terminals. */
  graphId?: string;
  shape: FlowShape;
  text: string;
}

interface FlowEdge {
  from: string;
  to: string;
  label?: string;
  /** Jumps are dashed. */
  dashed: boolean;
}

interface FlowGroup {
  task: Task;
  key: string;
  nodes: FlowNode[];
}

/** Format-neutral drawing of one or more tasks: groups of boxes and the edges between them. */
export interface Flowchart {
  groups: FlowGroup[];
  edges: FlowEdge[];
}

/**
 * Builds the boxes and edges of the given tasks. Each task gets a start terminal (its title) and,
 * when some path runs out of steps, a done terminal. A jump is a box; when its target task is
 * drawn too, a dashed edge goes from the jump to the target.
 */
export function buildFlowchart(index: GraphIndex, tasks: Task[], lang?: string): Flowchart {
  let counter = 0;
  const nextKey = () => `n${++counter}`;
  const keyOf = new Map<string, string>();
  const startOf = new Map<string, string>();
  const groups: FlowGroup[] = [];
  const edges: FlowEdge[] = [];
  const pending: Array<{ from: string; to: string; label?: string; dashed: boolean }> = [];

  tasks.forEach((task, i) => {
    const language = lang ?? index.documentOf(task)?.lang;
    const group: FlowGroup = { task, key: `t${i + 1}`, nodes: [] };
    groups.push(group);
    const start: FlowNode = { key: nextKey(), shape: 'start', text: task.title };
    group.nodes.push(start);
    startOf.set(task.id, start.key);
    let done: FlowNode | undefined;
    const doneKey = () => {
      if (!done) {
        done = { key: nextKey(), shape: 'done', text: messages(language).endDone };
        group.nodes.push(done);
      }
      return done.key;
    };
    const target = (id: string | null | undefined): string => (id == null ? doneKey() : (keyOf.get(id) ?? id));

    const own = ownNodes(index, task);
    for (const node of own) {
      const key = nextKey();
      keyOf.set(node.id, key);
      group.nodes.push({ key, graphId: node.id, shape: node.kind, text: nodeLabel(index, node, language) });
    }
    edges.push({ from: start.key, to: target(task.entry), dashed: false });
    for (const node of own) {
      const from = keyOf.get(node.id)!;
      eachSuccessor(node, (to, kind, option) => {
        if (kind !== 'jump') edges.push({ from, to: target(to), ...(option ? { label: option.label } : {}), dashed: false });
        else if (node.kind === 'jump' && node.targetTask !== undefined)
          pending.push({ from, to: index.tasks.get(node.targetTask)?.entry === to ? `task:${node.targetTask}` : `node:${to ?? ''}`, dashed: true });
      });
    }
  });
  for (const p of pending) {
    const to = p.to.startsWith('task:') ? startOf.get(p.to.slice(5)) : keyOf.get(p.to.slice(5));
    if (to !== undefined) edges.push({ from: p.from, to, dashed: true });
  }
  // Edges to nodes outside the drawn tasks (a branch flowing into another task's node) are dropped.
  const known = new Set(groups.flatMap((g) => g.nodes.map((n) => n.key)));
  return { groups, edges: edges.filter((e) => known.has(e.to)) };
}

/** The task's nodes in flow order (taskNodes), then any of its nodes the flow does not reach (drawn, unconnected). */
function ownNodes(index: GraphIndex, task: Task): Node[] {
  const order = taskNodes(index, task);
  const seen = new Set(order.map((n) => n.id));
  for (const node of nodesOfTask(index).get(task.id) ?? []) if (!seen.has(node.id)) order.push(node);
  return order;
}

const byTask = new WeakMap<GraphIndex, Map<string, Node[]>>();

/** Every node of each task, grouped once per graph (not one walk over all nodes per task). */
function nodesOfTask(index: GraphIndex): Map<string, Node[]> {
  let grouped = byTask.get(index);
  if (!grouped) {
    grouped = new Map();
    for (const node of Object.values(index.graph.nodes)) {
      let list = grouped.get(node.task);
      if (!list) grouped.set(node.task, (list = []));
      list.push(node);
    }
    byTask.set(index, grouped);
  }
  return grouped;
}

/** What a box says: the node's text with its kind's word (in the instruction's language). */
function nodeLabel(index: GraphIndex, node: Node, lang?: string): string {
  const t = messages(lang);
  switch (node.kind) {
    case 'step':
      return node.text;
    case 'decision':
      return node.question;
    case 'jump': {
      const title = node.targetTask !== undefined ? index.tasks.get(node.targetTask)?.title : undefined;
      return `${node.return ? t.gotoReturn : t.goto} #${node.target}${title ? ` (${title})` : ''}`;
    }
    case 'end':
      return node.outcome || t.endDone;
    case 'escalation': {
      const role = index.graph.documents.find((d) => d.id === index.tasks.get(node.task)?.document)?.roles[node.role];
      return `${t.escalate}: ${role?.title ?? node.role} — ${node.reason}`;
    }
    case 'checkpoint':
      return `${t.checkpoint}: ${node.text}${node.value ? ` (${t.checkpointValue}: ${node.value})` : ''}`;
    case 'wait': {
      const extra = [
        node.timeout ? waitTimeoutText(node.timeout, lang, node.onTimeout?.label) : '',
        node.deadline ? waitDeadlineText(node.deadline, lang) : '',
      ].filter(Boolean);
      return `${t.wait}: ${node.event}${extra.length ? ` (${extra.join('; ')})` : ''}`;
    }
  }
}

/**
 * Splits text into lines of at most `width` characters at spaces, at most `maxLines` lines; a
 * longer text is cut with an ellipsis. `truncated` tells the caller to keep the full text elsewhere.
 */
export function wrapLabel(text: string, width = 32, maxLines = 4): { lines: string[]; truncated: boolean } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lines: string[] = [];
  let line = '';
  for (const word of flat.split(' ')) {
    let w = word;
    while (w.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return { lines: kept, truncated: true };
}
