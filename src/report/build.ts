import { nodeLabel } from '../graph/node-text.js';
import { calendarOccurrences } from '../calendar/calendar-occurrences.js';
import { WorkTimes } from '../calendar/work-times.js';
import { reviewStatus } from '../analyze/staleness.js';
import { indexGraph, type GraphIndex } from '../graph/query.js';
import { stepNumbers } from '../render/checklist.js';
import type { Graph, Task } from '../graph/types.js';
import { occurrences } from '../schedule/occurrences.js';
import { documentZone } from '../schedule/task-zone.js';
import { addDays, localDate, localDateTime, parseIsoDate, startOfLocalDay, systemTimeZone } from '../schedule/zone.js';
import type { JournalStats } from '../journal/stream.js';
import type { RunRecord } from '../journal/runs.js';
import { daysLate, isOverdue, runDues, type DueKind } from '../journal/due.js';
import { promiseState } from '../journal/promise-state.js';

/**
 * A scheduled task's run started later than this after its time (when the task has no deadline of
 * its own) is listed as done late: a 9:30 routine started at 15:10 is not that morning's routine
 * done on time (friend test, round 11).
 */
const lateAfterMs = 3_600_000;
const dayMs = 86_400_000;

export interface StepRef {
  node: string;
  /** The step's text in the current graph; null when the node is no longer there. */
  text: string | null;
  /** The step's number as `instr show` and `instr run` print it ("7.a.1"); null when gone. */
  number: string | null;
  file: string | null;
  line: number | null;
}

/** A situation captured during a run as not covered by the instruction. */
export interface GapItem {
  run: string;
  task: string;
  user: string;
  at: string;
  /** Where the run was; null when it was captured outside a step. */
  step: StepRef | null;
  description: string;
  decidedBy: string | null;
  /** The person ended the run there (outcome "not covered"). */
  endedRun: boolean;
  /** What the run was about, when the user said. */
  about?: string;
}

export interface TaskReport {
  task: string;
  title: string;
  file: string | null;
  line: number | null;
  /** False for runs of a task that is no longer in the instructions. */
  known: boolean;
  started: number;
  finished: number;
  cancelled: number;
  failed: number;
  /** Discarded from the `--resume` menu (an `abandon` record). */
  abandoned: number;
  waiting: number;
  /** Paused, however long ago: «на паузе», as the agenda says, until it is continued or cancelled (`instr run --cancel`). */
  paused: number;
  /** Active: started and not stopped (also a run interrupted by a kill). */
  inProgress: number;
  /** Median duration of finished runs, ms; null without any. */
  medianMs: number | null;
  /** Finished after the trigger's deadline or after the deadline that followed a wait. */
  late: number;
  skipped: Array<StepRef & { count: number; reasons: Array<{ reason: string; count: number }> }>;
  checkpoints: Array<StepRef & { count: number }>;
  /** Each schedule's occurrences in the period up to today, and those with no run on their date. */
  schedules: ScheduleCheck[];
}

interface ScheduleCheck {
  label: string;
  line: number;
  /** Occurrences from --since up to now (or --until). */
  due: number;
  missed: Array<{ date: string; time: string | null }>;
  /**
   * Occurrences whose day has a run, but the day's first run started long after the time (later
   * than the task's `::when` deadline counted from it, else than `lateAfterMs`): done late, by `lateMs`.
   */
  late: Array<{ date: string; time: string | null; started: string; startedTime: string; lateMs: number }>;
}

interface UnclearStep extends StepRef {
  task: string;
  count: number;
  notes: Array<{ note: string; count: number }>;
}

interface OverdueItem {
  run: string;
  task: string;
  user: string;
  kind: DueKind;
  /** Due instant, ISO. */
  due: string;
  label: string;
  daysLate: number;
  /** A missed wait of a run that went on: when the event finally happened, ISO. */
  happened?: string;
  /** What the run is about, when the user said. */
  about?: string;
  /** The zone its times are shown in: the instruction's, else the machine's. */
  zone: string;
}

