import { posix } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import type { Graph, Node, Position, Task } from '../graph/types.js';
import { GRAPH_FORMAT, GRAPH_VERSION } from '../graph/types.js';
import type { FileResult } from './compile-file.js';

/**
 * Joins compiled files into one graph: one id namespace for tasks and explicit node ids across
 * the folder, jumps resolved (also across files), escalation roles checked.
 */
export function linkFiles(files: FileResult[]): { graph: Graph; diagnostics: Diagnostic[] } {
  const ordered = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const diagnostics: Diagnostic[] = ordered.flatMap((f) => f.diagnostics);
  const graph: Graph = { format: GRAPH_FORMAT, version: GRAPH_VERSION, documents: [], tasks: [], nodes: {} };
  const owners = new Map<string, { file: FileResult; position: Position }>();
  const displayOf = new Map(ordered.map((f) => [f.file, f.display]));
  const report = (file: string, at: Position, rule: string, message: string) => {
    diagnostics.push({ file: displayOf.get(file) ?? file, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, rule, severity: 'error', message, source: 'compile' });
  };
  const documentIds = new Map<string, string>();

  for (const file of ordered) {
    if (file.document) {
      const other = documentIds.get(file.document.id);
      if (other !== undefined) report(file.file, file.document.position ?? origin(file.file), 'duplicate-id', `Instruction id "${file.document.id}" is also used by ${displayOf.get(other) ?? other}`);
      else documentIds.set(file.document.id, file.file);
      graph.documents.push(file.document);
    }
    const nodes = { ...file.nodes };
    const tasks: Task[] = [];
    for (const task of file.tasks) {
      const first = owners.get(task.id);
      if (first) {
        report(file.file, task.position, 'duplicate-id', `Duplicate id "${task.id}"; it is already used in ${first.file.display}:${first.position.line}:${first.position.column}`);
        for (const id of reachableWithin(task, nodes)) delete nodes[id];
        continue;
      }
      owners.set(task.id, { file, position: task.position });
      tasks.push(task);
    }
    for (const node of Object.values(nodes)) {
      if (!node.explicitId) continue;
      const first = owners.get(node.id);
      if (first && first.file !== file) {
        report(file.file, node.position, 'duplicate-id', `Duplicate id "${node.id}"; it is already used in ${first.file.display}:${first.position.line}:${first.position.column}`);
        renameNode(nodes, tasks, node.id, `${node.task}.${node.id}`);
      } else if (!first) owners.set(node.id, { file, position: node.position });
    }
    graph.tasks.push(...tasks);
    Object.assign(graph.nodes, nodes);
  }

  const tasksById = new Map(graph.tasks.map((t) => [t.id, t]));
  const documentsByFile = new Map(graph.documents.map((d) => [d.file, d]));
  for (const node of Object.values(graph.nodes)) {
    if (node.kind === 'jump') {
      if (node.targetFile !== undefined && leavesRoot(node.targetFile, node.position.file)) {
        report(node.position.file, node.position, 'dangling-jump', `Jump to "${node.targetFile}", which is outside the instructions folder; a jump can only reach the files compiled together`);
        continue;
      }
      const task = tasksById.get(node.target);
      const targetNode = Object.hasOwn(graph.nodes, node.target) ? graph.nodes[node.target] : undefined;
      const where = task?.file ?? targetNode?.position.file;
      if (!task && !(targetNode && targetNode.explicitId)) {
        report(node.position.file, node.position, 'dangling-jump', `Jump to "#${node.target}", which no task or node has as its id${suggest(node.target, owners.keys())}`);
        continue;
      }
      if (node.targetFile !== undefined && where !== undefined && !sameFile(where, node.targetFile, node.position.file)) {
        report(node.position.file, node.position, 'dangling-jump', `"#${node.target}" is in ${where}, not in ${node.targetFile}`);
      }
      if (task) {
        node.targetTask = task.id;
        node.targetNode = task.entry;
      } else if (targetNode) {
        node.targetTask = targetNode.task;
        node.targetNode = targetNode.id;
      }
    } else if (node.kind === 'escalation') {
      const own = documentsByFile.get(node.position.file);
      const defined = (own && Object.hasOwn(own.roles, node.role)) || graph.documents.some((d) => Object.hasOwn(d.roles, node.role));
      if (!defined) {
        const known = own ? Object.keys(own.roles) : [];
        report(node.position.file, node.position, 'unknown-role', `Role "${node.role}" is not defined in the front matter's roles${known.length ? ` (defined: ${known.join(', ')})` : ''}`);
      }
    }
  }
  diagnostics.sort(compareDiagnostics);
  return { graph, diagnostics };
}

function origin(file: string): Position {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
}

/** Whether a jump's file, written relative to the jumping file, resolves outside the compiled root. */
function leavesRoot(written: string, from: string): boolean {
  if (written.startsWith('/') || /^[A-Za-z]:[\\/]/.test(written)) return true;
  const resolved = posix.normalize(posix.join(posix.dirname(from), written));
  return resolved === '..' || resolved.startsWith('../');
}

function sameFile(actual: string, written: string, from: string): boolean {
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  return actual === written || actual === `${dir}${written}` || actual.endsWith(`/${written}`);
}

function reachableWithin(task: Task, nodes: Record<string, Node>): string[] {
  return Object.values(nodes)
    .filter((n) => n.task === task.id)
    .map((n) => n.id);
}

/** Gives a node a new id and rewrites every reference to it within one file's nodes. */
function renameNode(nodes: Record<string, Node>, tasks: Task[], from: string, to: string): void {
  const node = nodes[from];
  if (!node) return;
  delete nodes[from];
  node.id = to;
  node.explicitId = false;
  nodes[to] = node;
  const swap = (id: string | null | undefined) => (id === from ? to : id);
  for (const n of Object.values(nodes)) {
    if ('next' in n) n.next = swap(n.next) ?? null;
    if (n.kind === 'decision') {
      if (n.join !== undefined) n.join = swap(n.join) ?? null;
      for (const o of n.options) o.next = swap(o.next) ?? null;
    }
  }
  for (const t of tasks) t.entry = swap(t.entry) ?? null;
}

function suggest(target: string, known: Iterable<string>): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const id of known) {
    const d = editDistance(target, id);
    if (d < bestDistance) {
      bestDistance = d;
      best = id;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(target.length / 3)) ? `; did you mean "#${best}"?` : '';
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
