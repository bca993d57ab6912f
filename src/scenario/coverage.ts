import type { DecisionNode, Graph, Option, Task } from '../graph/types.js';

export interface OptionCoverage {
  task: Task;
  decision: DecisionNode;
  option: Option;
  /** How many scenarios chose this option. */
  scenarios: number;
}

export interface Coverage {
  options: OptionCoverage[];
  covered: number;
  total: number;
}

/** Key of a chosen option, as recorded by executeScenario. */
export function optionKey(decision: string, option: string): string {
  return `${decision}\u0000${option}`;
}

/**
 * Branch coverage: every option of every decision in the instructions, in file and source
 * order, with the number of scenarios that chose it.
 */
export function coverage(graph: Graph, chosenPerScenario: ReadonlyArray<ReadonlySet<string>>): Coverage {
  const tasks = new Map(graph.tasks.map((t) => [t.id, t]));
  const decisions = Object.values(graph.nodes)
    .filter((n): n is DecisionNode => n.kind === 'decision' && tasks.has(n.task))
    .sort((a, b) => (a.position.file < b.position.file ? -1 : a.position.file > b.position.file ? 1 : a.position.offset - b.position.offset));
  const options: OptionCoverage[] = [];
  for (const decision of decisions) {
    for (const option of decision.options) {
      const key = optionKey(decision.id, option.id);
      const scenarios = chosenPerScenario.filter((set) => set.has(key)).length;
      options.push({ task: tasks.get(decision.task)!, decision, option, scenarios });
    }
  }
  const covered = options.filter((o) => o.scenarios > 0).length;
  return { options, covered, total: options.length };
}
