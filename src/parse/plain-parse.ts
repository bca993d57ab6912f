import type { LeafDirective } from 'mdast-util-directive';
import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent, Text, Yaml } from 'mdast';

/**
 * A fast parser for the block structure of plain instruction Markdown: the tree micromark would
 * build, or `null` when the text has anything it does not read (the caller then parses it with
 * micromark). It reads: YAML front matter; unindented ATX headings; paragraphs; bullet (`-`, `+`)
 * and ordered lists nested by indentation; leaf directives with `key=value`, `key="value"`, `key`
 * and `#id` attributes; blank lines. A block whose text has inline syntax (emphasis, code, links,
 * HTML, entities, escapes) is handed, on its own, to `parseInline` (micromark) and its tree is
 * moved to its place. It declines whatever has a subtle CommonMark rule: tabs, carriage returns,
 * trailing spaces, lazy continuation lines, indented code, block quotes, fences, HTML blocks,
 * thematic breaks, setext underlines, empty list items, `*` bullets, link definitions.
 *
 * Declining is always safe; accepting must give micromark's tree exactly, positions included
 * (plain-parse.property.test.ts compares the two on random and generated instructions, and on the
 * Markdown of the installed packages). micromark
 * spends most of a cold lint; this reads each line once and allocates little more than the tree.
 */

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** An open list item: the column its content starts at (0-based) and the last line with its content. */
interface OpenItem {
  node: ListItem;
  contentIndent: number;
  endLine: number;
}

/** The list that an item at the same level would continue, and its marker (`-`, `+`, `.`, `)`). */
interface OpenList {
  node: List;
  marker: string;
}

interface OpenParagraph {
  node: Paragraph;
  text: Text;
  lines: string[];
  /** Offsets of its lines' starts in the text. */
  lineStarts: number[];
  depth: number;
  /** Whether its text has a character that may start inline syntax. */
  inline: boolean;
}

/** A whole-text parser (micromark), for the blocks whose text has inline syntax. */
export type InlineParser = (text: string) => Root;

