import { defaultPathLimit, taskPaths } from '../analyze/task-paths.js';
import { indexGraph, taskNodes, type GraphIndex } from '../graph/query.js';
import type { Document, Graph, Node, Schedule, Task } from '../graph/types.js';
import { compareFields, matchNodes } from './match-nodes.js';
import { pathChanges } from './path-changes.js';
import type { DocumentChange, FieldChange, GraphDiff, Side, TaskChange } from './types.js';

export interface DiffOptions {
  /** Paths enumerated per task and side; more are not compared (and `pathsCapped` says so). */
  pathLimit?: number;
}

/** What changed from one compiled graph to another: documents, tasks, their nodes and paths. */
export function diffGraphs(base: Graph, head: Graph, sides: { base: Side; head: Side }, options: DiffOptions = {}): GraphDiff {
  const before = indexGraph(base);
  const after = indexGraph(head);
  const documents = diffDocuments(base.documents, head.documents);
  const tasks: TaskChange[] = [];
  const nodesBefore = byTask(before);
  const nodesAfter = byTask(after);
  for (const task of head.tasks) {
    const old = before.tasks.get(task.id);
    if (!old) tasks.push(wholeTask(task, 'added'));
    else {
      const change = diffTask(
        old,
        task,
        { before, after },
        { before: nodesBefore.get(task.id) ?? [], after: nodesAfter.get(task.id) ?? [] },
        options.pathLimit ?? defaultPathLimit,
      );
      if (change) tasks.push(change);
    }
  }
  for (const task of base.tasks) if (!after.tasks.has(task.id)) tasks.push(wholeTask(task, 'removed'));

  const count = (status: string) => tasks.reduce((n, t) => n + t.nodes.filter((c) => c.status === status).length, 0);
  const summary = {
    tasksAdded: tasks.filter((t) => t.status === 'added').length,
    tasksRemoved: tasks.filter((t) => t.status === 'removed').length,
    tasksChanged: tasks.filter((t) => t.status === 'changed').length,
    documentsChanged: documents.length,
    nodesAdded: count('added'),
    nodesRemoved: count('removed'),
    nodesChanged: count('changed'),
    pathsChanged: tasks.reduce((n, t) => n + t.paths.length, 0),
  };
  return { format: 'instr-diff', version: 1, base: sides.base, head: sides.head, changed: documents.length > 0 || tasks.length > 0, summary, documents, tasks };
}

function byTask(index: GraphIndex): Map<string, Node[]> {
  const out = new Map<string, Node[]>();
  for (const task of index.graph.tasks) out.set(task.id, taskNodes(index, task));
  // Nodes the flow does not reach still count, after the reachable ones.
  const seen = new Set([...out.values()].flatMap((nodes) => nodes.map((n) => n.id)));
  for (const node of Object.values(index.graph.nodes)) if (!seen.has(node.id)) out.get(node.task)?.push(node);
  return out;
}

function wholeTask(task: Task, status: 'added' | 'removed'): TaskChange {
  return {
    id: task.id,
    status,
    kind: task.kind,
    title: task.title,
    file: task.file,
    line: task.position.line,
    fields: [],
    nodes: [],
    paths: [],
    pathsCapped: false,
  };
}

function diffTask(
  old: Task,
  now: Task,
  indexes: { before: GraphIndex; after: GraphIndex },
  nodes: { before: Node[]; after: Node[] },
  pathLimit: number,
): TaskChange | undefined {
  const fields = compareFields(taskFields(old), taskFields(now));
  fields.push(...compareSchedules(old.schedules, now.schedules));
  const match = matchNodes(nodes.before, nodes.after);
  const pathsBefore = taskPaths(indexes.before, old, pathLimit);
  const pathsAfter = taskPaths(indexes.after, now, pathLimit);
  const paths = pathChanges(pathsBefore.paths, pathsAfter.paths, match, indexes);
  const renamed = old.title !== now.title;
  const moved = old.file !== now.file;
  if (fields.length === 0 && match.changes.length === 0 && paths.length === 0) return undefined;
  const change: TaskChange = {
    id: now.id,
    status: 'changed',
    kind: now.kind,
    title: now.title,
    file: now.file,
    line: now.position.line,
    fields: fields.filter((f) => f.field !== 'title' && f.field !== 'file'),
    nodes: match.changes,
    paths,
    pathsCapped: pathsBefore.capped || pathsAfter.capped,
  };
  if (renamed) change.beforeTitle = old.title;
  if (moved) change.beforeFile = old.file;
  return change;
}

function taskFields(task: Task): Record<string, string | undefined> {
  return {
    title: task.title,
    file: task.file,
    kind: task.kind,
    section: task.section,
    trigger: task.trigger?.text,
    deadline: task.trigger?.deadline,
    description: task.description,
    reviewed: task.review?.reviewed,
    review: task.review?.period,
  };
}

/** Schedules by label: a new label is added, a gone one removed, the same label with another rule changed. */
function compareSchedules(before: Schedule[], after: Schedule[]): FieldChange[] {
  const show = (s: Schedule) => `${s.label} (${s.rrule}${s.time ? ` ${s.time}` : ''})`;
  const out: FieldChange[] = [];
  const afterKeys = new Set(after.map(show));
  const beforeKeys = new Set(before.map(show));
  const gone = before.filter((s) => !afterKeys.has(show(s)));
  const fresh = after.filter((s) => !beforeKeys.has(show(s)));
  const pairs = Math.min(gone.length, fresh.length);
  for (let i = 0; i < pairs; i++) out.push({ field: 'schedule', before: show(gone[i]!), after: show(fresh[i]!) });
  for (const s of gone.slice(pairs)) out.push({ field: 'schedule', before: show(s) });
  for (const s of fresh.slice(pairs)) out.push({ field: 'schedule', after: show(s) });
  return out;
}

function diffDocuments(before: Document[], after: Document[]): DocumentChange[] {
  const out: DocumentChange[] = [];
  const beforeById = new Map(before.map((d) => [d.id, d]));
  const afterIds = new Set(after.map((d) => d.id));
  for (const doc of after) {
    const old = beforeById.get(doc.id);
    if (!old) {
      out.push({ id: doc.id, file: doc.file, status: 'added', title: doc.title, fields: [] });
      continue;
    }
    const fields = compareFields(documentFields(old), documentFields(doc));
    if (fields.length) out.push({ id: doc.id, file: doc.file, status: 'changed', title: doc.title, fields });
  }
  for (const doc of before) if (!afterIds.has(doc.id)) out.push({ id: doc.id, file: doc.file, status: 'removed', title: doc.title, fields: [] });
  return out;
}

/** Front matter, roles and the prose sections, flattened to comparable values. */
function documentFields(doc: Document): Record<string, string | undefined> {
  const fields: Record<string, string | undefined> = {
    file: doc.file,
    title: doc.title,
    role: doc.role,
    lang: doc.lang,
    owner: doc.owner,
    timezone: doc.timezone,
    reviewed: doc.review?.reviewed,
    review: doc.review?.period,
  };
  for (const [id, role] of Object.entries(doc.roles)) {
    fields[`roles.${id}`] = [role.title, role.name, ...Object.entries(role.contacts).map(([k, v]) => `${k}: ${v}`)].filter(Boolean).join('; ');
  }
  for (const section of doc.sections) {
    fields[`section:${section.title}`] = [section.kind ? `{.${section.kind}}` : '', section.content].filter(Boolean).join(' ');
  }
  return fields;
}
