/** Menus to choose a task or a run (inquirer; loaded only in a terminal). */
import select, { Separator } from '@inquirer/select';
import type { ChalkInstance } from 'chalk';
import type { Task } from '../graph/types.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { inquirerTheme } from './interactive.js';
import type { RunMessages } from './messages.js';

function choice(task: Task) {
  return {
    value: task,
    name: `${terminalSafe(task.title)} (#${task.id})`,
    short: terminalSafe(task.title),
    description: task.trigger ? terminalSafe(task.trigger.text) : undefined,
  };
}

export async function chooseFrom(tasks: Task[], t: RunMessages, color: ChalkInstance): Promise<Task> {
  return select<Task>({ message: t.pickMatch, choices: tasks.map(choice), pageSize: 12, theme: inquirerTheme(color, t) });
}

const DISCARD = '\0discard';

/** The run to continue, or (after "Discard a run…") the run to abandon. */
export async function chooseRun(
  runs: Array<{ id: string; label: string }>,
  t: RunMessages,
  color: ChalkInstance,
): Promise<{ continue: string } | { discard: string }> {
  const theme = inquirerTheme(color, t);
  const choices = runs.map((r) => ({ value: r.id, name: r.label, short: r.id }));
  const id = await select<string>({ message: t.pickRun, choices: [...choices, new Separator(), { value: DISCARD, name: t.discard }], pageSize: 12, theme });
  if (id !== DISCARD) return { continue: id };
  return { discard: await select<string>({ message: t.pickDiscard, choices, pageSize: 12, theme }) };
}
