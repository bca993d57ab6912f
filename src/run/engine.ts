/**
 * The run engine: a pure state machine over the compiled graph. No I/O, no clock (time is passed
 * in), and the state is plain JSON, so a run can be saved, replayed from the journal and tested
 * without a terminal.
 *
 * Semantics:
 * - Steps, decisions, checkpoints, escalations and waits are prompts; jumps are followed
 *   automatically and recorded in the path.
 * - `next: null` means the flow runs out: a called task (a jump with `return`) comes back to the
 *   caller; otherwise the run is done with no outcome.
 * - `::end` with status `done` inside a called task ends that task and comes back to the caller;
 *   an end with status `cancelled` or `failed` (or any end outside a call) finishes the run.
 * - Reaching a wait sets the status to `waiting`; the answer `arrived` continues. A wait with
 *   steps for its timeout takes `timeout`: those steps run, and their flow comes back to the wait.
 * - More than MAX_AUTO_JUMPS automatic moves without a prompt finish the run `failed`: the
 *   instruction loops.
 */
import type { EndStatus, RunStatus } from '../journal/run-status.js';
import type { CheckpointNode, DecisionNode, EndNode, EscalationNode, Graph, Node, Option, StepNode, WaitNode } from '../graph/types.js';

const STATE_VERSION = 1;
/** Automatic moves (jumps, returns) allowed between two prompts. */
const MAX_AUTO_JUMPS = 1000;
/** Nested calls (jumps with return) allowed at once. */
const MAX_CALL_DEPTH = 100;

interface Frame {
  /** The called task. */
  task: string;
  /** Where the caller goes on when the called task is done; null: the caller's flow runs out too. */
  returnTo: string | null;
}

export interface PathEntry {
  node: string;
  task: string;
  kind: string;
  /** done / skip for steps; the option's label for decisions; yes / no / the value for checkpoints; ack; arrived. */
  answer?: string;
  /** The chosen option's id (decisions). */
  option?: string;
  /** Why a step was skipped. */
  reason?: string;
  /** Checkpoints: confirmed or not, and the value given. */
  confirmed?: boolean;
  value?: string;
  /** Jumps: the target as written; whether the flow comes back. */
  target?: string;
  return?: boolean;
  /** Ends: the status and outcome. */
  status?: EndStatus;
  outcome?: string;
  /** When it happened. */
  at?: string;
  /** Waits: when the awaited event happened, when the user said it was earlier than the answer. */
  happened?: string;
}

interface HistoryEntry {
  node: string;
  stack: Frame[];
  /** Length of `path` before this prompt was answered: back cuts the path here. */
  pathLength: number;
}

interface Note {
  node: string;
  note: string;
  at: string;
}

export interface RunState {
  version: 1;
  /** The task the run started with. */
  task: string;
  /** The current prompt node; null when finished. */
  node: string | null;
  stack: Frame[];
  history: HistoryEntry[];
  path: PathEntry[];
  /** The journal's vocabulary (journal/run-status.ts); the engine itself never pauses or abandons. */
  status: Exclude<RunStatus, 'paused' | 'abandoned'>;
  outcome: string | null;
  startedAt: string;
  /** Last change (answer) time. */
  updatedAt: string;
  /** When the run finished; null while it runs. */
  finishedAt: string | null;
  /** The end node that finished the run, if it was an explicit end. */
  endNode: string | null;
  /** "Unclear" notes: the friend's questions. They survive back. */
  notes: Note[];
  /** The run ended at a situation the instruction does not cover (status `cancelled`). */
  notCovered?: true;
}

export type Prompt =
  | { kind: 'step'; node: StepNode }
  | { kind: 'decision'; node: DecisionNode }
  | { kind: 'checkpoint'; node: CheckpointNode }
  | { kind: 'escalation'; node: EscalationNode }
  | { kind: 'wait'; node: WaitNode }
  | { kind: 'finished'; status: EndStatus; outcome: string | null; node: EndNode | null };

