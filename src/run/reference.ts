/**
 * What a prompt lets one open without leaving the run: the local files its text links to
 * (templates, price lists, samples), the reference sections it names («Нормы общения»), and the
 * document's reference sections (norms, schedule, the gap procedure, anything not a task list).
 */
import type { Document, Graph, Node, Section } from '../graph/types.js';

export type Reference = { kind: 'file'; path: string; label: string } | { kind: 'section'; section: Section; document: Document };

/** The section classes that hold tasks, not reference text. */
const taskClasses = new Set(['tasks', 'situations', 'intro']);

export function documentOf(graph: Graph, node: Node): Document | undefined {
  return graph.documents.find((d) => d.file === node.position.file);
}

/** Sections of the document a person may need during a run, in document order. */
export function referenceSections(document: Document | undefined): Section[] {
  return (document?.sections ?? []).filter((s) => !taskClasses.has(s.kind ?? '') && s.content.trim() !== '');
}

/** The files a node links to and the reference sections its text names, each once. */
export function nodeReferences(graph: Graph, node: Node): Reference[] {
  const out: Reference[] = [];
  const seen = new Set<string>();
  for (const link of node.links ?? []) {
    const path = link.resolved?.split('#')[0];
    if (!path || path.startsWith('../') || path.startsWith('/') || seen.has(path) || /^[a-z][a-z0-9+.-]*:/i.test(link.url)) continue;
    seen.add(path);
    out.push({ kind: 'file', path, label: link.text.trim() || path });
  }
  const document = documentOf(graph, node);
  const text = nodeWords(node).toLowerCase();
  for (const section of referenceSections(document)) {
    if (text.includes(section.title.toLowerCase()) && document) out.push({ kind: 'section', section, document });
  }
  return out;
}

function nodeWords(node: Node): string {
  switch (node.kind) {
    case 'step':
      return `${node.markdown} ${node.details ?? ''}`;
    case 'decision':
      return node.question;
    case 'checkpoint':
      return node.text;
    case 'escalation':
      return node.reason;
    case 'wait':
      return node.event;
    default:
      return '';
  }
}
