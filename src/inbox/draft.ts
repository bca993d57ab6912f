/**
 * "Not covered" captures: a situation the instruction did not foresee, written by `instr run` as
 * a draft in `<instructions root>/inbox/`, ready to paste into the instruction. The file does not
 * start with `---`, so the compiler's folder scan skips it.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { makeFolders } from '../fs/safe-open.js';

interface DraftHeader {
  captured: string;
  run: string | null;
  task: string | null;
  node: string | null;
  user: string;
  lang: string;
}

export interface Draft extends DraftHeader {
  /** What happened, as the person typed it. */
  description: string;
  /** What they did, one action per entry. */
  actions: string[];
  /** Who decided what to do, and how it ended (the firm's gap procedure asks for both). */
  decidedBy?: string;
  result?: string;
}

const INBOX_DIR = 'inbox';

/** The draft's Markdown: a machine-readable header comment, then a situation in the instruction's syntax. */
export function draftMarkdown(draft: Draft, hex: string): string {
  const header: DraftHeader = { captured: draft.captured, run: draft.run, task: draft.task, node: draft.node, user: draft.user, lang: draft.lang };
  const day = draft.captured.slice(0, 10).replace(/-/g, '');
  const description = oneLine(draft.description);
  const title = truncate(description, 80);
  const actions = draft.actions.map(oneLine).filter((a) => a !== '');
  // `-->` inside the JSON would end the comment early
  const json = JSON.stringify(header).replace(/--/g, '-\\u002d');
  const lines = [`<!-- instr-inbox ${json} -->`, `### ${escapeInline(title)} {#draft-${day}-${hex}}`, ''];
  const ru = draft.lang.toLowerCase().startsWith('ru');
  if (draft.decidedBy) lines.push(`${ru ? 'Решение принял(а)' : 'Decided by'}: ${escapeInline(oneLine(draft.decidedBy))}.`, '');
  if (draft.result) lines.push(`${ru ? 'Чем закончилось' : 'How it ended'}: ${escapeInline(oneLine(draft.result))}`, '');
  lines.push(`::when[${escapeInline(description)}]`, '');
  actions.forEach((a, i) => lines.push(`${i + 1}. ${escapeInline(a)}`));
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the draft atomically (temp file, fsync, rename); returns its path relative to the root.
 * No folder between `cwd` (or the root, when it is not below cwd) and the inbox may be a
 * symlink: a repository must not be able to send drafts to a folder outside it.
 */
export function writeDraft(root: string, draft: Draft, hex: string = randomBytes(2).toString('hex'), cwd: string = root): string {
  const dir = join(root, INBOX_DIR);
  const rel = relative(cwd, root);
  makeFolders(rel.startsWith('..') || isAbsolute(rel) ? root : cwd, dir);
  const slug = draft.task && /^[a-z][a-z0-9-]*$/.test(draft.task) ? draft.task : 'general';
  const name = `${draft.captured.slice(0, 10)}-${slug}-${hex}.md`;
  const temp = join(dir, `.${name}.${process.pid}.tmp`);
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, draftMarkdown(draft, hex));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, join(dir, name));
  syncDir(dir);
  return `${INBOX_DIR}/${name}`;
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some platforms cannot fsync a directory; the rename is still atomic
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** Keeps typed text literal inside a directive label or heading. */
function escapeInline(text: string): string {
  return text
    .replace(/[\\[\]{}<>*_`#]/g, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+])(?=\s|$)/, '\\$1');
}