export type Answer =
  | { type: 'done' }
  | { type: 'skip'; reason: string }
  | { type: 'unclear'; note: string }
  | { type: 'choose'; option: string }
  | { type: 'confirm'; confirmed: boolean; value?: string }
  | { type: 'ack' }
  /** The awaited event happened; `at` (ISO) when it was earlier than now. */
  | { type: 'arrived'; at?: string }
  /**
   * The wait's time ran out: do its timeout steps. `notBefore` (ISO, and `local`: the same moment
   * as the instruction's clock shows it): when the timeout falls; an answer before it is refused.
   */
  | { type: 'timeout'; notBefore?: { at: string; local: string } }
  | { type: 'back'; to?: string };

/** Why an answer was refused: a code and its values, worded per language by run/refusal-text.ts; `error` is the English text. */
export type RefusalCode =
  | 'finished'
  | 'unclearEmpty'
  | 'skipNeedsReason'
  | 'notAnOption'
  | 'needsValue'
  | 'noTimeoutSteps'
  | 'timeoutNotYet'
  | 'notATime'
  | 'afterNow'
  | 'wrongAnswer'
  | 'nothingBack'
  | 'notBeenAt';

export interface Refusal {
  code: RefusalCode;
  args: Record<string, string>;
}

export type Result = { ok: true; state: RunState } | { ok: false; error: string; refusal?: Refusal };

function refuse(code: RefusalCode, args: Record<string, string>, error: string): Result {
  return { ok: false, error, refusal: { code, args } };
}

const finishedStatuses = new Set<RunState['status']>(['done', 'cancelled', 'failed']);

export function isFinished(state: RunState): boolean {
  return finishedStatuses.has(state.status);
}

function nodeById(graph: Graph, id: string | null | undefined): Node | undefined {
  return id != null && Object.hasOwn(graph.nodes, id) ? graph.nodes[id] : undefined;
}

/** A new run of a task, already moved to its first prompt. An unknown task gives a `failed` run. */
export function startRun(graph: Graph, taskId: string, now: string): RunState {
  const state: RunState = {
    version: STATE_VERSION,
    task: taskId,
    node: null,
    stack: [],
    history: [],
    path: [],
    status: 'active',
    outcome: null,
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
    endNode: null,
    notes: [],
  };
  const task = graph.tasks.find((t) => t.id === taskId);
  if (!task) {
    finish(state, 'failed', `No task or situation with the id "${taskId}"`, null, now);
    return state;
  }
  advance(graph, state, task.entry, now);
  return state;
}

/** What the run asks now. Never moves the state; a state left on a jump is resolved here too. */
export function currentPrompt(graph: Graph, state: RunState): Prompt {
  if (finishedStatuses.has(state.status) || state.node === null) {
    const end = nodeById(graph, state.endNode);
    const status = finishedStatuses.has(state.status) ? (state.status as EndStatus) : 'done';
    return { kind: 'finished', status, outcome: state.outcome, node: end?.kind === 'end' ? end : null };
  }
  const node = nodeById(graph, state.node);
  if (!node) return { kind: 'finished', status: 'failed', outcome: `The instruction no longer has the node "${state.node}"`, node: null };
  switch (node.kind) {
    case 'step':
      return { kind: 'step', node };
    case 'decision':
      return { kind: 'decision', node };
    case 'checkpoint':
      return { kind: 'checkpoint', node };
    case 'escalation':
      return { kind: 'escalation', node };
    case 'wait':
      return { kind: 'wait', node };
    case 'jump':
    case 'end': {
      // Only reachable for a hand-made state: resolve on a copy.
      const copy = structuredClone(state);
      advance(graph, copy, node.id, state.updatedAt);
      return currentPrompt(graph, copy);
    }
  }
}

