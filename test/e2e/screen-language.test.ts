/**
 * One language per screen: the error paths of the CLI (a recurrence rule the rrule library cannot
 * read, an answers file, a bad answer, flag values, the command line itself) are told in the
 * instruction's language, at file:line:column where there is one, with exit 2 for usage errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
