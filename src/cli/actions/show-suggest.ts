/**
 * When `instr show` or `instr run` finds nothing called what was typed: the same search as
 * `instr search` (the firm's synonyms, sections, tasks) names the nearest things with the command
 * that opens each, instead of the whole catalogue. Nothing is opened silently.
 */
import { findTargets, targetId, targetTitle, type Target } from '../../graph/find-target.js';
import type { Graph } from '../../graph/types.js';
import { sectionId } from '../../graph/section-id.js';
import { fill, showMessages } from '../../i18n/show-messages.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import type { Io } from '../io.js';

/** «Ничего не называется «руководитель». Ближайшее: …» with commands; null when the search finds nothing either. */
export async function nearestText(graph: Graph, root: string, io: Io, query: string, lang: string | undefined, verb: 'show' | 'run'): Promise<string | null> {
  const synonym = synonymTarget(graph, query);
  if (synonym) {
    const t = showMessages(lang ?? synonym.document?.lang ?? graph.documents[0]?.lang);
    const id = terminalSafe(targetId(synonym));
    const commands = synonym.kind === 'task' && verb === 'run' ? `instr run ${id}  ·  instr show ${id}` : `instr show ${id}`;
    return `${fill(t.notFound, { q: terminalSafe(query) })} ${t.nearest} ${terminalSafe(targetTitle(synonym))} — ${commands}`;
  }
  const [{ openSearch }, { search }, { searchMessages }, { foundFromHits }] = await Promise.all([
    import('../search-setup.js'),
    import('../../search/search.js'),
    import('../../search/messages.js'),
    import('./run/reference-finder.js'),
  ]);
  const { index, synonyms } = await openSearch(graph, root, io);
  const hits = search(index, query, { synonyms, limit: 40 });
  const language = lang ?? hits[0]?.doc.lang ?? graph.documents[0]?.lang;
  const found = foundFromHits(graph, hits, searchMessages(language), 5);
  if (found.length === 0) return null;
  const t = showMessages(language);
  const several = graph.documents.length > 1;
  const line = (f: (typeof found)[number]): string => {
    if (f.kind === 'task') {
      const commands = verb === 'run' || f.task.kind === 'situation' ? `instr run ${f.task.id}  ·  instr show ${f.task.id}` : `instr show ${f.task.id}`;
      return `${terminalSafe(f.task.title)} — ${commands}`;
    }
    if (f.kind === 'section') {
      const id = several ? `${f.document.id}:${sectionId(f.section)}` : sectionId(f.section);
      return `${terminalSafe(f.section.title)} — instr show ${terminalSafe(id)}`;
    }
    return `${terminalSafe(f.title)} — instr show ${terminalSafe(f.path)}`;
  };
  const head = fill(t.notFound, { q: terminalSafe(query) });
  // one clear best match: a single hit, or a top hit that scores well above the next
  const top = hits[0]!.score;
  const second = hits.find((h) => foundKey(h.doc) !== foundKey(hits[0]!.doc))?.score ?? 0;
  if (found.length === 1 || top >= second * 1.5) return `${head} ${t.nearest} ${line(found[0]!)}`;
  return `${head} ${t.nearestSeveral}\n${found.map((f) => `  ${line(f)}`).join('\n')}`;
}

/** The one thing another word of the query's synonym group (front matter `synonyms`) names: «руководитель» → the director. */
function synonymTarget(graph: Graph, query: string): Target | null {
  const norm = (w: string) => w.trim().toLocaleLowerCase().replace(/ё/g, 'е');
  const q = norm(query);
  const found = new Map<string, Target>();
  for (const document of graph.documents)
    for (const group of document.synonyms ?? [])
      if (group.some((w) => norm(w) === q))
        for (const word of group) if (norm(word) !== q) for (const x of findTargets(graph, word)) found.set(`${x.kind} ${targetId(x)}`, x);
  return found.size === 1 ? [...found.values()][0]! : null;
}

function foundKey(doc: { task: string | null; section: string | null; file: string }): string {
  return doc.task ?? `${doc.file} ${doc.section ?? ''}`;
}
