/**
 * instr.config.yaml's problems are said in the screen's language (docs/screen-language.md), each
 * at the config file's line and column: by lint, and by search, which reads its synonyms.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-config-lang-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const cyrillic = /[\u0400-\u04ff]/;
const englishWords = /\b(the|must|is|not|unknown|rule|key|valid|map|keys|unique|repeated|listed|in|config|one|of|be)\b/i;

const instruction = {
  ru: '---\nid: doc\ntitle: Инструкция\nlang: ru\n---\n\n## Задачи {.tasks}\n\n### Заявка {#request}\n\n::when[Клиент написал]\n\n1. Позвонить клиенту.\n',
  en: '---\nid: doc\ntitle: Instruction\nlang: en\n---\n\n## Tasks {.tasks}\n\n### Request {#request}\n\n::when[A client wrote]\n\n1. Call the client.\n',
};

const configs: Array<{ name: string; yaml: string; at: string; ru: RegExp; en: RegExp }> = [
  { name: 'an unknown rule', yaml: 'rules:\n  no-such-rule: warn\n', at: '2:3', ru: /Неизвестное правило «no-such-rule»/, en: /Unknown rule "no-such-rule"/ },
  {
    name: 'a wrong severity',
    yaml: 'rules:\n  vague-wording: loud\n',
    at: '2:18',
    ru: /«rules\.vague-wording»: нужно off, warn или error/,
    en: /"rules\.vague-wording" must be off, warn or error/,
  },
  {
    name: 'an unknown key',
    yaml: 'extends: recommended\ncolour: red\n',
    at: '2:1',
    ru: /Неизвестный ключ «colour» в файле настроек/,
    en: /Unknown key "colour" in the config/,
  },
  { name: 'a preset that is none', yaml: 'extends: lenient\n', at: '1:10', ru: /«extends»: нужно одно из/, en: /"extends" must be one of/ },
  {
    name: 'a repeated key',
    yaml: 'extends: strict\nextends: strict\n',
    at: '2:1',
    ru: /Ключ «extends» повторяется/,
    en: /Map keys must be unique \("extends" is repeated\)/,
  },
  { name: 'a tab', yaml: 'rules:\n\tdead-end: off\n', at: '2:1', ru: /Табуляция в отступе/, en: /Not valid YAML/ },
  { name: 'not YAML', yaml: 'rules: [\n', at: '2:1', ru: /Это не YAML/, en: /Not valid YAML/ },
];

/** The message of a config line (`file:line:col  error  message  config`). */
const messageOf = (line: string) => line.replace(/^.*?\s+error\s+/, '').replace(/\s+config$/, '');

for (const lang of ['ru', 'en'] as const) {
  describe(`${lang}: instr.config.yaml`, () => {
    for (const [i, c] of configs.entries()) {
      it(`${c.name}: at its line and column, in the instructions’ language`, async () => {
        const dir = mkdtempSync(join(temp, `${lang}-${i}-`));
        writeFileSync(join(dir, 'doc.md'), instruction[lang]);
        writeFileSync(join(dir, 'instr.config.yaml'), c.yaml);
        const r = await runCli(['lint', 'doc.md', '--no-cache'], { cwd: dir, env: { LC_ALL: lang === 'ru' ? 'C' : 'ru_RU.UTF-8' } });
        expect(r.code, r.stderr).toBe(2);
        const line = r.stderr.split('\n').find((l) => l.startsWith('instr.config.yaml:'))!;
        expect(line, r.stderr).toMatch(new RegExp(`^instr\\.config\\.yaml:${c.at}  error  `));
        expect(line).toMatch(c[lang]);
        const text = messageOf(line);
        if (lang === 'ru') {
          expect(text).toMatch(cyrillic);
          expect(text.replace(/«[^»]*»|docs\/\S+|\b(off|warn|error|YAML|extends|recommended|strict)\b/g, ''), text).not.toMatch(englishWords);
          expect(r.stderr).toContain('файл настроек задан неверно');
        } else {
          expect(text).not.toMatch(cyrillic);
          expect(r.stderr).toContain('the config file is not valid');
        }
      });
    }

    it('search says it too, when it reads the synonyms', async () => {
      const dir = mkdtempSync(join(temp, `${lang}-search-`));
      writeFileSync(join(dir, 'doc.md'), instruction[lang]);
      writeFileSync(join(dir, 'instr.config.yaml'), 'synonyms: [[a, b]]\ncolour: red\n');
      const r = await runCli(['search', lang === 'ru' ? 'клиент' : 'client', 'doc.md', '--no-cache'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(lang === 'ru' ? /instr\.config\.yaml:2:1: Неизвестный ключ «colour»/ : /instr\.config\.yaml:2:1: Unknown key "colour"/);
    });
  });
}
