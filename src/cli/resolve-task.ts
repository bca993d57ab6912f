import { findTasks } from '../graph/find-task.js';
import type { Graph, Task } from '../graph/types.js';
import { messages } from '../i18n/messages.js';
import { ExitError, exitCodes } from './errors.js';
import { safe } from './io.js';

/** The one task a user named (by id or by words of its title); exit 2 when none or several match. */
export function resolveTask(graph: Graph, query: string, lang?: string): Task {
  const matches = findTasks(graph, query);
  if (matches.length === 0) {
    const t = messages(lang ?? graph.documents[0]?.lang);
    throw new ExitError(`${t.unknownTask} "${safe(query)}". Known: ${graph.tasks.map((x) => x.id).join(', ')}`, exitCodes.usage);
  }
  if (matches.length > 1 && matches[0]!.id !== query) {
    const names = matches.map((m) => `  ${m.id}  ${safe(m.title)}`).join('\n');
    throw new ExitError(`"${safe(query)}" matches ${matches.length} tasks; give the id:\n${names}`, exitCodes.usage);
  }
  return matches[0]!;
}
