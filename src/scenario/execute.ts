import { WorkTimes } from '../calendar/work-times.js';
import type { Graph, Node } from '../graph/types.js';
import { promiseState } from '../journal/promise-state.js';
import { applyAnswer, currentPrompt, endNotCovered, runPromises, startRun, type Answer, type Prompt, type RunState } from '../run/engine.js';
import { readMoment as momentIn } from '../schedule/moment.js';
import { optionKey } from './coverage.js';
import type { FailureCode, FailureParams } from './failure-text.js';
import { nodeText, optionNamed } from './match.js';
import type { AnswerValue, BoundScenario, ScenarioRun } from './types.js';

/** Prompts a scenario may answer before it is stopped (a loop is usually caught long before). */
const MAX_PROMPTS = 2_000;
/** Scenarios run on a fixed clock, so runs are reproducible: this moment, unless `instr test --now` or the scenario's `now` says. */
const defaultScenarioStart = Date.parse('2026-01-01T09:00:00.000Z');

type Why = { code: FailureCode; params: FailureParams };

/**
 * Runs a scenario through the engine: each prompt gets the scenario's answer for it, or the
 * default (steps done, escalations acknowledged, waits arrived, plain checkpoints confirmed).
 * A decision, or a checkpoint that asks for a value, with no answer stops the run as 'stuck' with
 * the prompt and its options: a scenario never hangs. A checkpoint answered false is not confirmed:
 * the run pauses at it (status 'paused'), as `instr run` does, never goes on past it.
 */
export function executeScenario(
  graph: Graph,
  scenario: BoundScenario,
  maxPrompts = MAX_PROMPTS,
  start = defaultScenarioStart,
  times: WorkTimes = new WorkTimes(graph),
): ScenarioRun {
  const file = graph.tasks.find((t) => t.id === scenario.task)?.file ?? '';
  const zone = times.forFile(file).zone;
  let clock = scenario.now !== undefined ? (readMoment(scenario.now, start, zone) ?? start) : start;
  const finish = (run: Omit<ScenarioRun, 'promises' | 'endedAt'>): ScenarioRun => ({
    ...run,
    endedAt: clock,
    promises: runPromises(graph, state, (step, made) => (step.promise ? times.promiseDue(step.position.file, made, step.promise) : null)).map((p) => ({
      node: p.node,
      due: p.due,
      state: promiseState({ due: p.due, ...(p.kept && { keptAt: Date.parse(p.kept.at) }), ...(p.dropped && { dropped: true }) }, clock),
    })),
  });
  let state = startRun(graph, scenario.task, new Date(clock).toISOString());
  const used = new Map<string, number>();
  const chosen = new Set<string>();
  let lastUnclear: string | null = null;
  // Once no answer list has anything new to give, the run is a function of where it is: being
  // at the same node with the same call stack twice means it goes round forever.
  const seen = new Set<string>();
  for (let count = 0; count < maxPrompts; count++) {
    const prompt = currentPrompt(graph, state);
    if (prompt.kind === 'finished') return finish({ status: prompt.status, outcome: prompt.outcome, visited: visited(graph, state), chosen, used });
    const node = prompt.node;
    if (scenario.answers.every((a) => (used.get(a.key) ?? 0) >= a.values.length - 1)) {
      const place = `${node.id}\u0000${lastUnclear ?? ''}\u0000${JSON.stringify(state.stack)}`;
      if (seen.has(place)) return finish(stuck(graph, state, node, { code: 'loops', params: { text: nodeText(node) ?? node.id } }, chosen, used));
      seen.add(place);
    }
    const bound = scenario.answers.find((a) => a.nodes.has(node.id));
    let value: AnswerValue | undefined;
    if (bound) {
      const n = used.get(bound.key) ?? 0;
      value = bound.values[Math.min(n, bound.values.length - 1)];
      used.set(bound.key, n + 1);
    }
    // A timed answer moves the scenario's clock first: {answer, advance: PT2H} or {answer, at: "17:30"}.
    if (value !== undefined && isTimed(value)) {
      const moved = value.at !== undefined ? readMoment(value.at, clock, zone) : times.due(file, clock, value.advance ?? 'PT0M');
      if (moved === null || moved < clock)
        return finish(
          stuck(
            graph,
            state,
            node,
            { code: 'bad-time', params: { text: nodeText(node) ?? node.id, value: value.at ?? value.advance ?? '', now: new Date(clock).toISOString() } },
            chosen,
            used,
          ),
        );
      clock = moved;
      value = value.answer;
    }
    // After an "unclear" note the same step comes back: the friend asked, then did it.
    if (value !== undefined && isUnclear(value) && lastUnclear === node.id) value = 'done';
    // «Этого нет в инструкции»: the run ends there, cancelled, with what happened as its outcome.
    if (value !== undefined && typeof value === 'object' && 'not-covered' in value) {
      const gap = value['not-covered'];
      state = endNotCovered(graph, state, typeof gap === 'string' ? gap : gap.what, new Date(clock).toISOString());
      return finish({ status: 'cancelled', outcome: state.outcome, visited: visited(graph, state), chosen, used });
    }
    const answer = toAnswer(prompt, value);
    if (answer === 'suspend') return finish({ status: 'waiting', outcome: null, visited: [...visited(graph, state), node], chosen, used });
    if (answer === 'pause') return finish({ status: 'paused', outcome: null, visited: [...visited(graph, state), node], chosen, used });
    if ('code' in answer) return finish(stuck(graph, state, node, answer, chosen, used));
    lastUnclear = answer.type === 'unclear' ? node.id : null;
    if (answer.type === 'choose') chosen.add(optionKey(node.id, answer.option));
    const result = applyAnswer(graph, state, answer, new Date(clock).toISOString());
    if (!result.ok)
      return finish(stuck(graph, state, node, { code: 'engine-refused', params: { text: nodeText(node) ?? node.id, error: result.error } }, chosen, used));
    state = result.state;
  }
  const at = state.node !== null && Object.hasOwn(graph.nodes, state.node) ? graph.nodes[state.node]! : undefined;
  const why: Why = { code: 'too-many-prompts', params: { count: maxPrompts, text: at ? (nodeText(at) ?? at.id) : '' } };
  return finish({ status: 'stuck', outcome: null, visited: visited(graph, state), chosen, used, stuck: why, ...(at ? { stuckAt: at } : {}) });
}

