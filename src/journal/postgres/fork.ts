/**
 * A run continued on two machines while both were offline. No server held the run's lock
 * (run-claim.ts), so each machine wrote its own records at the same positions of the run. The first
 * machine to upload has its records stored under the run; when the second uploads, a record whose
 * position the server already holds with other content is not a retry: it is the other machine's
 * work. Nothing of it is dropped: from the first such position on, this machine's records of that
 * run are stored as a new run, the fork, which begins with a copy of the run's records before that
 * position (its start record saying which run it forks and where). The fork's id is made from the
 * run and the clashing record, so a push repeated (a retry, `push --from` again) makes the same fork.
 *
 * The machine remembers its forks next to its journal (`FILE.forks`, per server), so that what it
 * records on that run later goes to the fork too.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { JournalEvent } from '../events.js';

/** This machine's records of `run` from `from` on are stored as the run `fork`. */
export interface RunFork {
  run: string;
  fork: string;
  from: number;
}

/** The fork's run id: the run's, a tilde, and six hex digits of the first clashing record. */
export function forkRunId(run: string, clashing: string): string {
  return `${run}~${createHash('sha1').update(clashing).digest('hex').slice(0, 6)}`;
}

/** A record of the run as a record of its fork: same position, the fork's run id, no id of its own (the fork's is made from its run and seq). */
export function asForkRecord(e: JournalEvent, fork: RunFork): JournalEvent {
  const { id: _id, ...rest } = e as JournalEvent & { id?: unknown };
  const copy = { ...rest, run: fork.fork } as JournalEvent;
  if (copy.type === 'start') return { ...copy, forkOf: fork.run, forkedAt: fork.from };
  return copy;
}

function forksPath(file: string): string {
  return `${file}.forks`;
}

/** The forks this machine made on the server `key`, by run. */
export function readForks(file: string, key: string): Map<string, RunFork> {
  try {
    const data = JSON.parse(readFileSync(forksPath(file), 'utf8')) as Record<string, unknown>;
    const list = data[key];
    if (!Array.isArray(list)) return new Map();
    const out = new Map<string, RunFork>();
    for (const x of list as Array<Partial<RunFork>>)
      if (typeof x.run === 'string' && typeof x.fork === 'string' && Number.isInteger(x.from)) out.set(x.run, { run: x.run, fork: x.fork, from: x.from! });
    return out;
  } catch {
    return new Map();
  }
}

/** Remembers forks (on disk before the upload's cursor moves past the records that made them). */
export function writeForks(file: string, key: string, forks: Map<string, RunFork>): void {
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(readFileSync(forksPath(file), 'utf8')) as Record<string, unknown>;
  } catch {
    // none yet
  }
  data[key] = [...forks.values()];
  const temp = `${forksPath(file)}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(data)}\n`);
  renameSync(temp, forksPath(file));
}

/** A record as the server stores it (the `record` column): the same text for the same record. */
export function recordText(e: JournalEvent): string {
  return JSON.stringify(e);
}
