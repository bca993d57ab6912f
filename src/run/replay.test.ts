import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import type { Graph } from '../graph/types.js';
import type { JournalEvent } from '../journal/events.js';
import { readJournal } from '../journal/reader.js';
import { JournalWriter } from '../journal/writer.js';
import { startRun, type Answer } from './engine.js';
import { replayRun } from './replay.js';
import { RunSession } from './session.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = `${root}test/fixtures/run/flow.md`;
const temp = mkdtempSync(join(tmpdir(), 'instr-replay-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let graph: Graph;
beforeAll(async () => {
  graph = (await compilePaths([fixture], { cwd: root })).graph;
});

/** Runs answers through a journaled session; returns the session and the run's events. */
async function journaled(name: string, answers: Answer[]): Promise<{ session: RunSession; events: JournalEvent[] }> {
  let tick = 0;
  const clock = () => new Date(Date.UTC(2026, 10, 27, 10, 0, tick++));
  const file = join(temp, `${name}.jsonl`);
  const writer = new JournalWriter(file, name);
  const start = clock().toISOString();
  const session = new RunSession(graph, startRun(graph, 'request', start), writer, clock);
  session.record(
    { type: 'start', task: 'request', title: 'Handle a request', file: 'flow.md', lang: 'en', user: 'test', revision: null, contentHash: 'h', scripted: true },
    start,
  );
  session.recordArrival(0);
  for (const a of answers) {
    const r = session.apply(a);
    if (!r.ok) throw new Error(r.error);
  }
  writer.close();
  return { session, events: (await readJournal(file)).events };
}

const toWait: Answer[] = [
  { type: 'unclear', note: 'how?' },
  { type: 'done' },
  { type: 'skip', reason: 'known tariff' },
  { type: 'choose', option: 'yes' },
  { type: 'back' },
  { type: 'choose', option: 'no' },
  { type: 'done' },
  { type: 'choose', option: 'pay' },
  { type: 'done' },
  { type: 'ack' },
];

describe('journal replay', () => {
  it('journals every answer, jump and wait, and replaying the journal gives the same state', async () => {
    const { session, events } = await journaled('r1', toWait);
    expect(events.map((e) => e.type)).toEqual([
      'start',
      'unclear',
      'step',
      'step',
      'decision',
      'back',
      'decision',
      'step',
      'decision',
      'jump',
      'step',
      'escalation',
      'wait',
    ]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    expect(events.at(-1)).toMatchObject({ type: 'wait', node: 'paid', event: 'The client paid', timeoutAt: expect.any(String), deadlineAfterEvent: 'P1W' });
    expect(session.state.status).toBe('waiting');
    const replay = replayRun(graph, events);
    expect(replay).toMatchObject({ ok: true });
    if (replay.ok) expect(replay.state).toEqual(session.state);
  });

  it('journals the end of a finished run', async () => {
    const { events } = await journaled('r2', [
      ...toWait,
      { type: 'arrived' },
      { type: 'confirm', confirmed: true, value: 'INV-1' },
      { type: 'done' },
      { type: 'confirm', confirmed: true },
    ]);
    expect(events.slice(-5).map((e) => e.type)).toEqual(['resume', 'checkpoint', 'step', 'checkpoint', 'end']);
    expect(events.at(-1)).toMatchObject({ type: 'end', status: 'done', node: null });
    expect(events.find((e) => e.type === 'resume')).toMatchObject({ deadlineAt: expect.any(String) });
  });

  it('a changed instruction: continues when every visited node is still there, refuses when one is gone', async () => {
    const { events } = await journaled('r3', toWait.slice(0, 4));
    const original = readFileSync(fixture, 'utf8');
    const compileText = async (text: string) => {
      const dir = mkdtempSync(join(temp, 'changed-'));
      writeFileSync(join(dir, 'flow.md'), text);
      return (await compilePaths([dir], { cwd: dir })).graph;
    };
    const reworded = await compileText(original.replace('1. Give the task to the accountant.', '1. Give the task to the accountant on duty.'));
    expect(replayRun(reworded, events)).toMatchObject({ ok: true });
    const removed = await compileText(original.replace("2. Check the request against the client's **tariff**.\n", ''));
    expect(replayRun(removed, events)).toEqual({ ok: false, error: expect.stringMatching(/no longer has the step "request\.s[0-9a-f]+"/) });
  });

  it('refuses a journal without a start record', () => {
    expect(replayRun(graph, [])).toMatchObject({ ok: false, error: expect.stringContaining('no start record') });
  });
  it('a run ended as not covered replays to the same end, and stays finished', async () => {
    const clock = () => new Date(Date.UTC(2026, 10, 27, 10, 0, 0));
    const file = join(temp, 'gap.jsonl');
    const writer = new JournalWriter(file, 'gap');
    const start = clock().toISOString();
    const session = new RunSession(graph, startRun(graph, 'request', start), writer, clock);
    session.record(
      {
        type: 'start',
        task: 'request',
        title: 'Handle a request',
        file: 'flow.md',
        lang: 'en',
        user: 'test',
        revision: null,
        contentHash: 'h',
        scripted: false,
      },
      start,
    );
    expect(session.apply({ type: 'done' }).ok).toBe(true);
    session.endNotCovered('The client wants it in English');
    writer.close();
    expect(session.state).toMatchObject({ status: 'cancelled', notCovered: true, outcome: 'The client wants it in English', node: null });
    const events = (await readJournal(file)).events;
    expect(events.map((e) => e.type)).toEqual(['start', 'step', 'end']);
    expect(events.at(-1)).toMatchObject({ type: 'end', status: 'cancelled', notCovered: true });
    const replayed = replayRun(graph, events);
    expect(replayed.ok && replayed.state).toMatchObject({ status: 'cancelled', notCovered: true, outcome: 'The client wants it in English' });
    expect(replayed.ok && replayed.state.path.map((p) => p.kind)).toEqual(['step', 'not-covered']);
  });
});
