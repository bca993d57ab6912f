import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JournalEvent } from './events.js';
import { parseRecord } from './record.js';
import { maxLineLength, streamJournal } from './stream.js';
import { loadRuns } from './load-runs.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-journal-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const fixture = 'test/fixtures/report/journal.jsonl';

describe('reading the journal', () => {
  it('skips a garbled line and a torn last line, counts them and says where', async () => {
    const events: JournalEvent[] = [];
    const stats = await streamJournal(fixture, (e) => events.push(e));
    expect(stats.unreadable).toBe(2);
    expect(stats.unreadableLines).toEqual([6, 38]);
    expect(stats.duplicates).toBe(1);
    expect(stats.lines).toBe(38);
    expect(events).toHaveLength(stats.events);
    expect(new Set(events.map((e) => e.run)).size).toBe(11);
  });

  // Linux: the process's open descriptors are /proc/self/fd
  it.skipIf(!existsSync('/proc/self/fd'))('reads an empty journal and leaves no file open (it was left to the garbage collector)', async () => {
    const path = join(temp, 'empty.jsonl');
    writeFileSync(path, '');
    // descriptors on this file only: the other test worker shares the process and opens its own
    const openOnIt = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === path;
        } catch {
          return false; // closed while listed
        }
      }).length;
    for (let i = 0; i < 20; i++) expect((await streamJournal(path, () => {})).lines).toBe(0);
    expect(openOnIt()).toBe(0);
  });

  it('ignores a repeated seq of a run but keeps the same seq of another run', async () => {
    const path = join(temp, 'dup.jsonl');
    const line = (run: string, seq: number, type: string) => JSON.stringify({ v: 1, run, seq, at: '2026-11-27T10:00:00Z', type, node: 'n', action: 'done' });
    writeFileSync(path, [line('a', 0, 'step'), line('a', 0, 'step'), line('b', 0, 'step'), line('a', 1, 'step'), '', line('a', 1, 'step')].join('\r\n'));
    const seen: string[] = [];
    const stats = await streamJournal(path, (e) => seen.push(`${e.run}${e.seq}`));
    expect(seen).toEqual(['a0', 'b0', 'a1']);
    expect(stats).toMatchObject({ duplicates: 2, unreadable: 0, events: 3 });
  });

  it('skips an overlong line without holding it, and goes on with the next', async () => {
    const path = join(temp, 'long.jsonl');
    const ok = (seq: number) => JSON.stringify({ v: 1, run: 'a', seq, at: '2026-11-27T10:00:00Z', type: 'pause', node: 'n' });
    writeFileSync(path, `${ok(0)}\n{"v":1,"note":"${'x'.repeat(3 * maxLineLength)}"}\n${ok(1)}\n${'y'.repeat(2 * maxLineLength)}`);
    const seen: number[] = [];
    const stats = await streamJournal(path, (e) => seen.push(e.seq));
    expect(seen).toEqual([0, 1]);
    expect(stats).toMatchObject({ lines: 4, unreadable: 2, unreadableLines: [2, 4] });
  });

  it('tells records it cannot read (a newer version, an unknown type) from garbage', () => {
    expect(parseRecord('{"v":2,"run":"a","seq":0,"at":"x","type":"start"}')).toBe('unknown');
    expect(parseRecord('{"v":1,"run":"a","seq":0,"at":"x","type":"teleport"}')).toBe('unknown');
    expect(parseRecord('[1,2]')).toBeNull();
    expect(parseRecord('{"v":1,"run":"a","seq":"0","at":"x","type":"start"}')).toBeNull();
    expect(parseRecord('{"__proto__":{"polluted":1},"v":1,"run":"a","seq":0,"at":"x","type":"pause","node":"n"}')).toMatchObject({ type: 'pause' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('folds each run into its state: done, waiting, paused, abandoned', async () => {
    const { runs, missing } = await loadRuns(fixture);
    expect(missing).toBe(false);
    expect(runs.get('r1')).toMatchObject({ task: 'mail', state: 'done', durationMs: 1_200_000, skips: [{ node: 'answer-mail', reason: 'Писем не было' }] });
    expect(runs.get('r4')).toMatchObject({ state: 'waiting', wait: { node: 'approval', timeoutAt: Date.parse('2026-11-02T07:21:00Z') } });
    expect(runs.get('r5')).toMatchObject({
      state: 'done',
      deadlineAt: Date.parse('2026-11-23T09:00:00Z'),
      deadlineEvent: 'Директор согласовал заявку',
      checkpoints: [{ node: 'received', confirmed: false }],
    });
    expect(runs.get('r6')).toMatchObject({ state: 'paused', node: 'check-acts' });
    expect(runs.get('r9')).toMatchObject({ state: 'abandoned' });
    expect(runs.get('r3')?.unclear).toHaveLength(2);
    expect(runs.has('r12')).toBe(false);
  });

  it('reports a missing journal as no runs', async () => {
    expect(await loadRuns(join(temp, 'none.jsonl'))).toMatchObject({ missing: true, stats: null });
  });
});
