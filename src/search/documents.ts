import type { Graph, Node, Task } from '../graph/types.js';
import { sectionId } from '../graph/section-id.js';
import { frontMatterLines } from './front-matter.js';

/** What a search result is. */
export type SearchKind =
  | 'task'
  | 'situation'
  | 'trigger'
  | 'schedule'
  | 'description'
  | 'step'
  | 'decision'
  | 'option'
  | 'checkpoint'
  | 'escalation'
  | 'end'
  | 'wait'
  | 'section'
  | 'template';

/** One searchable piece of an instruction. */
export interface SearchDoc {
  kind: SearchKind;
  /** The id of the thing itself: a task, node, option or section id, or a template's path. */
  id: string;
  /** Id of the task the piece belongs to (a template: the first task that links it). */
  task: string | null;
  /** Id of the section the piece, or its task, belongs to. */
  section: string | null;
  /** Title of the task, section or template the piece belongs to. */
  title: string;
  /** Plain text of the piece, shown with the matches marked. */
  text: string;
  file: string;
  line: number;
  lang: string;
}

/** A linked Markdown file that is not an instruction (a template), read by the caller. */
export interface TemplateFile {
  /** Path relative to the compiled root, as in Link.resolved. */
  path: string;
  text: string;
}

/** Every searchable piece of the graph and of the templates it links. */
export function searchDocuments(graph: Graph, templates: TemplateFile[] = []): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const langOf = new Map(graph.documents.map((d) => [d.file, d.lang]));
  const roleTitle = new Map<string, string>();
  const sectionOfTask = new Map<string, string>();
  for (const d of graph.documents) {
    for (const [id, role] of Object.entries(d.roles)) roleTitle.set(`${d.file}\0${id}`, role.title);
    for (const s of d.sections) {
      const sid = sectionId(s);
      for (const t of s.tasks) sectionOfTask.set(t, sid);
      if (!s.content.trim()) continue;
      const base = { task: null, section: sid, title: s.title, file: d.file, lang: d.lang };
      for (const block of blocks(s.content, s.contentPosition?.line ?? s.position.line + 1)) {
        docs.push(piece(base, 'section', sid, block.text, block.line));
      }
    }
  }
  const taskById = new Map<string, Task>();
  for (const task of graph.tasks) {
    taskById.set(task.id, task);
    const base = { task: task.id, section: sectionOfTask.get(task.id) ?? null, title: task.title, file: task.file, lang: langOf.get(task.file) ?? 'en' };
    docs.push(piece(base, task.kind, task.id, task.title, task.position.line));
    if (task.trigger) docs.push(piece(base, 'trigger', task.id, task.trigger.text, task.trigger.position.line));
    for (const s of task.schedules) docs.push(piece(base, 'schedule', task.id, s.label, s.position.line));
    if (task.description) for (const b of blocks(task.description, task.position.line + 1)) docs.push(piece(base, 'description', task.id, b.text, b.line));
  }
  for (const node of Object.values(graph.nodes)) {
    const task = taskById.get(node.task);
    if (!task) continue;
    const base = {
      task: task.id,
      section: sectionOfTask.get(task.id) ?? null,
      title: task.title,
      file: node.position.file || task.file,
      lang: langOf.get(task.file) ?? 'en',
    };
    const text = nodeText(node, (role) => roleTitle.get(`${task.file}\0${role}`));
    if (text) docs.push(piece(base, node.kind as SearchKind, node.id, text, node.position.line));
    if (node.kind === 'decision') {
      for (const o of node.options) docs.push(piece(base, 'option', o.id, plain(o.label), o.position.line));
    }
  }
  const linkedFrom = linkedTemplates(graph);
  const firstLang = graph.documents[0]?.lang ?? 'en';
  for (const t of templates) {
    // a template's own front matter is not its text: no heading, no searchable blocks from it
    const skip = frontMatterLines(t.text);
    const body = skip === 0 ? t.text : t.text.split('\n').slice(skip).join('\n');
    const heading = /^#{1,6}[ \t]+(.+)$/m.exec(body)?.[1];
    const title = heading ? plain(heading) : t.path;
    const owner = linkedFrom.get(t.path) ?? { task: null, section: null };
    const task = owner.task ? taskById.get(owner.task) : undefined;
    const section = owner.section ?? (task ? (sectionOfTask.get(task.id) ?? null) : null);
    const lang = task ? (langOf.get(task.file) ?? firstLang) : firstLang;
    for (const b of blocks(body, 1 + skip))
      docs.push({ kind: 'template', id: t.path, task: owner.task, section, title, text: b.text, file: t.path, line: b.line, lang });
  }
  return docs;
}

