/** Menus to choose a task or a run (inquirer; loaded only in a terminal). */
import search from '@inquirer/search';
import select, { Separator } from '@inquirer/select';
import type { ChalkInstance } from 'chalk';
import { findTasks } from '../graph/find-task.js';
import type { Graph, Task } from '../graph/types.js';
import { terminalSafe } from '../render/terminal-safe.js';
import { inquirerTheme } from './interactive.js';
import type { RunMessages } from './messages.js';

function choice(task: Task) {
  return { value: task, name: `${terminalSafe(task.title)} (#${task.id})`, short: terminalSafe(task.title), description: task.trigger ? terminalSafe(task.trigger.text) : undefined };
}

/** A searchable menu of every task and situation: words of the title in any form, or the id. */
export async function chooseFromAll(graph: Graph, t: RunMessages, color: ChalkInstance): Promise<Task> {
  return search<Task>({
    message: t.pickTask,
    pageSize: 12,
    theme: inquirerTheme(color, t),
    source: (term) => {
      const q = (term ?? '').trim();
      if (!q) return graph.tasks.map(choice);
      const found = findTasks(graph, q);
      const lower = q.toLowerCase();
      for (const task of graph.tasks) if (!found.includes(task) && (task.id.includes(lower) || task.title.toLowerCase().includes(lower))) found.push(task);
      return found.map(choice);
    },
  });
}

export async function chooseFrom(tasks: Task[], t: RunMessages, color: ChalkInstance): Promise<Task> {
  return select<Task>({ message: t.pickMatch, choices: tasks.map(choice), pageSize: 12, theme: inquirerTheme(color, t) });
}

const DISCARD = '\0discard';

/** The run to continue, or (after "Discard a run…") the run to abandon. */
export async function chooseRun(runs: Array<{ id: string; label: string }>, t: RunMessages, color: ChalkInstance): Promise<{ continue: string } | { discard: string }> {
  const theme = inquirerTheme(color, t);
  const choices = runs.map((r) => ({ value: r.id, name: r.label, short: r.id }));
  const id = await select<string>({ message: t.pickRun, choices: [...choices, new Separator(), { value: DISCARD, name: t.discard }], pageSize: 12, theme });
  if (id !== DISCARD) return { continue: id };
  return { discard: await select<string>({ message: t.pickDiscard, choices, pageSize: 12, theme }) };
}