/** A promise to a client kept late or broken (its due passed, not kept), for the report's list. */
interface PromiseItem {
  run: string;
  task: string;
  user: string;
  about?: string;
  text: string;
  /** Due, ISO; kept, ISO, when it was kept late. */
  due: string;
  kept?: string;
  /** The step (or wait) whose passing kept it, when one did. */
  keptBy?: StepRef;
  state: 'late' | 'broken';
  zone: string;
}

/** Promises made in runs started in the period, by where they stand at the report's moment. */
interface PromiseCounts {
  made: number;
  kept: number;
  late: number;
  broken: number;
  open: number;
  /** Made, then the run was cancelled or abandoned: neither kept nor broken. */
  dropped: number;
  items: PromiseItem[];
}

interface ReviewDue {
  file: string;
  task: string | null;
  line: number | null;
  reviewed: string | null;
  dueOn: string;
  daysOverdue: number;
}

export interface Report {
  since: string;
  until: string;
  today: string;
  journal: { path: string; missing: boolean; stats: JournalStats | null };
  /** Scripted (--answers) runs in the period: counted like the others, but their durations are left out of the median. */
  scriptedRuns: number;
  /**
   * When the journal's first run started (ISO), or null without runs. Schedules are checked from
   * then on: before the journal existed there is no telling whether a task was done.
   */
  journalSince: string | null;
  tasks: TaskReport[];
  /** "Unclear" notes grouped by step, the most asked first: what to rewrite. */
  unclear: UnclearStep[];
  /** Situations the instruction does not cover, oldest first: what to add. */
  notCovered: GapItem[];
  overdue: OverdueItem[];
  promises: PromiseCounts;
  review: ReviewDue[];
  /** Runs that fork another (continued on two machines offline), whatever their start; only when there are any. */
  forks?: ForkItem[];
  /**
   * Runs started after the moment the report judges at (a run made with a later `--now`, a clock
   * behind the one that wrote the journal): not counted anywhere, so the report says so. Only when
   * there are any.
   */
  future?: FutureRuns;
}

interface FutureRuns {
  runs: number;
  /** The journal's latest record (ISO): a `--now` from which they are all seen. */
  latest: string;
  /** The zone of the latest run's instruction, to show `latest` and `now` in. */
  zone: string;
  /** The moment the report judges at (ISO). */
  now: string;
}

/** A run continued on two machines while both were offline: both versions are kept (journal/postgres/fork.ts). */
interface ForkItem {
  /** The fork: the second machine's version. */
  run: string;
  /** The run it forks: the first machine's version. */
  of: string;
  /** The record of `of` from which the two differ. */
  from: number;
  task: string;
  user: string;
  about?: string;
}

export interface ReportOptions {
  since: string;
  until: string;
  /** The day the report is made, YYYY-MM-DD; `now` is its end unless given. */
  today: string;
  now?: number;
  /** Working time for deadlines; the graph's calendars without firm days when left out. */
  times?: WorkTimes;
  journal: { path: string; missing: boolean; stats: JournalStats | null };
}