/** Applies one answer to the current prompt; a wrong answer is an error, and the state is unchanged. */
export function applyAnswer(graph: Graph, state: RunState, answer: Answer, now: string): Result {
  if (answer.type === 'back') return back(graph, state, answer.to, now);
  if (finishedStatuses.has(state.status)) return refuse('finished', { status: state.status }, `The run is ${state.status}; only "back" is possible`);
  const prompt = currentPrompt(graph, state);
  if (prompt.kind === 'finished') return refuse('finished', { status: prompt.status }, prompt.outcome ?? 'The run is finished');
  const next = structuredClone(state);
  const node = prompt.node;
  const entry: PathEntry = { node: node.id, task: node.task, kind: node.kind, at: now };
  const record = (): void => {
    next.history.push({ node: node.id, stack: structuredClone(state.stack), pathLength: state.path.length });
    next.path.push(entry);
    next.updatedAt = now;
  };
  // a question is noted at a step or a decision; the prompt stays open
  if (answer.type === 'unclear' && (prompt.kind === 'step' || prompt.kind === 'decision')) {
    const note = answer.note.trim();
    if (!note) return refuse('unclearEmpty', {}, 'An "unclear" note must say what is unclear');
    next.notes.push({ node: node.id, note, at: now });
    next.updatedAt = now;
    return { ok: true, state: next };
  }
  switch (prompt.kind) {
    case 'step': {
      if (answer.type === 'done') entry.answer = 'done';
      else if (answer.type === 'skip') {
        const reason = answer.reason.trim();
        if (!reason) return refuse('skipNeedsReason', {}, 'Skipping a step needs a reason');
        entry.answer = 'skip';
        entry.reason = reason;
      } else return mismatch(prompt.kind, answer, ['done', 'skip', 'unclear', 'back']);
      record();
      advance(graph, next, prompt.node.next, now);
      return { ok: true, state: next };
    }
    case 'decision': {
      if (answer.type !== 'choose') return mismatch(prompt.kind, answer, ['choose', 'unclear', 'back']);
      const option = findOption(prompt.node, answer.option);
      if (!option) {
        // by the letter `show` prints and an answers file takes: a generated option id means nothing to a reader
        const known = prompt.node.options.map((o, i) => `${String.fromCharCode(97 + i)}) ${o.label}`).join('; ');
        return refuse(
          'notAnOption',
          { answer: answer.option, question: prompt.node.question, options: known },
          `"${answer.option}" is not an option of "${prompt.node.question}"; options: ${known}`,
        );
      }
      entry.option = option.id;
      entry.answer = option.label;
      record();
      advance(graph, next, option.next, now);
      return { ok: true, state: next };
    }
    case 'checkpoint': {
      if (answer.type !== 'confirm') return mismatch(prompt.kind, answer, ['confirm', 'back']);
      const value = answer.value?.trim();
      if (answer.confirmed && prompt.node.value && !value)
        return refuse(
          'needsValue',
          { text: prompt.node.text, value: prompt.node.value },
          `The checkpoint "${prompt.node.text}" needs a value: ${prompt.node.value}`,
        );
      entry.confirmed = answer.confirmed;
      entry.answer = answer.confirmed ? value || 'yes' : 'no';
      if (value) entry.value = value;
      record();
      advance(graph, next, prompt.node.next, now);
      return { ok: true, state: next };
    }
    case 'escalation': {
      if (answer.type !== 'ack') return mismatch(prompt.kind, answer, ['ack', 'back']);
      entry.answer = 'ack';
      record();
      advance(graph, next, prompt.node.next, now);
      return { ok: true, state: next };
    }
    case 'wait': {
      if (answer.type === 'timeout') {
        if (!prompt.node.onTimeout)
          return refuse('noTimeoutSteps', { event: prompt.node.event }, `The wait "${prompt.node.event}" has no steps for when its time runs out`);
        if (answer.notBefore && Date.parse(now) < Date.parse(answer.notBefore.at))
          return refuse(
            'timeoutNotYet',
            { event: prompt.node.event, at: answer.notBefore.local },
            `The time of the wait "${prompt.node.event}" runs out only at ${answer.notBefore.local}`,
          );
        entry.answer = 'timeout';
        record();
        advance(graph, next, prompt.node.onTimeout.next, now);
        return { ok: true, state: next };
      }
      if (answer.type !== 'arrived') return mismatch(prompt.kind, answer, prompt.node.onTimeout ? ['arrived', 'timeout', 'back'] : ['arrived', 'back']);
      if (answer.at !== undefined) {
        const happened = Date.parse(answer.at);
        if (!Number.isFinite(happened)) return refuse('notATime', { at: answer.at }, `"${answer.at}" is not a time`);
        if (happened > Date.parse(now))
          return refuse(
            'afterNow',
            { event: prompt.node.event, at: answer.at, now },
            `"${prompt.node.event}" cannot have happened at ${answer.at}, after now (${now})`,
          );
        entry.happened = new Date(happened).toISOString();
      }
      entry.answer = 'arrived';
      record();
      advance(graph, next, prompt.node.next, now);
      return { ok: true, state: next };
    }
  }
}

