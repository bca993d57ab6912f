import { readRegularFile, type SafeOpenOptions } from '../fs/safe-open.js';
import type { JournalEvent } from './events.js';

/** A journal larger than this is not read whole (a run is resumed from memory): 256 MB. */
export const maxJournalBytes = 256 * 1024 * 1024;

export interface JournalProblem {
  line: number;
  message: string;
}

export interface JournalContents {
  events: JournalEvent[];
  /** Lines skipped: a torn last record (a crash mid-write) or a line that is not a record. */
  problems: JournalProblem[];
}

/**
 * Reads a journal; a missing file is an empty journal. Bad lines are skipped and reported, never
 * fatal. `options.base` (the default journal's working directory): no symlink below it is
 * followed; the journal must be a regular file of at most maxJournalBytes either way.
 */
export async function readJournal(path: string, options: SafeOpenOptions = {}): Promise<JournalContents> {
  let text: string;
  try {
    text = (await readRegularFile(path, maxJournalBytes, options)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], problems: [] };
    throw error;
  }
  return parseJournal(text);
}

export function parseJournal(text: string): JournalContents {
  const events: JournalEvent[] = [];
  const problems: JournalProblem[] = [];
  const lines = text.split('\n');
  const torn = !text.endsWith('\n') && text.length > 0;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const last = i === lines.length - 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ line: i + 1, message: unparsableLine(line, last && torn) });
      return;
    }
    if (!isRecord(value)) {
      problems.push({ line: i + 1, message: 'not a journal record (needs v: 1, run, seq, at, type); skipped' });
      return;
    }
    events.push(value);
  });
  return { events, problems };
}

/** How every record the writer makes begins: JSON.stringify keeps `v` as the first key. */
const recordStart = '{"v":';

/**
 * A line that does not parse. A write stopped part-way (SIGKILL between two pages of one write())
 * leaves the start of a record; the next writer ends that line and appends after it, so a torn
 * record is not always the last line. It is recognised by how it begins, wherever it is.
 */
function unparsableLine(line: string, isUnterminatedLastLine: boolean): string {
  if (isUnterminatedLastLine) return 'the last record is torn (the process stopped while writing it); skipped';
  if (line.startsWith(recordStart) || recordStart.startsWith(line)) return 'a record torn by an interrupted write (a later write continued after it); skipped';
  return 'not a JSON record; skipped';
}

function isRecord(value: unknown): value is JournalEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const r = value as Record<string, unknown>;
  return r['v'] === 1 && typeof r['run'] === 'string' && Number.isInteger(r['seq']) && typeof r['at'] === 'string' && typeof r['type'] === 'string';
}

/** Each run's events in seq order (a repeated seq keeps the first), runs in the order they started. */
export function groupRuns(events: JournalEvent[]): Map<string, JournalEvent[]> {
  const runs = new Map<string, Map<number, JournalEvent>>();
  for (const e of events) {
    let run = runs.get(e.run);
    if (!run) runs.set(e.run, (run = new Map()));
    if (!run.has(e.seq)) run.set(e.seq, e);
  }
  const out = new Map<string, JournalEvent[]>();
  for (const [id, run] of runs) out.set(id, [...run.values()].sort((a, b) => a.seq - b.seq));
  return out;
}

export type RunPhase = 'active' | 'paused' | 'waiting' | 'finished' | 'abandoned';

/** Where a run stands according to its events. */
export function runPhase(events: JournalEvent[]): RunPhase {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'end') return 'finished';
    if (e.type === 'abandon') return 'abandoned';
    if (e.type === 'pause') return 'paused';
    if (e.type === 'wait') return 'waiting';
    if (e.type === 'resume' || e.type === 'step' || e.type === 'decision' || e.type === 'checkpoint' || e.type === 'escalation' || e.type === 'back' || e.type === 'start') return 'active';
  }
  return 'active';
}
