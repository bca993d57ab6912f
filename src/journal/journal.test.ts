import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { groupRuns, parseJournal, readJournal } from './reader.js';
import { runStatus } from './run-status.js';
import { RunFolder } from './runs.js';
import { streamJournal } from './stream.js';
import { JournalWriter } from './writer.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-journal-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const AT = '2026-11-27T10:00:00.000Z';

describe('journal', () => {
  it('appends one JSON line per event with v, run, seq and at, creating the folder', async () => {
    const file = join(temp, 'a', 'b', 'journal.jsonl');
    const w = new JournalWriter(file, 'run-1');
    w.append({ type: 'step', node: 'greet', action: 'done' }, AT);
    w.append({ type: 'pause', node: 'next' }, AT);
    w.close();
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toEqual({ v: 1, run: 'run-1', seq: 0, at: AT, type: 'step', node: 'greet', action: 'done' });
    const resumed = new JournalWriter(file, 'run-1', 2);
    expect(resumed.append({ type: 'abandon' }, AT).seq).toBe(2);
    resumed.close();
    const { events, problems } = await readJournal(file);
    expect(problems).toEqual([]);
    expect(events.map((e) => e.seq)).toEqual([0, 1, 2]);
  });

  it('reports a torn last record and skips it; a writer starts a fresh line after it', async () => {
    const file = join(temp, 'torn.jsonl');
    const w = new JournalWriter(file, 'r');
    w.append({ type: 'step', node: 'a', action: 'done' }, AT);
    w.close();
    appendFileSync(file, '{"v":1,"run":"r","seq":1,"at":"2026');
    const torn = await readJournal(file);
    expect(torn.events).toHaveLength(1);
    expect(torn.problems).toEqual([{ line: 2, message: expect.stringContaining('torn'), why: { kind: 'torn-last' } }]);
    const again = new JournalWriter(file, 'r', 1);
    again.append({ type: 'step', node: 'b', action: 'done' }, AT);
    again.close();
    const healed = await readJournal(file);
    expect(healed.events.map((e) => e.seq)).toEqual([0, 1]);
    expect(healed.problems).toEqual([{ line: 2, message: expect.stringContaining('torn'), why: { kind: 'torn-inside' } }]);
  });

  // Regression: a SIGKILL mid-write (at a page boundary, the kernel stops a write() part-way) left a
  // torn record; the resumed writer ended that line and went on, and the reader then called the torn
  // record "not a JSON record" because it was no longer the last line.
  it('still calls a torn record torn after a resumed writer has appended behind it, at every cut', async () => {
    const record = JSON.stringify({ v: 1, run: 'r', seq: 1, at: AT, type: 'step', node: 'b', action: 'done' });
    for (let cut = 1; cut < record.length; cut++) {
      const file = join(temp, `cut-${cut}.jsonl`);
      const w = new JournalWriter(file, 'r');
      w.append({ type: 'start', task: 't', user: 'u', contentHash: 'h', lang: 'en', scripted: true } as never, AT);
      w.close();
      appendFileSync(file, record.slice(0, cut));
      const resumed = new JournalWriter(file, 'r', 1);
      resumed.append({ type: 'step', node: 'b', action: 'done' }, AT);
      resumed.append({ type: 'end', status: 'done', outcome: null } as never, AT);
      resumed.close();
      const { events, problems } = await readJournal(file);
      expect(
        events.map((e) => e.seq),
        `cut at ${cut}`,
      ).toEqual([0, 1, 2]);
      expect(problems, `cut at ${cut}`).toMatchObject([{ line: 2, message: expect.stringContaining('torn') }]);
    }
  });

  it('does not call a hand-written garbage line torn', () => {
    const { problems } = parseJournal('hello\n{"v":1,"run":"r","seq":0,"at":"x","type":"start"}\n');
    expect(problems).toEqual([{ line: 1, message: 'not a JSON record; skipped', why: { kind: 'not-json' } }]);
  });

  it('skips lines that are not records and a seq that does not go up, reporting each', () => {
    const text = [
      '{"v":1,"run":"r","seq":0,"at":"x","type":"start","task":"t"}',
      '[1,2]',
      '{"v":1,"run":"r","seq":1,"at":"x","type":"step","node":"b","action":"done"}',
      '{"v":1,"run":"r","seq":1,"at":"x","type":"step","node":"DUP","action":"done"}',
      '{"v":2,"run":"r","seq":2,"at":"x","type":"step"}',
      '{"v":1,"run":"r","seq":0,"at":"x","type":"step","node":"LATE","action":"done"}',
      '',
    ].join('\n');
    const { events, problems } = parseJournal(text);
    expect(problems.map((p) => p.line)).toEqual([2, 4, 5, 6]);
    expect(problems[1]!.message).toContain('seq 1 of run r');
    const run = groupRuns(events).get('r')!;
    expect(run.map((e) => e.type)).toEqual(['start', 'step']);
    expect(run[1]).toMatchObject({ node: 'b' });
  });

  // Regression: the resume reader kept the first of a repeated seq and sorted, the report's
  // streaming reader required seq to go up; the two disagreed on a seq that went back.
  it('the whole-file reader and the streaming reader keep the same events', async () => {
    const file = join(temp, 'dups.jsonl');
    const lines = [
      { seq: 0, type: 'start', task: 't' },
      { seq: 2, type: 'step', node: 'b', action: 'done' },
      { seq: 1, type: 'step', node: 'a', action: 'done' },
      { seq: 2, type: 'step', node: 'again', action: 'done' },
      { seq: 3, type: 'pause', node: 'c' },
    ].map((r) => JSON.stringify({ v: 1, run: 'r', at: AT, ...r }));
    appendFileSync(file, `${lines.join('\n')}\n`);
    const whole = (await readJournal(file)).events.map((e) => e.seq);
    const streamed: number[] = [];
    const stats = await streamJournal(file, (e) => streamed.push(e.seq));
    expect(whole).toEqual([0, 2, 3]);
    expect(streamed).toEqual(whole);
    expect(stats.duplicates).toBe(2);
  });

  it('tells where a run stands', () => {
    const e = (type: string, extra: object = {}) => ({ v: 1, run: 'r', seq: 0, at: AT, type, ...extra }) as never;
    expect(runStatus([e('start'), e('step')])).toBe('active');
    expect(runStatus([e('start'), e('pause')])).toBe('paused');
    expect(runStatus([e('start'), e('wait')])).toBe('waiting');
    expect(runStatus([e('start'), e('wait'), e('resume'), e('jump')])).toBe('active');
    expect(runStatus([e('start'), e('end', { status: 'done' })])).toBe('done');
    expect(runStatus([e('start'), e('end', { status: 'failed' })])).toBe('failed');
    expect(runStatus([e('start'), e('pause'), e('abandon')])).toBe('abandoned');
  });

  // Regression: `run --resume` (last meaningful event) and the report/agenda fold (RunFolder) had
  // their own rules and disagreed on these runs.
  it('the resume menu and the report fold agree on every status', () => {
    const e = (seq: number, type: string, extra: object = {}) => ({ v: 1, run: 'r', seq, at: AT, type, node: 'n', ...extra }) as never;
    const cases: Array<[string, unknown[], string]> = [
      ['back out of a wait', [e(0, 'start'), e(1, 'wait', { event: 'call' }), e(2, 'back', { to: 'n' })], 'active'],
      ['a question after a pause', [e(0, 'start'), e(1, 'pause'), e(2, 'unclear', { note: '?' })], 'active'],
      ['a jump after a pause', [e(0, 'start'), e(1, 'pause'), e(2, 'jump', { target: 'x' })], 'active'],
      ['a note while waiting', [e(0, 'start'), e(1, 'wait', { event: 'call' }), e(2, 'unclear', { note: '?' })], 'waiting'],
      ['a record after the end', [e(0, 'start'), e(1, 'end', { status: 'cancelled' }), e(2, 'step', { action: 'done' })], 'cancelled'],
      ['a record after abandon', [e(0, 'start'), e(1, 'abandon'), e(2, 'step', { action: 'skip' })], 'abandoned'],
    ];
    for (const [name, events, want] of cases) {
      const folder = new RunFolder();
      for (const ev of events) folder.add(ev as never);
      expect(runStatus(events as never), name).toBe(want);
      expect(folder.runs.get('r')!.state, name).toBe(want);
      if (want !== 'waiting') expect(folder.runs.get('r')!.wait, name).toBeUndefined();
    }
  });
});
