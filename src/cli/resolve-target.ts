import { findTargets, roleTargets, targetId, targetTitle, type Target } from '../graph/find-target.js';
import type { Document, Graph } from '../graph/types.js';
import { fill, showMessages, type ShowMessages } from '../i18n/show-messages.js';
import { ExitError, exitCodes } from './errors.js';
import { terminalSafe } from '../text/terminal-safe.js';

export interface LinkedFile {
  path: string;
  document: Document | undefined;
}

/** The one thing a user named for `instr show`; exit 2 with the candidates when none or several match. */
export function resolveTarget(graph: Graph, query: string, files: LinkedFile[], lang?: string): Target {
  const matches = findTargetsFor(graph, query, files);
  if (matches.length === 1) return matches[0]!;
  const language = lang ?? matches[0]?.document?.lang ?? graph.documents[0]?.lang;
  const t = showMessages(language);
  if (matches.length === 0) {
    const known: Target[] = [];
    for (const document of graph.documents) {
      known.push({ kind: 'document', document });
      for (const section of document.sections) if (section.kind !== 'intro') known.push({ kind: 'section', section, document });
    }
    for (const task of graph.tasks) known.push({ kind: 'task', task, document: graph.documents.find((d) => d.file === task.file) });
    known.push(...roleTargets(graph));
    for (const f of files) known.push({ kind: 'file', path: f.path, document: f.document });
    throw new ExitError(`${fill(t.notFound, { q: terminalSafe(query) })} ${t.known}\n${candidateLines(known, t)}\n${t.showHint}`, exitCodes.usage);
  }
  // several: each with the full command that shows it (friend test round 5)
  throw new ExitError(`${fill(t.ambiguous, { q: terminalSafe(query) })}\n${candidateLines(matches, t, 'instr show ')}`, exitCodes.usage);
}

/** What a query names: inside one instruction with `id:`, else anywhere. */
export function findTargetsFor(graph: Graph, query: string, files: LinkedFile[]): Target[] {
  return qualified(graph, query, files) ?? findTargets(graph, query, files);
}

function kindLabel(target: Target, t: ShowMessages): string {
  switch (target.kind) {
    case 'task':
      return target.task.kind === 'situation' ? t.kindSituation : t.kindTask;
    case 'section':
      return t.kindSection;
    case 'document':
      return t.kindDocument;
    case 'role':
      return t.kindRole;
    case 'file':
      return t.kindFile;
  }
}

/**
 * `client-manager:norms` — a query inside one instruction (by the instruction's id), for names
 * that several instructions share; null when the query has no such prefix.
 */
function qualified(graph: Graph, query: string, files: LinkedFile[]): Target[] | null {
  const m = /^([a-z][a-z0-9-]*):(.+)$/.exec(query.trim());
  if (!m || !graph.documents.some((d) => d.id === m[1])) return null;
  // the query inside that instruction alone, so a name another instruction uses for something else does not hide it
  const documents = graph.documents.filter((d) => d.id === m[1]);
  const inside = { ...graph, documents, tasks: graph.tasks.filter((task) => documents.some((d) => d.file === task.file)) };
  return findTargets(inside, m[2]!, files).filter((x) => x.document?.id === m[1]);
}

/** What to type for a candidate: its id, or `document:id` when another candidate has the same id. */
function typedId(x: Target, all: Target[]): string {
  const id = targetId(x);
  const shared = x.kind !== 'document' && x.document && all.some((o) => o !== x && targetId(o) === id);
  return shared ? `${x.document!.id}:${id}` : id;
}

function candidateLines(targets: Target[], t: ShowMessages, command = ''): string {
  const width = Math.min(40, Math.max(...targets.map((x) => command.length + typedId(x, targets).length)));
  return targets
    .map(
      (x) =>
        `  ${(command + terminalSafe(typedId(x, targets))).padEnd(width)}  ${terminalSafe(targetTitle(x))} (${kindLabel(x, t)}${x.document ? `, ${terminalSafe(x.kind === 'role' ? x.documents.map((d) => d.file).join(', ') : x.document.file)}` : ''})`,
    )
    .join('\n');
}
