/**
 * One language per screen: the error paths of the CLI (a recurrence rule the rrule library cannot
 * read, an answers file, a bad answer, flag values, the command line itself) are told in the
 * instruction's language, at file:line:column where there is one, with exit 2 for usage errors.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-screen-lang-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const cyrillic = /[\u0400-\u04ff]/;
/** A Russian screen has no English words of instr's own (names such as FREQ, --days or file paths aside). */
const englishWords =
  /\b(the|must|is|not|expected|unknown|option|argument|missing|answer|step|decision|wait|takes|whole|number|date|file|rule|part|days|role|Did you mean)\b/i;

const schedules = `
## Задачи {.tasks}

### Задача {#task}

::when[Клиент позвонил]

::schedule[a]{rrule="FREQ=MONTHLY;BYDAY=XX"}
::schedule[b]{rrule="FREQ=MONTHLY;FOO=1"}
::schedule[c]{rrule="FREQ=MONTHLY;BYMONTH=may"}
::schedule[d]{rrule="FREQ=DAILY;UNTIL=2027"}
::schedule[e]{rrule="FREQ=DAILY;INTERVAL=-1"}
::schedule[f]{rrule="FREQ=DAILY;BYSETPOS=366"}
::schedule[g]{rrule="FREQ"}
::schedule[h]{rrule="FREQ=DAILY;FREQ=WEEKLY"}
::schedule[i]{rrule="FREQ=WEEKLY;BYDAY=0MO"}
::schedule[j]{}

1. Позвонить клиенту.
`;

function instruction(lang: 'ru' | 'en', body: string): string {
  const dir = mkdtempSync(join(temp, `${lang}-`));
  writeFileSync(join(dir, 'doc.md'), `---\nid: doc\ntitle: ${lang === 'ru' ? 'Инструкция' : 'Instruction'}\nlang: ${lang}\n---\n${body}`);
  return dir;
}

/** The message of a finding line: without its place, severity and rule id. */
const findingText = (line: string) => line.replace(/^.*?\s(error|warning)\s+/, '').replace(/ {2}[a-z-]+$/, '');

