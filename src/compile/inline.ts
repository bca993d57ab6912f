import type { Nodes, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { posix } from 'node:path';
import type { Link } from '../graph/types.js';
import { positionOf } from './position.js';

/** Plain text of inline content, whitespace collapsed. */
export function plainText(node: Nodes | Nodes[]): string {
  const nodes = Array.isArray(node) ? node : [node];
  return nodes
    .map((n) => toString(n, { includeImageAlt: true, includeHtml: false }))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const schemePattern = /^[a-z][a-z0-9+.-]*:/i;

/** Every link under the given nodes (walked iteratively: trees from untrusted input can be deep). */
export function collectLinks(roots: Nodes[], file: string): Link[] {
  const links: Link[] = [];
  const stack: Nodes[] = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'link') {
      const link: Link = { url: node.url, text: plainText(node.children as PhrasingContent[]), position: positionOf(node, file) };
      const resolved = resolveRelative(node.url, file);
      if (resolved !== undefined) link.resolved = resolved;
      links.push(link);
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return links;
}

/** A relative link's target, relative to the compiled root; undefined for URLs, anchors and e-mail. */
export function resolveRelative(url: string, file: string): string | undefined {
  if (url === '' || url.startsWith('#') || url.startsWith('//') || schemePattern.test(url)) return undefined;
  let target = url.replace(/[?#].*$/, '');
  try {
    target = decodeURI(target);
  } catch {
    // keep the raw text when it is not valid percent-encoding
  }
  if (target.startsWith('/')) return posix.normalize(target);
  return posix.normalize(posix.join(posix.dirname(file), target));
}