/**
 * Ends a run where the instruction has no answer: the situation was captured as not covered, and
 * the person chose to stop there. The path records where it happened.
 */
export function endNotCovered(graph: Graph, state: RunState, outcome: string, now: string): RunState {
  const next = structuredClone(state);
  if (finishedStatuses.has(next.status)) return next;
  const node = nodeById(graph, next.node);
  if (node) next.path.push({ node: node.id, task: node.task, kind: 'not-covered', outcome, at: now });
  finish(next, 'cancelled', outcome, null, now);
  next.notCovered = true;
  return next;
}

/** Ends a run on the user's request (abandoned). */
export function cancelRun(state: RunState, reason: string, now: string): RunState {
  const next = structuredClone(state);
  finish(next, 'cancelled', reason, null, now);
  return next;
}

/** The nodes a run has visited (prompts answered and jumps followed), for checking a changed instruction. */
export function visitedNodes(state: RunState): string[] {
  const ids = new Set<string>();
  for (const p of state.path) ids.add(p.node);
  for (const h of state.history) ids.add(h.node);
  if (state.node) ids.add(state.node);
  if (state.endNode) ids.add(state.endNode);
  return [...ids];
}

/**
 * A decision's option by id, or by its label (exact, then ignoring case), or by the letter
 * `instr show` prints before it (a, b, c…; «8.b» names the same option) when no label is that.
 */
function findOption(node: DecisionNode, wanted: string): Option | undefined {
  const w = wanted.trim();
  const byLabel =
    node.options.find((o) => o.id === w) ??
    node.options.find((o) => o.label === w) ??
    node.options.find((o) => o.label.toLowerCase() === w.toLowerCase()) ??
    // «Нет, всё в порядке (если …)» answered without its closing remark in brackets
    node.options.find((o) => withoutRemark(o.label) !== o.label && withoutRemark(o.label).toLowerCase() === w.toLowerCase());
  if (byLabel) return byLabel;
  const letter = /^(?:[\d.]*\.)?([a-z])\)?$/i.exec(w)?.[1]?.toLowerCase();
  return letter === undefined ? undefined : node.options[letter.charCodeAt(0) - 97];
}

/** A label without the remark in brackets it ends with, if any. */
function withoutRemark(label: string): string {
  return label.replace(/\s*\([^()]*\)\s*$/, '').trim();
}

function mismatch(kind: string, answer: Answer, expected: string[]): Result {
  return refuse(
    'wrongAnswer',
    { kind, expected: expected.join(','), answer: answer.type },
    `A ${kind} takes ${expected.map((e) => `"${e}"`).join(', ')}, not "${answer.type}"`,
  );
}

function back(graph: Graph, state: RunState, to: string | undefined, now: string): Result {
  if (state.history.length === 0) return refuse('nothingBack', {}, 'Nothing to go back to: this is the first step');
  let index = state.history.length - 1;
  if (to !== undefined) {
    index = state.history.map((h) => h.node).lastIndexOf(to);
    if (index < 0) return refuse('notBeenAt', { to }, `The run has not been at "${to}"; cannot go back to it`);
  }
  const entry = state.history[index]!;
  const next = structuredClone(state);
  next.history = next.history.slice(0, index);
  next.path = next.path.slice(0, entry.pathLength);
  next.stack = structuredClone(entry.stack);
  next.node = entry.node;
  next.status = nodeById(graph, entry.node)?.kind === 'wait' ? 'waiting' : 'active';
  next.outcome = null;
  next.endNode = null;
  next.finishedAt = null;
  next.updatedAt = now;
  return { ok: true, state: next };
}

