/**
 * The promises of a run, read from its path: a `::promise` step answered "done" makes one (the
 * promise was given, at that moment); passing the node its `kept` attribute names keeps it; a run
 * that ends `done` keeps whatever is still open (the task was done); a run that ends otherwise
 * drops them. Pure: the due time comes from a function the caller passes in (the calendar).
 */
import type { Graph, StepNode } from '../graph/types.js';
import type { RunState } from './engine.js';

export interface RunPromise {
  /** The `::promise` step. */
  node: string;
  text: string;
  /** When it was made, ISO. */
  madeAt: string;
  /** When it is due, ms since epoch; null when the instruction's due cannot be computed. */
  due: number | null;
  /** When and how it was kept. */
  kept?: { at: string; by: 'step' | 'end' | 'answer' };
  /** The run ended cancelled or failed before it was kept. */
  dropped?: true;
}

export type DueOf = (node: StepNode, madeAt: number) => number | null;

/** The step's promise, when it is a `::promise`. */
export function promiseOf(graph: Graph, id: string): StepNode | undefined {
  const node = Object.hasOwn(graph.nodes, id) ? graph.nodes[id] : undefined;
  return node?.kind === 'step' && node.promise ? node : undefined;
}

/**
 * The promises along a run's path, in the order they were made. `keptByAnswer` holds the promise
 * nodes the user said were kept, with when (a choice in the run, not a node of the path).
 */
export function runPromises(graph: Graph, state: RunState, dueOf: DueOf, keptByAnswer: ReadonlyMap<string, string> = new Map()): RunPromise[] {
  const made: RunPromise[] = [];
  for (const entry of state.path) {
    for (const p of made) {
      const step = promiseOf(graph, p.node);
      if (!p.kept && step?.promise?.kept?.includes(entry.node) && entry.answer !== 'skip' && entry.confirmed !== false)
        p.kept = { at: entry.at ?? state.updatedAt, by: 'step' };
    }
    if (entry.kind !== 'step' || entry.answer !== 'done') continue;
    const step = promiseOf(graph, entry.node);
    if (!step?.promise) continue;
    const at = entry.at ?? state.updatedAt;
    // the same promise made again (a loop) replaces the one still open
    const open = made.findIndex((p) => p.node === step.id && !p.kept);
    if (open >= 0) made.splice(open, 1);
    made.push({ node: step.id, text: step.text, madeAt: at, due: dueOf(step, Date.parse(at)) });
  }
  for (const p of made) {
    const answered = keptByAnswer.get(p.node);
    if (!p.kept && answered !== undefined && answered >= p.madeAt) p.kept = { at: answered, by: 'answer' };
  }
  if (state.finishedAt !== null) {
    for (const p of made) {
      if (p.kept) continue;
      if (state.status === 'done') p.kept = { at: state.finishedAt, by: 'end' };
      else p.dropped = true;
    }
  }
  return made;
}
