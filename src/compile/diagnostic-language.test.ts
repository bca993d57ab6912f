import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compilePaths } from './compile.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-diag-lang-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const body = (lang: string) => `---
id: x
title: X
lang: ${lang}
roles:
  chief:
    title: Chief
---

## Tasks {.tasks}

### A task without an id

1. Step.

### Task {#task}

1. Do it.

::decision[Question?]
- Yes

::escalate[Reason]{role=chief foo=bar}

::frobnicate[x]
`;

async function messages(lang: string): Promise<string[]> {
  const file = join(temp, `${lang}.md`);
  writeFileSync(file, body(lang));
  const { diagnostics } = await compilePaths([file], { cwd: temp });
  return diagnostics.map((d) => `${d.rule}: ${d.message}`);
}

describe('compiler diagnostics follow the instruction’s language', () => {
  it('speaks Russian for a Russian instruction', async () => {
    expect(await messages('ru')).toEqual([
      'task-without-id: У задачи «A task without an id» нет id; допишите в конце заголовка латинский id, например {#a-task-without}',
      'too-few-options: У решения «Question?» вариантов: 1; нужно хотя бы два',
      'unknown-attribute: Неизвестный атрибут «foo» у ::escalate; ожидаются: id, role',
      'unknown-directive: Неизвестный элемент «::frobnicate»; ожидается один из: ::when, ::schedule, ::decision, ::goto, ::end, ::escalate, ::checkpoint, ::wait, ::promise',
    ]);
  });

  it('stays English for an English one', async () => {
    const found = await messages('en');
    expect(found).toHaveLength(4);
    expect(found[0]).toBe('task-without-id: Task "A task without an id" has no id; end its heading with a Latin id such as {#a-task-without}');
    expect(found[2]).toBe('unknown-attribute: Unknown attribute "foo" on ::escalate; expected id, role');
  });
});
