/**
 * A scripted run (`instr run TASK --answers FILE`) is a person's run like an interactive one: the
 * agenda lists its wait to chase and its open promise, the report counts it, and `--resume`
 * picks it up. `instr test` runs its scenarios in memory and never writes to the journal.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { runCli } from '../support/cli.js';

const fixture = 'test/fixtures/promise';
const temp = mkdtempSync(join(tmpdir(), 'instr-scripted-agenda-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface AgendaJson {
  dates: Array<{ date: string; items: Array<{ kind: string; time: string | null; run?: string; label: string; overdue: boolean }> }>;
  open: Array<{ run: string; state: string }>;
}

describe('scripted runs in the agenda and the report', () => {
  it('a scripted run suspended at a wait, with a promise made, is on the next day’s agenda and resumes from it', async () => {
    const journal = join(temp, 'journal.jsonl');
    const answers = join(temp, 'first.yaml');
    writeFileSync(answers, 'accountant: false\n');
    // Friday 27 November 2026, 16:00 Moscow: the promise falls due on Monday at 12:00
    const run = await runCli(['run', 'complaint', fixture, '--answers', answers, '--journal', journal, '--now', '2026-11-27T16:00', '--about', 'ООО Ромашка']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const id = parseJournal(readFileSync(journal, 'utf8')).events[0]!.run;

    const agenda = await runCli(['agenda', fixture, '--journal', journal, '--now', '2026-11-30T09:00', '--format', 'json']);
    expect(agenda.code).toBe(0);
    const monday = (JSON.parse(agenda.stdout) as AgendaJson).dates[0]!;
    expect(monday.date).toBe('2026-11-30');
    // the wait's 2 working hours run out at the close on Friday: it is chased when the office opens
    expect(monday.items.map((i) => [i.kind, i.time, i.run])).toEqual([
      ['wait', '09:00', id],
      ['promise', '12:00', id],
    ]);
    const text = await runCli(['agenda', fixture, '--journal', journal, '--now', '2026-11-30T09:00']);
    expect(text.stdout).toMatch(/12:00 +complaint {2}Жалоба клиента — ООО Ромашка/);
    expect(text.stdout).toContain('Обещание: Ответить клиенту по жалобе');

    const report = await runCli(['report', fixture, '--journal', journal, '--now', '2026-11-30T13:00', '--since', '2026-11-01', '--format', 'json']);
    const counted = JSON.parse(report.stdout) as {
      scriptedRuns: number;
      tasks: Array<{ task: string; started: number; waiting: number }>;
      promises: { made: number; broken: number };
    };
    expect(counted.scriptedRuns).toBe(1);
    expect(counted.tasks.find((t) => t.task === 'complaint')).toMatchObject({ started: 1, waiting: 1 });
    expect(counted.promises).toMatchObject({ made: 1, broken: 1 });

    const second = join(temp, 'second.yaml');
    writeFileSync(second, 'accountant: "10:30"\n');
    const resumed = await runCli(['run', '--resume', id, fixture, '--answers', second, '--journal', journal, '--now', '2026-11-30T11:00']);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    const after = JSON.parse((await runCli(['agenda', fixture, '--journal', journal, '--now', '2026-11-30T11:00', '--format', 'json'])).stdout) as AgendaJson;
    // the step that keeps the promise was passed: nothing of the run is left to do
    expect(after.dates[0]!.items.filter((i) => i.run === id)).toEqual([]);
  });

  it('instr test runs its scenarios without writing a journal', async () => {
    const cwd = mkdtempSync(join(temp, 'test-'));
    const r = await runCli(['test', join(process.cwd(), 'test/fixtures/scenario/basic'), '--now', '2026-11-27T10:00'], { cwd });
    expect(r.code).toBe(0);
    expect(existsSync(join(cwd, '.instr'))).toBe(false);
  });
});
