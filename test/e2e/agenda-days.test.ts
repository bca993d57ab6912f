/**
 * A range of days on the agenda (`--days N`): a day's heading appears only with something under
 * it, in text and in Markdown, and every item says when (its time, an overdue item its date and
 * time, an untimed schedule «весь день»). Friend test round 12: `instr agenda --days 13` from
 * 30 December 2026 over the New Year holidays, with a wait overdue since Monday 7 December.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-agenda-days-'));
const journal = join(temp, 'journal.jsonl');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

beforeAll(async () => {
  const answers = join(temp, 'urgent.yaml');
  writeFileSync(
    answers,
    'chief-urgent-answer: true\n"Клиенту в течение часа сообщено, кто и к какому часу решает срочный вопрос": true\nurgent-tariff: Да, входит\n',
  );
  // Friday 4 December 2026, 17:10: the wait of one clock hour ends at 18:10, after closing time, and is chased on Monday 7 December at 9:00
  const run = await runCli(['run', 'urgent-issue', '--answers', answers, '--journal', journal, '--now', '2026-12-04T17:10']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});

const heading = /^(понедельник|вторник|среда|четверг|пятница|суббота|воскресенье), \d+ [а-я]+ \d{4} г\.$/;

describe('the agenda over several days', () => {
  it('text: headings only for days with items, each item with its time', async () => {
    const result = await runCli(['agenda', '--journal', journal, '--days', '13', '--now', '2026-12-30T16:20']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const headings = lines.filter((l) => heading.test(l));
    expect(headings).toEqual(['среда, 30 декабря 2026 г.', 'понедельник, 11 января 2027 г.']);
    for (const h of headings) expect(lines[lines.indexOf(h) + 1]).toMatch(/^ {2}\S/);
    // an item's first line starts with when: HH:MM, or DD.MM, HH:MM when overdue
    const items = lines.filter((l) => /^ {2}\S/.test(l));
    expect(items.length).toBeGreaterThan(4);
    for (const item of items) expect(item).toMatch(/^ {2}(\d{2}\.\d{2}, )?\d{2}:\d{2} /);
    expect(result.stdout).toMatch(/^ {2}07\.12, 09:00 +просрочено urgent-issue +Срочный вопрос клиента$/m);
  });

  it('Markdown: the same days, and one line when the whole range is empty', async () => {
    const md = await runCli(['agenda', '--journal', journal, '--days', '13', '--now', '2026-12-30T16:20', '--format', 'markdown']);
    expect(md.stdout.match(/^## .*$/gm)).toEqual(['## среда, 30 декабря 2026 г.', '## понедельник, 11 января 2027 г.']);
    const empty = join(temp, 'empty.jsonl');
    writeFileSync(empty, '');
    const holidays = await runCli(['agenda', '--journal', empty, '--date', '2027-01-04', '--days', '3', '--format', 'markdown']);
    expect(holidays.stdout).toBe('# Повестка\n\nНичего не запланировано.\n');
    const text = await runCli(['agenda', '--journal', empty, '--date', '2027-01-04', '--days', '3']);
    expect(text.stdout).toBe('Ничего не запланировано.\n');
  });
});
