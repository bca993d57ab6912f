/**
 * Markdown links in text as a reader in the terminal needs them: the link's words, then where to
 * open it in brackets («скрипте приветствия (instr show greeting-script)»), never the
 * `[text](url)` syntax, also when the link runs over two lines; inline code as its words, without
 * its backticks. Everything else stays as written.
 */
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../parse/parse.js';

/** `open(url)`: how to open the link (a command, a path, the URL), or null to leave just its words. */
export function plainLinks(markdown: string, open: (url: string) => string | null): string {
  if (!markdown.includes('](') && !markdown.includes('<') && !markdown.includes('`')) return markdown;
  const spans: Array<{ start: number; end: number; text: string }> = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'image') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const words = node.type === 'image' ? (node.alt ?? '') : toString(node);
      const where = open(node.url);
      spans.push({ start, end, text: where === null || where === words ? words : `${words} (${where})` });
      return;
    }
    if (node.type === 'inlineCode') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) spans.push({ start, end, text: node.value });
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(parseMarkdown(markdown));
  let out = markdown;
  for (const span of spans.sort((a, b) => b.start - a.start)) out = out.slice(0, span.start) + span.text + out.slice(span.end);
  return out;
}
