import { Chalk } from 'chalk';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import type { Graph } from '../graph/types.js';
import { applyAnswer, startRun, type Answer, type RunState } from './engine.js';
import { runMessages } from './messages.js';
import { stepNumbers } from '../render/checklist.js';
import { indexGraph } from '../graph/query.js';
import { formatElapsed, pathLine, summarize, summaryLines } from './summary.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let graph: Graph;
beforeAll(async () => {
  graph = (await compilePaths([`${root}test/fixtures/run/flow.md`], { cwd: root })).graph;
});

function walk(answers: Array<[Answer, string]>): RunState {
  let state = startRun(graph, 'request', '2026-11-27T10:00:00.000Z');
  for (const [a, at] of answers) {
    const r = applyAnswer(graph, state, a, at);
    if (!r.ok) throw new Error(r.error);
    state = r.state;
  }
  return state;
}

describe('run summary', () => {
  it('formats the time taken in the UI language', () => {
    expect(formatElapsed(0, 'en')).toBe('1 second');
    expect(formatElapsed(125_000, 'en')).toBe('2 minutes 5 seconds');
    expect(formatElapsed(3 * 3600_000 + 60_000, 'ru')).toBe('3 часа 1 минута');
    expect(formatElapsed(2 * 86400_000, 'ru')).toBe('2 дня');
  });

  it('collects the path, skipped steps with reasons, questions and checkpoints', () => {
    const state = walk([
      [{ type: 'unclear', note: 'formally?' }, '2026-11-27T10:01:00.000Z'],
      [{ type: 'skip', reason: 'done by phone' }, '2026-11-27T10:02:00.000Z'],
      [{ type: 'done' }, '2026-11-27T10:03:00.000Z'],
      [{ type: 'choose', option: 'yes' }, '2026-11-27T10:04:00.000Z'],
      [{ type: 'done' }, '2026-11-27T10:05:00.000Z'],
      [{ type: 'done' }, '2026-11-27T10:06:00.000Z'],
      [{ type: 'confirm', confirmed: false }, '2026-11-27T10:07:00.000Z'],
    ]);
    const s = summarize(graph, state, 'r1');
    expect(s).toMatchObject({ run: 'r1', status: 'done', durationMs: 7 * 60_000 });
    expect(s.skipped).toEqual([{ node: 'greet', text: 'Greet the client.', reason: 'done by phone' }]);
    expect(s.notes).toEqual([{ node: 'greet', text: 'Greet the client.', note: 'formally?' }]);
    expect(s.checkpoints).toEqual([{ node: 'confirmed', text: 'The client confirmed the result', confirmed: false }]);
    const lines = summaryLines(s, 'en', runMessages('en'), new Chalk({ level: 0 }));
    expect(lines).toContain('Time taken: 7 minutes');
    expect(lines).toContain('  ◆ Is it in the tariff? → Yes');
    expect(lines).toContain('  ↷ Greet the client. — done by phone');
    expect(lines).toContain('  ☐ The client confirmed the result — not done');
  });

  it("names a jump's target once, with one #", () => {
    const jump = { node: 'j', task: 'request', kind: 'jump', target: 'call-director', return: true, at: '2026-11-27T10:00:00.000Z', text: '#call-director' };
    const c = new Chalk({ level: 0 });
    expect(pathLine(jump, runMessages('ru'), c)).toBe('→ Переход к #call-director (затем возврат)');
    expect(pathLine({ ...jump, return: false }, runMessages('en'), c)).toBe('→ Go to #call-director');
  });

  /** Greet, check, «not in the tariff», the price, «pay», and the jump into #invoice's first step. */
  const toInvoice: Parameters<typeof walk>[0] = [
    [{ type: 'done' }, '2026-11-27T10:01:00.000Z'],
    [{ type: 'done' }, '2026-11-27T10:02:00.000Z'],
    [{ type: 'choose', option: 'no' }, '2026-11-27T10:03:00.000Z'],
    [{ type: 'done' }, '2026-11-27T10:04:00.000Z'],
    [{ type: 'choose', option: 'pay' }, '2026-11-27T10:05:00.000Z'],
    [{ type: 'done' }, '2026-11-27T10:06:00.000Z'],
  ];

  it("numbers a jumped-to task's steps after its id, as show numbers them there, and the run's own without", () => {
    const state = walk(toInvoice);
    const numbers = stepNumbers(indexGraph(graph));
    const lines = summaryLines(summarize(graph, state, 'r1'), 'en', runMessages('en'), new Chalk({ level: 0 }), numbers);
    const path = lines.slice(lines.indexOf('Path:') + 1);
    expect(path.slice(0, 7)).toEqual([
      '  1 ✓ Greet the client.',
      "  2 ✓ Check the request against the client's tariff.",
      '  3 ◆ Is it in the tariff? → No',
      '  3.b.1 ✓ Tell the client the price.',
      '  3.b.2 ◆ Does the client agree to pay? → Yes',
      '  3.b.2.a.1 → Go to #invoice (then come back)',
      `  #invoice ${numbers.get('issue')} ✓ Issue the invoice.`,
    ]);
    expect(numbers.get('issue')).toBe('1');
  });

  it('shows a wait that is over as over, and explains the marks that appear in one line', () => {
    const state = walk([...toInvoice, [{ type: 'ack' }, '2026-11-27T10:07:00.000Z'], [{ type: 'arrived' }, '2026-11-27T10:08:00.000Z']]);
    const s = summarize(graph, state, 'r1');
    const c = new Chalk({ level: 0 });
    const en = summaryLines(s, 'en', runMessages('en'), c);
    expect(en).toContain('  ! Bring in: The amount is over 100 000');
    expect(en).toContain('  ⌛ The client paid — happened');
    expect(en.join('\n')).not.toContain('⏳');
    expect(en[en.indexOf('  ⌛ The client paid — happened') + 1]).toBe('  Marks: ✓ done · ◆ decision · ! someone brought in · ⌛ a wait that is over');
    const ru = summaryLines(s, 'ru', runMessages('ru'), c);
    expect(ru).toContain('  Значки: ✓ сделано · ◆ решение · ! подключили другого человека · ⌛ ожидание закончилось');
    const wait = s.path.find((p) => p.kind === 'wait')!;
    expect(pathLine({ ...wait, answer: 'timeout' }, runMessages('ru'), c)).toBe('⌛ The client paid — время вышло');
    // only the marks that appear: a run of steps alone explains ✓ and nothing else
    const steps = summaryLines(summarize(graph, walk([[{ type: 'done' }, '2026-11-27T10:01:00.000Z']]), 'r2'), 'en', runMessages('en'), c);
    expect(steps).toContain('  Marks: ✓ done');
  });
});
