import { lstat } from 'node:fs/promises';
import type { SafeOpenOptions } from '../fs/safe-open.js';
import { streamJournal, type JournalStats } from './stream.js';
import { finishRuns, RunFolder, type RunRecord } from './runs.js';

export interface LoadedRuns {
  runs: Map<string, RunRecord>;
  stats: JournalStats | null;
  /** The journal file does not exist (nothing has been run yet). */
  missing: boolean;
}

/** Reads a journal into runs; a missing file is no runs, not an error. */
export async function loadRuns(path: string, options: SafeOpenOptions = {}): Promise<LoadedRuns> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (info === null) return { runs: new Map(), stats: null, missing: true };
  const folder = new RunFolder();
  const stats = await streamJournal(path, folder.add, options);
  return { runs: finishRuns(folder.runs), stats, missing: false };
}
