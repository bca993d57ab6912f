import { describe, expect, it } from 'vitest';
import type { JournalEvent } from './events.js';
import { finishRuns, RunFolder } from './runs.js';
import { runStatus } from './run-status.js';

const ev = (seq: number, at: string, body: Record<string, unknown>) => ({ v: 1, run: 'r', seq, at, ...body }) as unknown as JournalEvent;

const waiting = [
  ev(0, '2026-11-27T13:00:00Z', {
    type: 'start',
    task: 't',
    title: 'T',
    file: 'f.md',
    lang: 'ru',
    user: 'anna',
    revision: null,
    contentHash: 'h',
    scripted: true,
  }),
  ev(1, '2026-11-27T13:00:00Z', { type: 'step', node: 'p', action: 'done' }),
  ev(2, '2026-11-27T13:00:00Z', { type: 'promise', node: 'p', state: 'made', text: 'Перезвонить', due: '2026-11-27T15:00:00Z' }),
  ev(3, '2026-11-27T13:00:00Z', { type: 'wait', node: 'w', event: 'Ответ', timeoutAt: '2026-11-30T06:00:00Z' }),
];

describe('a promise record and where the run stands', () => {
  it('a promise kept by hand leaves a waiting run waiting, and is folded with who kept it and the note', () => {
    const kept = ev(4, '2026-11-27T14:40:00Z', { type: 'promise', node: 'p', state: 'kept', by: 'hand', user: 'anna', note: 'перезвонила' });
    expect(runStatus([...waiting, kept])).toBe('waiting');
    const folder = new RunFolder();
    for (const e of [...waiting, kept]) folder.add(e);
    const run = finishRuns(folder.runs).get('r')!;
    expect(run.state).toBe('waiting');
    expect(run.wait).toMatchObject({ node: 'w' });
    expect(run.promises).toEqual([
      {
        node: 'p',
        text: 'Перезвонить',
        madeAt: Date.parse('2026-11-27T13:00:00Z'),
        due: Date.parse('2026-11-27T15:00:00Z'),
        keptAt: Date.parse('2026-11-27T14:40:00Z'),
        keptBy: 'hand',
        note: 'перезвонила',
      },
    ]);
  });

  it('after a run ended done, a promise kept by hand still counts, and the run stays done', () => {
    const end = ev(4, '2026-11-27T13:05:00Z', { type: 'end', node: null, status: 'done', outcome: '', durationMs: 1 });
    const kept = ev(5, '2026-11-27T15:20:00Z', { type: 'promise', node: 'p', state: 'kept', by: 'hand', user: 'anna' });
    const folder = new RunFolder();
    for (const e of [...waiting.slice(0, 3), end, kept]) folder.add(e);
    const run = folder.runs.get('r')!;
    expect(run.state).toBe('done');
    expect(run.promises?.[0]).toMatchObject({ keptAt: Date.parse('2026-11-27T15:20:00Z'), keptBy: 'hand' });
  });
});
