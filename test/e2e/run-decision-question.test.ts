import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { runCli } from '../support/cli.js';

// Friend test (issue 15): `{ unclear: … }` at a decision was refused, so a scripted run could not
// note the newcomer's question where it arose.
const temp = mkdtempSync(join(tmpdir(), 'instr-run-decision-question-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function answersFile(name: string, lines: string[]): string {
  const file = join(temp, `${name}.yaml`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const noError = 'leaving-our-error: "Нет, нашей ошибки нет или она уже исправлена"';
const reason = '"Причину можно устранить: цена, сроки, ошибки, общение с бухгалтером?"';
const rest = ['closing-business: "Нет, переезжает или уходит к другому бухгалтеру"', '"Документы переданы клиенту по акту, акт подписан": да'];
const at = ['--now', '2026-11-30T10:00', '--user', 'ci', '--about', 'ООО Тест'];

describe('a question noted at a decision in a scripted run', () => {
  it('unclear: with option: notes the question, takes the option, and the question reaches inbox and report', async () => {
    const journal = join(temp, 'ru.jsonl');
    const file = answersFile('ru', [
      noError,
      `${reason}: { unclear: "А переезд в другой город — это можно устранить?", option: "Нет: клиент закрывает бизнес, переезжает или решение окончательное" }`,
      ...rest,
    ]);
    const r = await runCli(['run', 'client-leaving', '--answers', file, '--journal', journal, ...at, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { status: string; notes: Array<{ note: string; text: string }> };
    expect(out.status).toBe('done');
    expect(out.notes).toEqual([
      expect.objectContaining({ note: 'А переезд в другой город — это можно устранить?', text: expect.stringContaining('Причину можно устранить') }),
    ]);
    const unclear = parseJournal(readFileSync(journal, 'utf8')).events.filter((e) => e.type === 'unclear');
    expect(unclear).toHaveLength(1);

    const inbox = await runCli(['inbox', '--journal', journal, '--json']);
    expect(inbox.code).toBe(0);
    expect(inbox.stdout).toContain('А переезд в другой город — это можно устранить?');
    const report = await runCli(['report', '--journal', journal, '--now', '2026-11-30T12:00']);
    expect(report.stdout).toContain('А переезд в другой город — это можно устранить?');
  });

  it('unclear: alone notes the question, then pauses at the decision as an unanswered one; more answers continue it', async () => {
    const journal = join(temp, 'alone.jsonl');
    const file = answersFile('alone', [noError, `${reason}: { unclear: "Что считать окончательным решением?" }`]);
    const r = await runCli(['run', 'client-leaving', '--answers', file, '--journal', journal, ...at]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Причину можно устранить');
    const run = /instr run --resume (\S+) --answers/.exec(r.stderr)?.[1];
    expect(run).toBeDefined();
    const events = parseJournal(readFileSync(journal, 'utf8')).events;
    expect(events.filter((e) => e.type === 'unclear')).toHaveLength(1);
    expect(events.at(-1)?.type).toBe('pause');

    const more = answersFile('alone-more', [`${reason}: "Нет: клиент закрывает бизнес, переезжает или решение окончательное"`, ...rest]);
    const resumed = await runCli(['run', '--resume', run!, '--answers', more, '--journal', journal, '--now', '2026-11-30T11:00', '--json']);
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: 'done', notes: [{ note: 'Что считать окончательным решением?' }] });
  });

  it('in English, and option: on a step or a bare mapping on a decision is an error at its line', async () => {
    const flow = 'test/fixtures/run/flow.md';
    const file = answersFile('en', ['in-tariff: { unclear: "Which tariff is current?", option: Yes }', 'confirmed: yes']);
    const r = await runCli(['run', 'request', flow, '--answers', file, '--journal', join(temp, 'en.jsonl'), '--now', '2026-11-30T10:00', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'done', notes: [{ node: 'in-tariff', note: 'Which tariff is current?' }] });

    const onStep = answersFile('en-step', ['greet: { option: Yes }']);
    const bad = await runCli(['run', 'request', flow, '--answers', onStep, '--journal', join(temp, 'en2.jsonl'), '--now', '2026-11-30T10:00']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${onStep}:1:1: "greet": option: answers a decision`);

    const bare = answersFile('en-bare', ['in-tariff: { skip: later }']);
    const refused = await runCli(['run', 'request', flow, '--answers', bare, '--journal', join(temp, 'en3.jsonl'), '--now', '2026-11-30T10:00']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${bare}:1:1: "in-tariff": a decision takes an option`);
  });
});
