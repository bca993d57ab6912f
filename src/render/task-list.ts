import type { Graph, Schedule, Task } from '../graph/types.js';

/** What `instr list --json` prints for each task and situation. */
export interface TaskSummary {
  id: string;
  kind: Task['kind'];
  title: string;
  document: string;
  section: string;
  file: string;
  line: number;
  trigger: string | null;
  deadline: string | null;
  schedules: Array<Pick<Schedule, 'label' | 'rrule'> & { time: string | null }>;
}

export function summarizeTasks(graph: Graph): TaskSummary[] {
  return graph.tasks.map((t) => ({
    id: t.id,
    kind: t.kind,
    title: t.title,
    document: t.document,
    section: t.section,
    file: t.file,
    line: t.position.line,
    trigger: t.trigger?.text ?? null,
    deadline: t.trigger?.deadline ?? null,
    schedules: t.schedules.map((s) => ({ label: s.label, rrule: s.rrule, time: s.time ?? null })),
  }));
}
