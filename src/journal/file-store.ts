/** The journal store on a local JSON Lines file: what `instr` uses without a server. */
import { readJournal as readLines } from './reader.js';
import { groupRuns } from './reader.js';
import { loadRuns as loadFileRuns } from './load-runs.js';
import { attachAnswers, filterRuns, type JournalStore, type LoadedRuns, type Question, type RunFilter } from './store.js';
import type { JournalEvent } from './events.js';
import type { SafeOpenOptions } from '../fs/safe-open.js';
import { lockRun } from './run-lock.js';
import { JournalWriter, type EventBody } from './writer.js';

export class FileStore implements JournalStore {
  readonly kind = 'file' as const;
  /** `options.base`: the default journal is never read through a symlink below it. */
  constructor(
    readonly path: string,
    private readonly options: SafeOpenOptions = {},
  ) {}

  get label(): string {
    return this.path;
  }

  async loadRuns(filter: RunFilter = {}): Promise<LoadedRuns> {
    const loaded = await loadFileRuns(this.path, this.options);
    return filter.user === undefined ? loaded : { ...loaded, runs: filterRuns(loaded.runs, (r) => r.user === filter.user) };
  }

  async runEvents(run: string): Promise<JournalEvent[]> {
    const { events } = await readLines(this.path, this.options);
    return groupRuns(events.filter((e) => e.run === run)).get(run) ?? [];
  }

  async questions(filter: RunFilter = {}): Promise<Question[]> {
    const { events } = await readLines(this.path, this.options);
    const out: Question[] = [];
    const answers: Array<{ run: string; question: number; answer: string; at: string; user: string | null }> = [];
    for (const [run, list] of groupRuns(events)) {
      const start = list[0]?.type === 'start' ? list[0] : null;
      if (filter.user !== undefined && start?.user !== filter.user) continue;
      for (const e of list) {
        if (e.type === 'unclear')
          out.push({
            run,
            seq: e.seq,
            at: e.at,
            task: start?.task ?? null,
            node: e.node,
            note: e.note,
            user: start?.user ?? null,
            ...(typeof start?.about === 'string' && start.about && { about: start.about }),
          });
        else if (e.type === 'answered') answers.push({ run, question: e.question, answer: e.answer, at: e.at, user: e.user || null });
      }
    }
    return attachAnswers(out, answers).sort((a, b) => a.at.localeCompare(b.at));
  }

  async answerQuestion(question: Question, answer: string, user: string, at: string): Promise<void> {
    // the run's lock: a run being continued right now would append the same seq
    const release = lockRun(this.path, question.run);
    try {
      const events = await this.runEvents(question.run);
      const next = Math.max(-1, ...events.map((e) => e.seq)) + 1;
      const writer = new JournalWriter(this.path, question.run, next, this.options);
      try {
        writer.append({ type: 'answered', question: question.seq, node: question.node, answer, user }, at);
      } finally {
        writer.close();
      }
    } finally {
      release();
    }
  }

  async appendToRun(run: string, body: EventBody, at: string): Promise<JournalEvent | null> {
    // the run's lock: a run being continued right now would append the same seq
    const release = lockRun(this.path, run);
    try {
      const events = await this.runEvents(run);
      const writer = new JournalWriter(this.path, run, Math.max(-1, ...events.map((e) => e.seq)) + 1, this.options);
      try {
        return writer.append(body, at);
      } finally {
        writer.close();
      }
    } finally {
      release();
    }
  }

  async close(): Promise<void> {}
}
