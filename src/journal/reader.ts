import { readRegularFile, type SafeOpenOptions } from '../fs/safe-open.js';
import type { JournalEvent } from './events.js';
import { parseRecord, SeqOrder } from './record.js';
import { skippedLineText, type SkippedLine } from '../i18n/journal-line-messages.js';

/** A journal larger than this is not read whole (a run is resumed from memory): 256 MB. */
const maxJournalBytes = 256 * 1024 * 1024;

interface JournalProblem {
  line: number;
  /** In English (tests and logs); the screen says `why` in its own language. */
  message: string;
  why: SkippedLine;
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

/** The events of a journal's text, in file order, duplicates dropped (SeqOrder); every skipped line is a problem. */
export function parseJournal(text: string): JournalContents {
  const events: JournalEvent[] = [];
  const problems: JournalProblem[] = [];
  const order = new SeqOrder();
  const lines = text.split('\n');
  const torn = !text.endsWith('\n') && text.length > 0;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const record = parseRecord(line.endsWith('\r') ? line.slice(0, -1) : line);
    const skip = (why: SkippedLine) => problems.push({ line: i + 1, message: skippedLineText(why, 'en'), why });
    if (record === null) {
      skip(isJson(line) ? { kind: 'not-a-record' } : unparsableLine(line, i === lines.length - 1 && torn));
      return;
    }
    if (record === 'unknown') {
      skip({ kind: 'newer' });
      return;
    }
    if (!order.accept(record)) {
      skip({ kind: 'out-of-order', seq: record.seq, run: record.run });
      return;
    }
    events.push(record);
  });
  return { events, problems };
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/** How every record the writer makes begins: JSON.stringify keeps `v` as the first key. */
const recordStart = '{"v":';

/**
 * A line that does not parse. A write stopped part-way (SIGKILL between two pages of one write())
 * leaves the start of a record; the next writer ends that line and appends after it, so a torn
 * record is not always the last line. It is recognised by how it begins, wherever it is.
 */
function unparsableLine(line: string, isUnterminatedLastLine: boolean): SkippedLine {
  if (isUnterminatedLastLine) return { kind: 'torn-last' };
  if (line.startsWith(recordStart) || recordStart.startsWith(line)) return { kind: 'torn-inside' };
  return { kind: 'not-json' };
}

/** Each run's events (already in seq order: parseJournal drops what goes back), runs in the order they started. */
export function groupRuns(events: JournalEvent[]): Map<string, JournalEvent[]> {
  const runs = new Map<string, JournalEvent[]>();
  for (const e of events) {
    let run = runs.get(e.run);
    if (!run) runs.set(e.run, (run = []));
    run.push(e);
  }
  return runs;
}
