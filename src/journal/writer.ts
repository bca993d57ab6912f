import { closeSync, fstatSync, fsyncSync, readSync, writeSync } from 'node:fs';
import { openForAppendSync, UnsafePathError, type SafeOpenOptions } from '../fs/safe-open.js';
import { JOURNAL_VERSION, type JournalEvent } from './events.js';

/** The journal cannot be opened or written (permissions, a full disk…); the message says which file and why. */
export class JournalWriteError extends Error {
  constructor(
    readonly path: string,
    override readonly cause: unknown,
  ) {
    const code = cause instanceof UnsafePathError ? undefined : (cause as NodeJS.ErrnoException)?.code;
    super(`cannot write the journal ${path}: ${code ?? (cause instanceof Error ? cause.message : String(cause))}`);
  }
}

/** An event as a caller gives it: the writer adds v, run, seq and at. */
export type EventBody = JournalEvent extends infer E ? (E extends JournalEvent ? Omit<E, 'v' | 'run' | 'seq' | 'at'> : never) : never;

/**
 * Appends one run's events to the journal, one JSON line each, and fsyncs every record before
 * returning: a record written is on disk before the next prompt, so a kill loses nothing answered.
 * Runs share the file; a single write() of one line in append mode keeps lines whole.
 */
export class JournalWriter {
  private fd = -1;
  private seq: number;

  /**
   * Opens (creating the folder) for appending; `nextSeq` continues a resumed run's numbering.
   * `options.base` (the default journal's working directory): no symlink below it is followed.
   */
  constructor(
    readonly path: string,
    readonly run: string,
    nextSeq = 0,
    options: SafeOpenOptions = {},
  ) {
    this.seq = nextSeq;
    try {
      this.fd = openForAppendSync(path, options);
      this.healTornTail();
    } catch (error) {
      throw new JournalWriteError(path, error);
    }
  }

  get nextSeq(): number {
    return this.seq;
  }

  /** Appends and flushes one event; returns the full record. */
  append(body: EventBody, at: string): JournalEvent {
    const record = { v: JOURNAL_VERSION, run: this.run, seq: this.seq, at, ...body } as JournalEvent;
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
      fsyncSync(this.fd);
    } catch (error) {
      throw new JournalWriteError(this.path, error);
    }
    this.seq++;
    return record;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  /** A crash mid-write leaves a last line without its newline; end it so our records start on a line of their own. */
  private healTornTail(): void {
    const size = fstatSync(this.fd).size;
    if (size === 0) return;
    const last = Buffer.alloc(1);
    readSync(this.fd, last, 0, 1, size - 1);
    if (last[0] !== 0x0a) {
      writeSync(this.fd, '\n');
      fsyncSync(this.fd);
    }
  }
}
