/**
 * What an open run owes, and by when: the one "overdue" logic of the report and the agenda.
 */
import { isOpenStatus } from './run-status.js';
import type { RunRecord } from './runs.js';

export type DueKind = 'wait' | 'deadline' | 'task-deadline';

export interface DueItem {
  kind: DueKind;
  /** The instant, ms since epoch. */
  at: number;
  /** The awaited event, or the task's trigger for a task deadline. */
  label: string;
  /** The node a wait stands at. */
  node?: string;
}

/**
 * The instants an open run must meet: the chase of the wait it stands at, the deadline a resumed
 * wait set, and its task's deadline (start + the trigger's deadline in working time, which the
 * caller works out: calendar/work-times.ts). A closed run owes nothing.
 */
export function runDues(r: RunRecord, taskDeadline: { at: number | null; label: string }): DueItem[] {
  if (!isOpenStatus(r.state)) return [];
  const out: DueItem[] = [];
  if (r.wait?.timeoutAt !== undefined) out.push({ kind: 'wait', at: r.wait.timeoutAt, label: r.wait.event, node: r.wait.node });
  if (!r.wait && r.deadlineAt !== undefined) out.push({ kind: 'deadline', at: r.deadlineAt, label: r.deadlineEvent ?? '' });
  if (taskDeadline.at !== null) out.push({ kind: 'task-deadline', at: taskDeadline.at, label: taskDeadline.label });
  return out.filter((d) => Number.isFinite(d.at));
}

/** Overdue: the instant is before `now` (the report's now, or the first moment of the agenda's range). */
export function isOverdue(due: DueItem, now: number): boolean {
  return due.at < now;
}

/** Whole days an item is late at `now`. */
export function daysLate(due: DueItem, now: number): number {
  return Math.floor((now - due.at) / 86_400_000);
}
