/**
 * A Russian instruction's front matter problems are Russian: a YAML mistake (said by its code, not
 * in the yaml library's English), a YAML tag, and office hours that are no time range or a lunch
 * outside them; each at its line and column. An English instruction keeps the English.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-fm-lang-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function folder(lang: 'ru' | 'en'): string {
  const dir = mkdtempSync(join(temp, `${lang}-`));
  const body = '---\n\n## Tasks {.tasks}\n';
  writeFileSync(join(dir, 'a.md'), `---\nid: a\ntitle: T\nlang: ${lang}\nroles:\n\tboss: x\n${body}`);
  writeFileSync(join(dir, 'b.md'), `---\nid: b\ntitle: T\nlang: ${lang}\nhours:\n  open: 9-18\n  lunch: "19:00-20:00"\n${body}`);
  writeFileSync(join(dir, 'c.md'), `---\nid: c\ntitle: T\nlang: ${lang}\nroles: !!set {a, b}\n${body}`);
  return dir;
}

describe('front matter problems in the instruction’s language', () => {
  it('ru', async () => {
    const r = await runCli(['lint', '.', '--no-cache', '--format', 'json'], { cwd: folder('ru') });
    const found = (JSON.parse(r.stdout) as Array<{ file: string; line: number; column: number; message: string }>)
      .filter((d) => d.message.includes('YAML') || d.message.includes('hours'))
      .map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
    expect(found).toEqual([
      'a.md:6:1 Front matter — не корректный YAML: табуляция в отступе: делайте отступы пробелами',
      'b.md:6:9 «hours.open: 9-18»: нужен промежуток времени, например 09:00-18:00',
      'b.md:7:10 «hours.lunch: 19:00-20:00»: обед должен быть внутри рабочего времени 9-18',
      'c.md:2:1 Теги YAML вроде !!omap, !!pairs и !!set не допускаются; пишите обычный набор «ключ: значение» или список',
    ]);
  });

  it('en', async () => {
    const r = await runCli(['lint', '.', '--no-cache', '--format', 'json'], { cwd: folder('en') });
    const messages = (JSON.parse(r.stdout) as Array<{ message: string }>).map((d) => d.message);
    expect(messages).toContain('"hours.open: 9-18" must be a time range such as 09:00-18:00');
    expect(messages).toContain('YAML tags such as !!omap, !!pairs and !!set are not allowed; write a plain mapping or list');
    expect(messages.some((m) => m.startsWith('Front matter is not valid YAML: Tabs are not allowed'))).toBe(true);
  });
});
