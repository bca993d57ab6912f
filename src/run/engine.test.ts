import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import type { Graph } from '../graph/types.js';
import { applyAnswer, cancelRun, currentPrompt, startRun, visitedNodes, type Answer, type RunState } from './engine.js';

const fixture = fileURLToPath(new URL('../../test/fixtures/run/flow.md', import.meta.url));
const T0 = '2026-11-27T10:00:00.000Z';
let graph: Graph;

beforeAll(async () => {
  const result = await compilePaths([fixture], { cwd: fileURLToPath(new URL('../../', import.meta.url)) });
  expect(result.diagnostics).toEqual([]);
  graph = result.graph;
});

function answer(state: RunState, a: Answer): RunState {
  const r = applyAnswer(graph, state, a, T0);
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

function walk(task: string, answers: Answer[]): RunState {
  return answers.reduce(answer, startRun(graph, task, T0));
}

describe('run engine', () => {
  it('starts at the first step and walks steps, a decision and a checkpoint to done', () => {
    const start = startRun(graph, 'request', T0);
    expect(start).toMatchObject({ version: 1, task: 'request', node: 'greet', status: 'active', startedAt: T0 });
    expect(currentPrompt(graph, start)).toMatchObject({ kind: 'step', node: { id: 'greet' } });
    const end = walk('request', [
      { type: 'done' },
      { type: 'done' },
      { type: 'choose', option: 'yes' },
      { type: 'done' },
      { type: 'done' },
      { type: 'confirm', confirmed: true },
    ]);
    expect(end.status).toBe('done');
    expect(end.outcome).toBeNull();
    expect(end.node).toBeNull();
    expect(currentPrompt(graph, end)).toEqual({ kind: 'finished', status: 'done', outcome: null, node: null });
    expect(end.path.map((p) => p.kind)).toEqual(['step', 'step', 'decision', 'step', 'step', 'checkpoint']);
    expect(end.path[2]).toMatchObject({ node: 'in-tariff', option: 'yes', answer: 'Yes' });
    // state is plain JSON
    expect(JSON.parse(JSON.stringify(end))).toEqual(end);
  });

  it('never changes the state it is given', () => {
    const start = startRun(graph, 'request', T0);
    const copy = structuredClone(start);
    answer(start, { type: 'done' });
    expect(start).toEqual(copy);
  });

  it('accepts an option by label too, and rejects an unknown option naming the options', () => {
    const at = walk('request', [{ type: 'done' }, { type: 'done' }]);
    expect(answer(at, { type: 'choose', option: 'no' }).node).not.toBe(answer(at, { type: 'choose', option: 'yes' }).node);
    expect(answer(at, { type: 'choose', option: 'No' }).path.at(-1)).toMatchObject({ option: 'no' });
    const bad = applyAnswer(graph, at, { type: 'choose', option: 'maybe' }, T0);
    expect(bad).toEqual({ ok: false, error: expect.stringContaining('a) Yes; b) No'), refusal: expect.objectContaining({ code: 'notAnOption' }) });
  });

  it('accepts a label without the remark in brackets it ends with', () => {
    const at = walk('request', [{ type: 'done' }, { type: 'done' }]);
    const g = structuredClone(graph);
    const decision = g.nodes[at.node!]!;
    if (decision.kind !== 'decision') throw new Error('the fixture has a decision here');
    Object.assign(decision.options[1]!, { id: 'o1f2e3d', label: 'No (if unsure, ask the chief accountant)' });
    const chosen = applyAnswer(g, at, { type: 'choose', option: 'no' }, T0);
    expect(chosen.ok && chosen.state.path.at(-1)).toMatchObject({ option: 'o1f2e3d' });
    // the whole label still works, and a remark alone is not an answer
    expect(applyAnswer(g, at, { type: 'choose', option: 'No (if unsure, ask the chief accountant)' }, T0)).toMatchObject({ ok: true });
    expect(applyAnswer(g, at, { type: 'choose', option: 'if unsure, ask the chief accountant' }, T0)).toMatchObject({ ok: false });
  });

  it('requires a reason to skip, records it, and keeps the step on "unclear"', () => {
    const start = startRun(graph, 'request', T0);
    expect(applyAnswer(graph, start, { type: 'skip', reason: '  ' }, T0)).toMatchObject({ ok: false, error: expect.stringContaining('reason') });
    const unclear = answer(start, { type: 'unclear', note: 'Greet how — by phone?' });
    expect(unclear.node).toBe('greet');
    expect(unclear.notes).toEqual([{ node: 'greet', note: 'Greet how — by phone?', at: T0 }]);
    const skipped = answer(unclear, { type: 'skip', reason: 'already greeted' });
    expect(skipped.path[0]).toMatchObject({ node: 'greet', answer: 'skip', reason: 'already greeted' });
  });

  it('rejects an answer of the wrong kind', () => {
    const start = startRun(graph, 'request', T0);
    expect(applyAnswer(graph, start, { type: 'choose', option: 'yes' }, T0)).toMatchObject({ ok: false, error: expect.stringContaining('A step takes') });
  });

  it('ends a run cancelled at an explicit end', () => {
    const end = walk('request', [{ type: 'done' }, { type: 'done' }, { type: 'choose', option: 'no' }, { type: 'done' }, { type: 'choose', option: 'refuse' }]);
    expect(end).toMatchObject({ status: 'cancelled', outcome: 'The client refused', node: null });
    const prompt = currentPrompt(graph, end);
    expect(prompt).toMatchObject({ kind: 'finished', status: 'cancelled', outcome: 'The client refused', node: { kind: 'end' } });
    expect(applyAnswer(graph, end, { type: 'done' }, T0).ok).toBe(false);
  });

  it('follows a jump with return into another task: escalation, wait, checkpoint value, then back to the caller', () => {
    let s = walk('request', [{ type: 'done' }, { type: 'done' }, { type: 'choose', option: 'no' }, { type: 'done' }, { type: 'choose', option: 'pay' }]);
    expect(s.node).toBe('issue');
    expect(s.stack).toEqual([{ task: 'invoice', returnTo: 'result' }]);
    expect(s.path.at(-1)).toMatchObject({ kind: 'jump', target: 'invoice', return: true });
    s = answer(s, { type: 'done' });
    expect(currentPrompt(graph, s)).toMatchObject({ kind: 'escalation', node: { role: 'boss' } });
    s = answer(s, { type: 'ack' });
    expect(s.status).toBe('waiting');
    expect(currentPrompt(graph, s)).toMatchObject({ kind: 'wait', node: { event: 'The client paid', deadline: 'P1W' } });
    s = answer(s, { type: 'arrived' });
    expect(s.status).toBe('active');
    expect(applyAnswer(graph, s, { type: 'confirm', confirmed: true }, T0)).toMatchObject({ ok: false, error: expect.stringContaining('Invoice number') });
    s = answer(s, { type: 'confirm', confirmed: true, value: 'INV-7' });
    // the called task's `::end` (done) comes back to the caller
    expect(s.node).toBe('result');
    expect(s.stack).toEqual([]);
    s = answer(answer(s, { type: 'done' }), { type: 'confirm', confirmed: false });
    expect(s.status).toBe('done');
    expect(s.path.filter((p) => p.kind === 'checkpoint').map((p) => [p.confirmed, p.answer])).toEqual([
      [true, 'INV-7'],
      [false, 'no'],
    ]);
  });

  it('an end in a task entered without return finishes the run with its outcome', () => {
    const s = walk('elsewhere', [{ type: 'done' }, { type: 'done' }, { type: 'ack' }, { type: 'arrived' }, { type: 'confirm', confirmed: true, value: '1' }]);
    expect(s).toMatchObject({ status: 'done', outcome: 'Invoice paid', endNode: 'invoice.e6bdaac' });
  });

  it('goes back one prompt, or to any earlier node, cutting the path', () => {
    const s = walk('request', [{ type: 'done' }, { type: 'done' }, { type: 'choose', option: 'no' }, { type: 'done' }, { type: 'choose', option: 'pay' }]);
    const one = answer(s, { type: 'back' });
    expect(one.node).toBe('agree');
    expect(one.stack).toEqual([]);
    expect(one.path.map((p) => p.node)).toEqual(['greet', 'request.se61adc', 'in-tariff', 'request.sa90096']);
    const far = answer(s, { type: 'back', to: 'in-tariff' });
    expect(far.node).toBe('in-tariff');
    expect(far.history.map((h) => h.node)).toEqual(['greet', 'request.se61adc']);
    expect(answer(far, { type: 'choose', option: 'yes' }).node).toBe('request.sac4532');
    expect(applyAnswer(graph, s, { type: 'back', to: 'result' }, T0)).toMatchObject({ ok: false });
    expect(applyAnswer(graph, startRun(graph, 'request', T0), { type: 'back' }, T0)).toMatchObject({ ok: false, error: expect.stringContaining('first step') });
  });

  it('goes back from a finished run', () => {
    const end = walk('request', [{ type: 'done' }, { type: 'done' }, { type: 'choose', option: 'no' }, { type: 'done' }, { type: 'choose', option: 'refuse' }]);
    const back = answer(end, { type: 'back' });
    expect(back).toMatchObject({ status: 'active', node: 'agree', outcome: null, endNode: null });
  });

  it('a jump loop finishes failed instead of hanging', () => {
    const s = startRun(graph, 'loop-a', T0);
    expect(s.status).toBe('failed');
    expect(s.outcome).toMatch(/loops/);
    expect(currentPrompt(graph, s)).toMatchObject({ kind: 'finished', status: 'failed' });
  });

  it('a task without steps is done at once; an unknown task fails', () => {
    expect(startRun(graph, 'empty', T0)).toMatchObject({ status: 'done', node: null });
    expect(startRun(graph, 'nope', T0)).toMatchObject({ status: 'failed', outcome: expect.stringContaining('nope') });
  });

  it('cancels a run and lists the nodes visited', () => {
    const s = walk('request', [{ type: 'done' }]);
    expect(cancelRun(s, 'abandoned', T0)).toMatchObject({ status: 'cancelled', outcome: 'abandoned', node: null });
    expect(visitedNodes(s)).toEqual(['greet', 'request.se61adc']);
  });
});
