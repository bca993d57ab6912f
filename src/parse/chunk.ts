import type { Nodes, Root, RootContent } from 'mdast';

/**
 * Parsing a large file in independent chunks. micromark's cost grows faster than the text (its
 * event list is re-spliced for every nested container, and a long-lived event list keeps the
 * garbage collector busy), so a 100 KB file parses about twice as fast as 40 chunks of 2.5 KB, and
 * one 10 MB file would take much longer than 100 files of 100 KB.
 *
 * A chunk starts at an unindented ATX heading (`#` … `######`). CommonMark guarantees that such a
 * line is a heading and closes every open block, except when it is content of a fenced code block
 * or an HTML block that is still open at top level (front matter is never split). So each chunk is
 * parsed on its own, and a chunk whose tree ends in a fenced code or HTML block that may still be
 * open is merged with the next one. Link reference definitions apply document-wide: when a file has
 * any, it is parsed whole. The chunks' trees are joined with positions shifted to the file's.
 */

/** Chunks are grown to at least this many characters: tiny parses cost more in set-up than they save. */
const defaultChunkSize = 4096;

const heading = /^#{1,6}(?:[ \t]|$)/gm;

/** Offsets of the line starts where a chunk may begin (ascending, never 0). */
export function chunkStarts(text: string, minSize = defaultChunkSize): number[] {
  const from = frontMatterEnd(text);
  if (from < 0) return [];
  const starts: number[] = [];
  let last = 0;
  heading.lastIndex = from;
  for (let m = heading.exec(text); m; m = heading.exec(text)) {
    if (m.index === 0 || m.index - last < minSize) continue;
    starts.push(m.index);
    last = m.index;
  }
  return starts;
}

/**
 * Where the front matter ends (the offset after its closing line), 0 when there is none, and -1
 * when it is opened and never closed (no split is safe then: the parser decides what it is).
 */
function frontMatterEnd(text: string): number {
  if (!/^---[ \t]*(?:\n|$)/.test(text)) return 0;
  const close = /\n---[ \t]*(?:\n|$)/g;
  close.lastIndex = 3;
  const m = close.exec(text);
  return m ? m.index + m[0].length : -1;
}

/**
 * The parse ran out of its work budget (characters handed to the parser, re-parses included):
 * the file gets a diagnostic at `line` instead of a parse that does not end.
 */
export class ParseBudgetError extends Error {
  constructor(
    readonly line: number,
    readonly work: number,
  ) {
    super(`parse budget exhausted at line ${line} after ${work} characters`);
  }
}

/**
 * Characters the parser may be handed for a text of `length`: every chunk once, the growth of
 * chunks that end inside an open fence (at most doubling, so at most twice more), and one whole
 * parse when the file turns out to need one.
 */
function parseBudget(length: number): number {
  return 5 * length + 65_536;
}

/**
 * Parses `text` as `parse` would, chunk by chunk. `parse` must be the whole-text parser; the result
 * is the same tree, positions included. The work is counted (characters handed to `parse`) and
 * bounded by `budget`: past it, a ParseBudgetError names the line of the chunk being parsed.
 */
export function parseInChunks(text: string, parse: (text: string) => Root, minSize = defaultChunkSize, budget = parseBudget(text.length)): Root {
  const children: RootContent[] = [];
  let end: Root['position'] | undefined;
  const whole = forEachChunk(
    text,
    parse,
    (tree) => {
      for (const child of tree.children) children.push(child);
      end = tree.position;
    },
    minSize,
    budget,
  );
  return whole ?? { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: end!.end } };
}

/**
 * Parses `text` chunk by chunk and hands each chunk's tree, its positions already the file's, to
 * `take` as soon as it is parsed, so that the caller can be done with it (and the garbage
 * collector with it, while it is still young) before the next chunk is parsed. Returns null when
 * every chunk was handed over; or the tree of the whole text, parsed in one piece, when the text
 * has no place to cut or turns out not to be cuttable (a link reference definition, front matter
 * the parser reads otherwise): the caller must then forget the chunks it was handed and use that
 * tree. The trees handed over, joined, are the tree of the whole text (chunk.property.test.ts).
 */
export function forEachChunk(
  text: string,
  parse: (text: string) => Root,
  take: (tree: Root) => void,
  minSize = defaultChunkSize,
  budget = parseBudget(text.length),
): Root | null {
  let work = 0;
  let line = 1;
  const parseCounted = (part: string): Root => {
    work += part.length;
    if (work > budget) throw new ParseBudgetError(line, work);
    return parse(part);
  };
  const starts = chunkStarts(text, minSize);
  if (starts.length === 0) return parseCounted(text);
  const bounds = [0, ...starts, text.length];
  const mayDefine = text.includes(']:');
  let from = 0;
  for (let next = 1; next < bounds.length; next++) {
    const to = bounds[next]!;
    const chunk = text.slice(from, to);
    // Without its last line ending: at the end of the input the parser gives that line ending to
    // a block left open there (a fence in a list item), where the whole text would not.
    const tree = parseCounted(to < text.length ? chunk.slice(0, -1) : chunk);
    if (to < text.length && !endsClosed(tree, chunk)) {
      // Grow this chunk to at least twice its size (not start by start: a fence left open before
      // a thousand headings would be re-parsed a thousand times, quadratic in the file).
      while (next + 1 < bounds.length - 1 && bounds[next + 1]! - from < 2 * (to - from)) next++;
      continue;
    }
    if (mayDefine && hasDefinition(tree)) return parseCounted(text);
    // Front matter ends at the parser's own idea of its closing line: if that is not in the first chunk, no split is safe.
    if (from === 0 && text.startsWith('---') && tree.children[0]?.type !== 'yaml') return parseCounted(text);
    shift(tree, line - 1, from);
    take(tree);
    line += countLines(chunk);
    from = to;
  }
  return null;
}

/** Whether no fenced code or HTML block at the top level of the chunk's tree may still be open at its end. */
function endsClosed(tree: Root, chunk: string): boolean {
  const last = tree.children[tree.children.length - 1];
  if (!last || (last.type !== 'code' && last.type !== 'html')) return true;
  const start = last.position?.start.offset;
  const end = last.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  const source = chunk.slice(start, end);
  if (last.type === 'code') {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(source);
    if (!open) return true; // indented code: an unindented line ends it
    const lastLine = source.slice(source.lastIndexOf('\n') + 1);
    const fence = open[1]!;
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    return source.includes('\n') && close.test(lastLine);
  }
  // HTML blocks: a comment ends at `-->`; kinds 6 and 7 end at a blank line; kinds 1, 3, 4 and 5
  // (script/pre/style/textarea, `<?`, `<!X`, CDATA) are not split after.
  const html = source.trimStart();
  if (html.startsWith('<!--')) return html.includes('-->');
  if (/^<(?:script|pre|style|textarea)(?:[\s>]|$)|^<[?!]/i.test(html)) return false;
  return /\n[ \t]*\n/.test(chunk.slice(end));
}

function hasDefinition(tree: Root): boolean {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition') return true;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}

function shift(tree: Root, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return;
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const p = node.position;
    if (p) {
      p.start.line += lines;
      p.end.line += lines;
      if (p.start.offset !== undefined) p.start.offset += offset;
      if (p.end.offset !== undefined) p.end.offset += offset;
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

function countLines(chunk: string): number {
  let n = 0;
  for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) n++;
  return n;
}
