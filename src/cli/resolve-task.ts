import { findTasks } from '../graph/find-task.js';
import type { Graph, Task } from '../graph/types.js';
import { fill, showMessages } from '../i18n/show-messages.js';
import { ExitError, exitCodes } from './errors.js';
import { terminalSafe } from '../text/terminal-safe.js';

/**
 * The task a query names for sure (by id, or the only task whose title has its words), or the
 * candidates when it names none or several: `show`, `graph`… stop there, `run` asks at a terminal.
 */
export function pickTask(graph: Graph, query: string): { task: Task } | { candidates: Task[] } {
  const matches = findTasks(graph, query);
  if (matches.length === 1 || (matches.length > 1 && matches[0]!.id === query)) return { task: matches[0]! };
  return { candidates: matches };
}

/** The one task a user named (by id or by words of its title); exit 2 when none or several match. */
export function resolveTask(graph: Graph, query: string, lang?: string): Task {
  const picked = pickTask(graph, query);
  if ('task' in picked) return picked.task;
  throw taskQueryError(graph, query, picked.candidates, lang);
}

/** The error for a task query that matched none or several: the candidates in the instruction's language. */
export function taskQueryError(graph: Graph, query: string, matches: Task[], lang?: string): ExitError {
  const language = lang ?? (matches[0] ? graph.documents.find((d) => d.file === matches[0]!.file)?.lang : undefined) ?? graph.documents[0]?.lang;
  const t = showMessages(language);
  const list = matches.length > 0 ? matches : graph.tasks;
  const width = Math.min(24, Math.max(0, ...list.map((x) => x.id.length)));
  const lines = list.map((x) => `  ${x.id.padEnd(width)}  ${terminalSafe(x.title)} (${x.kind === 'situation' ? t.kindSituation : t.kindTask})`).join('\n');
  const head = matches.length > 0 ? fill(t.ambiguous, { q: terminalSafe(query) }) : `${fill(t.notFound, { q: terminalSafe(query) })} ${t.known}`;
  return new ExitError(`${head}\n${lines}`, exitCodes.usage);
}
