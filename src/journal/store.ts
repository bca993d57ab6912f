/**
 * The journal store: where runs, their events, unclear questions and "not covered" drafts are kept.
 * Two implementations: the local file (the default, no server) and PostgreSQL (a firm's shared
 * journal, configured with a postgres:// URL). The runner always appends to a local file first
 * (fsynced before the next prompt); with a server that file is also the outbox that is uploaded.
 */
import type { JournalEvent } from './events.js';
import type { EventBody } from './writer.js';
import type { JournalStats } from './stream.js';
import type { RunRecord } from './runs.js';

export interface RunFilter {
  /** Only runs started by this user (the `user` of their start event). */
  user?: string;
}

export interface LoadedRuns {
  runs: Map<string, RunRecord>;
  stats: JournalStats | null;
  /** Nothing has been journaled yet (no file, or an empty server). */
  missing: boolean;
}

/** A question ("this step is unclear") asked during a run. */
export interface Question {
  run: string;
  seq: number;
  at: string;
  task: string | null;
  node: string;
  note: string;
  user: string | null;
  /** What the run is about (its subject), when the user gave one. */
  about?: string;
  /** The latest answer given in the inbox (`instr inbox answer`), if any. */
  answer?: QuestionAnswer;
}

interface QuestionAnswer {
  text: string;
  at: string;
  user: string | null;
}

/** Attaches each `answered` record to its question (the latest answer wins); answers to unknown questions are left out. */
export function attachAnswers(
  questions: Question[],
  answers: ReadonlyArray<{ run: string; question: number; answer: string; at: string; user: string | null }>,
): Question[] {
  const byKey = new Map(questions.map((q) => [`${q.run}\u0000${q.seq}`, q]));
  for (const a of answers) {
    const q = byKey.get(`${a.run}\u0000${a.question}`);
    if (q && (!q.answer || q.answer.at <= a.at)) q.answer = { text: a.answer, at: a.at, user: a.user };
  }
  return questions;
}

/** A "not covered" capture as the server keeps it (the draft file stays on the runner's machine). */
export interface ServerDraft {
  run: string;
  at: string;
  task: string | null;
  node: string | null;
  user: string | null;
  lang: string | null;
  description: string;
  action: string;
  /** The draft file's path relative to the runner's instructions root. */
  draft: string;
}

export interface JournalStore {
  readonly kind: 'file' | 'postgres';
  /** Where, for people: a path, or the URL with its password masked. */
  readonly label: string;
  loadRuns(filter?: RunFilter): Promise<LoadedRuns>;
  /** Every event of one run in seq order (empty when unknown). */
  runEvents(run: string): Promise<JournalEvent[]>;
  questions(filter?: RunFilter): Promise<Question[]>;
  /** Appends an `answered` record to the question's run, after its last record; nothing is rewritten. */
  answerQuestion(question: Question, answer: string, user: string, at: string): Promise<void>;
  /**
   * Appends a record to a run after its last one (even after its end: a promise kept by hand);
   * nothing is rewritten. Returns the record, or null when another one took that place first.
   */
  appendToRun(run: string, body: EventBody, at: string): Promise<JournalEvent | null>;
  close(): Promise<void>;
}

/** Keeps the runs a filter wants (for stores that cannot filter while reading). */
export function filterRuns(runs: Map<string, RunRecord>, keep: (r: RunRecord) => boolean): Map<string, RunRecord> {
  const out = new Map<string, RunRecord>();
  for (const [id, r] of runs) if (keep(r)) out.set(id, r);
  return out;
}
