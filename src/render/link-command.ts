/**
 * How a reader opens what a link in an instruction points at, from the terminal: a linked file
 * (template, price list, sample) by `instr show NAME` (its file name when that names it alone,
 * else its path), another instruction by `instr show ID`, a web address as written.
 */
import { posix } from 'node:path';
import { resolveRelative } from '../compile/inline.js';
import { findTargets } from '../graph/find-target.js';
import type { LinkedFileRef } from '../graph/linked-files.js';
import type { Graph } from '../graph/types.js';

/** `base`: the root-relative file the link is written in; `files`: the linked files that exist. Null: no place to open (an anchor). */
export function linkCommand(url: string, base: string, graph: Graph, files: LinkedFileRef[]): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return url;
  if (url.startsWith('#')) return null;
  const path = resolveRelative(url, base)?.split('#')[0];
  if (path === undefined) return url;
  const document = graph.documents.find((d) => d.file === path);
  if (document) return `instr show ${document.id}`;
  const file = files.find((f) => f.path === path);
  if (!file) return `${url} ✗`;
  const name = posix.basename(path).replace(/\.md$/i, '');
  const named = findTargets(graph, name, files);
  return named.length === 1 && named[0]!.kind === 'file' && named[0]!.path === path ? `instr show ${name}` : `instr show ${path}`;
}
