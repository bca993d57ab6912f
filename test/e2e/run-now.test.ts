/**
 * Time in `instr run`: --now (and INSTR_NOW) fix the moment a run acts at, so a scripted run is
 * repeatable; a wait answered with a time ("11:00") happened then, and its deadline counts from it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-run-now-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The bundled instruction's equipment task: the director's approval (deadline 1 week after it). */
const answers = [
  '"Итог сметы больше 30 000 ₽?": Нет, в пределах лимита',
  'equipment-wishes: true',
  'equipment-approval: "11:00"',
  '"Что ответил директор?": Согласовала всю заявку',
  '"С поставщиком уже есть договор?": Да, поставщик из списка постоянных',
  'delivery-day: true',
  '"Доставка пришла полностью и без повреждений?": Да',
  '"Всё согласованное куплено, отремонтировано и принято в течение недели после согласования": true',
].join('\n');

function events(journal: string) {
  return parseJournal(readFileSync(journal, 'utf8')).events;
}

describe('instr run --now', () => {
  it('stamps every record with --now, and a wait answered "11:00" happened at 11:00 today: the deadline counts from then', async () => {
    const journal = join(temp, 'equipment.jsonl');
    const file = join(temp, 'equipment.yaml');
    writeFileSync(file, answers);
    const r = await runCli(['run', 'equipment', '--answers', file, '--journal', journal, '--now', '2026-11-27T15:00', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const ev = events(journal);
    expect(new Set(ev.map((e) => e.at))).toEqual(new Set(['2026-11-27T12:00:00.000Z']));
    expect(ev[0]).toMatchObject({ type: 'start', run: expect.stringMatching(/^20261127T120000Z-/) });
    const resume = ev.find((e) => e.type === 'resume' && e.node === 'equipment-approval');
    // 11:00 Moscow is 08:00Z; deadline=P1W → a week after the approval, not after the answer at 15:00
    expect(resume).toMatchObject({ happenedAt: '2026-11-27T08:00:00.000Z', deadlineAt: '2026-12-04T08:00:00.000Z' });
  });

  it('INSTR_NOW does the same; a time after now, or a bad --now, stops with a usage error', async () => {
    const journal = join(temp, 'env.jsonl');
    const file = join(temp, 'env.yaml');
    writeFileSync(file, answers);
    const late = await runCli(['run', 'equipment', '--answers', file, '--journal', journal], { env: { INSTR_NOW: '2026-11-27T10:00' } });
    expect(late.code).toBe(2);
    expect(late.stderr).toMatch(/env\.yaml:3:1: «equipment-approval»: «11:00» — позже, чем сейчас: событие ещё не произошло/);
    expect(events(journal)[0]).toMatchObject({ at: '2026-11-27T07:00:00.000Z' });
    const bad = await runCli(['run', 'equipment', '--answers', file, '--journal', journal, '--now', 'завтра']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--now должен быть датой и временем, например 2026-11-27T17:30');
  });
});

describe('a wait whose time ran out', () => {
  it('takes the timeout steps under the wait, then waits again with a new chase time in office hours', async () => {
    const journal = join(temp, 'timeout.jsonl');
    const file = join(temp, 'timeout.yaml');
    writeFileSync(file, answers.replace('equipment-approval: "11:00"', 'equipment-approval: timeout'));
    const first = join(temp, 'timeout-first.yaml');
    writeFileSync(first, answers.replace('equipment-approval: "11:00"\n', ''));
    // Friday 27 November 2026, 15:00; three calendar days later is Monday 30 November, 15:00
    const waiting = await runCli(['run', 'equipment', '--answers', first, '--journal', journal, '--now', '2026-11-27T15:00', '--json']);
    expect(waiting.code).toBe(0);
    const run = (JSON.parse(waiting.stdout) as { run: string }).run;
    // friend test round 5: «время вышло» before the timeout falls is refused, and the run stays resumable
    const early = await runCli(['run', '--resume', run, '--answers', file, '--journal', journal, '--now', '2026-11-29T15:00']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('Время ожидания «Директор согласовал заявку» ещё не вышло: оно выйдет 2026-11-30 15:00 (местное время инструкции)');
    const r = await runCli(['run', '--resume', run, '--answers', file, '--journal', journal, '--now', '2026-11-30T15:00', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'waiting', node: 'equipment-approval' });
    const ev = events(journal);
    const at = ev.findIndex((e) => e.type === 'timeout');
    expect(ev[at]).toMatchObject({ node: 'equipment-approval' });
    expect(ev.slice(at).map((e) => e.type)).toEqual(['timeout', 'step', 'wait']);
    expect(ev.filter((e) => e.type === 'wait' && e.node === 'equipment-approval')).toHaveLength(2);
    expect(ev.at(-1)).toMatchObject({ type: 'wait', node: 'equipment-approval', timeoutAt: '2026-12-03T12:00:00.000Z' });

    // shown as a branch of the wait
    const shown = await runCli(['show', 'equipment']);
    expect(shown.stdout).toMatch(
      /⏸ Ждать: Директор согласовал заявку[^\n]*\n(.*\n)?\s+⌛ Время вышло, директор не ответила\n\s+11\.t\.1\. Написать директору в Telegram/,
    );
  });
});

describe('--resume --now (friend test round 5)', () => {
  it("refuses a moment earlier than the run's last event, naming it", async () => {
    const journal = join(temp, 'backwards.jsonl');
    const file = join(temp, 'backwards.yaml');
    writeFileSync(file, answers.replace('equipment-approval: "11:00"\n', ''));
    const waiting = await runCli(['run', 'equipment', '--answers', file, '--journal', journal, '--now', '2026-11-27T15:00', '--json']);
    const run = (JSON.parse(waiting.stdout) as { run: string }).run;
    const back = await runCli(['run', '--resume', run, '--answers', file, '--journal', journal, '--now', '2026-11-26T15:00']);
    expect(back.code).toBe(2);
    expect(back.stderr).toContain(`последнее событие прохождения ${run} записано 2026-11-27 15:00, а сейчас — 2026-11-26 15:00`);
    expect(events(journal).at(-1)).toMatchObject({ type: 'wait' });
  });
});
