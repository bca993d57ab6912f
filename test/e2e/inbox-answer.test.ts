import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { loadRuns } from '../../src/journal/load-runs.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'instr-inbox-answer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = '20261127T090000Z-c0ffee';

/** A paused run of `request` with one question at its second step (the greeting). */
async function journalWithQuestion(name: string): Promise<{ root: string; journal: string; greet: string }> {
  const root = join(dir, name);
  cpSync('instructions', root, { recursive: true });
  const { compilePaths } = await import('../../src/compile/compile.js');
  const { graph } = await compilePaths([join(root, 'client-manager.md')], { cwd: root });
  const greet = Object.values(graph.nodes).find((n) => n.task === 'request' && n.kind === 'step' && n.markdown.includes('Поздороваться'))!.id;
  const journal = join(dir, `${name}.jsonl`);
  const base = { v: 1, run };
  const start = { title: 'Обработать заявку клиента', file: 'client-manager.md', lang: 'ru', user: 'anna', revision: null, contentHash: 'h', scripted: false };
  const lines = [
    { ...base, seq: 0, at: '2026-11-27T09:00:00Z', type: 'start', task: 'request', ...start },
    { ...base, seq: 1, at: '2026-11-27T09:01:00Z', type: 'unclear', node: greet, note: 'Как обращаться, если клиент не назвал отчество?' },
    { ...base, seq: 2, at: '2026-11-27T09:02:00Z', type: 'pause', node: greet },
  ];
  writeFileSync(journal, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  return { root, journal, greet };
}

describe('instr inbox answer', () => {
  it('closes a question: appended to the journal, gone from the open list, shown with --all and in inbox show', async () => {
    const { root, journal } = await journalWithQuestion('answer');
    const before = readFileSync(journal, 'utf8');
    const r = await runCli([
      'inbox',
      'answer',
      'q-c0ffee-1',
      root,
      '--journal',
      journal,
      '--note',
      'По имени, без отчества: «Анна, добрый день!»',
      '--user',
      'irina',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ На вопрос q-c0ffee-1 дан ответ; instr inbox больше не показывает его как открытый\. \(журнал: /);
    // append-only: the old records are untouched, one record more after the run's last one
    const after = readFileSync(journal, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const events = parseJournal(after).events;
    expect(events).toHaveLength(4);
    expect(events[3]).toMatchObject({ run, seq: 3, type: 'answered', question: 1, answer: 'По имени, без отчества: «Анна, добрый день!»', user: 'irina' });
    // the run itself is as it was: still paused, its last activity the pause
    const runs = await loadRuns(journal);
    expect(runs.runs.get(run)).toMatchObject({ state: 'paused', lastAtText: '2026-11-27T09:02:00Z' });

    const open = await runCli(['inbox', root, '--journal', journal]);
    expect(open.code).toBe(0);
    expect(open.stdout).not.toContain('Вопросы к владельцу инструкции');
    expect(open.stdout).toContain('вопросов с ответом не показано: 1 (instr inbox --all)');
    const all = await runCli(['inbox', root, '--journal', journal, '--all']);
    expect(all.stdout).toContain('Вопросы к владельцу инструкции (1)');
    expect(all.stdout).toContain('✔ По имени, без отчества: «Анна, добрый день!»');
    const json = JSON.parse((await runCli(['inbox', root, '--journal', journal, '--json'])).stdout) as { questions: Array<Record<string, unknown>> };
    expect(json.questions[0]).toMatchObject({ id: 'q-c0ffee-1', answer: { text: 'По имени, без отчества: «Анна, добрый день!»', user: 'irina' } });
    const one = await runCli(['inbox', 'show', 'q-c0ffee-1', root, '--journal', journal]);
    expect(one.stdout).toContain('Ответ: По имени, без отчества: «Анна, добрый день!»');
    expect(one.stdout).toMatch(/ответ дан \d{4}-\d\d-\d\d \d\d:\d\d · irina/);
    // times on screen are in the instruction's zone (Europe/Moscow): asked 09:01 UTC is 12:01 there
    expect(one.stdout).toContain('задан 2026-11-27 12:01');
    expect(one.stdout).not.toContain('UTC');
  });

  it('a later answer replaces the shown one; both stay in the journal; --json says what was recorded', async () => {
    const { root, journal } = await journalWithQuestion('twice');
    await runCli(['inbox', 'answer', 'q-c0ffee-1', root, '--journal', journal, '--note', 'Первый ответ']);
    const second = await runCli(['inbox', 'answer', 'q-c0ffee-1', root, '--journal', journal, '--note', 'Второй ответ', '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ kind: 'answered', id: 'q-c0ffee-1', answer: { text: 'Второй ответ' } });
    const events = parseJournal(readFileSync(journal, 'utf8')).events;
    expect(events.filter((e) => e.type === 'answered').map((e) => e.seq)).toEqual([3, 4]);
    const shown = await runCli(['inbox', 'show', 'q-c0ffee-1', root, '--journal', journal]);
    expect(shown.stdout).toContain('Ответ: Второй ответ');
  });

  it('refuses, in Russian and with exit 2, an unknown id, a missing answer and a missing id', async () => {
    const { root, journal } = await journalWithQuestion('refuse');
    const unknown = await runCli(['inbox', 'answer', 'q-nope-9', root, '--journal', journal, '--note', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Нет вопроса с id «q-nope-9». Есть:\n  q-c0ffee-1  Как обращаться');
    const noNote = await runCli(['inbox', 'answer', 'q-c0ffee-1', root, '--journal', journal]);
    expect(noNote.code).toBe(2);
    expect(noNote.stderr).toContain('Напишите ответ в --note');
    const noId = await runCli(['inbox', 'answer']);
    expect(noId.code).toBe(2);
    expect(noId.stderr).toContain('Укажите вопрос, на который отвечаете');
    expect(parseJournal(readFileSync(journal, 'utf8')).events).toHaveLength(3);
  });

  it('inbox problems (a file that is not a draft) are said in the instruction’s language', async () => {
    const root = join(dir, 'problems');
    cpSync('instructions', root, { recursive: true });
    mkdirSync(join(root, 'inbox'), { recursive: true });
    writeFileSync(join(root, 'inbox', 'notes.md'), '# just notes\n');
    writeFileSync(join(root, 'inbox', '2026-11-27-x.md'), '<!-- instr-inbox {not json} -->\n### X\n');
    const r = await runCli(['inbox', root, '--journal', join(dir, 'none.jsonl')]);
    expect(r.stderr).toContain('inbox/notes.md: не черновик: в первой строке нет заголовка <!-- instr-inbox {…} -->');
    expect(r.stderr).toContain('inbox/2026-11-27-x.md: заголовок instr-inbox в первой строке — не корректный JSON');
    expect(r.stderr).not.toMatch(/not an inbox draft|not valid JSON/);
  });
});
