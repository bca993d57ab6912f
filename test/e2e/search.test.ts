import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { projectRoot, runInstr } from './run-instr.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-search-'));
const saved = process.env['INSTR_CACHE_DIR'];
beforeAll(() => {
  process.env['INSTR_CACHE_DIR'] = join(temp, 'cache');
});
afterAll(() => {
  if (saved === undefined) delete process.env['INSTR_CACHE_DIR'];
  else process.env['INSTR_CACHE_DIR'] = saved;
  rmSync(temp, { recursive: true, force: true });
});

function captured(cwd = projectRoot, level: 0 | 1 = 0): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    color: new Chalk({ level }),
    isTTY: level > 0,
    columns: 100,
    cwd,
    stdout: () => out,
    stderr: () => err,
  };
}

async function instr(args: string[], io = captured()) {
  const code = await main(['node', 'instr', ...args], io);
  process.exitCode = 0;
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('instr search (in process)', () => {
  it('prints the best task first, with the match marked, file:line and the command to run', async () => {
    const r = await instr(['search', 'бухгалтер', 'ошибся,', 'клиент', 'недоволен']);
    expect(r.code).toBe(0);
    const first = r.stdout.split('\n\n')[0]!;
    expect(first).toContain('Клиент недоволен нашей работой #complaint');
    expect(first).toContain('[недоволен]');
    expect(first).toMatch(/instructions\/client-manager\.md:\d+/);
    expect(first).toContain('instr run complaint');
  });

  it('prints JSON with the documented fields, best first', async () => {
    const r = await instr(['search', '--json', 'скидку']);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(results[0]!).sort()).toEqual(['file', 'id', 'kind', 'line', 'score', 'section', 'task', 'text', 'title'].sort());
    // a discount is decided in «Нужно подключить директора»; the request that asks for it comes next
    expect(results[0]).toMatchObject({ task: 'call-director', title: 'Нужно подключить директора' });
    expect(results.slice(0, 3).map((x) => x.task)).toContain('request');
    const scores = results.map((x) => x.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('offers to show a template found in it, not the task that links it (a friend-test stumble)', async () => {
    const r = await instr(['search', '3-НДФЛ', 'квартира']);
    expect(r.code).toBe(0);
    const template = r.stdout.split('\n\n').find((block) => block.includes('instructions/templates/price-list.md:'));
    expect(template).toBeDefined();
    expect(template).toContain('instr show templates/price-list.md');
    expect(template).not.toContain('instr show request');
    const shown = await instr(['show', 'templates/price-list.md']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('3-НДФЛ');
  });

  it("searching one instruction does not take another instruction it links to for a template, nor a template's front matter for its title", async () => {
    const dir = join(temp, 'linked');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'admin.md'),
      '---\nid: admin\ntitle: Администратор\nlang: ru\n---\n\n## Задачи {.tasks}\n\n### Проверить принтер {#printer}\n\n::when[Утро]\n\n1. Проверить принтер по [шаблону](note.md) и [инструкции менеджера](manager.md).\n',
    );
    writeFileSync(join(dir, 'manager.md'), '---\nid: manager\n# Комментарий о принтере в front matter\nlang: ru\n---\n\n# Менеджер\n\nПринтер не печатает.\n');
    writeFileSync(join(dir, 'note.md'), '---\n# заметка о принтере\n---\n\n# Записка для принтера\n\nПринтер в коридоре.\n');
    const r = await instr(['search', '--json', 'принтер', join(dir, 'admin.md')], captured(dir));
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as Array<{ kind: string; file: string; title: string; line: number }>;
    expect(results.map((x) => x.file)).not.toContain('manager.md');
    const note = results.filter((x) => x.kind === 'template');
    expect(note.length).toBeGreaterThan(0);
    for (const x of note) {
      expect(x.title).toBe('Записка для принтера');
      expect(x.line).toBeGreaterThanOrEqual(5);
    }
  });

  it('offers a command that shows a section found in it, which works with two instructions (friend test round 4)', async () => {
    const r = await instr(['search', 'привет']);
    expect(r.code).toBe(0);
    const norms = r.stdout.split('\n\n').find((block) => block.includes('Нормы общения'));
    expect(norms).toContain('instr show client-manager:norms');
    const shown = await instr(['show', 'client-manager:norms']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Нормы общения');
  });

  it('uses the synonyms of the front matter: «орёт» finds the conflict', async () => {
    const r = await instr(['search', '--json', 'орёт']);
    expect((JSON.parse(r.stdout) as Array<{ task: string }>)[0]!.task).toBe('conflict');
  });

  it('finds sections: «ты» is the norms, not the chats', async () => {
    const r = await instr(['search', '--json', 'ты']);
    const results = JSON.parse(r.stdout) as Array<{ kind: string; section: string; task: string | null }>;
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'section', section: 'norms', task: null });
  });

  it("says so in the instruction's language and exits 1 when nothing matches", async () => {
    const r = await instr(['search', 'абракадабра']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Ничего не найдено по запросу «абракадабра»');
    expect(r.stdout).toContain('instr list');
    expect(r.stdout).toContain('«Если ситуации нет в инструкции»');
    const json = await instr(['search', '--json', 'абракадабра']);
    expect(json).toMatchObject({ code: 1, stdout: '[]\n' });
  });

  it('takes trailing paths as the instructions, and labels in their language', async () => {
    const r = await instr(['search', 'вайфай', 'пропал', 'instructions/office-administrator.md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('#internet-down');
    expect(r.stdout).toContain('ситуация: Не [работает] [интернет]');
    expect(r.stdout).toContain('instr run internet-down instructions/office-administrator.md');
  });

  it('colours the match only on a terminal', async () => {
    const r = await instr(['search', 'скидку'], captured(projectRoot, 1));
    expect(r.stdout).toContain('\u001b[');
    expect(r.stdout).not.toContain('[скидку]');
  });

  it('reads synonyms from instr.config.yaml, and rejects a bad one with exit 2', async () => {
    const dir = mkdtempSync(join(temp, 'cfg-'));
    writeFileSync(join(dir, 'a.md'), '---\nid: a\ntitle: A\nlang: en\n---\n\n## Tasks {.tasks}\n\n### Fix the copier {#copier}\n\n1. Call the technician.\n');
    writeFileSync(join(dir, 'instr.config.yaml'), 'synonyms:\n  - [copier, photocopier, xerox]\n');
    const found = await instr(['search', '--json', 'xerox', 'a.md'], captured(dir));
    expect(found.code).toBe(0);
    expect((JSON.parse(found.stdout) as Array<{ task: string }>)[0]!.task).toBe('copier');
    writeFileSync(join(dir, 'instr.config.yaml'), 'synonyms:\n  - [lonely]\n');
    const bad = await instr(['search', 'xerox', 'a.md'], captured(dir));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/instr\.config\.yaml:2:\d+/);
  });

  it('rejects a query with no words and a bad --limit (exit 2)', async () => {
    expect((await instr(['search', '--', '...'])).code).toBe(2);
    expect((await instr(['search', '--limit', 'x', 'скидка'])).code).toBe(2);
  });
});

describe('instr search (the real binary)', () => {
  it('answers from the cached index on the second run, the same as the first', () => {
    // A small instruction of its own and a fresh cache: the first run compiles and indexes cold
    // (the bundled instructions would cost ~2 s of CPU), the second reads both from the cache.
    const cwd = mkdtempSync(join(temp, 'bin-'));
    mkdirSync(join(cwd, 'instructions'));
    writeFileSync(
      join(cwd, 'instructions', 'office.md'),
      '---\nid: office\ntitle: Офис\nlang: ru\n---\n\n## Задачи {.tasks}\n\n' +
        '### Подготовить офис к приходу клиентов {#office-morning}\n\n::when[Начался рабочий день]\n\n' +
        '1. Проверить принтер: в лотке есть бумага, страницы печатаются без полос.\n2. Поставить чайник.\n\n' +
        '### Заказать воду {#water}\n\n::when[Кулер пуст]\n\n1. Позвонить поставщику воды.\n',
    );
    const env = { INSTR_CACHE_DIR: join(cwd, 'cache') };
    const first = runInstr(['search', 'принтер', 'сломался'], { cwd, env });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('#office-morning');
    expect(first.stdout).not.toContain('\u001b[');
    expect(runInstr(['search', 'принтер', 'сломался'], { cwd, env })).toEqual(first);
    expect(runInstr(['search', '--help']).stdout).toContain('Exit codes: 0 found, 1 nothing found, 2 usage');
  });
});
