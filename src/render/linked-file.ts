import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { readMessages, type LinkedFileProblem } from '../i18n/read-messages.js';
import { join, relative, isAbsolute, sep } from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { lazy } from '../compile/lazy.js';
import { decodeUtf8 } from '../parse/decode.js';
import { renderTree } from './markdown.js';
import { wrapLines } from './wrap.js';

const unifiedPackage = lazy<typeof import('unified')>('unified');
const remarkParsePackage = lazy<typeof import('remark-parse')>('remark-parse');
const remarkFrontmatterPackage = lazy<typeof import('remark-frontmatter')>('remark-frontmatter');
const gfmTablePackage = lazy<typeof import('micromark-extension-gfm-table')>('micromark-extension-gfm-table');
const gfmTableMdastPackage = lazy<typeof import('mdast-util-gfm-table')>('mdast-util-gfm-table');

/** Largest linked file shown; anything bigger is cut with a note. */
const maxLinkedFileBytes = 1024 * 1024;

/** Why a linked file cannot be shown (the message is English; readMessages(lang).linkedFile words it). */
export class LinkedFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: LinkedFileProblem,
  ) {
    super(readMessages('en').linkedFile(path, reason));
  }
}

/**
 * The text of a file an instruction links to, read only when it lies inside the instructions
 * root (a symlink out of the repository is refused), at most 1 MB, decoded as UTF-8.
 */
export function readLinkedFile(root: string, path: string): string {
  if (isAbsolute(path) || path.split('/').includes('..')) throw new LinkedFileError(path, 'outside');
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(join(root, path));
  } catch {
    throw new LinkedFileError(path, 'missing');
  }
  const rel = relative(realRoot, real);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) throw new LinkedFileError(path, 'outside');
  const fd = openSync(real, 'r');
  try {
    if (!fstatSync(fd).isFile()) throw new LinkedFileError(path, 'not-a-file');
    const buffer = Buffer.alloc(Math.min(fstatSync(fd).size, maxLinkedFileBytes));
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    const decoded = decodeUtf8(buffer.subarray(0, read));
    return decoded.ok ? decoded.text : buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

let processor: Processor<Root> | undefined;

/** Markdown with tables (GFM), front matter skipped: what templates and price lists are written in. */
function parseLinkedMarkdown(text: string): Root {
  processor ??= unifiedPackage()
    .unified()
    .use(remarkParsePackage().default)
    .use(remarkFrontmatterPackage().default, ['yaml'])
    .use(function tables(this: Processor) {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(gfmTablePackage().gfmTable());
      (data.fromMarkdownExtensions ??= []).push(gfmTableMdastPackage().gfmTableFromMarkdown());
    }) as unknown as Processor<Root>;
  return processor.parse(text);
}

export interface FileRenderContext {
  color: ChalkInstance;
  root: string;
  cwd: string;
  columns: number;
  /** Root-relative path of the file, to resolve its relative links. */
  base?: string;
  /** How a link is opened (`instr show …`), instead of its path. */
  open?: (url: string) => string | null;
}

/** Markdown prose (a section, a linked file) as terminal lines, blocks separated by a blank line, wrapped to the width. */
export function renderProse(text: string, ctx: FileRenderContext): string[] {
  return renderFileMarkdown(text, ctx);
}

/** A linked file's lines for the terminal: headings bold, lists marked, tables laid out in columns. */
export function renderFileMarkdown(text: string, ctx: FileRenderContext): string[] {
  const tree = parseLinkedMarkdown(text);
  const out: string[] = [];
  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    const rendered = renderTree([node], {
      color: ctx.color,
      root: ctx.root,
      cwd: ctx.cwd,
      columns: ctx.columns,
      ...(ctx.base !== undefined ? { base: ctx.base } : {}),
      ...(ctx.open !== undefined ? { open: ctx.open } : {}),
    });
    const lines = node.type === 'table' || node.type === 'code' ? rendered : wrapLines(rendered, ctx.columns);
    if (out.length > 0 && lines.length > 0) out.push('');
    out.push(...lines);
  }
  return out;
}
