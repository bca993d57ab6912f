import { stem, words } from '../text/words.js';
import type { Graph } from './types.js';

/** The front matter's `role:` values of the compiled instructions, as written. */
export function rolesOf(graph: Graph): string[] {
  return [...new Set(graph.documents.map((d) => d.role?.trim()).filter((r): r is string => Boolean(r)))];
}

/** «Клиентского менеджера» and «клиентский Менеджер» alike: the words' stems, in order. */
function stems(text: string): string {
  return words(text)
    .map((w) => stem(w.text))
    .join(' ');
}

/**
 * The graph narrowed to the instructions written for `role` (front matter `role:`, any case or
 * word form, or the instruction's id such as `client-manager`, or a `roles:` id whose title is
 * that role): their documents and tasks only, so an agenda or a report for the client manager
 * does not list the office administrator's day. Null when no instruction is for that role.
 */
export function graphForRole(graph: Graph, role: string): Graph | null {
  const wanted = role.trim().toLocaleLowerCase();
  if (!wanted) return null;
  // a roles: id («office-admin») stands for its title («Администратор офиса»)
  const titles = new Set([stems(wanted)]);
  for (const d of graph.documents) for (const [id, r] of Object.entries(d.roles)) if (id.toLocaleLowerCase() === wanted) titles.add(stems(r.title));
  const matches = (d: Graph['documents'][number]): boolean =>
    d.id.toLocaleLowerCase() === wanted || (d.role !== undefined && d.role.trim() !== '' && titles.has(stems(d.role)));
  const files = new Set(graph.documents.filter(matches).map((d) => d.file));
  if (files.size === 0) return null;
  return { ...graph, documents: graph.documents.filter((d) => files.has(d.file)), tasks: graph.tasks.filter((t) => files.has(t.file)) };
}
