/**
 * `instr show` prints a step's detail as a reader needs it: a link that runs over two lines is
 * its words and the command that opens it, inline code is its words without backticks; and a
 * section is found by its heading in another word form, even where the stemmer cuts the heading's
 * word short («режим» → «реж», «режима» → «режим»).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-show-prose-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function folder(): string {
  const cwd = mkdtempSync(join(temp, 'f-'));
  mkdirSync(join(cwd, 'instructions', 'templates'), { recursive: true });
  writeFileSync(
    join(cwd, 'instructions', 'doc.md'),
    `---
id: doc
title: Проверка
lang: ru
---

## Режим работы {.schedule}

Работаем с 9 до 18.

## Задачи {.tasks}

### Приём {#recv}

::when[Пришёл курьер]

1. Проверить пакет.

   Сверьте с [образцом
   заявки](templates/sample.md) и впишите код \`ABC-1\` в поле.

   Второй абзац: [сайт](https://example.org).

2. Расписаться.
`,
  );
  writeFileSync(join(cwd, 'instructions', 'templates', 'sample.md'), '# Образец заявки\n\nКод: ABC-1\n');
  return cwd;
}

describe('instr show: a step’s detail without Markdown syntax', () => {
  it('a link over two lines is its words and the command; inline code has no backticks; paragraphs stay apart', async () => {
    const r = await runCli(['show', 'recv', '--no-cache'], { cwd: folder(), columns: 200 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/\]\(|`|\[образцом/);
    const lines = r.stdout.split('\n');
    const first = lines.findIndex((l) => l.includes('Сверьте с образцом'));
    expect(first, r.stdout).toBeGreaterThan(0);
    // the paragraph's second line hangs under its first
    expect(lines[first]).toBe('      Сверьте с образцом');
    expect(lines[first + 1]).toBe('      заявки (instr show sample) и впишите код ABC-1 в поле.');
    expect(lines[first + 2]).toBe('      Второй абзац: сайт (https://example.org).');
    expect(lines[first + 3]).toBe('2. Расписаться.');
  });

  it('finds the schedule section by «режима работы» (a word form the stemmer cuts differently)', async () => {
    const r = await runCli(['show', 'режима работы', '--no-cache'], { cwd: folder(), columns: 200 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Режим работы #schedule');
    expect(r.stdout).toContain('Работаем с 9 до 18.');
  });
});
