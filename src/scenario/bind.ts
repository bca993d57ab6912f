import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Graph, Node } from '../graph/types.js';
import { problem, type LoadedScenarioFile } from './load.js';
import { scenarioMessages, type ScenarioMessages } from '../i18n/scenario-messages.js';
import { nodesNamed, optionNamed } from './match.js';
import { documentZone } from '../schedule/task-zone.js';
import type { AnswerValue, BoundAnswer, BoundScenario, PathEntry, ScenarioSpec } from './types.js';

const answerable = ['decision', 'checkpoint', 'step', 'wait'] as const;

/**
 * Checks a loaded scenario file against the compiled instructions: every task, answer and path
 * entry must name something that exists, and every answer must fit what it answers. Problems are
 * diagnostics at the line of the scenario file; scenarios with problems are left out.
 */
export function bindScenarios(loaded: LoadedScenarioFile, graph: Graph, lang?: string): { scenarios: BoundScenario[]; diagnostics: Diagnostic[] } {
  const t = scenarioMessages(lang);
  const scenarios: BoundScenario[] = [];
  const diagnostics: Diagnostic[] = [];
  loaded.spec.scenarios.forEach((spec, index) => {
    const before = diagnostics.length;
    const bound = bindOne(loaded, graph, spec, index, diagnostics, t);
    if (bound && diagnostics.length === before) scenarios.push(bound);
  });
  return { scenarios, diagnostics };
}

function bindOne(
  loaded: LoadedScenarioFile,
  graph: Graph,
  spec: ScenarioSpec,
  index: number,
  out: Diagnostic[],
  t: ScenarioMessages,
): BoundScenario | undefined {
  const at = (path: Array<string | number>, key = false) => loaded.locate(['scenarios', index, ...path], key);
  const report = (path: Array<string | number>, message: string, key = false) => {
    const w = at(path, key);
    out.push(problem(w.file, w.line, w.column, 'scenario-binding', message, 'scenario'));
  };
  const taskId = spec.task ?? loaded.spec.task;
  if (taskId === undefined) {
    report(['name'], t.noTask(spec.name));
    return undefined;
  }
  if (!graph.tasks.some((t) => t.id === taskId)) {
    const w = spec.task !== undefined ? at(['task']) : loaded.locate(['task']);
    out.push(problem(w.file, w.line, w.column, 'scenario-binding', t.unknownTask(taskId, graph.tasks.map((task) => task.id).join(', ')), 'scenario'));
    return undefined;
  }

  const answers: BoundAnswer[] = [];
  for (const [key, raw] of Object.entries(spec.answers ?? {})) {
    const values: AnswerValue[] = Array.isArray(raw) ? raw : [raw];
    const nodes = nodesNamed(graph, key, answerable);
    if (nodes.length === 0) {
      const other = nodesNamed(graph, key);
      const why = other.length > 0 ? t.notAnswerable(key, other[0]!.kind) : t.noPrompt(key);
      report(['answers', key], why, true);
      continue;
    }
    const kinds = new Set(nodes.map((n) => n.kind));
    if (kinds.size > 1) {
      report(['answers', key], t.mixedKinds(key, nodes.map((n) => `${n.kind} ${n.id}`).join(', ')), true);
      continue;
    }
    const problemText = values.map((v) => misfit(nodes, untimed(v), t)).find((m) => m !== undefined);
    if (problemText) {
      report(['answers', key], problemText);
      continue;
    }
    const twice = answers.find((a) => nodes.some((n) => a.nodes.has(n.id)));
    if (twice) {
      report(['answers', key], t.answeredTwice(key, twice.key), true);
      continue;
    }
    answers.push({ key, values, nodes: new Set(nodes.map((n) => n.id)), where: at(['answers', key], true) });
  }

  const entries = (name: 'path' | 'path-includes' | 'path-excludes'): PathEntry[] | undefined => {
    const list = spec.expect[name];
    if (!list) return undefined;
    return list.flatMap((text, i) => {
      const nodes = nodesNamed(graph, text).filter((n) => n.kind !== 'jump');
      if (nodes.length === 0) {
        report(['expect', name, i], t.noPathNode(name, text));
        return [];
      }
      return [{ text, nodes: new Set(nodes.map((n) => n.id)), where: at(['expect', name, i]) }];
    });
  };

  const expect: BoundScenario['expect'] = {};
  if (spec.expect.promises) {
    expect.promises = spec.expect.promises.flatMap((p, i) => {
      const nodes = nodesNamed(graph, p.promise).filter((n) => n.kind === 'step' && n.promise);
      if (nodes.length === 0) {
        report(['expect', 'promises', i, 'promise'], t.noPromise(p.promise));
        return [];
      }
      return [
        {
          text: p.promise,
          nodes: new Set(nodes.map((n) => n.id)),
          ...(p.state !== undefined && { state: p.state }),
          ...(p.due !== undefined && { due: p.due }),
          where: at(['expect', 'promises', i]),
        },
      ];
    });
  }
  if (spec.expect.status !== undefined) expect.status = spec.expect.status;
  if (spec.expect.outcome !== undefined) expect.outcome = spec.expect.outcome;
  const path = entries('path');
  const includes = entries('path-includes');
  const excludes = entries('path-excludes');
  if (path) expect.path = path;
  if (includes) expect.includes = includes;
  if (excludes) expect.excludes = excludes;
  const task = graph.tasks.find((t) => t.id === taskId);
  const zone = documentZone(graph.documents.find((d) => d.file === task?.file));
  return { name: spec.name, file: loaded.file, where: at([]), task: taskId, zone, ...(spec.now !== undefined && { now: spec.now }), answers, expect };
}

/** The answer inside a timed one ({answer, advance} / {answer, at}); undefined: the default. */
function untimed(value: AnswerValue): AnswerValue | undefined {
  return typeof value === 'object' && value !== null && ('answer' in value || 'advance' in value || 'at' in value)
    ? (value as { answer?: AnswerValue }).answer
    : value;
}

/** Why a value cannot answer these nodes (all of one kind), or undefined when it can. */
function misfit(nodes: Node[], value: AnswerValue | undefined, t: ScenarioMessages): string | undefined {
  const node = nodes[0]!;
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null && 'not-covered' in value) return undefined; // any prompt can be one the instruction does not cover
  switch (node.kind) {
    case 'decision': {
      if (typeof value !== 'string' && typeof value !== 'number') return t.decisionAnswer(JSON.stringify(value));
      for (const n of nodes) {
        if (n.kind !== 'decision') continue;
        if (!optionNamed(n.options, String(value))) return t.notAnOption(String(value), n.question, n.options.map((o) => o.label).join(' | '));
      }
      return undefined;
    }
    case 'checkpoint':
      if (typeof value === 'object') return t.checkpointAnswer;
      if (value === true && node.value) return t.checkpointValue(node.text, node.value);
      return undefined;
    case 'wait':
      return typeof value === 'boolean' || value === 'timeout' ? undefined : t.waitAnswer;
    case 'step':
      return value === 'done' || typeof value === 'object' ? undefined : t.stepAnswer;
    default:
      return undefined;
  }
}
