import { stem, words } from '../text/words.js';
import type { Document, Graph, Section, Task } from './types.js';

/** Something `instr show` can show: a task, a section, a whole document, or a linked file. */
export type Target =
  | { kind: 'task'; task: Task; document: Document | undefined }
  | { kind: 'section'; section: Section; document: Document }
  | { kind: 'document'; document: Document }
  | { kind: 'file'; path: string; document: Document | undefined };

/**
 * What a user's words name. An exact id, class or file name wins over words; words must all
 * match (any inflected form: Snowball stems, prefixes allowed). Every match is returned; the
 * caller must not pick one of several silently.
 */
export function findTargets(graph: Graph, query: string, files: Array<{ path: string; document: Document | undefined }> = []): Target[] {
  const q = query.trim().replace(/^#/, '');
  const docOf = (file: string) => graph.documents.find((d) => d.file === file);
  // Exact names in tiers: a task id (unique in the graph) first, then instruction and section ids,
  // then section classes and file names. Several in one tier are all returned.
  const tasks: Target[] = graph.tasks.filter((task) => task.id === q).map((task) => ({ kind: 'task', task, document: docOf(task.file) }));
  if (tasks.length > 0) return tasks;
  const ids: Target[] = [];
  const names: Target[] = [];
  for (const document of graph.documents) {
    if (document.id === q) ids.push({ kind: 'document', document });
    else if (document.file === q) names.push({ kind: 'document', document });
    for (const section of document.sections) {
      if (section.id === q) ids.push({ kind: 'section', section, document });
      else if (section.kind === q) names.push({ kind: 'section', section, document });
    }
  }
  if (ids.length > 0) return ids;
  for (const f of files) {
    if (f.path === q || stripMd(f.path) === q || baseName(f.path) === q || stripMd(baseName(f.path)) === q)
      names.push({ kind: 'file', path: f.path, document: f.document });
  }
  const exact = names;
  if (exact.length > 0) return exact;

  const wanted = words(q).map((w) => stem(w.text));
  if (wanted.length === 0) return [];
  const scored: Array<{ target: Target; score: number }> = [];
  const consider = (target: Target, title: string, other: string) => {
    const score = matchScore(wanted, title, other);
    if (score > 0) scored.push({ target, score });
  };
  for (const task of graph.tasks)
    consider({ kind: 'task', task, document: docOf(task.file) }, task.title, `${task.id.replace(/-/g, ' ')} ${task.trigger?.text ?? ''}`);
  for (const document of graph.documents) {
    consider({ kind: 'document', document }, document.title, '');
    for (const section of document.sections) {
      if (section.kind === 'intro') continue; // the document itself stands for its introduction
      consider({ kind: 'section', section, document }, section.title, section.id.replace(/-/g, ' '));
    }
  }
  for (const f of files) consider({ kind: 'file', path: f.path, document: f.document }, stripMd(baseName(f.path)).replace(/[-_]/g, ' '), '');
  scored.sort((a, b) => b.score - a.score);
  return scored.map((s) => s.target);
}

/** 0 when a wanted word is missing; otherwise higher for whole-word title matches. */
function matchScore(wanted: string[], title: string, other: string): number {
  const titleStems = words(title).map((w) => stem(w.text));
  const otherStems = words(other).map((w) => stem(w.text));
  let score = 0;
  for (const want of wanted) {
    if (titleStems.some((s) => s === want)) score += 3;
    else if (titleStems.some((s) => s.startsWith(want) || (want.length >= 4 && want.startsWith(s)))) score += 2;
    else if (otherStems.some((s) => s === want || s.startsWith(want))) score += 1;
    else return 0;
  }
  return score;
}

function stripMd(path: string): string {
  return path.replace(/\.(md|markdown)$/i, '');
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A short stable name for a target, for candidate lists. */
export function targetId(target: Target): string {
  switch (target.kind) {
    case 'task':
      return target.task.id;
    case 'section':
      return target.section.id;
    case 'document':
      return target.document.id;
    case 'file':
      return target.path;
  }
}

export function targetTitle(target: Target): string {
  switch (target.kind) {
    case 'task':
      return target.task.title;
    case 'section':
      return target.section.title;
    case 'document':
      return target.document.title;
    case 'file':
      return baseName(target.path);
  }
}
