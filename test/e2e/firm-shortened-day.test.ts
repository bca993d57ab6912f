/**
 * A firm's shortened day (`shortened-days` in days-off.yaml) closes at `hours.shortened`: a wait
 * in working hours started late that day runs on into the next working day, in the run's journal
 * and on the agenda alike (friend test round 12: 30 December 2026, before the New Year holidays).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-firm-shortened-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface AgendaJson {
  dates: Array<{ date: string; items: Array<{ kind: string; time: string | null; run?: string }> }>;
}

async function waitAt1530(folder: string, name: string): Promise<{ timeoutAt: string; run: string; journal: string }> {
  const journal = join(temp, `${name}.jsonl`);
  const answers = join(temp, `${name}.yaml`);
  writeFileSync(answers, '{}\n');
  const run = await runCli(['run', 'complaint', folder, '--answers', answers, '--journal', journal, '--now', '2026-12-30T15:30']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const events = parseJournal(readFileSync(journal, 'utf8')).events;
  const wait = events.find((e) => e.type === 'wait');
  if (wait?.type !== 'wait' || typeof wait.timeoutAt !== 'string') throw new Error('the run did not stop at the wait');
  return { timeoutAt: wait.timeoutAt, run: events[0]!.run, journal };
}

describe('a firm’s shortened day in working time', () => {
  it('without days-off.yaml, 30 December 2026 is a full day: 2 working hours from 15:30 end at 17:30', async () => {
    const { timeoutAt } = await waitAt1530('test/fixtures/promise', 'plain');
    expect(timeoutAt).toBe('2026-12-30T14:30:00.000Z');
  });

  it('with shortened-days: 30 December closes at 17:00, and the wait goes on on 11 January 2027 until 09:30', async () => {
    const folder = join(temp, 'firm');
    cpSync('test/fixtures/promise', folder, { recursive: true });
    writeFileSync(join(folder, 'days-off.yaml'), 'shortened-days:\n  2026-12-30: Последний рабочий день года\n');
    const { timeoutAt, run, journal } = await waitAt1530(folder, 'firm');
    expect(timeoutAt).toBe('2027-01-11T06:30:00.000Z');
    const agenda = await runCli(['agenda', folder, '--journal', journal, '--now', '2026-12-30T16:00', '--days', '13', '--format', 'json']);
    expect(agenda.code).toBe(0);
    const days = (JSON.parse(agenda.stdout) as AgendaJson).dates;
    const waits = days.flatMap((d) => d.items.filter((i) => i.kind === 'wait').map((i) => [d.date, i.time, i.run]));
    expect(waits).toEqual([['2027-01-11', '09:30', run]]);
  });

  it('instr test counts with the firm’s days too: 2 working hours from 15:30 on 30 December end on 11 January', async () => {
    const folder = join(temp, 'firm-test');
    cpSync('test/fixtures/promise', folder, { recursive: true });
    writeFileSync(join(folder, 'days-off.yaml'), 'shortened-days:\n  2026-12-30: Последний рабочий день года\n');
    const scenarios = join(temp, 'shortened.yaml');
    writeFileSync(
      scenarios,
      `task: complaint
scenarios:
  - name: the accountant is silent 2 working hours from 15:30; the client is answered at 17:45 that day
    now: 2026-12-30T15:30
    answers:
      accountant: [{ answer: timeout, advance: 2wh }, { answer: true, at: "17:45" }]
    expect:
      promises:
        - { promise: answer-promise, due: "2027-01-11 12:00", state: late }
`,
    );
    // with the firm's shortened day the clock is on 11 January 10:30 after the 2 hours, so 17:45 is
    // that day, after the promise's noon; without it, 17:45 on 30 December, in time
    const firm = await runCli(['test', folder, scenarios, '--lang', 'en']);
    expect(firm.stdout).toContain('✓ the accountant is silent');
    expect(firm.code).toBe(0);
    const plain = await runCli(['test', 'test/fixtures/promise', scenarios, '--lang', 'en']);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('is kept, not late');
  });
});
