import type { TaskPath } from '../analyze/task-paths.js';
import type { GraphIndex } from '../graph/query.js';
import { nodeSummary } from './node-text.js';
import type { PathChange, PathOutcome } from './types.js';

/**
 * Paths of a task before and after, keyed by their answers (old decisions and options mapped to
 * what they became): a path whose answers are the same but which now leads elsewhere is changed;
 * answers that exist on one side only are an added or removed path.
 */
export function pathChanges(
  before: TaskPath[],
  after: TaskPath[],
  maps: { nodeMap: Map<string, string>; optionMap: Map<string, string> },
  indexes: { before: GraphIndex; after: GraphIndex },
): PathChange[] {
  const oldKey = (path: TaskPath) =>
    path.answers
      .map((a) => `${maps.nodeMap.get(a.decision) ?? `old:${a.decision}`}\u0001${maps.optionMap.get(`${a.decision}\0${a.option}`) ?? `old:${a.option}`}`)
      .join('\u0002');
  const newKey = (path: TaskPath) => path.answers.map((a) => `${a.decision}\u0001${a.option}`).join('\u0002');
  const olds = new Map<string, TaskPath>();
  for (const p of before) if (!olds.has(oldKey(p))) olds.set(oldKey(p), p);
  const news = new Map<string, TaskPath>();
  for (const p of after) if (!news.has(newKey(p))) news.set(newKey(p), p);

  const out: PathChange[] = [];
  for (const [key, now] of news) {
    const old = olds.get(key);
    const afterOutcome = outcome(now, indexes.after);
    const answers = now.answers.map((a) => ({ question: a.question, answers: [a.label] }));
    if (!old) {
      out.push({ status: 'added', answers, after: afterOutcome });
      continue;
    }
    const beforeOutcome = outcome(old, indexes.before);
    if (comparable(beforeOutcome) !== comparable(afterOutcome)) out.push({ status: 'changed', answers, before: beforeOutcome, after: afterOutcome });
  }
  for (const [key, old] of olds) {
    if (!news.has(key))
      out.push({ status: 'removed', answers: old.answers.map((a) => ({ question: a.question, answers: [a.label] })), before: outcome(old, indexes.before) });
  }
  return mergeAlike(out);
}

/**
 * Paths with the same change that differ in one answer only become one path whose answer lists
 * the alternatives («Да» / «Нет»): an answer that does not matter to the change is not repeated.
 */
export function mergeAlike(paths: PathChange[]): PathChange[] {
  let current = paths;
  let merged = true;
  while (merged) {
    merged = false;
    const longest = current.reduce((n, p) => Math.max(n, p.answers.length), 0);
    for (let k = 0; k < longest; k++) {
      // Paths alike in everything but the answer at k share a key; the first absorbs the rest.
      const buckets = new Map<string, PathChange>();
      const next: PathChange[] = [];
      for (const path of current) {
        if (path.answers.length <= k) {
          next.push(path);
          continue;
        }
        const key = JSON.stringify([path.status, path.before, path.after, path.answers.map((a, i) => (i === k ? a.question : [a.question, a.answers]))]);
        const first = buckets.get(key);
        if (first) {
          first.answers[k] = { question: first.answers[k]!.question, answers: [...first.answers[k]!.answers, ...path.answers[k]!.answers] };
          merged = true;
        } else {
          const copy = { ...path, answers: [...path.answers] };
          buckets.set(key, copy);
          next.push(copy);
        }
      }
      current = next;
    }
  }
  return current;
}

function outcome(path: TaskPath, index: GraphIndex): PathOutcome {
  const end = path.end;
  switch (end.kind) {
    case 'end':
      return { kind: 'end', outcome: end.outcome, status: end.status };
    case 'jump': {
      // A jump into a task is named by the task's title; a jump to a step, by what the step says.
      const task = end.targetTask !== undefined ? index.tasks.get(end.targetTask) : undefined;
      const node = end.targetNode != null && task?.entry !== end.targetNode ? index.node(end.targetNode) : undefined;
      const title = node ? nodeSummary(node) : task?.title;
      return title ? { kind: 'jump', target: end.target, title } : { kind: 'jump', target: end.target };
    }
    case 'done':
      return { kind: 'done' };
    case 'loop': {
      const node = index.node(end.node);
      return { kind: 'loop', text: node ? nodeSummary(node) : end.node };
    }
  }
}

/** An outcome without the target's title: renaming the target task does not change where a path leads. */
function comparable(outcome: PathOutcome): string {
  return JSON.stringify(outcome.kind === 'jump' ? { kind: outcome.kind, target: outcome.target } : outcome);
}
