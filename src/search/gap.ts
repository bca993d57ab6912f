import type { Graph, Section } from '../graph/types.js';

/**
 * The section that says what to do when a situation is not in the instruction («Если ситуации
 * нет в инструкции»), found by its title; null when the instruction has none.
 */
export function gapSection(graph: Graph, lang?: string): { section: Section; file: string } | null {
  const pattern = /(нет в инструкц|не описан|not in the instruction|not covered|isn't covered)/i;
  const docs = lang ? [...graph.documents].sort((a, b) => Number(b.lang === lang) - Number(a.lang === lang)) : graph.documents;
  for (const d of docs) for (const s of d.sections) if ((s.kind as string | undefined) === 'gap' || pattern.test(s.title)) return { section: s, file: d.file };
  return null;
}
