import { posix } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import type { Graph, Node, Position, Task } from '../graph/types.js';
import { GRAPH_FORMAT, GRAPH_VERSION } from '../graph/types.js';
import type { FileResult } from './compile-file.js';
import { linkMessages, type LinkMessages } from './link-messages.js';
import { NodeRecord } from './node-record.js';

/**
 * Joins compiled files into one graph: one id namespace for tasks and explicit node ids across
 * the folder, jumps resolved (also across files), escalation roles checked.
 */
export function linkFiles(files: FileResult[]): { graph: Graph; diagnostics: Diagnostic[] } {
  const ordered = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const diagnostics: Diagnostic[] = ordered.flatMap((f) => f.diagnostics);
  const nodeRecord = new NodeRecord();
  const graph: Graph = { format: GRAPH_FORMAT, version: GRAPH_VERSION, documents: [], tasks: [], nodes: nodeRecord.record };
  const owners = new Map<string, { file: FileResult; position: Position }>();
  const displayOf = new Map(ordered.map((f) => [f.file, f.display]));
  const report = (file: string, at: Position, rule: string, message: string) => {
    diagnostics.push({
      file: displayOf.get(file) ?? file,
      line: at.line,
      column: at.column,
      endLine: at.endLine,
      endColumn: at.endColumn,
      rule,
      severity: 'error',
      message,
      source: 'compile',
    });
  };
  const documentIds = new Map<string, string>();
  // each finding in the language of the file it is in
  const langOf = new Map(ordered.map((f) => [f.file, f.document?.lang]));
  const say = (file: string): LinkMessages => linkMessages(langOf.get(file));
  /** Nodes of tasks left out for a repeated id: not in the graph, but their roles and jumps are still checked. */
  const dropped: Node[] = [];

  for (const file of ordered) {
    if (file.document) {
      const other = documentIds.get(file.document.id);
      if (other !== undefined)
        report(
          file.file,
          file.document.position ?? origin(file.file),
          'duplicate-id',
          say(file.file).documentIdTwice(file.document.id, displayOf.get(other) ?? other),
        );
      else documentIds.set(file.document.id, file.file);
      graph.documents.push(file.document);
    }
    // the file's own record, copied only when a node is dropped or renamed (110 000 nodes on 10 MB)
    let nodes = file.nodes;
    const own = () => (nodes === file.nodes ? (nodes = { ...file.nodes }) : nodes);
    const tasks: Task[] = [];
    let byTask: Map<string, string[]> | undefined;
    for (const task of file.tasks) {
      const first = owners.get(task.id);
      if (first) {
        report(
          file.file,
          task.position,
          'duplicate-id',
          say(file.file).idTwice(task.id, `${first.file.display}:${first.position.line}:${first.position.column}`),
        );
        byTask ??= nodesByTask(nodes);
        const mine = own();
        for (const id of byTask.get(task.id) ?? []) {
          dropped.push(mine[id]!);
          delete mine[id];
        }
        byTask.delete(task.id);
        continue;
      }
      owners.set(task.id, { file, position: task.position });
      tasks.push(task);
    }
    const renames = new Map<string, string>();
    const keys = Object.keys(nodes);
    for (const key of keys) {
      const node = nodes[key]!;
      if (!node.explicitId) continue;
      const first = owners.get(node.id);
      if (first && first.file !== file) {
        report(
          file.file,
          node.position,
          'duplicate-id',
          say(file.file).idTwice(node.id, `${first.file.display}:${first.position.line}:${first.position.column}`),
        );
        renames.set(node.id, `${node.task}.${node.id}`);
      } else if (!first) owners.set(node.id, { file, position: node.position });
    }
    if (renames.size > 0) renameNodes(own(), tasks, renames);
    graph.tasks.push(...tasks);
    // renamed nodes moved to the end of the file's record
    nodeRecord.add(nodes, renames.size > 0 ? Object.keys(nodes) : keys);
  }

  const tasksById = new Map(graph.tasks.map((t) => [t.id, t]));
  const suggest = suggester(owners.keys());
  const documentsByFile = new Map(graph.documents.map((d) => [d.file, d]));
  for (const node of [...nodeRecord.values(), ...dropped, ...ordered.flatMap((f) => Object.values(f.shadowNodes ?? {}))]) {
    if (node.kind === 'jump') {
      if (node.targetFile !== undefined && leavesRoot(node.targetFile, node.position.file)) {
        report(node.position.file, node.position, 'dangling-jump', say(node.position.file).jumpOutside(node.targetFile));
        continue;
      }
      const task = tasksById.get(node.target);
      const targetNode = Object.hasOwn(graph.nodes, node.target) ? graph.nodes[node.target] : undefined;
      const where = task?.file ?? targetNode?.position.file;
      if (!task && !(targetNode && targetNode.explicitId)) {
        report(node.position.file, node.position, 'dangling-jump', say(node.position.file).jumpNowhere(node.target, suggest(node.target)));
        continue;
      }
      if (node.targetFile !== undefined && where !== undefined && !sameFile(where, node.targetFile, node.position.file)) {
        report(node.position.file, node.position, 'dangling-jump', say(node.position.file).jumpOtherFile(node.target, where, node.targetFile));
      }
      if (task) {
        node.targetTask = task.id;
        node.targetNode = task.entry;
      } else if (targetNode) {
        node.targetTask = targetNode.task;
        node.targetNode = targetNode.id;
      }
    } else if (node.kind === 'step' && node.promise?.kept !== undefined) {
      for (const kept of node.promise.kept) {
        const target = Object.hasOwn(graph.nodes, kept) ? graph.nodes[kept] : undefined;
        if (!target?.explicitId) report(node.position.file, node.position, 'dangling-promise', say(node.position.file).keptByNothing(kept));
      }
    } else if (node.kind === 'escalation') {
      const own = documentsByFile.get(node.position.file);
      const defined = (own && Object.hasOwn(own.roles, node.role)) || graph.documents.some((d) => Object.hasOwn(d.roles, node.role));
      if (!defined) {
        const known = own ? Object.keys(own.roles) : [];
        report(node.position.file, node.position, 'unknown-role', say(node.position.file).unknownRole(node.role, known));
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

/** A file's node ids by task, in one pass (a file of many duplicate tasks must not scan all nodes for each). */
function nodesByTask(nodes: Record<string, Node>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of Object.values(nodes)) {
    let list = out.get(n.task);
    if (!list) out.set(n.task, (list = []));
    list.push(n.id);
  }
  return out;
}

/** Gives nodes new ids and rewrites every reference to them within one file's nodes, in one pass. */
function renameNodes(nodes: Record<string, Node>, tasks: Task[], renames: Map<string, string>): void {
  for (const [from, to] of renames) {
    const node = nodes[from];
    if (!node) continue;
    delete nodes[from];
    node.id = to;
    node.explicitId = false;
    nodes[to] = node;
  }
  const swap = (id: string | null | undefined) => (id != null && renames.has(id) ? renames.get(id) : id);
  for (const n of Object.values(nodes)) {
    if ('next' in n) n.next = swap(n.next) ?? null;
    if (n.kind === 'decision') {
      if (n.join !== undefined) n.join = swap(n.join) ?? null;
      for (const o of n.options) o.next = swap(o.next) ?? null;
    }
  }
  for (const t of tasks) t.entry = swap(t.entry) ?? null;
}

/** Most dangling jumps that get a "did you mean"; most ids compared for one. */
const suggestionLimits = { jumps: 100, candidates: 2000 };

/**
 * "Did you mean" for dangling jumps: ids are grouped by length and only lengths within reach of
 * the allowed distance are compared, at most `candidates` of them, for the first `jumps` jumps.
 * Thousands of dangling jumps against thousands of ids must not cost an edit distance each.
 */
function suggester(known: Iterable<string>): (target: string) => string | null {
  // With their order, so that of two equally close ids the first one known wins, as before.
  const byLength = new Map<number, Array<[string, number]>>();
  let order = 0;
  for (const id of known) {
    let list = byLength.get(id.length);
    if (!list) byLength.set(id.length, (list = []));
    list.push([id, order++]);
  }
  let asked = 0;
  return (target) => {
    if (++asked > suggestionLimits.jumps || target.length > 64) return null;
    const allowed = Math.max(2, Math.floor(target.length / 3));
    let best: string | null = null;
    let bestDistance = Infinity;
    let bestOrder = Infinity;
    let compared = 0;
    for (let delta = 0; delta <= allowed && compared < suggestionLimits.candidates; delta++) {
      for (const length of delta === 0 ? [target.length] : [target.length - delta, target.length + delta]) {
        for (const [id, at] of byLength.get(length) ?? []) {
          if (++compared > suggestionLimits.candidates) break;
          const d = editDistance(target, id);
          if (d < bestDistance || (d === bestDistance && at < bestOrder)) {
            bestDistance = d;
            best = id;
            bestOrder = at;
          }
        }
      }
    }
    return best !== null && bestDistance <= allowed ? best : null;
  };
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
