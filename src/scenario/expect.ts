import type { Node } from '../graph/types.js';
import { localDateTime } from '../schedule/zone.js';
import { nodeText, textMatcher } from './match.js';
import type { BoundScenario, Failure, PathEntry, ScenarioRun } from './types.js';

/** Shows a node in a message: its text in quotes, or its id for nodes without text. */
function label(node: Node): string {
  const text = nodeText(node);
  return text ? `«${text}»` : node.id;
}

/**
 * Compares what a run did with what the scenario expects: status, outcome, and the first
 * divergence of each path expectation. `at` turns a node into file:line for the message.
 */
export function compare(scenario: BoundScenario, run: ScenarioRun, at: (node: Node) => string): Failure[] {
  const { expect } = scenario;
  if (run.status === 'stuck') {
    const node = run.stuckAt;
    return [{ code: run.stuck?.code ?? 'loops', params: run.stuck?.params ?? {}, ...(node ? { at: at(node) } : {}) }];
  }
  const failures: Failure[] = [];
  const last = run.visited.at(-1);
  const lastAt = last ? { at: at(last) } : {};
  if (expect.status !== undefined && expect.status !== run.status) {
    failures.push({ code: 'status', params: { expected: expect.status, actual: run.status, outcome: run.outcome ?? '' }, ...lastAt });
  }
  if (expect.outcome !== undefined && !(run.outcome !== null && textMatcher(expect.outcome)(run.outcome))) {
    failures.push({ code: 'outcome', params: { expected: expect.outcome, actual: run.outcome ?? '' }, ...lastAt });
  }
  if (expect.path) failures.push(...comparePath(expect.path, run.visited, at));
  if (expect.includes) failures.push(...compareIncludes(expect.includes, run.visited, at));
  for (const answer of scenario.answers) {
    const times = run.used.get(answer.key) ?? 0;
    if (times === 0) failures.push({ code: 'unused-answer', params: { key: answer.key }, where: answer.where });
    else if (answer.values.length > times)
      failures.push({ code: 'unused-answers', params: { key: answer.key, given: answer.values.length, used: times }, where: answer.where });
  }
  for (const want of expect.promises ?? []) {
    const got = run.promises.find((p) => want.nodes.has(p.node));
    if (!got) {
      failures.push({ code: 'promise-missing', params: { expected: want.text }, where: want.where });
      continue;
    }
    if (want.state !== undefined && want.state !== got.state)
      failures.push({ code: 'promise-state', params: { expected: want.text, state: want.state, actual: got.state }, where: want.where });
    const due = got.due === null ? '—' : localDateTime(got.due, scenario.zone ?? 'UTC');
    if (want.due !== undefined && want.due !== due)
      failures.push({ code: 'promise-due', params: { expected: want.text, due: want.due, actual: due }, where: want.where });
  }
  for (const entry of expect.excludes ?? []) {
    const hit = run.visited.find((n) => entry.nodes.has(n.id));
    if (hit) failures.push({ code: 'excluded', params: { actual: label(hit) }, at: at(hit), where: entry.where });
  }
  return failures;
}

function comparePath(expected: PathEntry[], visited: Node[], at: (node: Node) => string): Failure[] {
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i]!;
    const got = visited[i];
    if (!got) {
      const last = visited.at(-1);
      return [
        {
          code: 'path-ended',
          params: { index: i + 1, expected: want.text, last: last ? label(last) : '' },
          ...(last ? { at: at(last) } : {}),
          where: want.where,
        },
      ];
    }
    if (!want.nodes.has(got.id))
      return [{ code: 'path-differs', params: { index: i + 1, expected: want.text, actual: label(got) }, at: at(got), where: want.where }];
  }
  const extra = visited[expected.length];
  if (extra) return [{ code: 'path-went-on', params: { index: expected.length + 1, actual: label(extra) }, at: at(extra) }];
  return [];
}

function compareIncludes(expected: PathEntry[], visited: Node[], at: (node: Node) => string): Failure[] {
  let from = 0;
  let previous: PathEntry | undefined;
  for (const want of expected) {
    const index = visited.findIndex((n, i) => i >= from && want.nodes.has(n.id));
    if (index < 0) {
      const earlier = visited.slice(0, from).find((n) => want.nodes.has(n.id));
      if (earlier && previous)
        return [{ code: 'includes-before', params: { expected: want.text, previous: previous.text }, at: at(earlier), where: want.where }];
      return [{ code: 'includes-never', params: { expected: want.text, previous: previous?.text ?? '' }, where: want.where }];
    }
    from = index + 1;
    previous = want;
  }
  return [];
}
