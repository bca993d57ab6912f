import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import type { Graph } from '../graph/types.js';
import { applyAnswer, currentPrompt, startRun, type Answer, type Prompt, type RunState } from './engine.js';
import { propertyRuns } from '../../test/support/scale.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sources = ['instructions', 'test/fixtures/run', 'test/fixtures/compile/request.md', 'test/fixtures/compile/nested.md'].filter((p) =>
  existsSync(`${root}${p}`),
);
const T0 = '2026-11-27T10:00:00.000Z';
const MAX_PROMPTS = 2000;

/** An answer the prompt accepts, picked by `pick` (a number in [0, 1)). */
function answerFor(prompt: Exclude<Prompt, { kind: 'finished' }>, pick: number): Answer {
  switch (prompt.kind) {
    case 'step':
      return pick < 0.8 ? { type: 'done' } : pick < 0.95 ? { type: 'skip', reason: 'random walk' } : { type: 'unclear', note: 'random question' };
    case 'decision':
      return { type: 'choose', option: prompt.node.options[Math.floor(pick * prompt.node.options.length)]!.id };
    case 'checkpoint':
      return { type: 'confirm', confirmed: pick < 0.7, value: '42' };
    case 'escalation':
      return { type: 'ack' };
    case 'wait':
      return { type: 'arrived' };
  }
}

/** Walks from the start until the run finishes or waits; every answer must be accepted. */
function walkToRest(graph: Graph, state: RunState, picks: () => number, allowBacks: boolean): { state: RunState; prompts: number } {
  let prompts = 0;
  let backs = allowBacks ? 5 : 0;
  while (prompts++ < MAX_PROMPTS) {
    const prompt = currentPrompt(graph, state);
    if (prompt.kind === 'finished' || prompt.kind === 'wait') return { state, prompts };
    const pick = picks();
    if (backs > 0 && pick > 0.97 && state.history.length > 0) {
      backs--;
      const before = state.history.at(-1)!;
      const r = applyAnswer(graph, state, { type: 'back' }, T0);
      expect(r.ok).toBe(true);
      if (!r.ok) break;
      expect(r.state.node).toBe(before.node);
      expect(r.state.path.length).toBe(before.pathLength);
      state = r.state;
      continue;
    }
    const r = applyAnswer(graph, state, answerFor(prompt, pick), T0);
    if (!r.ok) throw new Error(`${state.node}: ${r.error}`);
    state = r.state;
  }
  return { state, prompts };
}

describe('run engine: random walks on every task', async () => {
  const graphs: Array<{ name: string; graph: Graph }> = [];
  for (const source of sources) {
    const result = await compilePaths([`${root}${source}`], { cwd: root });
    graphs.push({ name: source, graph: result.graph });
  }
  for (const { name, graph } of graphs) {
    for (const task of graph.tasks) {
      it(`${name}: ${task.id} reaches an end or a wait, and resumes past waits to an end`, () => {
        fc.assert(
          fc.property(fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })), fc.boolean(), (stream, backs) => {
            const picks = () => stream.next().value as number;
            let { state, prompts } = walkToRest(graph, startRun(graph, task.id, T0), picks, backs);
            expect(prompts).toBeLessThan(MAX_PROMPTS);
            // every wait is passed by its event; the walk then goes on to an end
            let waits = 0;
            while (state.status === 'waiting' && waits++ < 100) {
              const r = applyAnswer(graph, state, { type: 'arrived' }, T0);
              expect(r.ok).toBe(true);
              if (!r.ok) return;
              ({ state, prompts } = walkToRest(graph, r.state, picks, backs));
              expect(prompts).toBeLessThan(MAX_PROMPTS);
            }
            expect(['done', 'cancelled', 'failed']).toContain(state.status);
            expect(JSON.parse(JSON.stringify(state))).toEqual(state);
          }),
          { numRuns: propertyRuns(60) },
        );
      });
    }
  }
});
