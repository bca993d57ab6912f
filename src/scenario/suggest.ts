import { stringify } from 'yaml';
import type { DecisionNode, Graph, Node } from '../graph/types.js';
import { outgoing } from '../graph/query.js';
import { applyAnswer, currentPrompt, startRun, type Answer, type RunState } from '../run/engine.js';
import type { OptionCoverage } from './coverage.js';
import { nodeText, nodesNamed } from './match.js';
import type { ScenarioSpec } from './types.js';

const now = '2026-01-01T09:00:00.000Z';
const maxPrompts = 500;

/**
 * A scenario that reaches each given option, for an author to check and paste into a scenario
 * file: the option's own task is run, and every decision on the way takes an option that can
 * still lead to the wanted one. The expectation is what the run did — the author confirms it.
 * Options no run of their task reaches are left out.
 */
export function suggestScenarios(graph: Graph, missing: readonly OptionCoverage[]): ScenarioSpec[] {
  const suggestions: ScenarioSpec[] = [];
  const done = new Set<string>();
  for (const want of missing) {
    if (done.has(`${want.decision.id}\u0000${want.option.id}`)) continue;
    const run = walkTo(graph, want);
    if (!run) continue;
    for (const key of run.chosen) done.add(key);
    suggestions.push({ name: `${want.decision.question} — ${want.option.label}`, task: want.task.id, answers: run.answers, expect: run.expect });
  }
  return suggestions;
}

export function suggestionsYaml(suggestions: ScenarioSpec[]): string {
  return stringify({ scenarios: suggestions }, { lineWidth: 0 });
}

function walkTo(
  graph: Graph,
  want: OptionCoverage,
): { answers: NonNullable<ScenarioSpec['answers']>; expect: ScenarioSpec['expect']; chosen: string[] } | undefined {
  const leadsThere = ancestors(graph, want.decision.id);
  const answers: NonNullable<ScenarioSpec['answers']> = {};
  const chosen: string[] = [];
  let reached = false;
  let state: RunState = startRun(graph, want.task.id, now);
  for (let i = 0; i < maxPrompts; i++) {
    const prompt = currentPrompt(graph, state);
    if (prompt.kind === 'finished') {
      if (!reached) return undefined;
      const expect: ScenarioSpec['expect'] = { status: prompt.status };
      if (prompt.outcome) expect.outcome = prompt.outcome;
      return { answers, expect, chosen };
    }
    let answer: Answer;
    const node = prompt.node;
    if (prompt.kind === 'decision') {
      const d = prompt.node;
      // The wanted option once; then, should the flow come back (a loop), another one.
      const wanted = d.id === want.decision.id;
      const option =
        wanted && !reached
          ? want.option
          : wanted
            ? d.options.find((o) => o.id !== want.option.id)!
            : (d.options.find((o) => !reached && o.next !== null && leadsThere.has(o.next)) ?? d.options[0]!);
      if (wanted) reached = true;
      const key = keyOf(graph, d);
      const previous = answers[key];
      answers[key] = previous === undefined ? option.label : Array.isArray(previous) ? [...previous, option.label] : [previous, option.label];
      chosen.push(`${d.id}\u0000${option.id}`);
      answer = { type: 'choose', option: option.id };
    } else if (prompt.kind === 'checkpoint' && prompt.node.value) {
      answers[keyOf(graph, node)] = `<${prompt.node.value}>`;
      answer = { type: 'confirm', confirmed: true, value: `<${prompt.node.value}>` };
    } else
      answer =
        prompt.kind === 'step'
          ? { type: 'done' }
          : prompt.kind === 'checkpoint'
            ? { type: 'confirm', confirmed: true }
            : prompt.kind === 'wait'
              ? { type: 'arrived' }
              : { type: 'ack' };
    const result = applyAnswer(graph, state, answer, now);
    if (!result.ok) return undefined;
    state = result.state;
  }
  return undefined;
}

/** The nodes from which `target` can be reached by following the graph's edges (jumps too). */
function ancestors(graph: Graph, target: string): Set<string> {
  const into = new Map<string, string[]>();
  for (const node of Object.values(graph.nodes)) {
    for (const edge of outgoing(node)) if (edge.to !== null) into.set(edge.to, [...(into.get(edge.to) ?? []), node.id]);
  }
  const found = new Set<string>([target]);
  const stack = [target];
  while (stack.length > 0) {
    for (const from of into.get(stack.pop()!) ?? []) {
      if (!found.has(from)) {
        found.add(from);
        stack.push(from);
      }
    }
  }
  return found;
}

/** How a scenario names a prompt: its text when that names nothing else, else its id. */
function keyOf(graph: Graph, node: DecisionNode | Node): string {
  if (node.explicitId) return node.id;
  const text = nodeText(node);
  return text !== undefined && nodesNamed(graph, text).length === 1 ? text : node.id;
}
