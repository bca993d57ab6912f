/**
 * `instr journal push` / `migrate` and the team journal's connection errors speak the screen's
 * language (--lang, else the instructions in ./instructions, else the locale) and never print a
 * password. These need no server: the failures are the point.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serverErrorText } from '../../src/i18n/server-error-text.js';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-journal-lang-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const cyrillic = /[\u0400-\u04ff]/;
const englishWords = /\b(the|no|is|not|team|journal|configured|cannot|reach|refuses|connections|set|see|server|password|wrong)\b/i;

function workspace(lang: 'ru' | 'en'): string {
  const cwd = mkdtempSync(join(temp, `${lang}-`));
  mkdirSync(join(cwd, 'instructions'));
  writeFileSync(
    join(cwd, 'instructions', 'doc.md'),
    `---\nid: doc\ntitle: ${lang === 'ru' ? 'Инструкция' : 'Instruction'}\nlang: ${lang}\n---\n\n## ${lang === 'ru' ? 'Задачи' : 'Tasks'} {.tasks}\n`,
  );
  return cwd;
}

/** The message without `instr:`, the address and names instr does not translate. */
const ownWords = (line: string) =>
  line.replace(/^instr: /, '').replace(/postgres:\/\/\S+|INSTR_JOURNAL=\S+|instr\.config\.yaml|docs\/\S+|journal:|\(E[A-Z]+\)|\(\d{2}[0-9A-Z]{3}\)/g, '');

const closed = 'postgres://ann:s3cret-pw@127.0.0.1:1/firm';
const env = { INSTR_JOURNAL: undefined, LC_ALL: 'C' };