function finish(state: RunState, status: EndStatus, outcome: string | null, endNode: string | null, now: string): void {
  state.node = null;
  state.status = status;
  state.outcome = outcome;
  state.endNode = endNode;
  state.finishedAt = now;
  state.updatedAt = now;
}

/** Moves `state` (a copy owned by the caller) to the next prompt from `target`, following jumps, returns and ends. */
function advance(graph: Graph, state: RunState, target: string | null | undefined, now: string): void {
  let id: string | null = target ?? null;
  for (let moves = 0; ; moves++) {
    if (moves > MAX_AUTO_JUMPS) {
      finish(state, 'failed', `The instruction loops: more than ${MAX_AUTO_JUMPS} jumps without a step in between`, null, now);
      return;
    }
    if (id === null) {
      const frame = state.stack.pop();
      if (!frame) {
        finish(state, 'done', null, null, now);
        return;
      }
      id = frame.returnTo;
      continue;
    }
    const node = nodeById(graph, id);
    if (!node) {
      finish(state, 'failed', `The instruction has no node "${id}"`, null, now);
      return;
    }
    switch (node.kind) {
      case 'jump': {
        state.path.push({ node: node.id, task: node.task, kind: 'jump', target: node.target, return: node.return, at: now });
        if (node.targetNode === undefined) {
          finish(state, 'failed', `The jump to "#${node.target}" leads nowhere`, null, now);
          return;
        }
        const called = node.targetTask ?? nodeById(graph, node.targetNode)?.task ?? node.target;
        if (node.return) {
          if (state.stack.length >= MAX_CALL_DEPTH) {
            finish(state, 'failed', `The instruction loops: more than ${MAX_CALL_DEPTH} nested "do and come back" jumps`, null, now);
            return;
          }
          state.stack.push({ task: called, returnTo: node.next });
        } else if (state.stack.length > 0) {
          state.stack[state.stack.length - 1]!.task = called;
        }
        id = node.targetNode;
        continue;
      }
      case 'end': {
        state.path.push({ node: node.id, task: node.task, kind: 'end', status: node.status, outcome: node.outcome, at: now });
        if (node.status === 'done' && state.stack.length > 0) {
          id = state.stack.pop()!.returnTo;
          continue;
        }
        finish(state, node.status, node.outcome, node.id, now);
        return;
      }
      default:
        state.node = node.id;
        state.status = node.kind === 'wait' ? 'waiting' : 'active';
        state.updatedAt = now;
        return;
    }
  }
}

/*
 * The promises of a run, read from its path: a `::promise` step answered "done" makes one (the
 * promise was given, at that moment); passing a node its `kept` attribute names keeps it; a run
 * that ends `done` keeps the open ones without a `kept` (the task was done), while one whose `kept`
 * steps the run never passed stays open after the end (kept later by hand: `instr promise kept`);
 * a run that ends otherwise drops them. Pure: the due time comes from a function the caller passes in (the calendar).
 */
export interface RunPromise {
  /** The `::promise` step. */
  node: string;
  text: string;
  /** When it was made, ISO. */
  madeAt: string;
  /** When it is due, ms since epoch; null when the instruction's due cannot be computed. */
  due: number | null;
  /** When and how it was kept: by a step, the run's end, the menu or answers file (`answer`), or `instr promise kept` (`hand`). */
  kept?: { at: string; by: 'step' | 'end' | 'answer' | 'hand'; node?: string };
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
      // a wait whose time ran out was chased, not passed: the event that keeps the promise is still owed
      const passed = entry.answer !== 'skip' && entry.answer !== 'timeout' && entry.confirmed !== false;
      if (!p.kept && step?.promise?.kept?.includes(entry.node) && passed) p.kept = { at: entry.at ?? state.updatedAt, by: 'step', node: entry.node };
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
      if (state.status !== 'done') p.dropped = true;
      else if (!promiseOf(graph, p.node)?.promise?.kept?.length) p.kept = { at: state.finishedAt, by: 'end' };
    }
  }
  return made;
}
