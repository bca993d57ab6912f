/** Where a run's instructions came from: the git revision and a content hash, to notice a changed instruction on resume. */
import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { git } from '../git/git.js';
import type { Graph } from '../graph/types.js';

/**
 * `git rev-parse HEAD` of the folder, or null outside a git work tree (or without git). Through
 * the one git helper (git/git.ts), with its environment, never a shell. git is not started where
 * it could only answer "not a repository": no folder from `dir` up holds a `.git` or is a bare
 * repository, and no GIT_* variable redirects git's search.
 */
export async function gitRevision(dir: string): Promise<string | null> {
  if (!mayBeInRepository(dir)) return null;
  try {
    const result = await git(['rev-parse', '--verify', '--quiet', 'HEAD'], dir, 1024);
    const rev = result.stdout.toString('utf8').trim();
    return result.code === 0 && /^[0-9a-f]{40,64}$/.test(rev) ? rev : null;
  } catch {
    return null;
  }
}

/** What git's own discovery looks for, from `dir` up to the root; any GIT_* variable: ask git. */
function mayBeInRepository(dir: string): boolean {
  if (Object.keys(process.env).some((key) => key.startsWith('GIT_'))) return true;
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (exists(join(at, '.git')) || (exists(join(at, 'HEAD')) && exists(join(at, 'objects')) && exists(join(at, 'refs')))) return true;
    if (dirname(at) === at) return false;
  }
}

function exists(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false }) !== undefined;
}

/** sha256 over the compiled documents' hashes (sorted by file), hex. */
export function contentHash(graph: Graph): string {
  const h = createHash('sha256');
  for (const doc of [...graph.documents].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) h.update(`${doc.file}\0${doc.hash}\n`);
  return h.digest('hex');
}

/** A unique, time-sortable run id: 20261127T101500Z-a1b2c3. */
export function newRunId(now: Date, hex: string = randomBytes(3).toString('hex')): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}-${hex}`;
}
