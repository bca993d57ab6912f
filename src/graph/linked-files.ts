import type { Document, Graph, Link } from './types.js';

export interface LinkedFileRef {
  /** Path relative to the compiled root. */
  path: string;
  document: Document | undefined;
}

/** Local files the instructions link to (templates, price lists, samples), each once, in graph order. */
export function linkedFiles(graph: Graph): LinkedFileRef[] {
  const seen = new Map<string, LinkedFileRef>();
  const add = (links: Link[] | undefined, file: string) => {
    for (const link of links ?? []) {
      const path = link.resolved?.split('#')[0];
      if (!path || path.startsWith('../') || path.startsWith('/') || seen.has(path)) continue;
      seen.set(path, { path, document: graph.documents.find((d) => d.file === file) });
    }
  };
  for (const document of graph.documents) for (const section of document.sections) add(section.links, document.file);
  for (const node of Object.values(graph.nodes)) add(node.links, node.position.file);
  return [...seen.values()];
}
