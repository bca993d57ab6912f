/**
 * `instr run --cancel RUN`: a stray run (a refused answer in a file left it paused) is closed by
 * the person who started it. Before, the agenda said «на паузе» and the report «брошено», and the
 * report counted its promise «не выполнено» (friend test round 12). Now both speak of the paused
 * run with one word, and once cancelled it is «отменено» in the report, gone from the agenda, its
 * promise dropped — neither kept nor broken.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { runStatus } from '../../src/journal/run-status.js';
import { runCli } from '../support/cli.js';

const fixture = 'test/fixtures/promise';
const temp = mkdtempSync(join(tmpdir(), 'instr-run-cancel-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface ReportJson {
  tasks: Array<{ task: string; started: number; cancelled: number; abandoned: number; paused: number }>;
  promises: { made: number; broken: number; open: number };
}

async function strayRun(journal: string): Promise<string> {
  const answers = join(temp, 'refused.yaml');
  // the wait's 2 working hours have not run out at 16:00: «timeout» is refused, the run stays paused
  writeFileSync(answers, 'accountant: timeout\n');
  const run = await runCli(['run', 'complaint', fixture, '--answers', answers, '--journal', journal, '--now', '2026-11-27T16:00']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('ещё не вышло');
  return parseJournal(readFileSync(journal, 'utf8')).events[0]!.run;
}

const report = async (journal: string) =>
  JSON.parse(
    (await runCli(['report', fixture, '--journal', journal, '--now', '2026-12-10T12:00', '--since', '2026-11-01', '--format', 'json'])).stdout,
  ) as ReportJson;

describe('instr run --cancel', () => {
  it('a paused run is «на паузе» in the agenda and the report alike, however long ago it stopped', async () => {
    const journal = join(temp, 'paused.jsonl');
    const id = await strayRun(journal);
    const agenda = await runCli(['agenda', fixture, '--journal', journal, '--now', '2026-12-10T12:00']);
    expect(agenda.stdout).toMatch(new RegExp(`complaint {2}Жалоба клиента {2}на паузе\\n +прохождение ${id}`));
    const text = await runCli(['report', fixture, '--journal', journal, '--now', '2026-12-10T12:00', '--since', '2026-11-01']);
    expect(text.stdout).toContain('начато 1 · завершено 0 · брошено 0 · на паузе 1');
    expect((await report(journal)).tasks.find((t) => t.task === 'complaint')).toMatchObject({ paused: 1, abandoned: 0 });
  });

  it('closes the run as cancelled: gone from the agenda, «отменено» in the report, its promise neither kept nor broken', async () => {
    const journal = join(temp, 'cancel.jsonl');
    const id = await strayRun(journal);
    expect((await report(journal)).promises).toMatchObject({ made: 1, broken: 1 });

    const cancel = await runCli(['run', '--cancel', id, fixture, '--reason', 'запустил по ошибке', '--journal', journal, '--now', '2026-11-30T09:00']);
    expect(cancel.stderr).toBe('');
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toContain(`✔ Прохождение ${id} отменено: Жалоба клиента · запустил по ошибке`);
    expect(cancel.stdout).toContain('Его обещания клиентам сняты — не выполнены и не нарушены: «Ответить клиенту по жалобе»');

    const events = parseJournal(readFileSync(journal, 'utf8')).events;
    expect(events.at(-1)).toMatchObject({ type: 'end', status: 'cancelled', by: 'hand', reason: 'запустил по ошибке', at: '2026-11-30T06:00:00.000Z' });
    expect(runStatus(events)).toBe('cancelled');

    const agenda = await runCli(['agenda', fixture, '--journal', journal, '--now', '2026-11-30T09:00', '--days', '3']);
    expect(agenda.stdout).not.toContain(id);
    const text = await runCli(['report', fixture, '--journal', journal, '--now', '2026-12-10T12:00', '--since', '2026-11-01']);
    expect(text.stdout).toContain('начато 1 · завершено 0 · отменено 1 · брошено 0');
    expect(text.stdout).not.toContain('(не выполнено)');
    const counted = await report(journal);
    expect(counted.tasks.find((t) => t.task === 'complaint')).toMatchObject({ cancelled: 1, abandoned: 0, paused: 0 });
    expect(counted.promises).toMatchObject({ made: 1, broken: 0, open: 0 });

    // a closed run cannot be cancelled again, nor resumed
    const again = await runCli(['run', '--cancel', id, fixture, '--journal', journal, '--now', '2026-11-30T09:05']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`Прохождение ${id} уже закрыто (отменено)`);
    const resume = await runCli(['run', '--resume', id, fixture, '--answers', join(temp, 'refused.yaml'), '--journal', journal, '--now', '2026-11-30T09:05']);
    expect(resume.code).toBe(2);
  });

  it('--json, English, and the errors: an unknown run, a time before the run’s last record, a task instead of a run', async () => {
    const journal = join(temp, 'json.jsonl');
    const id = await strayRun(journal);
    const early = await runCli(['run', '--cancel', id, fixture, '--journal', journal, '--now', '2026-11-27T15:00', '--lang', 'en']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('Time cannot go backwards in a run');
    // the run's last record, at 16:00 in the instruction's zone, to paste (friend test 12b)
    expect(early.stderr).toContain('give --now 2026-11-27T16:00 or later');
    const unknown = await runCli(['run', '--cancel', '20261127T130000Z-000000', fixture, '--journal', journal, '--lang', 'en']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No run "20261127T130000Z-000000"');
    const task = await runCli(['run', 'complaint', '--cancel', id, '--journal', journal, '--lang', 'en']);
    expect(task.code).toBe(2);
    expect(task.stderr).toContain('--cancel takes the run id, not a task');

    const json = await runCli(['run', '--cancel', id, fixture, '--journal', journal, '--now', '2026-11-27T16:30', '--user', 'anna', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      run: id,
      task: 'complaint',
      status: 'cancelled',
      by: 'hand',
      user: 'anna',
      at: '2026-11-27T13:30:00.000Z',
      droppedPromises: [{ promise: 'answer-promise', text: 'Ответить клиенту по жалобе' }],
      journal: expect.stringContaining('json.jsonl'),
    });
    const en = await runCli(['run', '--cancel', id, fixture, '--journal', journal, '--now', '2026-11-27T16:40', '--lang', 'en']);
    expect(en.stderr).toContain(`The run ${id} is already closed (cancelled)`);
  });

  it('is in --help', async () => {
    const help = await runCli(['run', '--help']);
    expect(help.stdout).toContain('--cancel <run>');
    expect(help.stdout).toContain('--reason <text>');
    // when the cancel is recorded, and what a run dated later needs (friend test 12b)
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      'its open promises are dropped. Recorded at --now (else the clock): a run dated later (made with --now) needs a --now at or after its last record',
    );
  });
});
