/**
 * `instr show` prints a link the author wrote as its words and the way to open it — the
 * `instr show NAME` of a linked file or instruction, a web address as written — never as
 * `[words](path)`; and the command it prints opens the file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-show-links-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const texts = {
  ru: {
    title: 'Инструкция',
    tasks: 'Задачи',
    task: 'Заявка клиента',
    when: 'Клиент написал',
    greet: 'Поздороваться по [скрипту\nприветствия](templates/greeting.md).',
    price: 'Назвать цену из [прайс-листа](templates/prices.md#tariffs) или с [сайта](https://example.com/prices).',
    other: 'Передать документы по [инструкции офиса](office.md).',
    norms: 'Нормы общения',
    normsText: 'Фразы — в [скрипте приветствия](templates/greeting.md).',
    template: '# Скрипт приветствия\n\nДобрый день!\n',
  },
  en: {
    title: 'Instruction',
    tasks: 'Tasks',
    task: 'Client request',
    when: 'A client wrote',
    greet: 'Greet the client with the [greeting\nscript](templates/greeting.md).',
    price: 'Tell the price from the [price list](templates/prices.md#tariffs) or the [web site](https://example.com/prices).',
    other: 'Hand the papers over as the [office instruction](office.md) says.',
    norms: 'Norms',
    normsText: 'The phrases are in the [greeting script](templates/greeting.md).',
    template: '# Greeting script\n\nGood morning!\n',
  },
};

function folder(lang: 'ru' | 'en'): string {
  const t = texts[lang];
  const dir = join(temp, lang);
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(
    join(dir, 'doc.md'),
    `---\nid: doc\ntitle: ${t.title}\nlang: ${lang}\n---\n\n## ${t.tasks} {.tasks}\n\n### ${t.task} {#request}\n\n::when[${t.when}]\n\n1. ${t.greet.replace('\n', '\n   ')}\n2. ${t.price}\n3. ${t.other}\n\n## ${t.norms} {.norms}\n\n${t.normsText}\n`,
  );
  writeFileSync(join(dir, 'office.md'), `---\nid: office\ntitle: Office\nlang: ${lang}\n---\n\n## ${t.tasks} {.tasks}\n`);
  writeFileSync(join(dir, 'templates/greeting.md'), t.template);
  writeFileSync(join(dir, 'templates/prices.md'), '| a | b |\n|---|---|\n| 1 | 2 |\n');
  return dir;
}

for (const lang of ['ru', 'en'] as const) {
  describe(`${lang}: links in instr show`, () => {
    const dir = folder(lang);
    const t = texts[lang];

    it('a step’s link is its words and the command that opens it, never Markdown', async () => {
      const r = await runCli(['show', 'request', '.'], { cwd: dir, columns: 200 });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/\]\(|\[[^\]]*\]/);
      const words = (text: string) => text.replace(/\s+/g, ' '); // the author's line break stays, with the hanging indent
      const greeting = lang === 'ru' ? 'скрипту приветствия' : 'greeting script';
      expect(words(r.stdout)).toContain(`${greeting} (instr show greeting)`);
      expect(r.stdout).toContain(`${lang === 'ru' ? 'прайс-листа' : 'price list'} (instr show prices)`);
      expect(r.stdout).toContain(`${lang === 'ru' ? 'сайта' : 'web site'} (https://example.com/prices)`);
      expect(r.stdout).toContain(`${lang === 'ru' ? 'инструкции офиса' : 'office instruction'} (instr show office)`);
    });

    it('a section’s link too, and the printed command opens the file', async () => {
      const r = await runCli(['show', 'norms', '.'], { cwd: dir, columns: 200 });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`${lang === 'ru' ? 'скрипте приветствия' : 'greeting script'} (instr show greeting)`);
      expect(r.stdout).not.toContain('](');
      const opened = await runCli(['show', 'greeting', '.'], { cwd: dir, columns: 200 });
      expect(opened.code, opened.stderr).toBe(0);
      expect(opened.stdout).toContain(t.template.includes('Добрый') ? 'Добрый день!' : 'Good morning!');
    });
  });
}
