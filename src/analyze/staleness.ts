import { addDuration, isValidDate, parseDuration } from '../schedule/durations.js';
import type { Graph, Position, Review } from '../graph/types.js';

/** Review state of one document or task on a given day. */
export interface ReviewStatus {
  /** Last review date (`YYYY-MM-DD`), when given. */
  reviewed: string | null;
  /** Review period (ISO 8601 duration), when given. */
  period: string | null;
  /** `reviewed + period` (`YYYY-MM-DD`); null when either is missing or malformed. */
  dueOn: string | null;
  /** True when `today` is after `dueOn`. */
  overdue: boolean;
  /** Whole days `today` is past `dueOn`; 0 when not overdue. */
  daysOverdue: number;
}

interface DocumentReviewStatus extends ReviewStatus {
  /** Document file, relative to the compiled root. */
  file: string;
  document: string;
  position?: Position;
}

interface TaskReviewStatus extends ReviewStatus {
  task: string;
  file: string;
  document: string;
  position: Position;
  /** True when the task has its own `reviewed`/`review`; false when it inherits the document's. */
  own: boolean;
}

export interface ReviewReport {
  today: string;
  documents: DocumentReviewStatus[];
  tasks: TaskReviewStatus[];
}

const dayMs = 86_400_000;

/** `YYYY-MM-DD` → UTC midnight, or null when it is not a real date. */
function parseDay(text: string): Date | null {
  return isValidDate(text) ? new Date(`${text}T00:00:00.000Z`) : null;
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Status of one review (`reviewed` + `period`) on `today`. */
export function statusOf(review: Review | undefined, today: string): ReviewStatus {
  const reviewed = review?.reviewed ?? null;
  const period = review?.period ?? null;
  const day = parseDay(today);
  const from = reviewed ? parseDay(reviewed) : null;
  const parts = period ? parseDuration(period) : null;
  if (!day || !from || !parts) return { reviewed, period, dueOn: null, overdue: false, daysOverdue: 0 };
  const due = addDuration(from, parts);
  const late = Math.floor((day.getTime() - due.getTime()) / dayMs);
  return { reviewed, period, dueOn: formatDay(due), overdue: late > 0, daysOverdue: Math.max(0, late) };
}

/**
 * Review state of every document and every task on `today` (`YYYY-MM-DD`). A task with its own
 * `reviewed` or `review` is judged by its own values, each missing one taken from its document; a
 * task without either inherits its document's status (`own: false`).
 */
export function reviewStatus(graph: Graph, today: string): ReviewReport {
  const byFile = new Map(graph.documents.map((d) => [d.file, d]));
  const documents = graph.documents.map((d) => ({
    file: d.file,
    document: d.id,
    ...(d.position ? { position: d.position } : {}),
    ...statusOf(d.review, today),
  }));
  const tasks = graph.tasks.map((t): TaskReviewStatus => {
    const doc = byFile.get(t.file);
    const own = t.review !== undefined && (t.review.reviewed !== undefined || t.review.period !== undefined);
    const review: Review | undefined = own
      ? { reviewed: t.review?.reviewed ?? doc?.review?.reviewed, period: t.review?.period ?? doc?.review?.period }
      : doc?.review;
    const clean: Review = {};
    if (review?.reviewed !== undefined) clean.reviewed = review.reviewed;
    if (review?.period !== undefined) clean.period = review.period;
    return { task: t.id, file: t.file, document: t.document, position: t.position, own, ...statusOf(clean, today) };
  });
  return { today, documents, tasks };
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export function todayUtc(now: Date = new Date()): string {
  return formatDay(now);
}