for (const lang of ['ru', 'en'] as const) {
  describe(`${lang}: journal push and migrate`, () => {
    it('no server configured: exit 2, in the instructions’ language', async () => {
      for (const command of ['push', 'migrate']) {
        const r = await runCli(['journal', command], { cwd: workspace(lang), env });
        expect(r.code).toBe(2);
        if (lang === 'ru') {
          expect(r.stderr).toContain('общий журнал не настроен');
          expect(ownWords(r.stderr.trim())).not.toMatch(englishWords);
        } else expect(r.stderr).toContain('no team journal is configured');
      }
    });

    it('a server that refuses: said in our words with its code, the password masked', async () => {
      for (const command of ['push', 'migrate']) {
        const r = await runCli(['journal', command, '--journal', closed], { cwd: workspace(lang), env });
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).not.toContain('s3cret-pw');
        expect(r.stderr).toContain('postgres://ann:***@127.0.0.1:1/firm');
        if (lang === 'ru') {
          expect(r.stderr).toContain('недоступен: сервер не принимает подключения (ECONNREFUSED)');
          expect(ownWords(r.stderr.trim())).toMatch(cyrillic);
          expect(ownWords(r.stderr.trim())).not.toMatch(englishWords);
        } else expect(r.stderr).toContain('cannot reach the team journal postgres://ann:***@127.0.0.1:1/firm: the server refuses connections (ECONNREFUSED)');
      }
    });

    it('--lang overrides the instructions; a missing --from file', async () => {
      const other = lang === 'ru' ? 'en' : 'ru';
      const r = await runCli(['journal', 'push', '--journal', closed, '--from', 'nope.jsonl', '--lang', other], { cwd: workspace(lang), env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(other === 'ru' ? 'файла журнала нет: nope.jsonl' : 'no journal file nope.jsonl');
    });

    it('an address the driver cannot read', async () => {
      const r = await runCli(['journal', 'push', '--journal', 'postgres://ann:s3cret-pw@[::1/firm'], { cwd: workspace(lang), env });
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain('s3cret-pw');
      if (lang === 'ru') expect(r.stderr).toMatch(/адрес общего журнала .* не подходит/);
      else expect(r.stderr).toContain('not a usable PostgreSQL URL');
    });
  });
}

describe('serverErrorText: the driver’s and the server’s failures in our words', () => {
  it('by code, and by the words when only the message is there', () => {
    expect(serverErrorText({ message: 'password authentication failed for user "ann"', code: '28P01' }, 'ru')).toBe('неверный пароль (28P01)');
    expect(serverErrorText({ message: 'password authentication failed for user "ann"' }, 'ru')).toBe('неверный пароль');
    expect(serverErrorText({ message: 'connect ECONNREFUSED 10.0.0.5:5432' }, 'ru')).toBe('сервер не принимает подключения (ECONNREFUSED)');
    expect(serverErrorText({ message: 'database "firm" does not exist', code: '3D000' }, 'en')).toBe('the database does not exist (3D000)');
    expect(serverErrorText({ message: 'getaddrinfo ENOTFOUND db.firm', code: 'ENOTFOUND' }, 'ru')).toBe('такого адреса сервера нет (ENOTFOUND)');
    expect(serverErrorText({ message: 'Connection terminated due to connection timeout' }, 'ru')).toBe('сервер не ответил вовремя');
    expect(serverErrorText({ message: 'something new', code: 'XX000' }, 'en')).toBe('the server answered with an error (XX000): something new');
    expect(serverErrorText({ message: 'something new', code: 'XX000' }, 'ru')).toBe('сервер ответил ошибкой с кодом XX000; его текст: «something new»');
    expect(serverErrorText({ message: 'something new' }, 'ru')).toBe('сервер ответил ошибкой; его текст: «something new»');
  });

  it('a journal schema newer than this instr, and tables this role may not create: in our words, with the versions', () => {
    const newer = "the journal's schema is version 7, newer than this instr knows (3): update instr";
    expect(serverErrorText({ message: newer }, 'ru')).toBe('схема общего журнала — версии 7, новее, чем знает этот instr (3): обновите instr');
    expect(serverErrorText({ message: newer, code: 'INSTR_SCHEMA_NEWER' }, 'en')).toBe(newer);
    const notSetUp =
      "the journal's tables are not set up (schema version 0 of 3) and this role may not create them: run `instr journal migrate` once as the database owner";
    expect(serverErrorText({ message: notSetUp }, 'ru')).toContain('таблицы общего журнала не созданы (версия схемы 0 из 3)');
    expect(serverErrorText({ message: notSetUp }, 'en')).toBe(notSetUp);
  });
});

describe('a journal that cannot be written stops a run in the instruction’s language', () => {
  for (const lang of ['ru', 'en'] as const) {
    it(lang, async () => {
      const cwd = workspace(lang);
      const step = lang === 'ru' ? 'Позвонить клиенту.' : 'Call the client.';
      writeFileSync(
        join(cwd, 'instructions', 'doc.md'),
        `---\nid: doc\ntitle: Doc\nlang: ${lang}\n---\n\n## Tasks {.tasks}\n\n### Call {#call}\n\n::when[${lang === 'ru' ? 'Клиент позвонил' : 'A client called'}]\n\n1. ${step} {#greet}\n`,
      );
      writeFileSync(join(cwd, 'answers.yaml'), 'greet: done\n');
      mkdirSync(join(cwd, 'journal-folder'));
      const r = await runCli(['run', 'call', '--answers', 'answers.yaml', '--journal', 'journal-folder'], { cwd, env });
      expect(r.code).toBe(1);
      const line = r.stderr.trim().split('\n').at(-1)!;
      if (lang === 'ru') {
        expect(line).toMatch(/^instr: Не удалось записать журнал .*journal-folder: это папка, а не файл \(EISDIR\)\. Последний ответ не записан/);
        expect(line.replace(/instr|EISDIR|\S*journal-folder|--resume|run/g, '')).not.toMatch(/[A-Za-z]{3,}/);
      } else
        expect(line).toMatch(/^instr: cannot write the journal .*journal-folder: it is a folder, not a file \(EISDIR\)\. The last answer was not recorded/);
    });
  }
});
