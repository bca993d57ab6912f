/** The run's "Search the instruction…": the same search as `instr search`, its hits as things to open. */
import type { Graph } from '../../../graph/types.js';
import { sectionId } from '../../../graph/section-id.js';
import type { SearchMessages } from '../../../search/messages.js';
import type { SearchHit } from '../../../search/search.js';
import type { Found } from '../../../run/reference-search.js';

/** Hits in rank order, each task, section or template once: a template opens as its file, a step or option as its task. */
export function foundFromHits(graph: Graph, hits: SearchHit[], s: SearchMessages, limit = 10): Found[] {
  const tasks = new Map(graph.tasks.map((x) => [x.id, x]));
  const out: Found[] = [];
  const seen = new Set<string>();
  for (const { doc } of hits) {
    const context = `${s.kinds[doc.kind]}: ${doc.text.replace(/\s+/g, ' ').slice(0, 160)}`;
    let found: Found | undefined;
    if (doc.kind === 'template') found = { kind: 'file', path: doc.file, title: doc.title, context };
    else if (doc.kind !== 'section' && doc.task && tasks.has(doc.task)) found = { kind: 'task', task: tasks.get(doc.task)!, context };
    else if (doc.section) {
      const document = graph.documents.find((d) => d.file === doc.file);
      const section = document?.sections.find((x) => sectionId(x) === doc.section && x.content.trim() !== '');
      if (document && section) found = { kind: 'section', section, document, context };
    }
    if (!found) continue;
    const key =
      found.kind === 'task' ? `t ${found.task.id}` : found.kind === 'file' ? `f ${found.path}` : `s ${found.document.file} ${sectionId(found.section)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(found);
    if (out.length >= limit) break;
  }
  return out;
}
