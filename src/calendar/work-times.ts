import type { Graph } from '../graph/types.js';
import type { FirmDays } from './production-calendar.js';
import { dueAfter } from './working-duration.js';
import { parsePromiseAfter, parsePromiseDue, promiseDueAt } from './promise-due.js';
import { nextOpen, type WorkTime } from './working-time.js';
import { workTimeFor } from './work-time-for.js';

/**
 * The working time of each instruction file of a graph, with the firm's own days, and the
 * deadlines and chase times consumers (run, agenda, report) compute from it.
 */
export class WorkTimes {
  private readonly byFile = new Map<string, WorkTime>();

  constructor(
    private readonly graph: Graph,
    private readonly firm?: FirmDays,
  ) {}

  forFile(file: string): WorkTime {
    let w = this.byFile.get(file);
    if (!w)
      this.byFile.set(
        file,
        (w = workTimeFor(
          this.graph.documents.find((d) => d.file === file),
          this.firm,
        )),
      );
    return w;
  }

  forTask(taskId: string): WorkTime {
    const task = this.graph.tasks.find((t) => t.id === taskId);
    return this.forFile(task?.file ?? this.graph.documents[0]?.file ?? '');
  }

  /** When a span written in a file ends, counted from an instant; null when the text is not a span. */
  due(file: string, start: number, span: string): number | null {
    return dueAfter(start, span, this.forFile(file));
  }

  /** When to chase a wait: the timeout's end moved into office hours on a working day. */
  chase(file: string, start: number, timeout: string): number | null {
    const due = this.due(file, start, timeout);
    return due === null ? null : nextOpen(this.forFile(file), due);
  }

  /** When a promise written in a file (`due`, `after` of `::promise`) and made at an instant is due; null when unreadable. */
  promiseDue(file: string, made: number, promise: { due: string; after?: string }): number | null {
    const due = parsePromiseDue(promise.due);
    if (!due) return null;
    const after = promise.after !== undefined ? parsePromiseAfter(promise.after) : undefined;
    return promiseDueAt(this.forFile(file), made, { due, ...(after ? { after } : {}) });
  }

  /** The deadline of a run of a task from its trigger's `deadline`, if it has one. */
  taskDeadline(taskId: string, startedAt: number): number | null {
    const task = this.graph.tasks.find((t) => t.id === taskId);
    return task?.trigger?.deadline ? this.due(task.file, startedAt, task.trigger.deadline) : null;
  }
}
