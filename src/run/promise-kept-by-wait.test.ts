import { describe, expect, it } from 'vitest';
import { compileSource, linkSources, sourceFromBytes } from '../compile/compile.js';
import { applyAnswer, runPromises, startRun, type Answer, type RunState } from './engine.js';

/**
 * A promise whose `kept` names a wait is kept when the awaited event happens, not when the
 * wait's time runs out: the timeout steps are the chase, and the client is still owed the answer
 * (friend test after round 5: «директор свяжется до 12:00» showed as kept at the reminder).
 */
const text = [
  '---',
  'id: mem',
  'title: Mem',
  'lang: en',
  '---',
  '',
  '## Tasks {.tasks}',
  '',
  '### Call back {#call-back}',
  '',
  '1. Tell the client the director will call them.',
  '',
  '::promise[The director calls the client]{#director-promise due=2wh kept=talked}',
  '',
  '::wait[The director called the client]{#talked timeout=2wh}',
  '- The time ran out',
  '',
  '  1. Remind the director.',
  '',
  '2. Write down what they agreed.',
  '',
].join('\n');

function graph() {
  const loaded = sourceFromBytes(new TextEncoder().encode(text), 'mem.md', 'mem.md');
  if (!('source' in loaded)) throw new Error(loaded.diagnostic.message);
  const linked = linkSources([compileSource(loaded.source)]);
  expect(linked.diagnostics).toEqual([]);
  return linked.graph;
}

describe('a promise kept by a wait', () => {
  const g = graph();
  const walk = (answers: Answer[]): RunState =>
    answers.reduce(
      (state, a, i) => {
        const r = applyAnswer(g, state, a, `2026-11-27T1${i}:00:00.000Z`);
        if (!r.ok) throw new Error(r.error);
        return r.state;
      },
      startRun(g, 'call-back', '2026-11-27T09:00:00.000Z'),
    );
  const due = () => 0;

  it('stays open when the wait times out and its chase steps run', () => {
    const state = walk([{ type: 'done' }, { type: 'done' }, { type: 'timeout' }, { type: 'done' }]);
    expect(state.node).toBe('talked');
    const [promise] = runPromises(g, state, due);
    expect(promise).toMatchObject({ node: 'director-promise' });
    expect(promise!.kept).toBeUndefined();
  });

  it('is kept when the event then happens', () => {
    const state = walk([{ type: 'done' }, { type: 'done' }, { type: 'timeout' }, { type: 'done' }, { type: 'arrived' }]);
    const [promise] = runPromises(g, state, due);
    expect(promise!.kept).toMatchObject({ by: 'step', at: '2026-11-27T14:00:00.000Z' });
  });
});
