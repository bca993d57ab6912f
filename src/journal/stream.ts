import { openRegular, type SafeOpenOptions } from '../fs/safe-open.js';
import type { JournalEvent } from './events.js';
import { parseRecord, SeqOrder } from './record.js';

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
 * does not parse or is not a record is counted, never fatal; a duplicate (see SeqOrder) is
 * counted and skipped.
 */
export async function streamJournal(path: string, visit: (event: JournalEvent, line: number) => void, options: SafeOpenOptions = {}): Promise<JournalStats> {
  const stats: JournalStats = { lines: 0, events: 0, unreadable: 0, unreadableLines: [], duplicates: 0, unknown: 0 };
  const order = new SeqOrder();
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
    if (!order.accept(event)) {
      stats.duplicates++;
      return;
    }
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
  // an empty file: no stream, which would only close the handle once read (a leak otherwise)
  if (size === 0) {
    await handle.close();
    return stats;
  }
  const stream = handle.createReadStream({ encoding: 'utf8', highWaterMark: 1 << 20, start: 0, end: size - 1 });
  for await (const chunk of stream as AsyncIterable<string>) {
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
