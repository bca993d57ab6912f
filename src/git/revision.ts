import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { catFileBatch } from './cat-file-batch.js';
import { GitError } from './git-error.js';
import type { GitProblem } from '../i18n/git-messages.js';
import { git, type GitResult } from './git.js';

/** One instruction file as stored in a revision. */
interface RevisionFile {
  /** Path relative to the compiled folder, with forward slashes (what the graph records). */
  path: string;
  /** `REV:repo/path`, for messages. */
  display: string;
  bytes: Uint8Array;
}

export interface RevisionFiles {
  /** The revision as given, and the commit it names. */
  revision: string;
  commit: string;
  files: RevisionFile[];
  /** Files left out, with why (too large). */
  skipped: Array<{ display: string; reason: string; size: number; limit: number }>;
}

const usage = (problem: GitProblem) => new GitError(problem);

async function run(args: string[], cwd: string): Promise<GitResult> {
  try {
    return await git(args, cwd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw usage({ kind: 'no-git' });
    throw usage({ kind: 'failed', detail: code ?? String(error) });
  }
}

/** The top folder of the git work tree that holds `dir`; a GitError outside a repository. */
export async function repositoryRoot(dir: string): Promise<string> {
  const result = await run(['rev-parse', '--show-toplevel'], dir).catch((error: unknown) => {
    if (error instanceof GitError) throw error;
    throw usage({ kind: 'not-a-repository', dir });
  });
  if (result.code !== 0) {
    const said = result.stderr.trim().split('\n')[0] ?? '';
    throw usage({ kind: 'not-a-repository', dir, ...(said && !/not a git repository/i.test(said) ? { said } : {}) });
  }
  return realpath(result.stdout.toString('utf8').trim());
}

/** The commit a revision names; a GitError for an unknown one. */
export async function resolveCommit(revision: string, top: string): Promise<string> {
  if (revision.startsWith('-') || revision.includes('\0')) throw usage({ kind: 'invalid-revision', revision });
  const result = await run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], top);
  const commit = result.stdout.toString('utf8').trim();
  // `^HEAD` resolves to `^<sha>` (an exclusion, not a commit): only a plain object id goes on to ls-tree.
  if (result.code !== 0 || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(commit)) throw usage({ kind: 'unknown-revision', revision });
  return commit;
}

/** Where a working-tree path is inside the repository (posix, '' for the top); a GitError when outside. */
export async function pathInRepository(path: string, cwd: string, top: string): Promise<string> {
  const abs = resolve(cwd, path);
  // The folder may not exist in the working tree (deleted since the revision): resolve its parent.
  let real: string;
  try {
    real = await realpath(abs);
  } catch {
    real = resolve(await realpath(dirname(abs)).catch(() => dirname(abs)), abs.slice(dirname(abs).length + 1));
  }
  const rel = relative(top, real);
  if (rel.startsWith('..') || isAbsolute(rel)) throw usage({ kind: 'outside', path, top });
  return rel.split(sep).join('/');
}

/**
 * Every instruction file (`*.md` starting with `---`) under `folder` in a revision, read with
 * `git ls-tree` and one `git cat-file --batch`: the working tree and the index are never touched. `folder`
 * may also name a single file.
 */
export async function readRevision(revision: string, folder: string, top: string, maxFileBytes: number): Promise<RevisionFiles> {
  const commit = await resolveCommit(revision, top);
  const listing = await run(['ls-tree', '-r', '-l', '-z', '--full-tree', commit, '--', folder || '.'], top);
  if (listing.code !== 0) throw usage({ kind: 'cannot-list', folder, revision, said: listing.stderr.trim() });
  const entries = parseLsTree(listing.stdout.toString('utf8'));
  const single = entries.length === 1 && entries[0]!.path === folder;
  const base = single ? posix.dirname(folder) : folder;
  const files: RevisionFile[] = [];
  const skipped: RevisionFiles['skipped'] = [];
  const wanted: Array<{ rel: string; display: string; object: string }> = [];
  for (const entry of entries) {
    if (entry.type !== 'blob' || entry.mode === '120000' || !entry.path.endsWith('.md')) continue;
    const rel = base && base !== '.' ? posix.relative(base, entry.path) : entry.path;
    if (rel.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) continue;
    const display = `${revision}:${entry.path}`;
    if (entry.size > maxFileBytes) {
      skipped.push({
        display,
        reason: `${(entry.size / 1048576).toFixed(1)} MB is over the ${(maxFileBytes / 1048576).toFixed(1)} MB limit`,
        size: entry.size,
        limit: maxFileBytes,
      });
      continue;
    }
    wanted.push({ rel, display, object: entry.object });
  }
  const contents = await readObjects(
    wanted.map((w) => w.object),
    top,
  );
  wanted.forEach((w, i) => {
    const bytes = contents[i];
    if (!bytes) throw usage({ kind: 'missing-object', display: w.display, object: w.object });
    if (startsWithFrontMatter(bytes)) files.push({ path: w.rel, display: w.display, bytes });
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { revision, commit, files, skipped };
}

/** Blobs by object id, all through one `git cat-file --batch`. */
async function readObjects(objects: string[], top: string): Promise<Array<Buffer | null>> {
  try {
    return await catFileBatch(objects, top);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw usage({ kind: 'no-git' });
    throw usage({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
  }
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  size: number;
  path: string;
}

function parseLsTree(text: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of text.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', object = '', size = '0'] = record.slice(0, tab).trim().split(/\s+/);
    entries.push({ mode, type, object, size: Number(size) || 0, path: record.slice(tab + 1) });
  }
  return entries;
}

function startsWithFrontMatter(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 8))
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '');
  return head.startsWith('---');
}
