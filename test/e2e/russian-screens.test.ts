import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refusalText } from '../../src/run/refusal-text.js';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-ru-screens-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A Russian instruction with a broken front matter (so there is no document to take `lang` from) and a bad schedule. */
const broken = `---
id: Bad_Id
title: Плохая
lang: ru
review: 6 месяцев
colour: red
roles:
  boss:
    title: 5
    phone: 123
---

## Задачи {.tasks}

### Задача {#task}

::schedule[Каждый день]{rrule="FREQ=DAILYY" time="9:0"}

1. Позвонить клиенту.
`;

/** A finding's message: without its place, severity and rule id. */
const message = (line: string) => line.replace(/^.*?\s(error|warning)\s+/, '').replace(/ {2}[a-z-]+$/, '');

const english = /\b(must|Unknown|Missing|problems?|errors?|warnings?|Task|Step|expected|rule)\b/;

describe('one language per screen: a broken Russian instruction is told in Russian', () => {
  it('lint: front-matter errors by keyword at the field, the schedule, the lint rules and the summary', async () => {
    const file = join(temp, 'broken.md');
    writeFileSync(file, broken);
    const r = await runCli(['lint', file, '--today', '2026-11-27'], { cwd: temp, columns: 200 });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(r.stdout).toMatch(/ 2:5 +error +«id» должен быть латинским id: строчные буквы, цифры и дефисы, в начале буква {2}front-matter/);
    expect(r.stdout).toMatch(/ 5:9 +error +«review» должен быть длительностью ISO 8601/);
    expect(r.stdout).toMatch(/ 6:1 +error +Неизвестный ключ «colour» в front matter; допустимы: id, title/);
    expect(r.stdout).toMatch(/ 9:12 +error +В «roles\.boss\.title» ожидается текст/);
    expect(r.stdout).toMatch(/ 10:5 +error +Неизвестный ключ «phone» в «roles\.boss»; допустимы: title, name, contacts/);
    expect(r.stdout).toMatch(/ 17:25 +error +::schedule rrule="FREQ=DAILYY": в правиле нужен FREQ/);
    expect(r.stdout).toMatch(/ 17:45 +error +::schedule time="9:0": должно быть временем ЧЧ:ММ, например 09:00/);
    expect(r.stdout).toMatch(/В задаче «task» не сказано, когда она начинается/);
    expect(lines.at(-1)).toBe('✖ 8 проблем (8 ошибок, 0 предупреждений)');
    // every message (between the severity and the rule id, which stay machine words) is Russian
    for (const line of lines.filter((l) => / error | warning /.test(l))) expect(message(line), line).not.toMatch(english);
  });

  it('compile: the line that stops the command is Russian too', async () => {
    const file = join(temp, 'broken2.md');
    writeFileSync(file, broken);
    const r = await runCli(['compile', file], { cwd: temp });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('instr: В инструкциях 7 ошибок; сначала исправьте их (instr lint покажет все проблемы)');
    for (const line of r.stderr.trim().split('\n')) expect(message(line), line).not.toMatch(english);
  });

  it('front matter: a missing key, an empty value and a wrong type, each at its field', async () => {
    const file = join(temp, 'keys.md');
    writeFileSync(file, `---\nid: keys\nlang: ru\nrole: ""\nsynonyms: слово\n---\n\n## Задачи {.tasks}\n`);
    const r = await runCli(['lint', file], { cwd: temp, columns: 200 });
    expect(r.stdout).toMatch(/ 2:1 +error +В front matter нет обязательного ключа «title»/);
    expect(r.stdout).toMatch(/ 4:7 +error +«role» не должен быть пустым/);
    expect(r.stdout).toMatch(/ 5:11 +error +В «synonyms» ожидается список/);
  });

  it('run: an answer the engine refuses (an option that does not exist) is said in Russian, exit 2', async () => {
    const dir = join(temp, 'instructions');
    cpSync('instructions', dir, { recursive: true });
    const answers = join(temp, 'answers.yaml');
    writeFileSync(answers, '"Понятно, что именно нужно сделать и к какому сроку?": Может быть\n');
    const r = await runCli(['run', 'request', dir, '--answers', answers, '--journal', join(temp, 'j.jsonl')], { cwd: temp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^instr: \S+answers\.yaml:1:1: «Может быть» — не вариант решения «Понятно, что именно нужно сделать и к какому сроку\?»; варианты: /,
    );
    expect(r.stderr).not.toContain('is not an option');
    // the options by the letters `show` prints, not by generated ids
    expect(r.stderr).toMatch(/варианты: a\) Да[^;]*; b\) /);
    expect(r.stderr).not.toMatch(/\bo[0-9a-f]{6}\b/);
  });

  it('run: an answers file that is not there is named as typed and where it led, and why in words', async () => {
    const dir = join(temp, 'instructions-missing');
    cpSync('instructions', dir, { recursive: true });
    const r = await runCli(['run', 'request', dir, '--answers', 'nowhere/answers.yaml', '--journal', join(temp, 'j2.jsonl')], { cwd: temp });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`nowhere/answers.yaml (${join(temp, 'nowhere/answers.yaml')})`);
    expect(r.stderr).toContain('нет такого файла или папки (ENOENT)');
  });

  it('the engine’s refusals read well in both languages', () => {
    expect(refusalText({ code: 'finished', args: { status: 'done' } }, 'ru')).toBe('Прохождение уже закончено (выполнено); можно только вернуться назад');
    expect(refusalText({ code: 'wrongAnswer', args: { kind: 'decision', expected: 'choose,back', answer: 'done' } }, 'ru')).toBe(
      'Здесь (решение) можно ответить только: «выбрать вариант», «назад»; «сделано» не подходит',
    );
    expect(refusalText({ code: 'wrongAnswer', args: { kind: 'decision', expected: 'choose,back', answer: 'done' } }, 'en')).toBe(
      'This decision takes "choose", "back", not "done"',
    );
    expect(refusalText({ code: 'nothingBack', args: {} }, 'ru')).toBe('Назад некуда: это первый шаг');
  });
});
