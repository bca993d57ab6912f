/**
 * Which roles of the front matter a node's text names, in any word form: «написать главному
 * бухгалтеру» names the role titled «Главный бухгалтер». Consumers (run, show) print that role's
 * contacts beside the step; the `undefined-role` lint rule uses the same word matching.
 *
 * Not a mention: words inside quotes (what to say to the client: «Я передам директору…»), and a
 * title that belongs to someone else — «директору клиента», "the client's director".
 */
import type { Document, Graph, Node, Role } from '../graph/types.js';
import { nodeText } from '../graph/node-text.js';
import { stem, words, type Word } from '../text/words.js';

export interface RoleMention {
  /** Role id in the front matter. */
  role: string;
  /** Where the mention starts in the node's text (UTF-16 offset) and how long it is. */
  offset: number;
  length: number;
}

/** The text a mention is looked for in: what the node says, but not an end's outcome. */
function mentionText(node: Node): string {
  return node.kind === 'end' ? '' : nodeText(node);
}

interface GraphMentions {
  byFile: Map<string, Document>;
  /** Per node id, found on first use. */
  nodes: Map<string, RoleMention[]>;
  /** Every node's, once all were asked for. */
  all?: Map<string, RoleMention[]>;
}

const cache = new WeakMap<Graph, GraphMentions>();

function mentionsOf(graph: Graph): GraphMentions {
  let found = cache.get(graph);
  if (!found) {
    found = { byFile: new Map<string, Document>(graph.documents.map((d) => [d.file, d])), nodes: new Map() };
    cache.set(graph, found);
  }
  return found;
}

/**
 * The roles one node's text names (each once, in text order; none for a node of a document
 * without roles). Asked node by node, so that `run`, which shows one task, does not stem every
 * word of every instruction before its first step.
 */
export function nodeRoleMentions(graph: Graph, node: Node): RoleMention[] {
  const { byFile, nodes } = mentionsOf(graph);
  let found = nodes.get(node.id);
  if (found === undefined) {
    const doc = byFile.get(node.position.file);
    found =
      !doc || Object.keys(doc.roles).length === 0
        ? []
        : mentionsIn(mentionText(node), doc.roles).filter((m) => !(node.kind === 'escalation' && m.role === node.role));
    nodes.set(node.id, found);
  }
  return found;
}

/** Every node that names a role of its own document, with the roles it names (each once, in text order). */
export function roleMentions(graph: Graph): Map<string, RoleMention[]> {
  const mentions = mentionsOf(graph);
  if (mentions.all) return mentions.all;
  const out = new Map<string, RoleMention[]>();
  for (const node of Object.values(graph.nodes)) {
    const found = nodeRoleMentions(graph, node);
    if (found.length > 0) out.set(node.id, found);
  }
  mentions.all = out;
  return out;
}

/** The stems of the words a role is called by: its title up to a comma or a quote («ИТ-подрядчик, ООО «…»» → ИТ-подрядчик). */
export function titleStems(role: Role): string[] {
  const head = role.title.split(/[,(«"“]/)[0] ?? role.title;
  return words(head).map((w) => stem(w.text));
}

/** Mentions of the given roles in a text, each role once (its first mention), in text order. */
export function mentionsIn(text: string, roles: Record<string, Role>): RoleMention[] {
  if (!text) return [];
  const list = words(text);
  const stems = list.map((w) => stem(w.text));
  const quoted = quotedRanges(text);
  const found: RoleMention[] = [];
  for (const [id, role] of Object.entries(roles)) {
    const title = titleStems(role);
    if (title.length === 0) continue;
    for (let i = 0; i + title.length <= list.length; i++) {
      if (!title.every((s, k) => stems[i + k] === s)) continue;
      const first = list[i]!;
      const last = list[i + title.length - 1]!;
      if (insideRanges(first.offset, quoted) || belongsToSomeoneElse(text, list, stems, i, i + title.length)) continue;
      found.push({ role: id, offset: first.offset, length: last.offset + last.text.length - first.offset });
      break;
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Offsets inside «…», "…" or “…” (what someone says or a name, not who to contact). */
export function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const pairs: Record<string, string> = { '«': '»', '“': '”', '"': '"' };
  const stack: Array<{ close: string; at: number }> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const top = stack.at(-1);
    if (top && ch === top.close) {
      stack.pop();
      if (stack.length === 0) ranges.push([top.at, i]);
      continue;
    }
    const close = pairs[ch];
    if (close) stack.push({ close, at: i });
  }
  // an unclosed quote runs to the end of the text
  if (stack.length > 0) ranges.push([stack[0]!.at, text.length]);
  return ranges;
}

export function insideRanges(offset: number, ranges: Array<[number, number]>): boolean {
  return ranges.some(([from, to]) => offset > from && offset < to);
}

const clientStems = new Set(['клиент', 'client']);

/** «директору клиента», «директора компании клиента», "the client's director", "director of the client". */
export function belongsToSomeoneElse(text: string, list: Word[], stems: string[], from: number, to: number): boolean {
  const last = list[to - 1];
  const following = list[to];
  // «главному бухгалтеру: клиент, задача…» — a colon or a comma ends the phrase
  const joined = last !== undefined && following !== undefined && /^\s+$/.test(text.slice(last.offset + last.text.length, following.offset));
  const next = joined ? stems[to] : undefined;
  const after = stems[to + 1];
  if (next !== undefined && clientStems.has(next)) return true;
  if (next === 'компан' && after !== undefined && clientStems.has(after)) return true;
  if (next === 'of' && (stems[to + 1] === 'the' ? clientStems.has(stems[to + 2] ?? '') : clientStems.has(after ?? ''))) return true;
  const before = list[from - 1]?.text.toLowerCase();
  return before === "client's" || before === 'client’s' || before === 'clients';
}
