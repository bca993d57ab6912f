/**
 * A step's Markdown rendered for the terminal: emphasis as bold/italic, lists with their markers,
 * links as `text (target)`, and relative (template) links as the path to open, checked to exist.
 * Every piece of instruction text goes through terminalSafe.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Link } from '../graph/types.js';
import { parseMarkdown } from '../parse/parse.js';
import { resolveRelative } from '../compile/inline.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { layOutTable } from './table.js';

export interface MarkdownContext {
  color: ChalkInstance;
  /** The step's links, with `resolved` paths relative to the instructions root. */
  links?: Link[];
  /** Absolute path of the instructions root, and the working directory to show paths from. */
  root: string;
  cwd: string;
  /** Root-relative path of the file the Markdown comes from, to resolve links not in `links`. */
  base?: string;
  /** Width to lay tables out in (default 80). */
  columns?: number;
  /** How a link is opened (`instr show …`), instead of its path; null: its words alone. */
  open?: (url: string) => string | null;
}

export function renderMarkdown(markdown: string, ctx: MarkdownContext): string[] {
  const tree = parseMarkdown(markdown);
  return blocks(tree.children, ctx);
}

/** An already parsed tree (e.g. a linked file parsed with tables) rendered the same way. */
export function renderTree(nodes: RootContent[], ctx: MarkdownContext): string[] {
  return blocks(nodes, ctx);
}

function blocks(nodes: RootContent[], ctx: MarkdownContext): string[] {
  const out: string[] = [];
  for (const node of nodes) out.push(...block(node, ctx));
  return out;
}

function block(node: RootContent, ctx: MarkdownContext): string[] {
  const c = ctx.color;
  switch (node.type) {
    case 'paragraph':
      return inline(node.children, ctx).split('\n');
    case 'heading':
      return [c.bold(inline(node.children, ctx))];
    case 'list': {
      const out: string[] = [];
      node.children.forEach((item, i) => {
        const marker = node.ordered ? `${(node.start ?? 1) + i}.` : '•';
        const check = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
        const lines = blocks(item.children, ctx);
        const pad = ' '.repeat(marker.length + 1);
        lines.forEach((line, j) => out.push(j === 0 ? `${c.dim(marker)} ${check}${line}` : `${pad}${line}`));
        if (lines.length === 0) out.push(c.dim(marker));
      });
      return out;
    }
    case 'blockquote':
      return blocks(node.children, ctx).map((l) => `${c.dim('│')} ${l}`);
    case 'code':
      return terminalSafe(node.value)
        .split('\n')
        .map((l) => `    ${c.cyan(l)}`);
    case 'thematicBreak':
      return [c.dim('───')];
    case 'html':
      return /^<!--[\s\S]*-->$/.test(node.value.trim()) ? [] : [terminalSafe(node.value)];
    case 'leafDirective':
      return [terminalSafe(toString(node))];
    case 'table':
      return layOutTable(
        node.children.map((row) => row.children.map((cell) => inline(cell.children, ctx))),
        ctx.columns ?? 80,
        c,
      );
    default:
      return [terminalSafe(toString(node as Nodes))];
  }
}

function inline(nodes: PhrasingContent[], ctx: MarkdownContext): string {
  const c = ctx.color;
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
          return terminalSafe(node.value.replace(/[ \t]*\n[ \t]*/g, ' '));
        case 'strong':
          return c.bold(inline(node.children, ctx));
        case 'emphasis':
          return c.italic(inline(node.children, ctx));
        case 'delete':
          return c.strikethrough(inline(node.children, ctx));
        case 'inlineCode':
          return c.cyan(terminalSafe(node.value));
        case 'break':
          return '\n';
        case 'link': {
          const text = inline(node.children, ctx);
          const target = ctx.open ? ctx.open(node.url) : linkTarget(node.url, ctx);
          return target === null || target === text ? c.underline(text) : `${c.underline(text)} ${c.dim(`(${terminalSafe(target)})`)}`;
        }
        case 'image':
          return `${terminalSafe(node.alt ?? '')} ${c.dim(`(${linkTarget(node.url, ctx)})`)}`;
        case 'html':
          return '';
        default:
          return terminalSafe(toString(node as Nodes));
      }
    })
    .join('');
}

/** A relative link → the file's path from the working directory when it exists; URLs as written. */
function linkTarget(url: string, ctx: MarkdownContext): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#')) return terminalSafe(url);
  const known = ctx.links?.find((l) => l.url === url);
  const resolved = known ? known.resolved : ctx.base !== undefined ? resolveRelative(url, ctx.base) : undefined;
  if (resolved && !resolved.startsWith('../') && !isAbsolute(resolved)) {
    const file = join(ctx.root, resolved.split('#')[0]!);
    if (existsSync(file)) return terminalSafe(relative(ctx.cwd, file) || file);
  }
  return terminalSafe(`${url} ✗`);
}
