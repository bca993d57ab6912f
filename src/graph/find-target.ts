import { sectionId } from './section-id.js';
import { stem, words } from '../text/words.js';
import type { Document, Graph, Role, Section, Task } from './types.js';

/** Something `instr show` can show: a task, a section, a whole document, a role of the front matter, or a linked file. */
export type Target =
  | { kind: 'task'; task: Task; document: Document | undefined }
  | { kind: 'section'; section: Section; document: Document }
  | { kind: 'document'; document: Document }
  | RoleTarget
  | { kind: 'file'; path: string; document: Document | undefined };

/**
 * A role of the front matter (`roles:`). The same role — same id, title and person — defined in
 * several instructions is one target: `documents` lists them all, `document` is the first.
 */
export interface RoleTarget {
  kind: 'role';
  id: string;
  role: Role;
  document: Document;
  documents: Document[];
}

/** Every role of the graph's documents, the same one in several documents grouped. */
export function roleTargets(graph: Graph): RoleTarget[] {
  const byKey = new Map<string, RoleTarget>();
  for (const document of graph.documents) {
    for (const [id, role] of Object.entries(document.roles)) {
      const key = JSON.stringify([id, role.title, role.name ?? '']);
      const known = byKey.get(key);
      if (known) known.documents.push(document);
      else byKey.set(key, { kind: 'role', id, role, document, documents: [document] });
    }
  }
  return [...byKey.values()];
}

/** What a role is called: its title up to a comma or a quote («ИТ-подрядчик, ООО «…»» → ИТ-подрядчик). */
function roleTitleHead(role: Role): string {
  return role.title.split(/[,(«"“]/)[0] ?? role.title;
}

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
  const roles = roleTargets(graph);
  const lower = q.toLowerCase();
  // a role's id comes after instruction and section ids (`client-manager` is the instruction, not the role of that name)
  const roleIds: Target[] = roles.filter((r) => r.id === q);
  for (const target of roles) if (Object.values(target.role.contacts).some((c) => c.trim().toLowerCase() === lower)) names.push(target);
  for (const document of graph.documents) {
    if (document.id === q) ids.push({ kind: 'document', document });
    else if (document.file === q) names.push({ kind: 'document', document });
    for (const section of document.sections) {
      if (section.id === q || sectionId(section) === q) ids.push({ kind: 'section', section, document });
      else if (section.kind === q) names.push({ kind: 'section', section, document });
    }
  }
  if (ids.length > 0) return ids;
  if (roleIds.length > 0) return roleIds;
  for (const f of files) {
    if (f.path === q || stripMd(f.path) === q || baseName(f.path) === q || stripMd(baseName(f.path)) === q)
      names.push({ kind: 'file', path: f.path, document: f.document });
  }
  const exact = names;
  if (exact.length > 0) return exact;

  const wanted = words(q).map((w) => stem(w.text));
  const wantedWords = words(q).map((w) => plainWord(w.text));
  if (wanted.length === 0) return [];
  // A role named in full, in any word form («главного бухгалтера», the person's name): the role,
  // not a task that happens to mention it.
  const same = (text: string) => {
    const stems = words(text).map((w) => stem(w.text));
    return stems.length === wanted.length && stems.every((s, i) => s === wanted[i]);
  };
  const named = roles.filter((r) => same(roleTitleHead(r.role)) || same(r.role.title) || (r.role.name !== undefined && same(r.role.name)));
  if (named.length > 0) return named;
  const scored: Array<{ target: Target; score: number }> = [];
  const consider = (target: Target, title: string, other: string) => {
    const score = matchScore(wanted, wantedWords, title, other);
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
  for (const target of roles) consider(target, target.role.title, `${target.id.replace(/-/g, ' ')} ${target.role.name ?? ''}`);
  for (const f of files) consider({ kind: 'file', path: f.path, document: f.document }, stripMd(baseName(f.path)).replace(/[-_]/g, ' '), '');
  scored.sort((a, b) => b.score - a.score);
  return scored.map((s) => s.target);
}

/** 0 when a wanted word is missing; otherwise higher for whole-word title matches. */
function matchScore(wanted: string[], wantedWords: string[], title: string, other: string): number {
  const titleStems = words(title).map((w) => stem(w.text));
  const titleWords = words(title).map((w) => plainWord(w.text));
  const otherStems = words(other).map((w) => stem(w.text));
  let score = 0;
  for (const [i, want] of wanted.entries()) {
    const asWritten = wantedWords[i] ?? want;
    if (titleStems.some((s) => s === want)) score += 3;
    // a title word that begins the wanted one only when it is most of it: «не» must not match «неизвестный»;
    // compared as written too, where the stemmer cuts a word short («режим» → «реж», «режима» → «режим»)
    else if (
      titleStems.some((s) => s.startsWith(want) || (s.length >= 4 && want.startsWith(s) && want.length - s.length <= 3)) ||
      titleWords.some((w) => w.length >= 4 && asWritten.startsWith(w) && asWritten.length - w.length <= 3)
    )
      score += 2;
    else if (otherStems.some((s) => s === want || s.startsWith(want))) score += 1;
    else return 0;
  }
  return score;
}

/** A word as written, lowercased, ё as е (what stem() compares, before stemming). */
function plainWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
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
      return sectionId(target.section);
    case 'document':
      return target.document.id;
    case 'role':
      return target.id;
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
    case 'role':
      return target.role.name ? `${target.role.title} — ${target.role.name}` : target.role.title;
    case 'file':
      return baseName(target.path);
  }
}
