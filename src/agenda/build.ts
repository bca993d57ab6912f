import { calendarOccurrences } from '../calendar/calendar-occurrences.js';
import type { DateTable } from '../calendar/date-table.js';
import { WorkTimes } from '../calendar/work-times.js';
import { stepNumbers } from '../render/checklist.js';
import { nodeLabel } from '../graph/node-text.js';
import { indexGraph, type GraphIndex } from '../graph/query.js';
import type { Graph, Node, Task } from '../graph/types.js';
import type { RunRecord } from '../journal/runs.js';
import { isOverdue, runDues, type DueItem, type DueKind } from '../journal/due.js';
import { keepCommand, owedPromises } from '../journal/owed-promises.js';
import { isOpenStatus, type OpenStatus } from '../journal/run-status.js';
import { documentZone } from '../schedule/task-zone.js';
import { addDays, hhmm, localDate, localParts, startOfLocalDay, systemTimeZone } from '../schedule/zone.js';

const interruptedAfterMs = 3_600_000;

/** `paused`: a run paused until a moment the user gave, shown then to be picked up again; `promise`: a promise to a client not yet kept. */
type AgendaKind = 'schedule' | DueKind | 'paused' | 'promise';

export interface AgendaItem {
  kind: AgendaKind;
  /** Local date the item is listed under (the range's first day for an overdue one). */
  date: string;
  /** Local HH:MM, or null for an all-day schedule. */
  time: string | null;
  /** The instant, ISO. */
  at: string;
  /** Before the range starts: already late. */
  overdue: boolean;
  task: string;
  title: string;
  file: string;
  line: number;
  lang: string;
  zone: string;
  /** The schedule's label (with a dates-table row's title), or the awaited event. */
  label: string;
  /** A schedule's time moved earlier on a shortened pre-holiday day: the time as written. */
  movedFrom?: string;
  /** A scheduled task with a run started that day: `done` when one finished, else `started`. */
  done?: 'done' | 'started';
  /** A wait to chase: what to do when its time runs out (its timeout steps: the label, the first step). */
  action?: string;
  /** Whom a dates-table row names (clients, people). */
  who?: string[];
  run?: string;
  user?: string;
  /** What the run is about (its subject), when the user said. */
  about?: string;
  /** The run's current node; for a promise, the `::promise` step (what `instr promise kept` names). */
  node?: string;
  /** A promise whose run has ended: it is kept by hand (`instr promise kept RUN`). */
  ended?: true;
  /** A promise: the command that marks it kept. */
  keep?: string;
}

interface OpenRun {
  run: string;
  task: string;
  title: string;
  user: string;
  node: string | null;
  /** The node's number as `instr show` and `instr run` print it ("7.a.1"). */
  step?: string;
  state: OpenStatus;
  /** Time of the run's latest event, ISO. */
  lastAt: string;
  event?: string;
  lang: string;
  /** What the run is about (its subject), when the user said. */
  about?: string;
  /** The zone its times are shown in (the instruction's, else the machine's). */
  zone: string;
}

export interface Agenda {
  from: string;
  days: number;
  /** Dates of the range, each with its items in time order (overdue first). */
  dates: Array<{ date: string; items: AgendaItem[] }>;
  /** Runs that were stopped and wait to be picked up again, oldest first. */
  open: OpenRun[];
}

/**
 * What is due on the local dates [from, from + days): every schedule's occurrences, and from the
 * journal the waits to chase and the deadlines of open runs that fall in the range or are past.
 */
