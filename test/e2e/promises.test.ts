/**
 * Promises to clients: a `::promise` step done makes one, due in working time (the calendar and
 * office hours); the journal keeps it; passing the step that keeps it (or the run ending done)
 * keeps it; the agenda lists open ones on their day, and the report counts kept and broken ones.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compilePaths } from '../../src/compile/compile.js';
import { parseJournal } from '../../src/journal/reader.js';
import { JournalWriter } from '../../src/journal/writer.js';
import { startRun } from '../../src/run/engine.js';
import { RunSession } from '../../src/run/session.js';
import { runCli } from '../support/cli.js';

const fixture = 'test/fixtures/promise';
const temp = mkdtempSync(join(tmpdir(), 'instr-promises-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const promiseEvents = (journal: string) =>
  parseJournal(readFileSync(journal, 'utf8'))
    .events.filter((e) => e.type === 'promise')
    .map((e): { at?: string; state?: string; due?: string; by?: string; step?: string } =>
      e.type === 'promise' ? { at: e.at, state: e.state, due: e.due, by: e.by, ...(e.step !== undefined && { step: e.step }) } : {},
    );

describe('promises to clients', () => {
  it('made after 15:00 on Friday 27 November 2026: due Monday 12:00; kept by the later step when the run goes on', async () => {
    const journal = join(temp, 'scripted.jsonl');
    const first = join(temp, 'first.yaml');
    writeFileSync(first, 'accountant: false\n');
    const r = await runCli(['run', 'complaint', fixture, '--answers', first, '--journal', journal, '--now', '2026-11-27T16:00']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(promiseEvents(journal)).toEqual([{ at: '2026-11-27T13:00:00.000Z', state: 'made', due: '2026-11-30T09:00:00.000Z', by: undefined }]);
    // the agenda's part is said on the owed promise's line, not over the list (round 7: a heading
    // «пока не выполнены» stood above a kept promise)
    expect(r.stdout).toContain('Обещания клиентам:\n');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('· открыто — в повестке, пока не выполнено когда выполните: instr promise kept');
    const run = parseJournal(readFileSync(journal, 'utf8')).events[0]!.run;
    const second = join(temp, 'second.yaml');
    writeFileSync(second, 'accountant: true\n');
    const resumed = await runCli(['run', '--resume', run, fixture, '--answers', second, '--journal', journal, '--now', '2026-11-30T11:00']);
    expect(resumed.stderr).toBe('');
    // the journal names the step that kept it, and the screen says it with its number and text
    expect(promiseEvents(journal).at(-1)).toEqual({ at: '2026-11-30T08:00:00.000Z', state: 'kept', due: undefined, by: 'step', step: 'answered' });
    expect(resumed.stdout.replace(/\s+/g, ' ')).toContain('выполнено (шагом 5 «Ответить клиенту: что случилось и как исправим.»)');
    expect(resumed.stdout).not.toContain('пока не выполн');
  });

  it('a promise made before 15:00 is due today at 18:00', async () => {
    const journal = join(temp, 'morning.jsonl');
    const answers = join(temp, 'morning.yaml');
    writeFileSync(answers, 'accountant: false\n');
    await runCli(['run', 'complaint', fixture, '--answers', answers, '--journal', journal, '--now', '2026-11-27T10:00']);
    expect(promiseEvents(journal)[0]).toMatchObject({ state: 'made', due: '2026-11-27T15:00:00.000Z' });
  });

  it('the user can say a promise was kept; going back before the promise withdraws it', async () => {
    const { graph } = await compilePaths([fixture]);
    const journal = join(temp, 'session.jsonl');
    writeFileSync(journal, '');
    let now = new Date('2026-11-27T07:00:00Z');
    const session = new RunSession(graph, startRun(graph, 'complaint', now.toISOString()), new JournalWriter(journal, 'r1', 0), () => now);
    session.apply({ type: 'done' });
    session.apply({ type: 'done' });
    now = new Date('2026-11-27T07:05:00Z');
    session.apply({ type: 'done' }); // the promise step
    expect(session.promises()).toMatchObject([{ node: 'answer-promise', due: Date.parse('2026-11-27T15:00:00Z') }]);
    session.apply({ type: 'back' });
    expect(session.promises()).toEqual([]);
    session.apply({ type: 'done' });
    now = new Date('2026-11-27T08:00:00Z');
    expect(session.keepPromise('answer-promise')).toBe(true);
    expect(session.keepPromise('answer-promise')).toBe(false);
    expect(session.promises()[0]!.kept).toEqual({ at: '2026-11-27T08:00:00.000Z', by: 'answer' });
    expect(promiseEvents(journal).map((e) => `${e.state}${e.by ? `:${e.by}` : ''}`)).toEqual(['made', 'withdrawn', 'made', 'kept:answer']);
  });

  it('the agenda lists open promises on their day with the time; the report counts kept, late and broken ones', async () => {
    const journal = join(temp, 'team.jsonl');
    const start = (run: string, about: string, at: string) =>
      JSON.stringify({
        v: 1,
        run,
        seq: 0,
        at,
        type: 'start',
        task: 'complaint',
        title: 'Жалоба клиента',
        file: 'support.md',
        lang: 'ru',
        user: 'anna',
        revision: null,
        contentHash: 'x',
        scripted: false,
        about,
      });
    const ev = (run: string, seq: number, at: string, body: object) => JSON.stringify({ v: 1, run, seq, at, ...body });
    const made = { type: 'promise', node: 'answer-promise', state: 'made', text: 'Ответить клиенту по жалобе' };
    writeFileSync(
      journal,
      [
        // open, due Monday 12:00 Moscow
        start('open', 'ООО Ромашка', '2026-11-27T13:00:00.000Z'),
        ev('open', 1, '2026-11-27T13:01:00.000Z', { ...made, due: '2026-11-30T09:00:00.000Z' }),
        ev('open', 2, '2026-11-27T13:01:00.000Z', { type: 'wait', node: 'accountant', event: 'Бухгалтер ответил, что произошло' }),
        // kept on time by the step
        start('kept', 'ИП Петров', '2026-11-26T07:00:00.000Z'),
        ev('kept', 1, '2026-11-26T07:01:00.000Z', { ...made, due: '2026-11-26T15:00:00.000Z' }),
        ev('kept', 2, '2026-11-26T12:00:00.000Z', { type: 'promise', node: 'answer-promise', state: 'kept', by: 'step' }),
        ev('kept', 3, '2026-11-26T12:10:00.000Z', { type: 'end', node: null, status: 'done', outcome: '', durationMs: 1 }),
        // broken: due passed, still open
        start('broken', 'ООО Лютик', '2026-11-25T07:00:00.000Z'),
        ev('broken', 1, '2026-11-25T07:01:00.000Z', { ...made, due: '2026-11-25T15:00:00.000Z' }),
        ev('broken', 2, '2026-11-25T07:02:00.000Z', { type: 'pause', node: 'accountant' }),
        // cancelled: dropped, neither kept nor broken
        start('dropped', 'ООО Мак', '2026-11-24T07:00:00.000Z'),
        ev('dropped', 1, '2026-11-24T07:01:00.000Z', { ...made, due: '2026-11-24T15:00:00.000Z' }),
        ev('dropped', 2, '2026-11-24T07:02:00.000Z', { type: 'end', node: null, status: 'cancelled', outcome: 'Клиент ушёл', durationMs: 1 }),
        '',
      ].join('\n'),
    );
    const agenda = await runCli(['agenda', fixture, '--journal', journal, '--date', '2026-11-30', '--now', '2026-11-30T09:00']);
    expect(agenda.stderr).toBe('');
    expect(agenda.stdout).toMatch(/12:00 +complaint +Жалоба клиента — ООО Ромашка\n +Обещание: Ответить клиенту по жалобе +support\.md:22/);
    expect(agenda.stdout).toMatch(/25\.11, 18:00 +просрочено complaint +Жалоба клиента — ООО Лютик/);
    const report = await runCli(['report', fixture, '--journal', journal, '--since', '2026-11-01', '--until', '2026-11-30', '--now', '2026-11-30T09:00']);
    expect(report.stdout).toContain('Обещания клиентам\n  дано 4 · выполнено в срок 1 · с опозданием 0 · не выполнено 1 · открыто 1');
    expect(report.stdout).toContain('2026-11-25 18:00  complaint  Ответить клиенту по жалобе — ООО Лютик (не выполнено)');
    const json = JSON.parse(
      (
        await runCli([
          'report',
          fixture,
          '--journal',
          journal,
          '--since',
          '2026-11-01',
          '--until',
          '2026-11-30',
          '--now',
          '2026-11-30T09:00',
          '--format',
          'json',
        ])
      ).stdout,
    );
    expect(json.promises).toMatchObject({ made: 4, kept: 1, late: 0, broken: 1, open: 1, dropped: 1 });
  });

  it('the report says which step kept a promise late (friend test: a promise kept by a step read as «closed silently»)', async () => {
    const journal = join(temp, 'late.jsonl');
    const ev = (seq: number, at: string, body: object) => JSON.stringify({ v: 1, run: 'late', seq, at, ...body });
    writeFileSync(
      journal,
      [
        ev(0, '2026-11-26T07:00:00.000Z', {
          type: 'start',
          task: 'complaint',
          title: 'Жалоба клиента',
          file: 'support.md',
          lang: 'ru',
          user: 'anna',
          revision: null,
          contentHash: 'x',
          scripted: false,
          about: 'ИП Петров',
        }),
        ev(1, '2026-11-26T07:01:00.000Z', {
          type: 'promise',
          node: 'answer-promise',
          state: 'made',
          text: 'Ответить клиенту по жалобе',
          due: '2026-11-26T15:00:00.000Z',
        }),
        ev(2, '2026-11-27T08:00:00.000Z', { type: 'promise', node: 'answer-promise', state: 'kept', by: 'step', step: 'answered' }),
        ev(3, '2026-11-27T08:10:00.000Z', { type: 'end', node: null, status: 'done', outcome: '', durationMs: 1 }),
        '',
      ].join('\n'),
    );
    const args = ['report', fixture, '--journal', journal, '--since', '2026-11-01', '--until', '2026-11-30', '--now', '2026-11-30T09:00'];
    const ru = await runCli(args);
    expect(ru.stdout).toContain(
      'Ответить клиенту по жалобе — ИП Петров (выполнено с опозданием 2026-11-27 11:00 шагом 5 «Ответить клиенту: что случилось и как исправим.»)',
    );
    const en = await runCli([...args, '--lang', 'en']);
    expect(en.stdout).toContain('(kept late 2026-11-27 11:00 by step 5 «Ответить клиенту: что случилось и как исправим.»)');
    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout);
    expect(json.promises.items[0]).toMatchObject({ state: 'late', keptBy: { node: 'answered', number: '5', line: 29 } });
  });
});
