import { lstat, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { openRegular } from '../fs/safe-open.js';

/** A "not covered" capture waiting in `<root>/inbox/` to become part of an instruction. */
export interface Draft {
  /** Path relative to the instructions root, e.g. `inbox/2026-11-27-request-a1b2.md`. */
  file: string;
  /** ISO time of the capture (from the header, else the date in the file name). */
  captured: string;
  run: string | null;
  task: string | null;
  node: string | null;
  user: string | null;
  lang: string | null;
  /** The draft heading's text: the first line of the description. */
  title: string;
  /** The heading's id, e.g. `draft-20261127-a1b2`. */
  id: string | null;
  /** Whole days since the capture. */
  ageDays: number;
}

export interface DraftProblem {
  file: string;
  /** What is wrong, as a key of the inbox's messages (inbox/messages.ts), for the screen's language. */
  code: DraftProblemCode;
  message: string;
}

export type DraftProblemCode = 'symlink' | 'badHeader' | 'notDraft' | 'noCaptured';

const problemText: Record<DraftProblemCode, string> = {
  symlink: 'is a symbolic link; instr does not follow it (remove the link)',
  badHeader: 'the instr-inbox header on the first line is not valid JSON',
  notDraft: 'not an inbox draft: no <!-- instr-inbox {…} --> header on the first line',
  noCaptured: 'the header has no valid "captured" time',
};

function problem(code: DraftProblemCode): { code: DraftProblemCode; message: string } {
  return { code, message: problemText[code] };
}

const inboxFolder = 'inbox';
/** The draft header, the one pattern every reader uses (a BOM and extra spaces are tolerated). */
const headerPattern = /^\uFEFF?<!--\s*instr-inbox\s+(\{.*\})\s*-->\s*$/;
const headingPattern = /^###\s+(.*?)\s*(?:\{#([A-Za-z0-9_-]+)\})?\s*$/;
const namePattern = /^(\d{4}-\d{2}-\d{2})-.+\.md$/;
/** Enough for the header and the heading; a draft is never read whole. */
const headBytes = 16 * 1024;
const dayMs = 86_400_000;

/** Drafts in `<root>/inbox/`, oldest first; files that are not drafts come back as problems. */
export async function listDrafts(root: string, now: number = Date.now()): Promise<{ drafts: Draft[]; problems: DraftProblem[] }> {
  const folder = join(root, inboxFolder);
  // A symlinked inbox would list (and read the start of) files outside the repository.
  if ((await lstat(folder).catch(() => null))?.isSymbolicLink()) {
    return { drafts: [], problems: [{ file: inboxFolder, ...problem('symlink') }] };
  }
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
    throw error;
  });
  const drafts: Draft[] = [];
  const problems: DraftProblem[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.') || !entry.name.endsWith('.md')) continue;
    const file = `${inboxFolder}/${entry.name}`;
    const parsed = parseDraft(await readHead(join(folder, entry.name)), entry.name, now);
    if ('code' in parsed) problems.push({ file, ...parsed });
    else drafts.push({ file, ...parsed });
  }
  drafts.sort((a, b) => a.captured.localeCompare(b.captured) || a.file.localeCompare(b.file));
  problems.sort((a, b) => a.file.localeCompare(b.file));
  return { drafts, problems };
}

async function readHead(path: string): Promise<string> {
  const { handle } = await openRegular(path, { base: dirname(path) });
  try {
    const buffer = Buffer.alloc(headBytes);
    const { bytesRead } = await handle.read(buffer, 0, headBytes, 0);
    return new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** The header line and heading of a draft's text. */
export function parseDraft(text: string, name: string, now: number): Omit<Draft, 'file'> | { code: DraftProblemCode; message: string } {
  const lines = text.split(/\r?\n/);
  const header = headerPattern.exec(lines[0] ?? '');
  let meta: Record<string, unknown> = {};
  if (header) {
    try {
      const value: unknown = JSON.parse(header[1]!);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) meta = value as Record<string, unknown>;
    } catch {
      return problem('badHeader');
    }
  }
  const fromName = namePattern.exec(name)?.[1];
  const capturedText = str(meta['captured']) ?? (fromName ? `${fromName}T00:00:00.000Z` : null);
  const captured = capturedText ? Date.parse(capturedText) : Number.NaN;
  if (!header && !fromName) return problem('notDraft');
  if (!Number.isFinite(captured)) return problem('noCaptured');
  const heading = lines.map((l) => headingPattern.exec(l)).find((m) => m !== null);
  return {
    captured: new Date(captured).toISOString(),
    run: str(meta['run']),
    task: str(meta['task']),
    node: str(meta['node']),
    user: str(meta['user']),
    lang: str(meta['lang']),
    // The writer escapes Markdown punctuation in the heading; people read it unescaped.
    title: (heading?.[1] ?? '').replace(/\\([!-/:-@[-`{-~])/g, '$1'),
    id: heading?.[2] ?? null,
    ageDays: draftAgeDays(captured, now),
  };
}

/** A draft's text without its header line (for showing it whole); the same header pattern as listing. */
export function withoutHeader(text: string): string {
  const newline = text.indexOf('\n');
  const first = newline === -1 ? text : text.slice(0, newline).replace(/\r$/, '');
  return headerPattern.test(first) ? (newline === -1 ? '' : text.slice(newline + 1)) : text;
}

/** A draft's age, the one rounding: whole days elapsed since the capture (never negative). */
export function draftAgeDays(captured: number, now: number): number {
  return Math.max(0, Math.floor((now - captured) / dayMs));
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}