export function buildAgenda(
  graph: Graph,
  runs: Iterable<RunRecord>,
  from: string,
  days: number,
  now: number = Date.now(),
  times: WorkTimes = new WorkTimes(graph),
  tables: ReadonlyMap<string, DateTable> = new Map(),
): Agenda {
  const index = indexGraph(graph);
  const items: AgendaItem[] = [];
  const all = [...runs];
  // runs started per task and local date, for the done marks of scheduled occurrences
  const started = new Map<string, 'done' | 'started'>();
  for (const r of all) {
    if (r.task === null || r.startedAt === null) continue;
    const task = index.tasks.get(r.task);
    if (!task?.schedules.length) continue;
    const key = `${r.task}\u0000${localDate(r.startedAt, documentZone(index.documentOf(task)))}`;
    if (r.state === 'done') started.set(key, 'done');
    else if (!started.has(key) && isOpenStatus(r.state)) started.set(key, 'started');
  }
  const base = (task: Task) => {
    const doc = index.documentOf(task);
    return { task: task.id, title: task.title, file: task.file, line: task.position.line, lang: doc?.lang ?? 'en', zone: documentZone(doc) };
  };
  for (const task of graph.tasks) {
    for (const schedule of task.schedules) {
      const b = base(task);
      const table = schedule.table !== undefined ? tables.get(schedule.table) : undefined;
      for (const o of calendarOccurrences(schedule, times.forFile(task.file), from, days, table)) {
        const label = o.row ? `${schedule.label}: ${o.row.title}` : schedule.label;
        const done = started.get(`${task.id}\u0000${o.date}`);
        items.push({
          ...b,
          kind: 'schedule',
          date: o.date,
          time: o.time,
          at: o.at.toISOString(),
          overdue: false,
          label,
          line: schedule.position.line,
          ...(o.row?.who.length ? { who: o.row.who } : {}),
          ...(o.movedFrom !== undefined && { movedFrom: o.movedFrom }),
          ...(done && { done }),
        });
      }
    }
  }
  const open: OpenRun[] = [];
  let numbers: Map<string, string> | undefined;
  for (const r of all) {
    if (r.task === null) continue;
    // a promise outlives its run: one whose keeping steps the run never passed is owed until kept by hand
    const owed = owedPromises(r).filter((p) => p.due !== null);
    if (!isOpenStatus(r.state) && owed.length === 0) continue;
    const task = index.tasks.get(r.task);
    const b = task ? base(task) : { task: r.task, title: r.title, file: r.file, line: 0, lang: r.lang, zone: systemTimeZone() };
    const extra = { run: r.run, user: r.user, ...(r.about !== undefined && { about: r.about }), ...(r.node ? { node: r.node } : {}) };
    for (const p of owed) {
      const item = timed({ ...b, line: index.node(p.node)?.position.line ?? b.line }, { kind: 'promise', at: p.due!, label: p.text }, from, days);
      // the command that closes it; the promise is named only when the run owes more than one
      const keep = keepCommand(r.run, p.node, owedPromises(r).length);
      if (item) items.push({ ...item, ...extra, node: p.node, keep, ...(isOpenStatus(r.state) ? {} : { ended: true as const }) });
    }
    if (!isOpenStatus(r.state)) continue;
    const deadline = r.startedAt !== null ? times.taskDeadline(r.task, r.startedAt) : null;
    for (const due of runDues(r, { at: deadline, label: task?.trigger?.text ?? '' })) {
      const line = due.node !== undefined ? (index.node(due.node)?.position.line ?? b.line) : b.line;
      const item = timed({ ...b, line }, due, from, days);
      const action = due.kind === 'wait' ? timeoutAction(index, index.node(due.node)) : undefined;
      if (item) items.push({ ...item, ...extra, ...(action !== undefined && { action }) });
    }
    if (r.state === 'paused' && r.pausedUntil !== undefined) {
      const item = timed(
        { ...b, line: (r.node ? index.node(r.node)?.position.line : undefined) ?? b.line },
        { kind: 'paused', at: r.pausedUntil, label: task?.title ?? r.title },
        from,
        days,
      );
      if (item) items.push({ ...item, ...extra });
    }
    // A run with no event for an hour and no pause was interrupted (killed, closed terminal).
    const interrupted = r.state === 'active' && r.lastAt < now - interruptedAfterMs;
    if (r.state === 'paused' || interrupted || (r.state === 'waiting' && r.wait?.timeoutAt === undefined)) {
      const step = r.node ? (numbers ??= stepNumbers(index)).get(r.node) : undefined;
      open.push({
        run: r.run,
        task: r.task,
        title: task?.title ?? r.title,
        user: r.user,
        node: r.node,
        ...(step ? { step } : {}),
        state: r.state,
        lastAt: new Date(r.lastAt).toISOString(),
        lang: b.lang,
        zone: b.zone,
        ...(r.about !== undefined && { about: r.about }),
        ...(r.wait ? { event: r.wait.event } : {}),
      });
    }
  }
  items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) || a.at.localeCompare(b.at) || Number(a.time !== null) - Number(b.time !== null) || a.task.localeCompare(b.task),
  );
  const grouped: Agenda['dates'] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i);
    grouped.push({ date, items: items.filter((x) => x.date === date) });
  }
  open.sort((a, b) => a.lastAt.localeCompare(b.lastAt));
  return { from, days, dates: grouped, open };
}

/** «Время вышло, директор не ответила: Написать директору в Telegram…» for a wait with timeout steps. */
function timeoutAction(index: GraphIndex, node: Node | undefined): string | undefined {
  if (node?.kind !== 'wait' || !node.onTimeout || node.onTimeout.next === node.id) return undefined;
  const first = index.node(node.onTimeout.next);
  return first?.kind === 'step' ? `${node.onTimeout.label}: ${nodeLabel(first)}` : node.onTimeout.label;
}

/** An item at an instant if it falls before the range's end; listed on the first day when past. */
function timed(
  b: Omit<AgendaItem, 'kind' | 'date' | 'time' | 'at' | 'overdue' | 'label'>,
  due: DueItem | { kind: 'paused' | 'promise'; at: number; label: string },
  from: string,
  days: number,
): AgendaItem | null {
  const start = startOfLocalDay(from, b.zone);
  const end = startOfLocalDay(addDays(from, days), b.zone);
  const { kind, at: instant, label } = due;
  if (instant >= end) return null;
  const p = localParts(instant, b.zone);
  const overdue = due.kind === 'paused' || due.kind === 'promise' ? due.at < start : isOverdue(due as DueItem, start);
  const date = overdue ? from : `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  return { ...b, kind, date, time: hhmm(p), at: new Date(instant).toISOString(), overdue, label };
}
