/**
 * Uploading a local journal to the server: in file order, in batches of one transaction each,
 * every event with its client-made id so that a batch sent twice is stored once. For the runner's
 * own journal (the outbox) a cursor file remembers how far the server has acknowledged, so each
 * push sends only what is new; a push cut off midway resumes after the last committed batch.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import type { JournalEvent } from '../events.js';
import { parseRecord } from '../record.js';
import { asForkRecord, readForks, writeForks, type RunFork } from './fork.js';
import type { PostgresStore } from './store.js';

export interface PushResult {
  /** Records read from the file in this push. */
  read: number;
  /** Of those, new on the server. */
  uploaded: number;
  /** Already on the server (a retry, or pushed before). */
  alreadyThere: number;
  /** Lines that are not records (a torn write, a hand edit): skipped. */
  unreadable: number;
  /**
   * Runs this machine continued while another machine, offline too, continued them: this
   * machine's records of each from `from` on were stored as the run `fork` (fork.ts). Only the
   * forks made by this push.
   */
  forks: RunFork[];
}

export interface PushOptions {
  /** Start at the cursor of this file (the outbox) and move it on; else read the whole file. */
  useCursor: boolean;
  batchSize?: number;
  /** Called after each committed batch. */
  onBatch?: (result: PushResult) => void;
}

export function cursorPath(file: string): string {
  return `${file}.pushed`;
}

/** How far the server `key` has acknowledged `file`, in bytes (0 when never pushed or the file was replaced). */
export function readCursor(file: string, key: string, size: number): number {
  try {
    const data = JSON.parse(readFileSync(cursorPath(file), 'utf8')) as Record<string, unknown>;
    const offset = data[key];
    return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 && offset <= size ? offset : 0;
  } catch {
    return 0;
  }
}

function writeCursor(file: string, key: string, offset: number): void {
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(readFileSync(cursorPath(file), 'utf8')) as Record<string, unknown>;
  } catch {
    // none yet, or unreadable: start afresh (the worst case is an upload that changes nothing)
  }
  data[key] = offset;
  const temp = `${cursorPath(file)}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(data)}\n`);
  renameSync(temp, cursorPath(file));
}

/** Bytes of the file not yet acknowledged by the server (0 when the file does not exist). */
export function pendingBytes(file: string, key: string): number {
  let size: number;
  try {
    const fd = openSync(file, 'r');
    size = fstatSync(fd).size;
    closeSync(fd);
  } catch {
    return 0;
  }
  return size - readCursor(file, key, size);
}

export async function pushFile(store: PostgresStore, file: string, options: PushOptions): Promise<PushResult> {
  const key = store.serverKey;
  const result: PushResult = { read: 0, uploaded: 0, alreadyThere: 0, unreadable: 0, forks: [] };
  // this machine's forks: what it records on a forked run goes on in the fork
  const forks = readForks(file, key);
  const fd = openSync(file, 'r');
  let bytes: Buffer;
  let start: number;
  try {
    const size = fstatSync(fd).size;
    start = options.useCursor ? readCursor(file, key, size) : 0;
    bytes = Buffer.alloc(size - start);
    for (let done = 0; done < bytes.length; ) {
      const n = readSync(fd, bytes, done, bytes.length - done, start + done);
      if (n === 0) break;
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  // only whole lines: a runner may be writing the next one right now
  const end = bytes.lastIndexOf(0x0a) + 1;
  const batchSize = options.batchSize ?? 500;
  let batch: JournalEvent[] = [];
  let from = 0;
  const flush = async (upTo: number) => {
    if (batch.length > 0) {
      const sent = batch.map((e) => {
        const f = forks.get(e.run);
        return f && e.seq >= f.from ? asForkRecord(e, f) : e;
      });
      const { fresh, forks: made } = await store.uploadEvents(sent);
      if (made.length > 0) {
        for (const f of made) forks.set(f.run, f);
        // remembered before the cursor moves past the records that made them
        writeForks(file, key, forks);
        result.forks.push(...made);
      }
      result.uploaded += fresh;
      result.alreadyThere += batch.length - fresh;
      result.read += batch.length;
      batch = [];
    }
    if (options.useCursor) writeCursor(file, key, start + upTo);
    options.onBatch?.(result);
  };
  while (from < end) {
    const nl = bytes.indexOf(0x0a, from);
    const line = bytes.toString('utf8', from, nl > 0 && bytes[nl - 1] === 0x0d ? nl - 1 : nl);
    from = nl + 1;
    if (line.trim() === '') continue;
    const record = parseRecord(line);
    if (record === null || record === 'unknown') result.unreadable++;
    else batch.push(record);
    if (batch.length >= batchSize) await flush(from);
  }
  if (batch.length > 0 || (options.useCursor && end > 0)) await flush(end);
  return result;
}
