/**
 * `instr test`: a scenario file's problems (its size, YAML, keys and values, and what its tasks,
 * answers and paths name) are said in the instruction's language, or --lang, each at the
 * scenario file's line and column (docs/screen-language.md).
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-scenario-lang-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const cyrillic = /[\u0400-\u04ff]/;
/** English words of instr's own that a Russian problem line must not hold (names and what the author wrote aside). */
const english =
  /\b(the|must|is|not|expected|unknown|key|answer|answered|step|decision|wait|checkpoint|scenario|names|node|file|mapping|tags|allowed|known|option|options|value|larger|longer|split|Cannot|Map|unique|items)\b/;

function instructions(lang: 'ru' | 'en'): string {
  const dir = mkdtempSync(join(temp, `${lang}-`));
  const ru = lang === 'ru';
  writeFileSync(
    join(dir, 'doc.md'),
    `---
id: doc
title: ${ru ? 'Инструкция' : 'Instruction'}
lang: ${lang}
---

## ${ru ? 'Задачи' : 'Tasks'} {.tasks}

### ${ru ? 'Заявка' : 'Request'} {#request}

::when[${ru ? 'Клиент позвонил' : 'A client called'}]

1. ${ru ? 'Записать звонок.' : 'Note the call.'}
2. ::checkpoint[${ru ? 'Сумма в счёте' : 'Invoice total'}]{#total value=number}
3. ::decision[${ru ? 'В тарифе?' : 'In the plan?'}]{#in-plan}
   - ${ru ? 'Да' : 'Yes'}
     1. ${ru ? 'Сделать.' : 'Do it.'}
   - ${ru ? 'Нет' : 'No'}
     1. ${ru ? 'Отказать.' : 'Decline.'}
`,
  );
  mkdirSync(join(dir, 'scenarios'));
  return dir;
}

/** Scenario files that are wrong in one way each, and the line:column of the problem. */
const cases: Array<{ name: string; yaml: string; at: string }> = [
  { name: 'YAML that cannot be read', yaml: 'scenarios:\n  - name: A\n    expect: {status: done\n', at: '4:1' },
  { name: 'a tab in the indentation', yaml: 'scenarios:\n\t- name: A\n', at: '2:1' },
  { name: 'a repeated key', yaml: 'scenarios:\n  - name: A\n    name: B\n    expect: {status: done}\n', at: '3:5' },
  { name: 'an unknown key', yaml: 'task: request\nscenarios:\n  - name: A\n    expect:\n      status: done\n      outcom: x\n', at: '6:7' },
  { name: 'a status not in the list', yaml: 'task: request\nscenarios:\n  - name: A\n    expect:\n      status: finished\n', at: '5:15' },
  { name: 'a missing key', yaml: 'task: request\nscenarios:\n  - name: A\n', at: '3:5' },
  { name: 'an empty list', yaml: 'task: request\nscenarios: []\n', at: '2:12' },
  { name: 'not a mapping', yaml: '- a\n- b\n', at: '1:1' },
  { name: 'a YAML tag', yaml: 'scenarios: !!set {a, b}\n', at: '1:1' },
  {
    name: 'a bad answer value',
    yaml: 'task: request\nscenarios:\n  - name: A\n    answers:\n      x: {unclear: Who, exactly?}\n    expect: {status: done}\n',
    at: '5:10',
  },
  { name: 'no task', yaml: 'scenarios:\n  - name: A\n    expect: {status: done}\n', at: '2:11' },
  { name: 'an unknown task', yaml: 'task: nope\nscenarios:\n  - name: A\n    expect: {status: done}\n', at: '1:7' },
  {
    name: 'an answer to no prompt',
    yaml: 'task: request\nscenarios:\n  - name: A\n    answers:\n      nothing-here: done\n    expect: {status: done}\n',
    at: '5:7',
  },
  { name: 'not an option', yaml: 'task: request\nscenarios:\n  - name: A\n    answers:\n      in-plan: Maybe\n    expect: {status: done}\n', at: '5:16' },
  {
    name: 'a checkpoint answered with a mapping',
    yaml: 'task: request\nscenarios:\n  - name: A\n    answers:\n      total: {skip: x}\n    expect: {status: done}\n',
    at: '5:14',
  },
  { name: 'a path entry that names nothing', yaml: 'task: request\nscenarios:\n  - name: A\n    expect:\n      path: [no-such-node]\n', at: '5:14' },
  {
    name: 'a promise that names nothing',
    yaml: 'task: request\nscenarios:\n  - name: A\n    expect:\n      promises:\n        - promise: nothing\n',
    at: '6:20',
  },
];

describe('instr test: a scenario file’s problems in the instruction’s language, at its line and column', () => {
  for (const lang of ['ru', 'en'] as const) {
    const dir = instructions(lang);
    for (const [i, c] of cases.entries()) {
      it(`${lang}: ${c.name}`, async () => {
        const file = join(dir, 'scenarios', `case-${i}.yaml`);
        writeFileSync(file, c.yaml);
        const r = await runCli(['test', dir, file, '--no-cache'], { cwd: dir, columns: 300 });
        expect(r.code, r.stderr).toBe(1);
        const line = r.stdout.split('\n').find((l) => l.startsWith(`scenarios/case-${i}.yaml:`));
        expect(line, r.stdout).toBeDefined();
        expect(line!.startsWith(`scenarios/case-${i}.yaml:${c.at} `), line).toBe(true);
        const message = line!.replace(/^\S+\s+error\s+/, '').replace(/ {2}[a-z-]+$/, '');
        if (lang === 'ru') {
          expect(message, line).toMatch(cyrillic);
          // what the author wrote is quoted as written; only instr's own words are checked
          expect(
            message.replace(
              /«[^»]*»|"[^"]*"|\{[^}]*\}|\b(task|scenarios|name|expect|status|outcome|path[a-z-]*|promises|answers|now|done|cancelled|failed|waiting|true|false|timeout|skip|unclear|YAML|id|number)\b/g,
              '',
            ),
            line,
          ).not.toMatch(english);
        } else expect(message, line).not.toMatch(cyrillic);
      });
    }
  }

  it('--lang en speaks English about a Russian instruction’s scenario file', async () => {
    const dir = instructions('ru');
    const file = join(dir, 'scenarios', 'x.yaml');
    writeFileSync(file, 'task: nope\nscenarios:\n  - name: A\n    expect: {status: done}\n');
    const r = await runCli(['test', dir, file, '--lang', 'en', '--no-cache'], { cwd: dir, columns: 300 });
    expect(r.stdout).toContain('scenarios/x.yaml:1:7  error  No task "nope" in the instructions; known: request');
  });

  it('ru: a scenario file behind a symbolic link in the scenarios folder is refused in Russian', async () => {
    const dir = instructions('ru');
    writeFileSync(join(temp, 'elsewhere.yaml'), 'task: request\nscenarios:\n  - name: A\n    expect: {status: done}\n');
    symlinkSync(join(temp, 'elsewhere.yaml'), join(dir, 'scenarios', 'link.yaml'));
    const r = await runCli(['test', dir, '--no-cache'], { cwd: dir, columns: 300 });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('scenarios/link.yaml:1:1  error  Файл сценариев — символическая ссылка');
  });
});
