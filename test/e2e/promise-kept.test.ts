/**
 * A promise kept after its run ended («перезвоню сегодня до 18:00»): a run that ends without
 * passing the step its `kept` names leaves the promise open; `instr promise kept RUN` appends the
 * record (on time or late by the moment kept), the agenda stops listing it, the report judges it.
 * An answers file keeps one in a scripted run with `PROMISE: { kept: … }`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { runCli } from '../support/cli.js';

const fixture = 'test/fixtures/promise-kept';
const temp = mkdtempSync(join(tmpdir(), 'instr-promise-kept-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const promised = 'answer-now: Нет, нужно уточнить\n';

function answers(name: string, text: string): string {
  const file = join(temp, name);
  writeFileSync(file, text);
  return file;
}

const records = (journal: string) => parseJournal(readFileSync(journal, 'utf8')).events;

interface AgendaJson {
  dates: Array<{ date: string; items: Array<{ kind: string; time: string | null; run?: string; node?: string; keep?: string; ended?: boolean }> }>;
}

describe('instr promise kept', () => {
  it('a run that ended leaves its promise on the agenda until it is kept by hand; the report judges it by the moment kept', async () => {
    const journal = join(temp, 'after-end.jsonl');
    // Friday 27 November 2026, 11:00 Moscow: «перезвоню сегодня до 18:00»; the call ends
    const run = await runCli(['run', 'call', fixture, '--answers', answers('a.yaml', promised), '--journal', journal, '--now', '2026-11-27T11:00']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const id = records(journal)[0]!.run;
    expect(records(journal).filter((e) => e.type === 'end')).toHaveLength(1);
    // the summary says the promise is owed and how to close it (a scripted run prints no steps)
    expect(run.stdout).toContain('🤝 Перезвонить клиенту с ответом · срок 2026-11-27 18:00 · открыто');
    expect(run.stdout).toContain(`когда выполните: instr promise kept ${id}`);

    const agenda = JSON.parse((await runCli(['agenda', fixture, '--journal', journal, '--now', '2026-11-27T12:00', '--format', 'json'])).stdout) as AgendaJson;
    expect(agenda.dates[0]!.items).toEqual([
      expect.objectContaining({ kind: 'promise', time: '18:00', run: id, node: 'call-back', ended: true, keep: `instr promise kept ${id}` }),
    ]);
    const text = await runCli(['agenda', fixture, '--journal', journal, '--now', '2026-11-27T12:00']);
    expect(text.stdout).toContain(`когда выполните: instr promise kept ${id}`);

    // kept at 18:20, marked the next morning: late
    const kept = await runCli([
      'promise',
      'kept',
      id,
      fixture,
      '--journal',
      journal,
      '--now',
      '2026-11-30T09:10',
      '--at',
      '2026-11-27 18:20',
      '--note',
      'позвонила, клиент согласен',
      '--user',
      'anna',
      '--json',
    ]);
    expect(kept.stderr).toBe('');
    expect(kept.code).toBe(0);
    expect(JSON.parse(kept.stdout)).toMatchObject({
      run: id,
      promise: 'call-back',
      due: '2026-11-27T15:00:00.000Z',
      kept: '2026-11-27T15:20:00.000Z',
      state: 'late',
      by: 'hand',
      user: 'anna',
      note: 'позвонила, клиент согласен',
    });
    expect(records(journal).at(-1)).toMatchObject({ type: 'promise', state: 'kept', by: 'hand', at: '2026-11-27T15:20:00.000Z' });

    const after = JSON.parse((await runCli(['agenda', fixture, '--journal', journal, '--now', '2026-11-27T12:00', '--format', 'json'])).stdout) as AgendaJson;
    expect(after.dates[0]!.items).toEqual([]);
    const report = await runCli(['report', fixture, '--journal', journal, '--now', '2026-11-30T10:00', '--since', '2026-11-01']);
    expect(report.stdout).toContain('дано 1 · выполнено в срок 0 · с опозданием 1 · не выполнено 0 · открыто 0');
    expect(report.stdout).toContain('2026-11-27 18:00  call  Перезвонить клиенту с ответом (выполнено с опозданием 2026-11-27 18:20)');

    const again = await runCli(['promise', 'kept', id, fixture, '--journal', journal, '--now', '2026-11-30T09:20']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('нет невыполненных обещаний');
  });

  it('kept on time in the text output; an unknown run, a time to come or before the promise are usage errors in the run’s language', async () => {
    const journal = join(temp, 'errors.jsonl');
    await runCli(['run', 'call', fixture, '--answers', answers('b.yaml', promised), '--journal', journal, '--now', '2026-11-27T11:00']);
    const id = records(journal)[0]!.run;
    const unknown = await runCli(['promise', 'kept', '20261127T000000Z-000000', fixture, '--journal', journal, '--now', '2026-11-27T12:00']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('нет прохождения «20261127T000000Z-000000»');
    const future = await runCli(['promise', 'kept', id, fixture, '--journal', journal, '--now', '2026-11-27T12:00', '--at', '13:00']);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('--at «13:00» — позже, чем сейчас');
    const before = await runCli(['promise', 'kept', id, fixture, '--journal', journal, '--now', '2026-11-27T12:00', '--at', '10:00']);
    expect(before.code).toBe(2);
    expect(before.stderr).toContain('раньше, чем обещание дали');
    const none = await runCli(['promise', 'kept', id, fixture, '--journal', journal, '--now', '2026-11-27T12:00', '--promise', 'nothing']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('call-back  «Перезвонить клиенту с ответом» — открыто, срок 2026-11-27 18:00');
    const ok = await runCli(['promise', 'kept', id, fixture, '--journal', journal, '--now', '2026-11-27T17:40', '--promise', 'Перезвонить клиенту с ответом']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✔ Обещание «Перезвонить клиенту с ответом» выполнено: 2026-11-27 17:40, в срок (срок 2026-11-27 18:00).');
    expect(
      records(journal)
        .filter((e) => e.type === 'promise')
        .map((e) => (e.type === 'promise' ? e.state : '')),
    ).toEqual(['made', 'kept']);
  });

  it('documents itself with examples', async () => {
    const help = await runCli(['promise', 'kept', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--at <time>');
    expect(help.stdout).toContain('instr promise kept 20261127T130000Z-276442 --at 17:40');
  });
});

describe('kept: in an answers file', () => {
  it('PROMISE: { kept: true } gives the promise and keeps it in the same scripted run', async () => {
    const journal = join(temp, 'answers-kept.jsonl');
    const r = await runCli([
      'run',
      'call',
      fixture,
      '--answers',
      answers('kept.yaml', `${promised}call-back: { kept: true }\n`),
      '--journal',
      journal,
      '--now',
      '2026-11-27T16:00',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { promises: unknown }).promises).toEqual([
      { node: 'call-back', text: 'Перезвонить клиенту с ответом', due: '2026-11-30T09:00:00.000Z', kept: '2026-11-27T13:00:00.000Z', state: 'kept' },
    ]);
    const promises = records(journal).filter((e) => e.type === 'promise');
    expect(promises.map((e) => (e.type === 'promise' ? [e.state, e.by, e.at] : []))).toEqual([
      ['made', undefined, '2026-11-27T13:00:00.000Z'],
      ['kept', 'answer', '2026-11-27T13:00:00.000Z'],
    ]);
  });

  it('keeps a promise of a resumed run at the time given; a wrong kept: is an error at file:line:column in the instruction’s language', async () => {
    const journal = join(temp, 'resumed.jsonl');
    const first = await runCli([
      'run',
      'complaint',
      'test/fixtures/promise',
      '--answers',
      answers('first.yaml', 'accountant: false\n'),
      '--journal',
      journal,
      '--now',
      '2026-11-27T11:00',
    ]);
    expect(first.code).toBe(0);
    const id = records(journal)[0]!.run;
    // the promise was kept at 17:10 by a call, before the accountant's answer came
    const second = await runCli([
      'run',
      '--resume',
      id,
      'test/fixtures/promise',
      '--answers',
      answers('second.yaml', 'accountant: "17:30"\n"Ответить клиенту по жалобе": { kept: "17:10" }\n'),
      '--journal',
      journal,
      '--now',
      '2026-11-27T17:45',
    ]);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const kept = records(journal).filter((e) => e.type === 'promise' && e.state === 'kept');
    expect(kept).toEqual([expect.objectContaining({ by: 'answer', at: '2026-11-27T14:10:00.000Z' })]);

    const wrong = answers('wrong.yaml', `${promised}\n# the first step is no promise\n"Выслушать клиента и записать вопрос в CRM": { kept: true }\n`);
    const off = await runCli(['run', 'call', fixture, '--answers', wrong, '--journal', journal, '--now', '2026-11-27T16:00']);
    expect(off.code).toBe(2);
    expect(off.stderr).toContain(`${wrong}:4:1: «Выслушать клиента и записать вопрос в CRM»: kept: — ответ только для шага-обещания (::promise)`);
    const later = answers('later.yaml', `${promised}call-back:\n  kept: "19:30"\n`);
    const future = await runCli(['run', 'call', fixture, '--answers', later, '--journal', journal, '--now', '2026-11-27T16:00']);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain(`${later}:2:1: «call-back»: kept: «19:30» — позже, чем сейчас`);
    const bad = answers('bad.yaml', `${promised}call-back: { kept: завтра, skip: нет }\n`);
    const both = await runCli(['run', 'call', fixture, '--answers', bad, '--journal', journal, '--now', '2026-11-27T16:00']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(`${bad}:2:1: «call-back»: kept: значит, что обещание дано`);
  });
});