/** Folds the runs started in [since, until] (local dates in each task's zone) into a report. */
export function buildReport(graph: Graph, runs: Iterable<RunRecord>, options: ReportOptions): Report {
  const index = indexGraph(graph);
  const times = options.times ?? new WorkTimes(graph);
  const systemZone = systemTimeZone();
  const zoneOf = (task: Task | undefined) => (task ? documentZone(index.documentOf(task)) : systemZone);
  const bounds = new Map<string, [number, number]>();
  const boundsIn = (zone: string): [number, number] => {
    let b = bounds.get(zone);
    if (!b) bounds.set(zone, (b = [startOfLocalDay(options.since, zone), startOfLocalDay(addDays(options.until, 1), zone)]));
    return b;
  };
  const now = options.now ?? startOfLocalDay(addDays(options.today, 1), systemZone);
  const tasks = new Map<string, Acc>();
  const unclear = new Map<string, { task: string; node: string; notes: Map<string, number> }>();
  const overdue: OverdueItem[] = [];
  const notCovered: GapItem[] = [];
  const promises: PromiseCounts = { made: 0, kept: 0, late: 0, broken: 0, open: 0, dropped: 0, items: [] };
  let scriptedRuns = 0;
  const forks: ForkItem[] = [];

  let earliest = Infinity;
  let futureRuns = 0;
  let latest = -Infinity;
  let latestZone = systemZone;
  for (const r of runs) {
    if (r.task === null || r.startedAt === null) continue;
    if (r.startedAt < earliest) earliest = r.startedAt;
    const task = index.tasks.get(r.task);
    const zone = zoneOf(task);
    if (r.startedAt > now) futureRuns++;
    if (r.lastAt > latest && r.lastAt > now) {
      latest = r.lastAt;
      latestZone = zone;
    }
    for (const due of runDues(r, { at: triggerDeadline(r, task, times), label: task?.trigger?.text ?? '' })) {
      if (isOverdue(due, now))
        overdue.push({
          run: r.run,
          task: r.task,
          user: r.user,
          kind: due.kind,
          due: new Date(due.at).toISOString(),
          label: due.label,
          daysLate: daysLate(due, now),
          zone,
          ...(r.about !== undefined && { about: r.about }),
        });
    }
    const [from, to] = boundsIn(zone);
    // a wait chased in the period whose event came later stays missed after the run went on
    for (const m of r.missedWaits ?? []) {
      if (m.timeoutAt < from || m.timeoutAt >= to) continue;
      const late = Math.floor(((m.happenedAt ?? now) - m.timeoutAt) / dayMs);
      overdue.push({
        run: r.run,
        task: r.task,
        user: r.user,
        kind: 'wait',
        due: new Date(m.timeoutAt).toISOString(),
        label: m.event,
        daysLate: late,
        zone,
        ...(r.about !== undefined && { about: r.about }),
        ...(m.happenedAt !== null && { happened: new Date(m.happenedAt).toISOString() }),
      });
    }
    if (r.forkOf)
      forks.push({ run: r.run, of: r.forkOf.run, from: r.forkOf.seq, task: r.task, user: r.user, ...(r.about !== undefined && { about: r.about }) });
    if (r.startedAt < from || r.startedAt >= to) continue;
    if (r.scripted) scriptedRuns++;
    let acc = tasks.get(r.task);
    if (!acc) tasks.set(r.task, (acc = newAcc(r, task)));
    acc.started++;
    if (task?.schedules.length) {
      const date = localDate(r.startedAt, zone);
      const first = acc.dates.get(date);
      if (first === undefined || r.startedAt < first) acc.dates.set(date, r.startedAt);
    }
    switch (r.state) {
      case 'done':
        acc.finished++;
        // a scripted run's duration is how fast the file was read, not how long the work took
        if (r.durationMs !== undefined && !r.scripted) acc.durations.push(r.durationMs);
        if (isLate(r, task, times)) acc.late++;
        break;
      case 'cancelled':
        acc.cancelled++;
        break;
      case 'failed':
        acc.failed++;
        break;
      case 'abandoned':
        acc.abandoned++;
        break;
      case 'waiting':
        acc.waiting++;
        break;
      case 'paused':
        acc.paused++;
        break;
      case 'active':
        acc.inProgress++;
    }
    for (const s of r.skips ?? []) {
      let reasons = acc.skips.get(s.node);
      if (!reasons) acc.skips.set(s.node, (reasons = new Map()));
      reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
    }
    for (const c of r.checkpoints ?? []) if (!c.confirmed) acc.checkpoints.set(c.node, (acc.checkpoints.get(c.node) ?? 0) + 1);
    for (const g of r.gaps ?? []) {
      notCovered.push({
        run: r.run,
        task: r.task,
        user: r.user,
        at: g.at,
        step: g.node ? stepRef(index, g.node) : null,
        description: g.description,
        decidedBy: g.decidedBy ?? null,
        endedRun: r.endedNotCovered === true && g === r.gaps?.at(-1),
        ...(r.about !== undefined && { about: r.about }),
      });
    }
    for (const p of r.promises ?? []) {
      const state = promiseState(p, now);
      promises.made++;
      promises[state]++;
      if (state === 'late' || state === 'broken')
        promises.items.push({
          run: r.run,
          task: r.task,
          user: r.user,
          ...(r.about !== undefined && { about: r.about }),
          text: p.text,
          due: new Date(p.due ?? p.madeAt).toISOString(),
          ...(p.keptAt !== undefined && { kept: new Date(p.keptAt).toISOString() }),
          ...(p.keptStep !== undefined && { keptBy: stepRef(index, p.keptStep) }),
          state,
          zone,
        });
    }
    for (const u of r.unclear ?? []) {
      let entry = unclear.get(u.node);
      if (!entry) unclear.set(u.node, (entry = { task: r.task, node: u.node, notes: new Map() }));
      const note = u.note.trim();
      entry.notes.set(note, (entry.notes.get(note) ?? 0) + 1);
    }
  }

  // Scheduled tasks appear even when nobody ran them: that is what "missed" is about.
  for (const task of graph.tasks) if (task.schedules.length > 0 && !tasks.has(task.id)) tasks.set(task.id, newAcc(null, task));
  const lastDay = options.until < options.today ? options.until : options.today;
  const reports = [...tasks.values()]
    .map((acc) => {
      const zone = zoneOf(index.tasks.get(acc.task));
      const first = Number.isFinite(earliest) ? localDate(earliest, zone) : null;
      const from = first !== null && first > options.since ? first : options.since;
      return finish(acc, index, from, first === null ? null : lastDay, now, zone, times);
    })
    .filter((r) => r.started > 0 || r.schedules.some((s) => s.due > 0));
  const order = new Map(graph.tasks.map((t, i) => [t.id, i]));
  reports.sort((a, b) => (order.get(a.task) ?? Infinity) - (order.get(b.task) ?? Infinity) || a.task.localeCompare(b.task));

  const unclearSteps = [...unclear.values()].map((u): UnclearStep => {
    const notes = [...u.notes].map(([note, count]) => ({ note, count })).sort((a, b) => b.count - a.count || a.note.localeCompare(b.note));
    return { task: u.task, ...stepRef(index, u.node), count: notes.reduce((n, x) => n + x.count, 0), notes };
  });
  unclearSteps.sort((a, b) => b.count - a.count || a.node.localeCompare(b.node));
  overdue.sort((a, b) => a.due.localeCompare(b.due));

  return {
    since: options.since,
    until: options.until,
    today: options.today,
    journal: options.journal,
    scriptedRuns,
    journalSince: Number.isFinite(earliest) ? new Date(earliest).toISOString() : null,
    tasks: reports,
    unclear: unclearSteps,
    notCovered: notCovered.sort((a, b) => a.at.localeCompare(b.at)),
    overdue,
    promises: { ...promises, items: promises.items.sort((a, b) => a.due.localeCompare(b.due)) },
    review: reviewDue(graph, options.today),
    ...(forks.length > 0 && { forks: forks.sort((a, b) => a.of.localeCompare(b.of) || a.run.localeCompare(b.run)) }),
    ...(futureRuns > 0 && {
      future: { runs: futureRuns, latest: new Date(Math.max(latest, now)).toISOString(), zone: latestZone, now: new Date(now).toISOString() },
    }),
  };
}

