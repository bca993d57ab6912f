import { createHash } from 'node:crypto';
import { closeSync, constants, openSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { readRegularFileSync } from '../fs/safe-open.js';

/** Another live process holds the run. */
export class RunLockedError extends Error {
  constructor(
    readonly run: string,
    readonly pid: number,
  ) {
    super(`the run ${run} is being continued by another instr process (pid ${pid}); finish or stop that one first`);
  }
}

/**
 * A lock per run while it is continued: two processes resuming the same run would both append
 * records with the same seq, and one person's answers would be lost. The lock is a file beside
 * the journal, created with O_EXCL (never through a symlink), holding the owner's pid and host; a
 * lock whose process is gone (a kill) is stale and taken over. The file name is a hash of the run
 * id, which comes from the journal and must not become a path. Returns the release function;
 * when the folder cannot hold a lock file (read-only, `/dev/null` as the journal) the run goes on
 * without one.
 */
export function lockRun(journal: string, run: string): () => void {
  const path = `${journal}.${createHash('sha256').update(run).digest('hex').slice(0, 16)}.lock`;
  const me = `${process.pid} ${hostname()}\n`;
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return () => undefined;
      const holder = readHolder(path);
      if (holder && holder.host === hostname() && holder.pid !== process.pid && alive(holder.pid)) throw new RunLockedError(run, holder.pid);
      if (holder && holder.host !== hostname()) throw new RunLockedError(run, holder.pid);
      try {
        unlinkSync(path); // stale: its process is gone
      } catch {
        // another process took it over first; try once more
      }
      continue;
    }
    try {
      writeSync(fd, me);
    } finally {
      closeSync(fd);
    }
    return () => {
      try {
        if (readRegularFileSync(path, 1024, { base: dirname(path) }).toString('utf8') === me) unlinkSync(path);
      } catch {
        // already gone
      }
    };
  }
  throw new RunLockedError(run, 0);
}

function readHolder(path: string): { pid: number; host: string } | null {
  try {
    // A lock file committed as a FIFO or a link must not block or lead anywhere.
    const [pid, host] = readRegularFileSync(path, 1024, { base: dirname(path) })
      .toString('utf8')
      .trim()
      .split(' ');
    return Number.isInteger(Number(pid)) ? { pid: Number(pid), host: host ?? '' } : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
