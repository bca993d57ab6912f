import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { groupRuns, parseJournal, readJournal, runPhase } from './reader.js';
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
    expect(torn.problems).toEqual([{ line: 2, message: expect.stringContaining('torn') }]);
    const again = new JournalWriter(file, 'r', 1);
    again.append({ type: 'step', node: 'b', action: 'done' }, AT);
    again.close();
    const healed = await readJournal(file);
    expect(healed.events.map((e) => e.seq)).toEqual([0, 1]);
    expect(healed.problems).toEqual([{ line: 2, message: expect.stringContaining('torn') }]);
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
      expect(events.map((e) => e.seq), `cut at ${cut}`).toEqual([0, 1, 2]);
      expect(problems, `cut at ${cut}`).toEqual([{ line: 2, message: expect.stringContaining('torn') }]);
    }
  });

  it('does not call a hand-written garbage line torn', () => {
    const { problems } = parseJournal('hello\n{"v":1,"run":"r","seq":0,"at":"x","type":"start"}\n');
    expect(problems).toEqual([{ line: 1, message: 'not a JSON record; skipped' }]);
  });

  it('skips lines that are not records, keeps the first of a repeated seq, and orders by seq', () => {
    const text = [
      '{"v":1,"run":"r","seq":1,"at":"x","type":"step","node":"b","action":"done"}',
      '[1,2]',
      '{"v":1,"run":"r","seq":0,"at":"x","type":"start","task":"t"}',
      '{"v":1,"run":"r","seq":1,"at":"x","type":"step","node":"DUP","action":"done"}',
      '{"v":2,"run":"r","seq":2,"at":"x","type":"step"}',
      '',
    ].join('\n');
    const { events, problems } = parseJournal(text);
    expect(problems.map((p) => p.line)).toEqual([2, 5]);
    const run = groupRuns(events).get('r')!;
    expect(run.map((e) => e.type)).toEqual(['start', 'step']);
    expect(run[1]).toMatchObject({ node: 'b' });
  });

  it('tells where a run stands', () => {
    const e = (type: string) => ({ v: 1, run: 'r', seq: 0, at: AT, type }) as never;
    expect(runPhase([e('start'), e('step')])).toBe('active');
    expect(runPhase([e('start'), e('pause')])).toBe('paused');
    expect(runPhase([e('start'), e('wait')])).toBe('waiting');
    expect(runPhase([e('start'), e('wait'), e('resume'), e('jump')])).toBe('active');
    expect(runPhase([e('start'), e('end')])).toBe('finished');
    expect(runPhase([e('start'), e('pause'), e('abandon')])).toBe('abandoned');
  });
});
