/**
 * The run menu's search in a pseudo-terminal (python3's pty module): the same search as
 * `instr search`, sections included, and a way on when nothing matches — in the instruction's language.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { python } from '../support/python.js';
import { binPath, projectRoot } from './run-instr.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-search-pty-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const driver = join(projectRoot, 'test/e2e/pty-drive.py');

const ENTER = '\r';
const DOWN = '\u001b[B';
const CTRL_C = '\u0003';

function drive(
  name: string,
  steps: Array<{ expect: string; send?: string }>,
  args: string[] = [],
  env: Record<string, string> = {},
): { code: number | null; output: string; failed: unknown } {
  const script = join(temp, `${name}.json`);
  writeFileSync(script, JSON.stringify({ cols: 100, rows: 40, timeout: 30, steps }));
  const r = spawnSync(python, [driver, script, '--', process.execPath, binPath, 'run', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      NO_COLOR: '1',
      FORCE_COLOR: '',
      INSTR_JOURNAL: join(temp, `${name}.jsonl`),
      INSTR_CACHE_DIR: join(temp, 'cache'),
      LANG: 'C.UTF-8',
      ...env,
    },
  });
  if (r.status !== 0) throw new Error(`pty driver failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { code: number | null; output: string; failed: unknown };
}

const menu = '\\? Какая задача или ситуация\\? \\(начните печатать для поиска\\)';

describe.skipIf(!python)('the run menu searches like instr search (pseudo-terminal)', () => {
  it('finds the conflict from «кричит» (a synonym) and runs it', () => {
    const r = drive('conflict', [
      { expect: `${menu}[\\s\\S]*❯`, send: 'кричит' },
      { expect: '❯ Конфликт с клиентом \\(#conflict\\)', send: ENTER },
      { expect: '\\? О чём это прохождение', send: ENTER },
      { expect: 'Конфликт с клиентом #conflict[\\s\\S]*Шаг 1\\n[\\s\\S]*❯ Сделано', send: CTRL_C },
    ]);
    expect(r.failed).toBeNull();
    expect(r.code).toBe(130);
  });

  it('offers sections: «ты» shows the norms, and the run ends there', () => {
    const r = drive('norms', [
      { expect: `${menu}[\\s\\S]*❯`, send: 'ты' },
      { expect: '❯ Нормы общения \\(раздел\\)', send: ENTER },
    ]);
    expect(r.failed).toBeNull();
    expect(r.code).toBe(0);
    expect(r.output).toContain('С клиентами всегда на «вы»');
    expect(r.output).not.toContain('Шаг 1');
  });

  it('says in Russian when nothing matches, and offers the gap procedure', () => {
    const r = drive('nothing', [
      { expect: `${menu}[\\s\\S]*❯`, send: 'абракадабра' },
      { expect: 'Ничего не найдено[\\s\\S]*❯ Показать список всех задач[\\s\\S]*Ситуации нет в инструкции', send: `${DOWN}${ENTER}` },
    ]);
    expect(r.failed).toBeNull();
    expect(r.code).toBe(0);
    expect(r.output).not.toContain('No results found');
    expect(r.output).toContain('Решите вопрос вместе с главным бухгалтером');
  });

  it('offers «Поиск по инструкции…» directly in a document without reference sections, and comes back to the step', () => {
    const dir = mkdtempSync(join(temp, 'plain-'));
    writeFileSync(
      join(dir, 'plain.md'),
      [
        '---',
        'id: plain',
        'title: Инструкция без разделов справки',
        'lang: ru',
        '---',
        '',
        '## Задачи {.tasks}',
        '',
        '### Принять посылку {#parcel}',
        '',
        '::when[Курьер принёс посылку]',
        '',
        '1. Проверить упаковку.',
        '2. Расписаться в накладной.',
        '',
        '### Заказать воду {#water}',
        '',
        '::when[Кулер пуст]',
        '',
        '1. Позвонить поставщику воды.',
        '',
      ].join('\n'),
    );
    const stepMenu = (n: number) => `Шаг ${n}\\n[\\s\\S]*\\? Что дальше\\?[\\s\\S]*❯ Сделано`;
    const r = drive(
      'plain',
      [
        // a task without a schedule first asks what the run is about: nothing
        { expect: 'О чём это прохождение', send: ENTER },
        // done, skip, unclear, not covered, pause, then the search (no «Справка…»: nothing to refer to)
        { expect: `${stepMenu(1)}[\\s\\S]*Поиск по инструкции…`, send: `${DOWN.repeat(5)}${ENTER}` },
        { expect: '\\? Что найти\\? \\(пусто — назад\\)', send: `поставщик воды${ENTER}` },
        { expect: '\\? Какой результат открыть\\?[\\s\\S]*❯ [^\\n]*Заказать воду', send: ENTER },
        // printed (PAGER=cat), then the same step's menu again
        { expect: 'Пройти эту задачу позже: instr run water[\\s\\S]*Позвонить поставщику воды[\\s\\S]*\\? Что дальше\\?[\\s\\S]*❯ Сделано', send: CTRL_C },
      ],
      ['parcel', dir],
      { PAGER: 'cat' },
    );
    if (r.failed) console.log(r.output.slice(-2500));
    expect(r.failed).toBeNull();
    expect(r.code).toBe(130);
    expect(r.output).not.toContain('Справка');
    expect(r.output).not.toMatch(/Search|Reference|No results/);
  });
});
