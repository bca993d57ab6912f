import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { runCli } from '../support/cli.js';

// Friend test (issue 15): a checkpoint answered «нет» in a scripted run was stored as its value,
// shown ☑, and the run ended done past it.
const temp = mkdtempSync(join(tmpdir(), 'instr-run-checkpoint-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function answersFile(name: string, lines: string[]): string {
  const file = join(temp, `${name}.yaml`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function journalTypes(journal: string): string[] {
  return parseJournal(readFileSync(journal, 'utf8')).events.map((e) => e.type);
}

const leaving = [
  'leaving-our-error: "Нет, нашей ошибки нет или она уже исправлена"',
  '"Причину можно устранить: цена, сроки, ошибки, общение с бухгалтером?": "Нет: клиент закрывает бизнес, переезжает или решение окончательное"',
  'closing-business: "Нет, переезжает или уходит к другому бухгалтеру"',
];
const handedOver = '"Документы переданы клиенту по акту, акт подписан"';
const at = ['--now', '2026-11-30T10:00', '--user', 'ci', '--about', 'ООО Тест'];

describe('a checkpoint answered no in a scripted run', () => {
  for (const no of ['нет', 'false', 'Нет', 'ещё нет'])
    it(`«${no}»: the run pauses at the checkpoint with the path and the resume command, and never ends done`, async () => {
      const journal = join(temp, `no-${encodeURIComponent(no)}.jsonl`);
      const file = answersFile(`no-${encodeURIComponent(no)}`, [...leaving, `${handedOver}: ${no}`]);
      const r = await runCli(['run', 'client-leaving', '--answers', file, '--journal', journal, ...at]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Передать клиенту документы и доступы по акту');
      expect(r.stdout).toMatch(/Контрольная точка не подтверждена: «Документы переданы клиенту по акту, акт\s+подписан»/);
      expect(r.stdout).not.toContain('Клиент ушёл, дела переданы');
      expect(r.stdout).not.toContain('☑ Документы переданы');
      // the summary says the run is paused, not «в процессе» (friend test)
      expect(r.stdout).toContain('Статус: на паузе');
      expect(r.stdout).not.toContain('в процессе');
      const run = /instr run --resume (\S+) --answers ещё\.yaml/.exec(r.stdout)?.[1];
      expect(run).toBeDefined();
      const types = journalTypes(journal);
      expect(types.at(-1)).toBe('pause');
      expect(types).not.toContain('checkpoint');
      expect(types).not.toContain('finish');

      // once it is true, the run goes on from the checkpoint to its end
      const more = answersFile(`more-${encodeURIComponent(no)}`, [`${handedOver}: да`]);
      const resumed = await runCli(['run', '--resume', run!, '--answers', more, '--journal', journal, '--now', '2026-11-30T11:00', '--json']);
      expect(resumed.code).toBe(0);
      const out = JSON.parse(resumed.stdout) as { status: string; outcome: string; checkpoints: Array<{ confirmed: boolean }> };
      expect(out).toMatchObject({ status: 'done', outcome: 'Клиент ушёл, дела переданы' });
      expect(out.checkpoints).toEqual([expect.objectContaining({ confirmed: true })]);
    });

  it('with --json the paused run names the checkpoint that is not confirmed', async () => {
    const journal = join(temp, 'json.jsonl');
    const file = answersFile('json', [...leaving, `${handedOver}: no`]);
    const r = await runCli(['run', 'client-leaving', '--answers', file, '--journal', journal, ...at, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { status: string; unconfirmed: string; checkpoints: unknown[] };
    expect(out.status).toBe('paused');
    expect(out.unconfirmed).toMatch(/^client-leaving\./);
    expect(out.checkpoints).toEqual([]);
  });

  it('a word that is neither yes nor no is an error at its line and column, in the instruction’s language', async () => {
    const journal = join(temp, 'maybe.jsonl');
    const file = answersFile('maybe', [...leaving, `${handedOver}: может быть`]);
    const r = await runCli(['run', 'client-leaving', '--answers', file, '--journal', journal, ...at]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}:4:1: «Документы переданы клиенту по акту, акт подписан»: контрольная точка подтверждена (да, true) или нет (нет, false), а не «может быть»`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('in English: "no" pauses at the checkpoint, "perhaps" is an error at its place, a value checkpoint takes its value', async () => {
    const flow = 'test/fixtures/run/flow.md';
    const journal = join(temp, 'en.jsonl');
    const no = answersFile('en-no', ['in-tariff: Yes', 'confirmed: no']);
    const r = await runCli(['run', 'request', flow, '--answers', no, '--journal', journal, '--now', '2026-11-30T10:00', '--user', 'ci']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Checkpoint not confirmed: "The client confirmed the result"\. The run\s+\S+\s+is paused at it/);
    expect(r.stdout).toMatch(/instr run --resume \S+ --answers MORE\.yaml/);
    expect(r.stdout).toContain('Status: paused');
    expect(journalTypes(journal)).not.toContain('finish');

    // a missing answer pauses the run too, and its summary says so
    const missing = answersFile('en-missing', ['in-tariff: Yes']);
    const stopped = await runCli([
      'run',
      'request',
      flow,
      '--answers',
      missing,
      '--journal',
      join(temp, 'en4.jsonl'),
      '--now',
      '2026-11-30T10:00',
      '--lang',
      'en',
    ]);
    expect(stopped.code).toBe(2);
    expect(stopped.stdout).toContain('Status: paused');
    expect(stopped.stdout).not.toContain('in progress');
    expect(stopped.stderr).toMatch(/instr run --resume \S+ --answers/);

    const perhaps = answersFile('en-perhaps', ['in-tariff: Yes', 'confirmed: perhaps']);
    const bad = await runCli(['run', 'request', flow, '--answers', perhaps, '--journal', join(temp, 'en2.jsonl'), '--now', '2026-11-30T10:00']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${perhaps}:2:1: "confirmed": a checkpoint is confirmed (true, yes) or not (false, no), not "perhaps"`);

    const yes = answersFile('en-yes', ['in-tariff: Yes', 'confirmed: yes']);
    const done = await runCli(['run', 'request', flow, '--answers', yes, '--journal', join(temp, 'en3.jsonl'), '--now', '2026-11-30T10:00', '--json']);
    expect(JSON.parse(done.stdout)).toMatchObject({ status: 'done', checkpoints: [{ node: 'confirmed', confirmed: true }] });
  });
});
