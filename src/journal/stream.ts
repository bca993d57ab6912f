import { openRegular, type SafeOpenOptions } from '../fs/safe-open.js';
import type { JournalEvent } from './events.js';

const knownTypes = new Set(['start', 'step', 'unclear', 'decision', 'jump', 'escalation', 'checkpoint', 'wait', 'resume', 'back', 'pause', 'not-covered', 'end', 'abandon']);

export interface JournalStats {
  /** Lines read, blank ones included. */
  lines: number;
  events: number;
  /** Lines that are not a journal record (a torn write, a hand edit): how many, and the first few. */
  unreadable: number;
  unreadableLines: number[];
  /** Events whose seq was already seen for their run (a repeated write); ignored. */
  duplicates: number;
  /** Records of a newer format or an unknown type; ignored. */
  unknown: number;
}

const keepLineNumbers = 20;
/** No journal record comes near this; a longer line is garbage and is not held in memory. */
export const maxLineLength = 1 << 20;

/**
 * Streams a JSON Lines journal and hands each valid event to `visit`, in file order. A line that
 * does not parse or is not a record is counted, never fatal; an event whose `seq` is not greater
 * than the last one seen for its run is a duplicate and is skipped.
 */
export async function streamJournal(path: string, visit: (event: JournalEvent, line: number) => void, options: SafeOpenOptions = {}): Promise<JournalStats> {
  const stats: JournalStats = { lines: 0, events: 0, unreadable: 0, unreadableLines: [], duplicates: 0, unknown: 0 };
  const lastSeq = new Map<string, number>();
  const take = (line: string) => {
    stats.lines++;
    if (line.length === 0 || (line.length < 3 && line.trim() === '')) return;
    const event = parseRecord(line);
    if (event === 'unknown') {
      stats.unknown++;
      return;
    }
    if (event === null) {
      stats.unreadable++;
      if (stats.unreadableLines.length < keepLineNumbers) stats.unreadableLines.push(stats.lines);
      return;
    }
    const last = lastSeq.get(event.run);
    if (last !== undefined && event.seq <= last) {
      stats.duplicates++;
      return;
    }
    lastSeq.set(event.run, event.seq);
    stats.events++;
    visit(event, stats.lines);
  };
  // Chunks split into lines by hand: node:readline's per-line async iteration costs more than
  // the JSON parsing on a journal of millions of lines.
  let rest = '';
  // A line longer than any record can be is not kept in memory: it is skipped up to its end.
  let overlong = false;
  // A regular file only (never a FIFO or /dev/zero), read up to the size it had when opened.
  const { handle, size } = await openRegular(path, options);
  const stream = handle.createReadStream({ encoding: 'utf8', highWaterMark: 1 << 20, start: 0, end: Math.max(0, size - 1) });
  for await (const chunk of (size === 0 ? [] : stream) as AsyncIterable<string>) {
    const text = rest + chunk;
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      if (overlong) {
        overlong = false;
        take('\u0000');
      } else take(text.charCodeAt(nl - 1) === 13 ? text.slice(from, nl - 1) : text.slice(from, nl));
      from = nl + 1;
    }
    rest = text.slice(from);
    if (rest.length > maxLineLength) {
      overlong = true;
      rest = '';
    }
  }
  if (overlong) take('\u0000');
  else if (rest.length > 0) take(rest);
  return stats;
}

/** One line → an event, null when it is not a record at all, 'unknown' for a record we cannot read. */
export function parseRecord(line: string): JournalEvent | null | 'unknown' {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const r = value as Record<string, unknown>;
  if (typeof r['run'] !== 'string' || !Number.isInteger(r['seq']) || typeof r['at'] !== 'string' || typeof r['type'] !== 'string') return null;
  if (r['v'] !== 1 || !knownTypes.has(r['type'])) return 'unknown';
  // The fields each type needs are checked where they are used; the record's shape is the contract.
  return value as JournalEvent;
}
