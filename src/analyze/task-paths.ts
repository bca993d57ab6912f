import type { GraphIndex } from '../graph/query.js';
import type { Task } from '../graph/types.js';

/** One answer given on a path: which option of which decision. */
interface PathAnswer {
  decision: string;
  question: string;
  option: string;
  label: string;
}

/** Where a path leads. `done`: the flow runs out of steps (the task is done, no outcome text). */
type PathEnd =
  | { kind: 'end'; node: string; outcome: string; status: 'done' | 'cancelled' | 'failed' }
  | { kind: 'jump'; node: string; target: string; targetTask?: string; targetNode?: string | null }
  | { kind: 'done' }
  | { kind: 'loop'; node: string };

export interface TaskPath {
  answers: PathAnswer[];
  /** Node ids visited in order (jumps with `return` are passed through, their target not entered). */
  nodes: string[];
  /** Events waited for on the way, in order. */
  waits: string[];
  end: PathEnd;
}

export interface TaskPaths {
  task: string;
  paths: TaskPath[];
  /** True when enumeration stopped at the limit: `paths` is then a prefix of all paths. */
  capped: boolean;
}

export const defaultPathLimit = 500;

interface State {
  id: string | null;
  answers: PathAnswer[];
  nodes: string[];
  waits: string[];
}

/**
 * Every path through a task from its entry, as the sequence of decision answers and where it
 * leads: an end, a jump to another task or node (not followed), the flow running out (done), or
 * a loop back to a node already on the path. Depth-first, options in source order; at most
 * `limit` paths (then `capped`).
 */
export function taskPaths(index: GraphIndex, task: Task, limit = defaultPathLimit): TaskPaths {
  const paths: TaskPath[] = [];
  const stack: State[] = [{ id: task.entry, answers: [], nodes: [], waits: [] }];
  while (stack.length > 0) {
    if (paths.length >= limit) return { task: task.id, paths, capped: true };
    const state = stack.pop()!;
    let { id } = state;
    const nodes = [...state.nodes];
    const waits = [...state.waits];
    const onPath = new Set(nodes);
    let end: PathEnd | undefined;
    while (end === undefined) {
      if (id === null) {
        end = { kind: 'done' };
        break;
      }
      if (onPath.has(id)) {
        end = { kind: 'loop', node: id };
        break;
      }
      const node = index.node(id);
      if (!node) {
        end = { kind: 'done' };
        break;
      }
      nodes.push(id);
      onPath.add(id);
      switch (node.kind) {
        case 'end':
          end = { kind: 'end', node: id, outcome: node.outcome, status: node.status };
          break;
        case 'jump':
          if (node.return) id = node.next;
          else end = { kind: 'jump', node: id, target: node.target, targetTask: node.targetTask, targetNode: node.targetNode };
          break;
        case 'decision':
          for (let i = node.options.length - 1; i >= 1; i--) {
            const option = node.options[i]!;
            stack.push({ id: option.next, answers: [...state.answers, answer(node.id, node.question, option)], nodes: [...nodes], waits: [...waits] });
          }
          if (node.options.length === 0) {
            id = node.join ?? null;
          } else {
            state.answers = [...state.answers, answer(node.id, node.question, node.options[0]!)];
            id = node.options[0]!.next;
          }
          break;
        case 'wait':
          waits.push(node.event);
          id = node.next;
          break;
        default:
          id = node.next;
      }
    }
    paths.push({ answers: state.answers, nodes, waits, end });
  }
  return { task: task.id, paths, capped: false };
}

function answer(decision: string, question: string, option: { id: string; label: string }): PathAnswer {
  return { decision, question, option: option.id, label: option.label };
}
