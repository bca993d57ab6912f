/** One journal line: how it is recognised as a record, and which records of a run count. */
import type { JournalEvent } from './events.js';

const knownTypes = new Set([
  'start',
  'step',
  'unclear',
  'decision',
  'jump',
  'escalation',
  'checkpoint',
  'wait',
  'resume',
  'timeout',
  'promise',
  'back',
  'pause',
  'not-covered',
  'end',
  'abandon',
  'answered',
]);

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

/**
 * The one duplicate rule of every journal reader: a run's records count in file order while their
 * `seq` goes up; a record whose `seq` is not greater than the last one counted for its run is a
 * repeated (or misplaced) write and is skipped. One number per run, so a stream of millions of
 * lines needs no more memory than its runs.
 */
export class SeqOrder {
  private readonly last = new Map<string, number>();

  accept(event: JournalEvent): boolean {
    const last = this.last.get(event.run);
    if (last !== undefined && event.seq <= last) return false;
    this.last.set(event.run, event.seq);
    return true;
  }
}