const refused = /[\t\r\0\uFEFF]|[ ]$|[ ]\n/;
const inlineSyntax = /[`*_[\]<&\\]/;
const headingLine = /^(#{1,6})( +)(.*)$/;
const bulletItem = /^([-+])( {1,4})(?=\S)/;
const orderedItem = /^(\d{1,9})([.)])( {1,4})(?=\S)/;
const thematicBreak = /^(?:- *){3,}$/;
const directiveLine = /^::([A-Za-z](?:[A-Za-z0-9_-]*[A-Za-z0-9])?)(?:\[([^[\]]*)\])?(?:\{([^{}]*)\})?$/;
/** One attribute, then a space or the end: `#id`, `key`, `key=value`, `key="value"`. */
const attribute = /(?:#([^\s"#'.<=>`{}]+)|([A-Za-z][A-Za-z0-9_-]*)(?:=(?:"([^"]*)"|([^\s"'=<>`{}]+)))?)(?: (?=\S)|$)/y;
/** First characters of a line's content that start another block, or one whose rules this parser does not follow. */
const otherBlock = /^(?:[>~<:=#\\&]|`{3}|[-*+](?:\s|$)|-{2}|(?:\* *){3,}$|(?:_ *){3,}$|\d{1,9}[.)](?:\s|$))/;

export function parsePlain(text: string, parseInline?: InlineParser): Root | null {
  // A link reference definition applies to the whole file: chunk.ts parses such a file whole, with micromark.
  if (text.length === 0 || refused.test(text) || text.includes(']:')) return null;
  const root: Root = { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
  const items: OpenItem[] = [];
  const lists: Array<OpenList | null> = [null];
  /** The last line with content of each closed item: a blank line after it and a next item make the list spread. */
  const itemEnds = new Map<ListItem, number>();
  let paragraph: OpenParagraph | null = null;
  let lineNo = 1;
  let lineStart = 0;

  const point = (line: number, column: number, offset: number): Point => ({ line, column, offset });
  const childrenAt = (level: number): RootContent[] => (level === 0 ? root.children : items[level - 1]!.node.children) as RootContent[];

  /** Ends the open paragraph; false when its inline syntax cannot be read. */
  const closeParagraph = (): boolean => {
    const open = paragraph;
    paragraph = null;
    if (!open) return true;
    if (!open.inline) {
      open.text.value = open.lines.join('\n');
      return true;
    }
    // Parsed alone without the list items' indentation, which in place is the items' and not the paragraph's.
    const { start, end } = open.node.position!;
    const indent = open.depth > 0 ? items[open.depth - 1]!.contentIndent : 0;
    const source = open.lineStarts
      .map((from, i) => text.slice(i === 0 ? start.offset : from + indent, open.lineStarts[i + 1] !== undefined ? open.lineStarts[i + 1]! - 1 : end.offset))
      .join('\n');
    const parsed = parseAlone(source, { line: start.line, first: start.column - 1, rest: indent, lineStarts: open.lineStarts }, 'paragraph');
    if (!parsed) return false;
    open.node.children = (parsed as Paragraph).children;
    return true;
  };

  /** micromark's tree of `source` (one block), moved to its place; null unless it is one `type` block. */
  const parseAlone = (source: string, at: Placement, type: RootContent['type']): RootContent | null => {
    if (!parseInline) return null;
    const tree = parseInline(source);
    const only = tree.children[0];
    if (tree.children.length !== 1 || only?.type !== type || !move(only, at)) return null;
    return only;
  };

  /** Adds a block at container level `level` (0: the root), starting on the current line. */
  const addBlock = (level: number, block: RootContent): void => {
    const item = level > 0 ? items[level - 1]! : null;
    if (item && item.node.children.length > 0 && lineNo > item.endLine + 1) item.node.spread = true;
    childrenAt(level).push(block);
    lists[level] = null;
    touch(level);
  };

  /** The current line holds content of every item up to `level`. */
  const touch = (level: number): void => {
    for (let i = 0; i < level; i++) items[i]!.endLine = lineNo;
  };

  const closeItemsFrom = (level: number): void => {
    for (let i = level; i < items.length; i++) itemEnds.set(items[i]!.node, items[i]!.endLine);
    items.length = level;
    lists.length = level + 1;
  };

  const newParagraph = (level: number, content: string, column: number, offset: number): void => {
    const start = point(lineNo, column, offset);
    const end = point(lineNo, column + content.length, offset + content.length);
    const textNode: Text = { type: 'text', value: content, position: { start: { ...start }, end: { ...end } } };
    const node: Paragraph = { type: 'paragraph', children: [textNode], position: { start, end } };
    addBlock(level, node);
    paragraph = { node, text: textNode, lines: [content], lineStarts: [lineStart], depth: level, inline: inlineSyntax.test(content) };
  };

  /** A list item whose marker is at `indent` of this line, at container level `level`; false to decline. */
  const newItem = (level: number, line: string, indent: number, marker: string, ordered: number | null, width: number): boolean => {
    const content = line.slice(indent + width);
    if (otherBlock.test(content)) return false;
    const open = lists[level];
    const start = point(lineNo, indent + 1, lineStart + indent);
    const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [], position: { start, end: { ...start } } };
    if (open && open.marker === marker) {
      const previous = open.node.children[open.node.children.length - 1]!;
      if (lineNo > itemEnds.get(previous)! + 1) open.node.spread = true;
      open.node.children.push(item);
      touch(level);
    } else {
      const list: List = {
        type: 'list',
        ordered: ordered !== null,
        start: ordered,
        spread: false,
        children: [item],
        position: { start: { ...start }, end: { ...start } },
      };
      addBlock(level, list);
      lists[level] = { node: list, marker };
    }
    items.push({ node: item, contentIndent: indent + width, endLine: lineNo });
    lists.push(null);
    newParagraph(level + 1, content, indent + width + 1, lineStart + indent + width);
    return true;
  };

  const heading = (match: RegExpExecArray, line: string): Heading | null => {
    const content = match[3]!;
    if (content.length === 0 || content.endsWith('#')) return null;
    const at = point(lineNo, 1, lineStart);
    if (inlineSyntax.test(content)) {
      const parsed = parseAlone(line, { line: lineNo, first: 0, rest: 0, lineStarts: [lineStart] }, 'heading');
      return parsed && (parsed as Heading).depth === match[1]!.length ? (parsed as Heading) : null;
    }
    const textStart = match[1]!.length + match[2]!.length;
    return {
      type: 'heading',
      depth: match[1]!.length as Heading['depth'],
      children: [
        {
          type: 'text',
          value: content,
          position: { start: point(lineNo, textStart + 1, lineStart + textStart), end: point(lineNo, line.length + 1, lineStart + line.length) },
        },
      ],
      position: { start: at, end: point(lineNo, line.length + 1, lineStart + line.length) },
    };
  };

  const lines = text.split('\n');
  let index = 0;
  if (lines[0] === '---') {
    const close = lines.indexOf('---', 1);
    if (close < 2 || close === lines.length - 1) return null;
    const value = lines.slice(1, close).join('\n');
    const end = 3 + 1 + value.length + 1 + 3;
    root.children.push({ type: 'yaml', value, position: { start: point(1, 1, 0), end: point(close + 1, 4, end) } } satisfies Yaml);
    lineStart = end + 1;
    lineNo = close + 2;
    index = close + 1;
  }

  for (; index < lines.length; index++, lineStart += lines[index - 1]!.length + 1, lineNo++) {
    const line = lines[index]!;
    if (line.length === 0) {
      if (!closeParagraph()) return null;
      continue;
    }
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    let level = 0;
    while (level < items.length && indent >= items[level]!.contentIndent) level++;
    const relative = indent - (level > 0 ? items[level - 1]!.contentIndent : 0);
    const rest = indent > 0 ? line.slice(indent) : line;
    const open = paragraph as OpenParagraph | null;

    // Short of the open paragraph's container: a lazy continuation line, unless it starts a block.
    if (open && level < open.depth && (relative >= 4 || !otherBlock.test(rest))) return null;
    if (open && level === open.depth) {
      const ordered = orderedItem.exec(rest);
      if (relative >= 4 || (!otherBlock.test(rest) && !bulletItem.test(rest) && !ordered)) {
        open.lines.push(rest);
        open.lineStarts.push(lineStart);
        if (!open.inline && inlineSyntax.test(rest)) open.inline = true;
        const end = open.node.position!.end;
        end.line = lineNo;
        end.column = line.length + 1;
        end.offset = lineStart + line.length;
        open.text.position!.end = { ...end };
        touch(level);
        continue;
      }
      // A list interrupts a paragraph only when it is a bullet list or starts at 1.
      if (ordered && ordered[1] !== '1') return null;
    }
    if (!closeParagraph() || relative >= 4) return null;
    closeItemsFrom(level);

    const headingMatch = headingLine.exec(rest);
    if (headingMatch) {
      const node = level === 0 && indent === 0 ? heading(headingMatch, line) : null;
      if (!node) return null;
      addBlock(0, node);
      continue;
    }
    if (rest.startsWith('::')) {
      const node = directive(rest, point(lineNo, indent + 1, lineStart + indent), (source) =>
        parseAlone(source, { line: lineNo, first: indent, rest: 0, lineStarts: [lineStart] }, 'leafDirective'),
      );
      if (!node) return null;
      addBlock(level, node);
      continue;
    }
    const bullet = bulletItem.exec(rest);
    if (bullet) {
      if (thematicBreak.test(rest) || !newItem(level, line, indent, bullet[1]!, null, 1 + bullet[2]!.length)) return null;
      continue;
    }
    const ordered = orderedItem.exec(rest);
    if (ordered) {
      if (!newItem(level, line, indent, ordered[2]!, Number(ordered[1]), ordered[1]!.length + 1 + ordered[3]!.length)) return null;
      continue;
    }
    if (otherBlock.test(rest)) return null;
    newParagraph(level, rest, indent + 1, lineStart + indent);
  }
  if (!closeParagraph()) return null;
  finishPositions(root.children);
  const last = lines[lines.length - 1]!;
  root.position!.end = point(lines.length, last.length + 1, text.length);
  return root;
}

/** Lists and items end where their last content ends (trailing blank lines are not theirs). */
function finishPositions(children: RootContent[]): void {
  for (const child of children) {
    if (child.type !== 'list') continue;
    for (const item of child.children) {
      finishPositions(item.children as RootContent[]);
      item.position!.end = { ...item.children[item.children.length - 1]!.position!.end };
    }
    child.position!.end = { ...child.children[child.children.length - 1]!.position!.end };
  }
}

/** `::name[label]{attributes}` on a line of its own (`rest`, without its indent, starts at `at`); null when not read. */
function directive(rest: string, at: Point, parseAlone: (source: string) => RootContent | null): LeafDirective | null {
  const m = directiveLine.exec(rest);
  if (!m) return null;
  const [, name, label, attributeText] = m;
  const attributes: Record<string, string> = {};
  if (attributeText !== undefined && attributeText.length > 0) {
    attribute.lastIndex = 0;
    while (attribute.lastIndex < attributeText.length) {
      const a = attribute.exec(attributeText);
      const key = a ? (a[1] !== undefined ? 'id' : a[2]) : undefined;
      if (!a || !key || Object.hasOwn(attributes, key)) return null;
      attributes[key] = a[1] ?? a[3] ?? a[4] ?? '';
    }
  }
  if (label && label.trim() !== label) return null;
  if (label && inlineSyntax.test(label)) {
    const parsed = parseAlone(rest) as LeafDirective | null;
    return parsed?.name === name ? parsed : null;
  }
  const end = { line: at.line, column: at.column + rest.length, offset: at.offset + rest.length };
  const children: Text[] = [];
  if (label) {
    const column = at.column + 2 + name!.length + 1;
    const offset = at.offset + 2 + name!.length + 1;
    children.push({
      type: 'text',
      value: label,
      position: { start: { line: at.line, column, offset }, end: { line: at.line, column: column + label.length, offset: offset + label.length } },
    });
  }
  return { type: 'leafDirective', name: name!, attributes, children, position: { start: at, end } };
}

/**
 * Where a block parsed alone goes: its first line is line `line` of the text; that line was cut
 * `first` columns in, and each next one `rest` columns in; `lineStarts` are its lines' offsets.
 */
interface Placement {
  line: number;
  first: number;
  rest: number;
  lineStarts: number[];
}

/**
 * Moves a tree parsed alone (from its own text) to its place in the text; false when a point
 * cannot be placed. In place, a next line's first `rest` columns are list items' indentation. A
 * node that ends at the start of a line parsed alone (a text ending in a line ending, a hard
 * break) ends, in place, before that indentation: at column 1. micromark ends it after the
 * indentation instead when an attempt at a code span, inline HTML or a link's destination or
 * reference has read past that line ending and failed. A failed attempt leaves its backtick, `<`
 * or `]` as text, so such a node is declined when text with one of them comes before its end.
 */
function move(node: Nodes, at: Placement): boolean {
  const failedFrom = at.rest > 0 ? firstFailedAttempt(node) : Infinity;
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const p = current.position;
    if (p) {
      const atLineStart = at.rest > 0 && p.end.line > 1 && p.end.column === 1;
      if (atLineStart && p.end.offset! > failedFrom) return false;
      shiftPoint(p.start, at);
      shiftPoint(p.end, at, atLineStart ? 0 : at.rest);
    }
    if ('children' in current) for (const child of current.children) stack.push(child);
  }
  return true;
}

/** Characters that start an inline construct whose failed attempt can read past a line ending. */
const failedAttemptMayCross = /[`<\]]/;

/** The offset of the first literal text (an image's alt or a title included) that may be left by such an attempt; Infinity when none. */
function firstFailedAttempt(node: Nodes): number {
  let first = Infinity;
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const literal = [current.type === 'text' ? current.value : '', 'alt' in current ? current.alt : '', 'title' in current ? current.title : ''].join('');
    if (failedAttemptMayCross.test(literal)) first = Math.min(first, current.position?.start.offset ?? 0);
    if ('children' in current) for (const child of current.children) stack.push(child);
  }
  return first;
}

function shiftPoint(point: { line: number; column: number; offset?: number | undefined }, at: Placement, rest = at.rest): void {
  point.column += point.line === 1 ? at.first : rest;
  point.offset = at.lineStarts[point.line - 1]! + point.column - 1;
  point.line += at.line - 1;
}
