/**
 * Questions noted during runs ("Непонятно — записать вопрос"), as the inbox lists them for the
 * instruction's owner: with the task, the step's number as `show` prints it, and an id that
 * `instr inbox show` accepts. A view of the journal (report/), listed by `instr inbox`; aged as drafts are.
 */
import type { Graph } from '../graph/types.js';
import { nodeLabel } from '../graph/node-text.js';
import { indexGraph } from '../graph/query.js';
import type { Question } from '../journal/store.js';
import { stepNumbers } from '../render/checklist.js';
import { draftAgeDays } from '../inbox/list.js';

export interface InboxQuestion {
  /** `q-<the run's hex>-<seq>`: short, stable, unique within a journal. */
  id: string;
  run: string;
  seq: number;
  at: string;
  user: string | null;
  task: string;
  taskTitle: string;
  node: string;
  /** The step's number ("7.a.1"); null when the step is no longer in the instruction. */
  step: string | null;
  /** The step's text now; null when the step is gone (changed or removed since the question). */
  stepText: string | null;
  note: string;
  /** What the run was about, when the user said. */
  about?: string;
  ageDays: number;
  /** The answer given with `instr inbox answer`, if any. */
  answer?: { text: string; at: string; user: string | null };
}

/** The questions about this graph's tasks, oldest first; questions about other folders' tasks are left out. */
export function inboxQuestions(graph: Graph, questions: readonly Question[], now: number = Date.now()): InboxQuestion[] {
  const index = indexGraph(graph);
  const numbers = stepNumbers(index);
  const out: InboxQuestion[] = [];
  for (const q of questions) {
    const node = index.node(q.node);
    const taskId = node?.task ?? q.task;
    const task = taskId ? index.tasks.get(taskId) : undefined;
    if (!task) continue;
    const at = Date.parse(q.at);
    out.push({
      id: questionId(q.run, q.seq),
      run: q.run,
      seq: q.seq,
      at: q.at,
      user: q.user,
      task: task.id,
      taskTitle: task.title,
      node: q.node,
      step: node ? (numbers.get(q.node) ?? null) : null,
      stepText: node ? nodeLabel(node) : null,
      note: q.note,
      ...(q.about !== undefined && { about: q.about }),
      ageDays: Number.isFinite(at) ? draftAgeDays(at, now) : 0,
      ...(q.answer ? { answer: q.answer } : {}),
    });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

function questionId(run: string, seq: number): string {
  const hex = /-([0-9a-f]+)$/.exec(run)?.[1] ?? run.replace(/[^A-Za-z0-9]/g, '').slice(-8);
  return `q-${hex}-${seq}`;
}
