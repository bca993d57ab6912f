/**
 * `instr journal push` / `migrate` against a real server, in the screen's language: what was
 * uploaded, the schema version, and a wrong password — said in our words, never printed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { describeWithServer, freshDatabase } from '../support/postgres.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-journal-lang-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const cyrillic = /[\u0400-\u04ff]/;

function workspace(lang: 'ru' | 'en'): string {
  const cwd = mkdtempSync(join(temp, `${lang}-`));
  mkdirSync(join(cwd, 'instructions'));
  writeFileSync(join(cwd, 'instructions', 'doc.md'), `---\nid: doc\ntitle: Doc\nlang: ${lang}\n---\n\n## Tasks {.tasks}\n`);
  const record = (seq: number, type: string, extra: object) => JSON.stringify({ v: 1, run: 'run-1', seq, at: `2026-11-27T10:0${seq}:00.000Z`, type, ...extra });
  writeFileSync(
    join(cwd, 'old.jsonl'),
    `${[
      record(0, 'start', { task: 't', title: 'T', file: 'doc.md', lang, user: 'ann', revision: null, contentHash: 'h' }),
      record(1, 'step', { node: 's1', action: 'done' }),
    ].join('\n')}\nnot a record\n`,
  );
  return cwd;
}

describeWithServer('journal push and migrate in the screen’s language', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase('journal_lang');
  });
  afterAll(async () => {
    await db?.drop();
  });

  for (const lang of ['ru', 'en'] as const) {
    it(`${lang}: the counts, the schema version, a wrong password`, async () => {
      const cwd = workspace(lang);
      const env = { INSTR_JOURNAL: undefined, LC_ALL: 'C' };
      const push = await runCli(['journal', 'push', '--journal', db.url, '--from', 'old.jsonl'], { cwd, env });
      expect(push.code, push.stderr).toBe(0);
      expect(push.stdout).toMatch(
        lang === 'ru'
          ? /old\.jsonl → .*: отправлено: \d+, уже были на сервере: \d+, пропущено нечитаемых строк: 1\n$/
          : /old\.jsonl → .*: \d+ uploaded, \d+ already there, 1 unreadable line skipped\n$/,
      );
      // the outbox, pushed twice: the second push has nothing new, and says so rather than "0, 0"
      mkdirSync(join(cwd, '.instr'));
      writeFileSync(join(cwd, '.instr', 'journal.jsonl'), readFileSync(join(cwd, 'old.jsonl'), 'utf8').replaceAll('run-1', `outbox-${lang}`));
      const first = await runCli(['journal', 'push', '--journal', db.url], { cwd, env });
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(lang === 'ru' ? /отправлено: 2, уже были на сервере: 0/ : /2 uploaded, 0 already there/);
      const again = await runCli(['journal', 'push', '--journal', db.url], { cwd, env });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(
        lang === 'ru'
          ? /journal\.jsonl → .*: отправлять нечего: всё, что записано на этом компьютере, уже на сервере\n$/
          : /journal\.jsonl → .*: nothing new to upload: every record made on this computer is already on the server\n$/,
      );
      const migrate = await runCli(['journal', 'migrate', '--journal', db.url], { cwd, env });
      expect(migrate.code).toBe(0);
      expect(migrate.stdout).toMatch(lang === 'ru' ? /: версия схемы журнала \d+\n$/ : /: journal schema version \d+\n$/);

      const wrong = new URL(db.url);
      wrong.password = 'not-the-password-42';
      const refused = await runCli(['journal', 'migrate', '--journal', wrong.toString()], { cwd, env });
      expect(refused.code).toBe(2);
      expect(refused.stderr).not.toContain('not-the-password-42');
      if (lang === 'ru') expect(refused.stderr).toMatch(/недоступен: неверный пароль \(28P01\)\n$/);
      else {
        expect(refused.stderr).toMatch(/cannot reach the team journal .*: the password is wrong \(28P01\)\n$/);
        expect(refused.stderr).not.toMatch(cyrillic);
      }
    });
  }
});
