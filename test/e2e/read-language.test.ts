/**
 * One language per screen for the files instr cannot read or parse safely: the nesting guard,
 * the file size limit, an encoding that is not UTF-8, a file that is not a regular file. A file
 * whose text can be read is spoken of in its own language; one that cannot, in the screen's
 * (docs/screen-language.md) — always at file:line:column.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-read-lang-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const cyrillic = /[\u0400-\u04ff]/;
const englishWords = /\b(the|file|is|not|levels|deep|allowed|split|read|save|limited|larger|byte|text|looks|binary|regular)\b/i;

const front = (lang: 'ru' | 'en') => `---\nid: doc-${lang}\ntitle: ${lang === 'ru' ? 'Инструкция' : 'Instruction'}\nlang: ${lang}\n---\n`;
const task = {
  ru: '\n## Задачи {.tasks}\n\n### Задача {#task}\n\n1. Позвонить клиенту.\n',
  en: '\n## Tasks {.tasks}\n\n### Task {#task}\n\n1. Call the client.\n',
};

function folder(name: string): string {
  const dir = join(temp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The finding lines that name `file`, as `file:line:col  error  message  rule` (lint's stylish output under its file's heading too). */
function linesOf(output: string, file: string): string[] {
  const lines: string[] = [];
  let heading = '';
  for (const line of output.split('\n')) {
    const finding = /^ +(\d+:\d+ .*)$/.exec(line);
    if (finding) lines.push(`${heading}:${finding[1]}`);
    else if (/^\S+$/.test(line)) heading = line;
    else lines.push(line);
  }
  return lines.filter((l) => l.includes(file));
}

/** The message of a finding line (`file:line:col  error  message  rule`). */
const messageOf = (line: string) => line.replace(/^.*?\s(error|warning)\s+/, '').replace(/ {2}[a-z-]+$/, '');

/** A Russian message: Cyrillic, and none of instr's English words (flags and names aside). */
function expectRussian(line: string): void {
  const text = messageOf(line);
  expect(text, line).toMatch(cyrillic);
  expect(text.replace(/--[a-z-]+|instr|UTF-\d+|NUL|Markdown|\[x\]: url/g, ''), line).not.toMatch(englishWords);
}

for (const lang of ['ru', 'en'] as const) {
  describe(`${lang}: files instr cannot read or parse`, () => {
    const dir = folder(`lang-${lang}`);
    // 1. the readable instruction that gives the screen its language
    writeFileSync(join(dir, 'a-ok.md'), front(lang) + task[lang]);
    // 2. nested deeper than the guard allows, at line 13
    writeFileSync(join(dir, 'b-deep.md'), `${front(lang)}${task[lang]}\n${'- '.repeat(45)}x\n`);
    // 3. a bad byte at line 7, column 4
    writeFileSync(join(dir, 'c-bytes.md'), Buffer.concat([Buffer.from(`${front(lang)}\nab`), Buffer.from([0xff]), Buffer.from('c\n')]));
    // 4. a UTF-16 file
    writeFileSync(join(dir, 'd-utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(front(lang) + task[lang], 'utf16le')]));
    // 5. too large for --max-file-size 1KB
    writeFileSync(join(dir, 'e-large.md'), `${front(lang)}${task[lang]}\n${'x'.repeat(2000)}\n`);
    // 6. not a regular file (a FIFO): unreadable
    expect(spawnSync('mkfifo', [join(dir, 'f-pipe.md')]).status).toBe(0);

    it('every problem at its file:line:column, in the instruction’s language', async () => {
      const r = await runCli(
        ['lint', '--no-cache', '--max-file-size', '1KB', ...['a-ok', 'b-deep', 'c-bytes', 'd-utf16', 'e-large', 'f-pipe'].map((f) => `${f}.md`)],
        {
          cwd: dir,
          columns: 400,
          env: { LC_ALL: lang === 'ru' ? 'C' : 'ru_RU.UTF-8' },
        },
      );
      const out = r.stdout + r.stderr;
      expect(r.code, out).toBe(2);
      const deep = linesOf(out, 'b-deep.md');
      const bytes = linesOf(out, 'c-bytes.md');
      const utf16 = linesOf(out, 'd-utf16.md');
      const large = linesOf(out, 'e-large.md');
      const pipe = linesOf(out, 'f-pipe.md');
      for (const found of [deep, bytes, utf16, large, pipe]) expect(found, out).toHaveLength(1);
      expect(deep[0]).toMatch(/b-deep\.md:13:1 +error .*too-deep$/);
      expect(bytes[0]).toMatch(/c-bytes\.md:7:3 +error .*encoding$/);
      expect(utf16[0]).toMatch(/d-utf16\.md:1:1 +error .*encoding$/);
      expect(large[0]).toMatch(/e-large\.md:1:1 +error .*file-too-large$/);
      expect(pipe[0]).toMatch(/f-pipe\.md:1:1 +error .*unreadable$/);
      const all = [deep[0]!, bytes[0]!, utf16[0]!, large[0]!, pipe[0]!];
      if (lang === 'ru') {
        for (const line of all) expectRussian(line);
        expect(deep[0]).toContain('Вложенность в 45 уровней; можно не больше 40');
        expect(large[0]).toContain('--max-file-size');
      } else {
        for (const line of all) expect(messageOf(line), line).not.toMatch(cyrillic);
        expect(deep[0]).toContain('Nesting 45 levels deep; at most 40 are allowed');
        expect(bytes[0]).toContain('Invalid UTF-8 at byte offset');
        expect(pipe[0]).toContain('not a regular file');
      }
    });

    it('a file that cannot be read, alone: the locale’s language, or --lang', async () => {
      const locale = lang === 'ru' ? 'ru_RU.UTF-8' : 'C';
      const r = await runCli(['lint', '--no-cache', 'f-pipe.md'], { cwd: dir, columns: 400, env: { LC_ALL: locale } });
      expect(r.code).toBe(2);
      const pipe = linesOf(r.stdout + r.stderr, 'f-pipe.md:1:1');
      expect(pipe).toHaveLength(1);
      if (lang === 'ru') expectRussian(pipe[0]!);
      else expect(pipe[0]).toContain('Cannot read the file: it is not a regular file');
      const other = lang === 'ru' ? 'en' : 'ru';
      const flagged = await runCli(['lint', '--no-cache', '--lang', other, 'f-pipe.md'], { cwd: dir, columns: 400, env: { LC_ALL: locale } });
      const line = linesOf(flagged.stdout + flagged.stderr, 'f-pipe.md:1:1')[0]!;
      if (other === 'ru') expectRussian(line);
      else expect(messageOf(line)).not.toMatch(cyrillic);
    });

    it('compile stops on them in the same language', async () => {
      const r = await runCli(['compile', '--no-cache', 'a-ok.md', 'b-deep.md'], { cwd: dir, columns: 400 });
      expect(r.code).toBe(1);
      const deep = linesOf(r.stderr, 'b-deep.md:13:1');
      expect(deep).toHaveLength(1);
      if (lang === 'ru') expectRussian(deep[0]!);
      else expect(deep[0]).toContain('the file was not parsed');
    });
  });
}
