import type { Graph, Node } from '../graph/types.js';
import { applyAnswer, currentPrompt, endNotCovered, startRun, type Answer, type Prompt, type RunState } from '../run/engine.js';
import { optionKey } from './coverage.js';
import type { FailureCode, FailureParams } from './failure-text.js';
import { nodeText, optionNamed } from './match.js';
import type { AnswerValue, BoundScenario, ScenarioRun } from './types.js';

/** Prompts a scenario may answer before it is stopped (a loop is usually caught long before). */
const MAX_PROMPTS = 2_000;
/** Scenarios run on a fixed clock, so runs are reproducible. */
const now = '2026-01-01T09:00:00.000Z';

type Why = { code: FailureCode; params: FailureParams };

/**
 * Runs a scenario through the engine: each prompt gets the scenario's answer for it, or the
 * default (steps done, escalations acknowledged, waits arrived, plain checkpoints confirmed).
 * A decision, or a checkpoint that asks for a value, with no answer stops the run as 'stuck' with
 * the prompt and its options: a scenario never hangs.
 */
export function executeScenario(graph: Graph, scenario: BoundScenario, maxPrompts = MAX_PROMPTS): ScenarioRun {
  let state = startRun(graph, scenario.task, now);
  const used = new Map<string, number>();
  const chosen = new Set<string>();
  let lastUnclear: string | null = null;
  // Once no answer list has anything new to give, the run is a function of where it is: being
  // at the same node with the same call stack twice means it goes round forever.
  const seen = new Set<string>();
  for (let count = 0; count < maxPrompts; count++) {
    const prompt = currentPrompt(graph, state);
    if (prompt.kind === 'finished') return { status: prompt.status, outcome: prompt.outcome, visited: visited(graph, state), chosen, used };
    const node = prompt.node;
    if (scenario.answers.every((a) => (used.get(a.key) ?? 0) >= a.values.length - 1)) {
      const place = `${node.id}\u0000${lastUnclear ?? ''}\u0000${JSON.stringify(state.stack)}`;
      if (seen.has(place)) return stuck(graph, state, node, { code: 'loops', params: { text: nodeText(node) ?? node.id } }, chosen, used);
      seen.add(place);
    }
    const bound = scenario.answers.find((a) => a.nodes.has(node.id));
    let value: AnswerValue | undefined;
    if (bound) {
      const n = used.get(bound.key) ?? 0;
      value = bound.values[Math.min(n, bound.values.length - 1)];
      used.set(bound.key, n + 1);
    }
    // After an "unclear" note the same step comes back: the friend asked, then did it.
    if (value !== undefined && isUnclear(value) && lastUnclear === node.id) value = 'done';
    // «Этого нет в инструкции»: the run ends there, cancelled, with what happened as its outcome.
    if (value !== undefined && typeof value === 'object' && 'not-covered' in value) {
      const gap = value['not-covered'];
      state = endNotCovered(graph, state, typeof gap === 'string' ? gap : gap.what, now);
      return { status: 'cancelled', outcome: state.outcome, visited: visited(graph, state), chosen, used };
    }
    const answer = toAnswer(prompt, value);
    if (answer === 'suspend') return { status: 'waiting', outcome: null, visited: [...visited(graph, state), node], chosen, used };
    if ('code' in answer) return stuck(graph, state, node, answer, chosen, used);
    lastUnclear = answer.type === 'unclear' ? node.id : null;
    if (answer.type === 'choose') chosen.add(optionKey(node.id, answer.option));
    const result = applyAnswer(graph, state, answer, now);
    if (!result.ok)
      return stuck(graph, state, node, { code: 'engine-refused', params: { text: nodeText(node) ?? node.id, error: result.error } }, chosen, used);
    state = result.state;
  }
  const at = state.node !== null && Object.hasOwn(graph.nodes, state.node) ? graph.nodes[state.node]! : undefined;
  const why: Why = { code: 'too-many-prompts', params: { count: maxPrompts, text: at ? (nodeText(at) ?? at.id) : '' } };
  return { status: 'stuck', outcome: null, visited: visited(graph, state), chosen, used, stuck: why, ...(at ? { stuckAt: at } : {}) };
}

/** The engine's answer to a prompt, 'suspend' for a wait answered false, or why there is none. */
function toAnswer(prompt: Exclude<Prompt, { kind: 'finished' }>, value: AnswerValue | undefined): Answer | 'suspend' | Why {
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
      if (typeof value === 'boolean') return { type: 'confirm', confirmed: value };
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

function stuck(graph: Graph, state: RunState, node: Node, why: Why, chosen: Set<string>, used: Map<string, number>): ScenarioRun {
  return { status: 'stuck', outcome: null, visited: visited(graph, state), chosen, used, stuck: why, stuckAt: node };
}