/** What the pieces of one task or section share. */
type PieceOwner = Pick<SearchDoc, 'task' | 'section' | 'title' | 'file' | 'lang'>;

/**
 * A piece of the graph, made in one place, its fields in one order (that of the stored pieces and
 * of `--json`): V8 gave pieces spread from different objects a hidden class each, which made every
 * later read of a piece's field a slow lookup (indexing 136 000 pieces read each one twice).
 */
function piece(owner: PieceOwner, kind: SearchKind, id: string, text: string, line: number): SearchDoc {
  return { task: owner.task, section: owner.section, title: owner.title, file: owner.file, lang: owner.lang, kind, id, text, line };
}

function nodeText(node: Node, roleTitle: (role: string) => string | undefined): string {
  switch (node.kind) {
    case 'step':
      return node.details ? `${node.text} ${plain(node.details)}` : node.text;
    case 'decision':
      return node.question;
    case 'checkpoint':
      return node.value ? `${node.text} (${node.value})` : node.text;
    case 'escalation': {
      const who = roleTitle(node.role);
      return who ? `${node.reason} → ${who}` : node.reason;
    }
    case 'end':
      return node.outcome;
    case 'wait':
      return node.event;
    case 'jump':
      return '';
  }
}

/** Markdown files (templates) linked from the graph's nodes and section prose, each with the first task or section that links it. */
export function linkedTemplates(graph: Graph): Map<string, { task: string | null; section: string | null }> {
  const owners = new Map<string, { task: string | null; section: string | null }>();
  const instructionFiles = new Set(graph.documents.map((d) => d.file));
  const add = (path: string | null | undefined, owner: { task: string | null; section: string | null }) => {
    if (path && isLocalMarkdown(path) && !instructionFiles.has(path) && !owners.has(path)) owners.set(path, owner);
  };
  for (const node of Object.values(graph.nodes)) for (const link of node.links ?? []) add(link.resolved, { task: node.task, section: null });
  for (const d of graph.documents) {
    const dir = d.file.includes('/') ? d.file.slice(0, d.file.lastIndexOf('/') + 1) : '';
    for (const s of d.sections) {
      for (const m of s.content.matchAll(/\]\(([^)\s]+\.md)(?:#[^)]*)?\)/g)) add(normalizePath(`${dir}${m[1]}`), { task: null, section: sectionId(s) });
    }
  }
  return owners;
}

function normalizePath(path: string): string | null {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(p);
  }
  return parts.join('/');
}

function isLocalMarkdown(path: string): boolean {
  return /\.md$/i.test(path) && !path.startsWith('../') && !path.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(path);
}

/** Markdown → blocks of plain text (paragraphs and list items) with the line each starts on. */
export function blocks(markdown: string, firstLine: number): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let current: { lines: string[]; line: number } | null = null;
  let fence = false;
  const flush = () => {
    if (current) {
      const text = plain(current.lines.join(' '));
      if (text) out.push({ text, line: current.line });
    }
    current = null;
  };
  markdown.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (/^\s*(```|~~~)/.test(line)) {
      fence = !fence;
      if (!fence) flush();
      return;
    }
    if (!fence && line.trim() === '') return flush();
    if (!fence && (/^\s*([-*+]|\d+[.)])\s/.test(line) || /^#{1,6}\s/.test(line))) flush();
    current ??= { lines: [], line: firstLine + i };
    current.lines.push(line.trim());
  });
  flush();
  return out;
}

/** Markdown inline syntax → the text a reader sees. */
export function plain(markdown: string): string {
  return markdown
    .replace(/^\s*([-*+]|\d+[.)]|#{1,6})\s+/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\{[#.][^}]*\}/g, '')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*)[*_]/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}
