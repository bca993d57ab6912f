import type { Graph } from './types.js';

/** The front matter's `role:` values of the compiled instructions, as written. */
export function rolesOf(graph: Graph): string[] {
  return [...new Set(graph.documents.map((d) => d.role?.trim()).filter((r): r is string => Boolean(r)))];
}

/**
 * The graph narrowed to the instructions written for `role` (front matter `role:`, any case):
 * their documents and tasks only, so an agenda or a report for the client manager does not list
 * the office administrator's day. Null when no instruction is for that role.
 */
export function graphForRole(graph: Graph, role: string): Graph | null {
  const wanted = role.trim().toLocaleLowerCase();
  const files = new Set(graph.documents.filter((d) => (d.role ?? '').trim().toLocaleLowerCase() === wanted).map((d) => d.file));
  if (files.size === 0) return null;
  return { ...graph, documents: graph.documents.filter((d) => files.has(d.file)), tasks: graph.tasks.filter((t) => files.has(t.file)) };
}