type Timed = Extract<AnswerValue, { advance?: string; at?: string; answer?: unknown }>;

function isTimed(value: AnswerValue): value is Timed {
  return typeof value === 'object' && value !== null && ('advance' in value || 'at' in value || 'answer' in value);
}

/** A moment as a scenario writes it, in the instruction's zone; HH:MM is that day of the clock. */
function readMoment(text: string, clock: number, zone: string): number | null {
  return momentIn(text, clock, zone);
}

/**
 * The engine's answer to a prompt, 'suspend' for a wait answered false, 'pause' for a checkpoint
 * answered false (it must be true before the run goes on), or why there is none.
 */
function toAnswer(prompt: Exclude<Prompt, { kind: 'finished' }>, value: AnswerValue | undefined): Answer | 'suspend' | 'pause' | Why {
  switch (prompt.kind) {
    case 'step':
      if (value === undefined || value === 'done') return { type: 'done' };
      if (typeof value === 'object' && 'skip' in value) return { type: 'skip', reason: value.skip };
      if (typeof value === 'object' && 'unclear' in value) return { type: 'unclear', note: value.unclear };
      return { code: 'bad-step-answer', params: { text: prompt.node.text, value: JSON.stringify(value) } };
    case 'escalation':
      return { type: 'ack' };
    case 'wait':
      if (value === 'timeout')
        return prompt.node.onTimeout
          ? { type: 'timeout' }
          : { code: 'engine-refused', params: { text: prompt.node.event, error: `the wait "${prompt.node.event}" has no steps for when its time runs out` } };
      return value === false ? 'suspend' : { type: 'arrived' };
    case 'checkpoint': {
      const asks = prompt.node.value;
      if (value === undefined) return asks ? { code: 'no-answer-checkpoint', params: { text: prompt.node.text, asks } } : { type: 'confirm', confirmed: true };
      if (value === false) return 'pause';
      if (value === true) return { type: 'confirm', confirmed: true };
      if (typeof value === 'object') return { code: 'bad-checkpoint-answer', params: { text: prompt.node.text } };
      return { type: 'confirm', confirmed: true, value: String(value) };
    }
    case 'decision': {
      const options = prompt.node.options.map((o) => o.label).join(' | ');
      if (value === undefined) return { code: 'no-answer-decision', params: { question: prompt.node.question, options } };
      const option = typeof value === 'object' || typeof value === 'boolean' ? undefined : optionNamed(prompt.node.options, String(value));
      if (!option)
        return {
          code: 'not-an-option',
          params: { value: String(typeof value === 'object' ? JSON.stringify(value) : value), question: prompt.node.question, options },
        };
      return { type: 'choose', option: option.id };
    }
  }
}

function isUnclear(value: AnswerValue): boolean {
  return typeof value === 'object' && 'unclear' in value;
}

/** The nodes of the run's path (prompts answered and ends reached), jumps left out. */
function visited(graph: Graph, state: RunState): Node[] {
  return state.path.filter((p) => p.kind !== 'jump' && Object.hasOwn(graph.nodes, p.node)).map((p) => graph.nodes[p.node]!);
}

function stuck(graph: Graph, state: RunState, node: Node, why: Why, chosen: Set<string>, used: Map<string, number>): Omit<ScenarioRun, 'promises' | 'endedAt'> {
  return { status: 'stuck', outcome: null, visited: visited(graph, state), chosen, used, stuck: why, stuckAt: node };
}
