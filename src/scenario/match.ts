import { nodeText as sharedNodeText } from '../graph/node-text.js';
import type { Graph, Node, Option } from '../graph/types.js';

/**
 * How scenarios name things. A node is named by its id or by its text (a step's text, a decision's
 * question, a checkpoint's text, a wait's event, an escalation's reason, an end's outcome); an
 * option by its id or its label. Texts compare without case, spacing, «ё»/«е» or final punctuation
 * differences, and a name ending in "…" or "..." matches every text it begins.
 */
function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.?!:;,]+$/u, '');
}

/** What a node says, or undefined for a jump (which says nothing of its own). */
export function nodeText(node: Node): string | undefined {
  return node.kind === 'jump' ? undefined : sharedNodeText(node);
}

/** A compiled name: call it with a node to know whether the name names it. */
export function textMatcher(name: string): (text: string) => boolean {
  const trimmed = name.trim();
  const prefix = /(?:…|\.\.\.)$/.test(trimmed);
  const wanted = normalize(prefix ? trimmed.replace(/(?:…|\.\.\.)$/, '') : trimmed);
  if (prefix) return (text) => wanted.length > 0 && normalize(text).startsWith(wanted);
  return (text) => normalize(text) === wanted;
}

/** Every node the name can mean, in the whole graph (jumps cross tasks and files). */
export function nodesNamed(graph: Graph, name: string, kinds?: ReadonlyArray<Node['kind']>): Node[] {
  if (Object.hasOwn(graph.nodes, name)) {
    const node = graph.nodes[name]!;
    return !kinds || kinds.includes(node.kind) ? [node] : [];
  }
  const matches = textMatcher(name);
  return Object.values(graph.nodes).filter((node) => {
    if (kinds && !kinds.includes(node.kind)) return false;
    const text = nodeText(node);
    return text !== undefined && matches(text);
  });
}

export function optionNamed(options: readonly Option[], name: string): Option | undefined {
  const byId = options.find((o) => o.id === name);
  if (byId) return byId;
  const matches = textMatcher(name);
  const found = options.filter((o) => matches(o.label));
  return found.length === 1 ? found[0] : undefined;
}