interface Acc {
  task: string;
  title: string;
  started: number;
  finished: number;
  cancelled: number;
  failed: number;
  abandoned: number;
  waiting: number;
  paused: number;
  inProgress: number;
  late: number;
  durations: number[];
  skips: Map<string, Map<string, number>>;
  checkpoints: Map<string, number>;
  /** Local dates on which a run of the task started, with the day's first start (for missed and late schedules). */
  dates: Map<string, number>;
}

function newAcc(r: RunRecord | null, task: Task | undefined): Acc {
  return {
    task: task?.id ?? r?.task ?? '',
    title: task?.title ?? r?.title ?? '',
    started: 0,
    finished: 0,
    cancelled: 0,
    failed: 0,
    abandoned: 0,
    waiting: 0,
    paused: 0,
    inProgress: 0,
    late: 0,
    durations: [],
    skips: new Map(),
    checkpoints: new Map(),
    dates: new Map(),
  };
}

/** `lastDay` null: no journal, so no schedule can be checked. */
function finish(acc: Acc, index: GraphIndex, since: string, lastDay: string | null, now: number, zone: string, times: WorkTimes): TaskReport {
  const task = index.tasks.get(acc.task);
  const skipped = [...acc.skips].map(([node, reasons]) => {
    const list = [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
    return { ...stepRef(index, node), count: list.reduce((n, x) => n + x.count, 0), reasons: list };
  });
  skipped.sort((a, b) => b.count - a.count || a.node.localeCompare(b.node));
  const checkpoints = [...acc.checkpoints]
    .map(([node, count]) => ({ ...stepRef(index, node), count }))
    .sort((a, b) => b.count - a.count || a.node.localeCompare(b.node));
  const schedules: ScheduleCheck[] = [];
  if (task && lastDay !== null && since <= lastDay) {
    const days = Math.round(((parseIsoDate(lastDay) ?? 0) - (parseIsoDate(since) ?? 0)) / dayMs) + 1;
    for (const schedule of task.schedules) {
      // A dates table's rows are not in the graph: such a schedule is listed by agenda, not judged here.
      if (schedule.table !== undefined) continue;
      const due = (
        schedule.workdays || schedule.shift ? calendarOccurrences(schedule, times.forFile(task.file), since, days) : occurrences(schedule, zone, since, days)
      ).filter((o) => o.at.getTime() <= now);
      const missed = due.filter((o) => !acc.dates.has(o.date)).map((o) => ({ date: o.date, time: o.time }));
      const late: ScheduleCheck['late'] = [];
      for (const o of due) {
        const started = acc.dates.get(o.date);
        // an all-day occurrence has no time to be late against
        if (started === undefined || o.time === null) continue;
        const at = o.at.getTime();
        const by = task.trigger?.deadline ? times.due(task.file, at, task.trigger.deadline) : null;
        if (started > (by ?? at + lateAfterMs))
          late.push({
            date: o.date,
            time: o.time,
            started: new Date(started).toISOString(),
            startedTime: localDateTime(started, zone).slice(11),
            lateMs: started - at,
          });
      }
      schedules.push({ label: schedule.label, line: schedule.position.line, due: due.length, missed, late });
    }
  }
  return {
    task: acc.task,
    title: acc.title,
    file: task?.file ?? null,
    line: task?.position.line ?? null,
    known: task !== undefined,
    started: acc.started,
    finished: acc.finished,
    cancelled: acc.cancelled,
    failed: acc.failed,
    abandoned: acc.abandoned,
    waiting: acc.waiting,
    paused: acc.paused,
    inProgress: acc.inProgress,
    medianMs: median(acc.durations),
    late: acc.late,
    skipped,
    checkpoints,
    schedules,
  };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const numbering = new WeakMap<GraphIndex, Map<string, string>>();

function stepRef(index: GraphIndex, id: string): StepRef {
  const node = index.node(id);
  let numbers = numbering.get(index);
  if (!numbers) numbering.set(index, (numbers = stepNumbers(index)));
  return {
    node: id,
    text: node ? nodeLabel(node) : null,
    number: numbers.get(id) ?? null,
    file: node?.position.file ?? null,
    line: node?.position.line ?? null,
  };
}

/** A run's deadline instant from its task's trigger (start + deadline), if any. */
function triggerDeadline(r: RunRecord, task: Task | undefined, times: WorkTimes): number | null {
  if (!task?.trigger?.deadline || r.startedAt === null) return null;
  return times.due(task.file, r.startedAt, task.trigger.deadline);
}

function isLate(r: RunRecord, task: Task | undefined, times: WorkTimes): boolean {
  if (r.endedAt === undefined) return false;
  const due = triggerDeadline(r, task, times);
  return (due !== null && r.endedAt > due) || (r.deadlineAt !== undefined && r.endedAt > r.deadlineAt);
}

function reviewDue(graph: Graph, today: string): ReviewDue[] {
  const status = reviewStatus(graph, today);
  const out: ReviewDue[] = [];
  for (const d of status.documents) {
    if (d.dueOn !== null && d.dueOn <= today)
      out.push({ file: d.file, task: null, line: d.position?.line ?? null, reviewed: d.reviewed, dueOn: d.dueOn, daysOverdue: d.daysOverdue });
  }
  for (const t of status.tasks) {
    if (t.own && t.dueOn !== null && t.dueOn <= today)
      out.push({ file: t.file, task: t.task, line: t.position.line, reviewed: t.reviewed, dueOn: t.dueOn, daysOverdue: t.daysOverdue });
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
