import { describe, expect, it } from 'vitest';
import { applyAnswer, startRun } from './engine.js';
import { parseHappened } from './happened.js';
import { compilePaths } from '../compile/compile.js';

const now = Date.parse('2026-11-27T12:00:00Z'); // 15:00 in Moscow
const zone = 'Europe/Moscow';

describe('when an awaited event happened', () => {
  it('reads "11:00" as today in the instruction\'s zone, and a date and time, and an ISO time', () => {
    expect(parseHappened('11:00', now, zone)).toEqual({ ok: true, at: Date.parse('2026-11-27T08:00:00Z') });
    expect(parseHappened('9.05', now, zone)).toEqual({ ok: true, at: Date.parse('2026-11-27T06:05:00Z') });
    expect(parseHappened('2026-11-26 16:30', now, zone)).toEqual({ ok: true, at: Date.parse('2026-11-26T13:30:00Z') });
    expect(parseHappened('2026-11-26T16:30', now, zone)).toEqual({ ok: true, at: Date.parse('2026-11-26T13:30:00Z') });
    expect(parseHappened('2026-11-26T13:30:00Z', now, zone)).toEqual({ ok: true, at: Date.parse('2026-11-26T13:30:00Z') });
  });

  it('refuses a time after now and what is not a time', () => {
    expect(parseHappened('16:00', now, zone)).toEqual({ ok: false, error: 'future' });
    expect(parseHappened('2026-11-31 10:00', now, zone)).toEqual({ ok: false, error: 'format' });
    expect(parseHappened('вчера', now, zone)).toEqual({ ok: false, error: 'format' });
    expect(parseHappened('25:00', now, zone)).toEqual({ ok: false, error: 'format' });
  });

  it('the engine keeps the event time on the path and refuses one in the future', async () => {
    const { graph } = await compilePaths(['test/fixtures/run']);
    let state = startRun(graph, 'invoice', '2026-11-27T12:00:00.000Z');
    for (const answer of [{ type: 'done' }, { type: 'ack' }] as const) {
      const r = applyAnswer(graph, state, answer, '2026-11-27T12:00:00.000Z');
      if (!r.ok) throw new Error(r.error);
      state = r.state;
    }
    expect(state.status).toBe('waiting');
    const future = applyAnswer(graph, state, { type: 'arrived', at: '2026-11-27T13:00:00.000Z' }, '2026-11-27T12:00:00.000Z');
    expect(future.ok).toBe(false);
    const r = applyAnswer(graph, state, { type: 'arrived', at: '2026-11-27T08:00:00.000Z' }, '2026-11-27T12:00:00.000Z');
    expect(r.ok && r.state.path.at(-1)).toMatchObject({
      node: 'paid',
      answer: 'arrived',
      at: '2026-11-27T12:00:00.000Z',
      happened: '2026-11-27T08:00:00.000Z',
    });
  });
});

describe('until when a pause lasts', () => {
  it('reads a time today, a date (at opening time) or a date and time, later than now', async () => {
    const { parseUntil } = await import('./happened.js');
    expect(parseUntil('17:30', now, zone)).toEqual({ ok: true, at: Date.parse('2026-11-27T14:30:00Z') });
    expect(parseUntil('2026-11-30', now, zone, '09:00')).toEqual({ ok: true, at: Date.parse('2026-11-30T06:00:00Z') });
    expect(parseUntil('2026-11-30 10:00', now, zone)).toEqual({ ok: true, at: Date.parse('2026-11-30T07:00:00Z') });
    expect(parseUntil('10:00', now, zone)).toEqual({ ok: false, error: 'past' });
    expect(parseUntil('потом', now, zone)).toEqual({ ok: false, error: 'format' });
  });
});