describe('recurrence rules: every mistake in our own words, at its line and column', () => {
  it('Russian: no English of the rrule library, each rule at file:line:column', async () => {
    const dir = instruction('ru', schedules);
    const r = await runCli(['lint', dir, '--no-cache'], { cwd: temp, columns: 300 });
    expect(r.code).toBe(1);
    const findings = r.stdout.split('\n').filter((l) => /bad-schedule|missing-attribute/.test(l));
    expect(findings).toHaveLength(10);
    for (const [i, line] of findings.entries()) {
      expect(line).toMatch(new RegExp(`^ +${13 + i}:(15|1) +error `));
      const text = findingText(line);
      expect(text, line).toMatch(cyrillic);
      expect(text.replace(/rrule="[^"]*"|[A-Z]{2,}(=[^:\s]*)?/g, ''), line).not.toMatch(englishWords);
    }
    expect(r.stdout).toContain('BYDAY=XX: дни недели — MO, TU, WE, TH, FR, SA, SU');
    expect(r.stdout).toContain('неизвестная часть FOO');
    expect(r.stdout).toContain('BYMONTH=may: нужно целое число');
    expect(r.stdout).toContain('UNTIL=2027: нужна дата ГГГГММДД');
    expect(r.stdout).toContain('INTERVAL=-1 должен быть целым числом от 1 до 1000');
    expect(r.stdout).toContain('число дат за день — не больше 1');
    expect(r.stdout).toContain('FREQ указан дважды');
    expect(r.stdout).not.toMatch(/Invalid|Unknown RRULE|weekday string|Can't create/);
  });

  it('English: the same mistakes in English', async () => {
    const dir = instruction('en', schedules);
    const r = await runCli(['lint', dir, '--no-cache'], { cwd: temp, columns: 300 });
    expect(r.code).toBe(1);
    const findings = r.stdout.split('\n').filter((l) => /bad-schedule|missing-attribute/.test(l));
    expect(findings).toHaveLength(10);
    for (const line of findings) expect(findingText(line), line).not.toMatch(cyrillic);
    expect(r.stdout).toContain('BYDAY=XX: days are MO, TU, WE, TH, FR, SA, SU');
    expect(r.stdout).toContain('unknown part FOO');
    expect(r.stdout).toContain('FREQ is given twice');
    expect(r.stdout).toContain('::schedule needs the attribute rrule');
  });
});

const flow = {
  ru: `
## Задачи {.tasks}

### Заявка клиента {#request}

::when[Клиент написал]

1. Поздороваться с клиентом. {#greet}

::decision[Задача входит в тариф?]{#in-tariff}
- Да {#yes}
  1. Поставить задачу.
- Нет {#no}
  1. Сообщить стоимость.

::checkpoint[Клиент подтвердил результат]{#confirmed}

::wait[Клиент оплатил]{#paid}
`,
  en: `
## Tasks {.tasks}

### Client request {#request}

::when[A client wrote]

1. Greet the client. {#greet}

::decision[Is it in the tariff?]{#in-tariff}
- Yes {#yes}
  1. Set the task.
- No {#no}
  1. Tell the price.

::checkpoint[The client confirmed the result]{#confirmed}

::wait[The client paid]{#paid}
`,
};

/** Answers files with one mistake each, and where it is (line:column), or no place. */
const badAnswers: Array<{ name: string; yaml: string; at: string | null; ru: RegExp; en: RegExp }> = [
  { name: 'not YAML', yaml: 'greet: done\nin-tariff: [yes\n', at: '3:1', ru: /это не YAML/, en: /not YAML instr can read/ },
  { name: 'a tab', yaml: 'greet:\n\tskip: x\n', at: '2:1', ru: /табуляция/, en: /a tab in the indentation/ },
  { name: 'a prompt answered twice', yaml: 'greet: done\ngreet: done\n', at: '2:1', ru: /«greet» отвечен дважды/, en: /"greet" is answered twice/ },
  { name: 'not a mapping', yaml: '- greet\n- done\n', at: '1:1', ru: /должны быть пары/, en: /must be a mapping/ },
  { name: 'an unknown answer word', yaml: 'in-tariff: yes\ngreet: { frob: 1 }\n', at: '2:1', ru: /неизвестный ответ «frob»/, en: /unknown answer "frob"/ },
  { name: 'a step answered wrongly', yaml: 'greet: maybe\n', at: '1:1', ru: /«greet»: у шага бывает done/, en: /"greet": a step takes done/ },
  {
    name: 'a decision given a mapping',
    yaml: 'greet: done\nin-tariff: { skip: x }\n',
    at: '2:1',
    ru: /в решении выбирают вариант/,
    en: /a decision takes an option/,
  },
  {
    name: 'an option that does not exist',
    yaml: 'greet: done\nin-tariff: Может быть\n',
    at: '2:1',
    ru: /«Может быть» — не вариант решения/,
    en: /"Может быть" is not an option of/,
  },
  {
    name: 'a checkpoint given a mapping',
    yaml: 'greet: done\nin-tariff: no\nconfirmed: { skip: x }\n',
    at: '3:1',
    ru: /у контрольной точки бывает true/,
    en: /a checkpoint takes true/,
  },
  {
    name: 'a wait given another word',
    yaml: 'greet: done\nin-tariff: no\nconfirmed: true\npaid: perhaps\n',
    at: '4:1',
    ru: /ожидание принимает/,
    en: /a wait takes yes/,
  },
  {
    name: 'a wait at a time that is none',
    yaml: 'greet: done\nin-tariff: no\nconfirmed: true\npaid: "25:99"\n',
    at: '4:1',
    ru: /— не время/,
    en: /is not a time/,
  },
  {
    name: 'a key no prompt has',
    yaml: 'greet: done\nin-tarif: yes\nconfirmd: true\n',
    at: '2:1',
    ru: /нет такого id или текста: «in-tarif», «confirmd» \(3:1\)$/,
    en: /has the id or text "in-tarif", "confirmd" \(3:1\)$/,
  },
  {
    name: 'not-covered without what',
    yaml: 'greet: { not-covered: { done: x } }\n',
    at: '1:1',
    ru: /нужно написать, что случилось/,
    en: /not-covered needs what happened/,
  },
];

describe('run --answers: a file or an answer that does not fit is told in the instruction’s language, at its line', () => {
  for (const lang of ['ru', 'en'] as const) {
    const dir = instruction(lang, flow[lang]);
    for (const c of badAnswers) {
      it(`${lang}: ${c.name}`, async () => {
        const file = join(dir, `answers-${badAnswers.indexOf(c)}.yaml`);
        writeFileSync(file, c.yaml);
        const r = await runCli(['run', 'request', dir, '--answers', file, '--journal', join(dir, 'journal.jsonl'), '--now', '2026-11-27T10:00'], {
          cwd: temp,
        });
        expect(r.code, r.stderr).toBe(2);
        // the message is the line at the file; a refused answer then says the run is paused, and how to resume it
        const lines = r.stderr.trim().split('\n');
        const message = lines.find((l) => l.startsWith(`instr: ${file}`)) ?? lines.at(-1)!;
        expect(message).toMatch(new RegExp(`^instr: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${c.at ?? ''}`));
        expect(message).toMatch(c[lang]);
        const text = message.slice(message.indexOf(': ', `instr: ${file}`.length) + 2);
        if (lang === 'ru') {
          expect(text).toMatch(cyrillic);
          expect(text.replace(/«[^»]*»|\b(done|skip|unclear|not-covered|option|true|false|what|YAML)\b/g, ''), text).not.toMatch(englishWords);
        } else expect(text.replace(/"[^"]*"/g, '')).not.toMatch(cyrillic);
      });
    }
  }
});

const noLocale = { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };

/** Usage errors, with what the Russian and the English message say. */
const usage: Array<{ name: string; args: (dir: string) => string[]; ru: RegExp; en: RegExp }> = [
  {
    name: '--days',
    args: (d) => ['agenda', d, '--days', 'x'],
    ru: /^--days должен быть целым числом от 1 до 366, а не «x»$/,
    en: /^--days must be a whole number from 1 to 366, not "x"$/,
  },
  { name: '--date', args: (d) => ['agenda', d, '--date', '27.11'], ru: /^--date должен быть датой ГГГГ-ММ-ДД/, en: /^--date must be a date YYYY-MM-DD/ },
  {
    name: '--role',
    args: (d) => ['agenda', d, '--role', 'nobody'],
    ru: /^--role «nobody»: ни в одной инструкции не указана роль/,
    en: /^--role "nobody": no instruction names a role/,
  },
  {
    name: '--limit',
    args: (d) => ['search', 'клиент', d, '--limit', '0'],
    ru: /^--limit должен быть целым числом от 1 до 1000/,
    en: /^--limit must be a whole number from 1 to 1000/,
  },
  {
    name: 'an unsupported --lang',
    args: (d) => ['show', 'request', d, '--lang', 'de'],
    ru: /^Язык «de» для --lang не поддерживается; есть: en, ru$/,
    en: /^Unsupported language "de" for --lang; supported: en, ru$/,
  },
  {
    name: '--format',
    args: (d) => ['agenda', d, '--format', 'pdf'],
    ru: /^--format должен быть одним из: text, markdown, json, а не «pdf»$/,
    en: /^--format must be one of text, markdown, json, not "pdf"$/,
  },
  { name: '--now', args: (d) => ['agenda', d, '--now', 'вчера'], ru: /^--now должен быть датой и временем/, en: /^--now must be a date and time/ },
  {
    name: '--since',
    args: (d) => ['report', d, '--since', '2026-13-01'],
    ru: /^--since должен быть датой ГГГГ-ММ-ДД/,
    en: /^--since must be a date YYYY-MM-DD/,
  },
  {
    name: '--max-warnings',
    args: (d) => ['lint', d, '--max-warnings', 'many'],
    ru: /^--max-warnings должен быть целым числом/,
    en: /^--max-warnings must be a whole number/,
  },
  {
    name: '--max-depth',
    args: (d) => ['--max-depth', '0', 'lint', d],
    ru: /^--max-depth должен быть целым числом от 1 до 1000/,
    en: /^--max-depth must be a whole number from 1 to 1000/,
  },
  { name: 'a folder that does not exist', args: (d) => ['lint', d, join(d, 'nowhere')], ru: /^Нет такого файла или папки: /, en: /^No such file or folder: / },
  {
    name: 'an unknown option',
    args: (d) => ['run', 'request', d, '--bogus'],
    ru: /^неизвестный параметр --bogus\nСправка: instr run --help$/,
    en: /^unknown option --bogus\nSee: instr run --help$/,
  },
  {
    name: 'an unknown option with a suggestion',
    args: (d) => ['agenda', d, '--day', '3'],
    ru: /^неизвестный параметр --day Может быть, --days\?/,
    en: /^unknown option --day Did you mean --days\?/,
  },
  {
    name: 'an option without its value',
    args: (d) => ['run', 'request', d, '--answers'],
    ru: /^у параметра --answers <file> должно быть значение/,
    en: /^the option --answers <file> needs a value/,
  },
  {
    name: 'a value not among the choices',
    args: (d) => ['graph', d, '--format', 'png'],
    ru: /^-f, --format <format> должен быть одним из: mermaid, dot, а не «png»/,
    en: /^-f, --format <format> must be one of mermaid, dot, not "png"/,
  },
];

describe('usage errors (exit 2) in the instructions’ language', () => {
  for (const lang of ['ru', 'en'] as const) {
    const dir = instruction(lang, flow[lang]);
    for (const c of usage) {
      it(`${lang}: ${c.name}`, async () => {
        const r = await runCli(c.args(dir), { cwd: temp, env: noLocale });
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr.startsWith('instr: '), r.stderr).toBe(true);
        const text = r.stderr.slice('instr: '.length).trimEnd();
        expect(text).toMatch(c[lang]);
        const words = text.replace(/«[^»]*»|"[^"]*"|\S*[/\\]\S*|--?[a-z-]+( <[a-z]+>)?|\b[a-z]+, [a-z, ]+|\binstr \w+|\b[a-z]+:/g, '');
        if (lang === 'ru') {
          expect(text).toMatch(cyrillic);
          expect(words, text).not.toMatch(englishWords);
        } else expect(text.replace(/"[^"]*"/g, '')).not.toMatch(cyrillic);
      });
    }
  }

  it('an unknown command: the language of ./instructions, else of the locale, else English', async () => {
    const ruHome = mkdtempSync(join(temp, 'home-ru-'));
    cpSync(instruction('ru', flow.ru), join(ruHome, 'instructions'), { recursive: true });
    const inRu = await runCli(['lsit'], { cwd: ruHome, env: { ...noLocale, LANG: 'en_US.UTF-8' } });
    expect(inRu.code).toBe(2);
    expect(inRu.stderr).toBe('instr: неизвестная команда «lsit» Может быть, list?\nСправка: instr --help\n');
    const empty = mkdtempSync(join(temp, 'empty-'));
    const byLocale = await runCli(['lsit'], { cwd: empty, env: { ...noLocale, LANG: 'ru_RU.UTF-8' } });
    expect(byLocale.stderr).toMatch(/^instr: неизвестная команда «lsit»/);
    const allWins = await runCli(['lsit'], { cwd: empty, env: { LC_ALL: 'C', LC_MESSAGES: undefined, LANG: 'ru_RU.UTF-8' } });
    expect(allWins.stderr).toBe('instr: unknown command "lsit" Did you mean list?\nSee: instr --help\n');
    const none = await runCli(['lsit'], { cwd: empty, env: noLocale });
    expect(none.stderr).toMatch(/^instr: unknown command "lsit"/);
    // --lang, when it names a language instr speaks, goes before everything
    const flag = await runCli(['agenda', '--bogus', '--lang', 'en'], { cwd: ruHome, env: noLocale });
    expect(flag.stderr).toMatch(/^instr: unknown option --bogus/);
  });
});

describe('the audit: journal and command lines that bypassed the catalogue', () => {
  for (const lang of ['ru', 'en'] as const) {
    it(`${lang}: a journal that is not there, a journal with an unreadable line, instr test --format`, async () => {
      const dir = instruction(lang, flow[lang]);
      const missing = await runCli(['report', dir, '--journal', join(dir, 'none.jsonl')], { cwd: temp, env: noLocale });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(lang === 'ru' ? /^instr: Журнала нет: / : /^instr: No journal at /);
      const journal = join(dir, 'broken.jsonl');
      writeFileSync(journal, 'not json at all\n');
      const report = await runCli(['report', dir, '--journal', journal, '--today', '2026-11-27'], { cwd: temp, env: noLocale });
      expect(report.code).toBe(0);
      expect(report.stderr).toMatch(
        lang === 'ru' ? /broken\.jsonl: пропущена нечитаемая строка: 1 \(1\)/ : /broken\.jsonl: 1 unreadable line skipped \(line 1\)/,
      );
      const test = await runCli(['test', dir, '--format', 'xml'], { cwd: temp, env: noLocale });
      expect(test.code).toBe(2);
      expect(test.stderr).toMatch(
        lang === 'ru' ? /^instr: --format должен быть одним из: stylish, json, а не «xml»/ : /^instr: --format must be one of stylish, json, not "xml"/,
      );
    });
  }
});

describe('a firm’s days-off file and a dates table: problems in the instruction’s language', () => {
  for (const lang of ['ru', 'en'] as const) {
    it(`${lang}: agenda says what is wrong in days-off.yaml, YAML mistakes at their line`, async () => {
      const dir = instruction(lang, flow[lang]);
      writeFileSync(join(dir, 'days-off.yaml'), 'days-off:\n  2026-13-01: bad\nextra: 1\n');
      const r = await runCli(['agenda', dir, '--date', '2026-11-27'], { cwd: temp, env: noLocale });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(lang === 'ru' ? /«2026-13-01» в days-off — не дата/ : /"2026-13-01" under days-off is not a date/);
      expect(r.stderr).toMatch(lang === 'ru' ? /неизвестный ключ «extra»/ : /unknown key "extra"/);
      writeFileSync(join(dir, 'days-off.yaml'), 'days-off:\n  2026-12-30: [a\n');
      const yaml = await runCli(['agenda', dir, '--date', '2026-11-27'], { cwd: temp, env: noLocale });
      expect(yaml.stderr).toMatch(lang === 'ru' ? /days-off\.yaml:\d+:\d+: это не корректный YAML/ : /days-off\.yaml:\d+:\d+: not valid YAML/);
      expect(yaml.stderr).not.toMatch(/Flow sequence|Missing|Unexpected/);
    });
  }
});
