/**
 * What instr refuses, said in the screen's language (docs/screen-language.md): the journal's
 * skipped lines when a run resumes, a journal refused for where it lies (a symbolic link, a FIFO),
 * instr diff's git errors, and a team journal address the driver cannot read.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-refusal-lang-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** English words of instr's own (paths, commands and codes taken out first). */
const english = /\b(the|is|not|a|of|record|skipped|symbolic|link|follow|files|inside|repository|compare|revision|unknown|usable|URL|journal)\b/;
const env = { INSTR_JOURNAL: undefined, LC_ALL: 'C' };

function workspace(lang: 'ru' | 'en'): string {
  const cwd = mkdtempSync(join(temp, `${lang}-`));
  mkdirSync(join(cwd, 'instructions'));
  const ru = lang === 'ru';
  writeFileSync(
    join(cwd, 'instructions', 'doc.md'),
    `---\nid: doc\ntitle: Doc\nlang: ${lang}\n---\n\n## Tasks {.tasks}\n\n### Call {#call}\n\n::when[${ru ? 'Клиент позвонил' : 'A client called'}]\n\n1. ${ru ? 'Позвонить клиенту.' : 'Call the client.'} {#greet}\n2. ${ru ? 'Записать.' : 'Note it.'}\n`,
  );
  writeFileSync(join(cwd, 'answers.yaml'), '{}\n');
  return cwd;
}

const own = (text: string) =>
  text
    .replace(
      /instr( journal migrate| diff old\/ new\/)?|\S+\.jsonl\S*|\/\S+|postgres:\/\/\S+|v: 1, run, seq, at, type|PATH|git|fetch-depth|HEAD|nosuchrev|r1|seq \d+|\(E[A-Z]+\)/g,
      '',
    )
    .trim();

describe('the screen’s language for what instr refuses', () => {
  for (const lang of ['ru', 'en'] as const) {
    const ru = lang === 'ru';

    it(`${lang}: a resumed run lists each skipped journal line with why`, async () => {
      const cwd = workspace(lang);
      writeFileSync(
        join(cwd, 'j.jsonl'),
        '{"v":1}\nhello\n{"v":9,"run":"r","seq":0,"at":"2026-01-01T00:00:00Z","type":"future"}\n{"v":1,"run":"r1","seq":0,"at":"2026-01-01T00:00:00Z","type":"start","task":"call"',
      );
      const r = await runCli(['run', '--resume', '--answers', 'answers.yaml', '--journal', 'j.jsonl'], { cwd, env });
      const lines = r.stderr.split('\n').filter((l) => l.startsWith('instr: j.jsonl:'));
      expect(lines.map((l) => l.slice(0, 'instr: j.jsonl:1'.length))).toEqual(['instr: j.jsonl:1', 'instr: j.jsonl:2', 'instr: j.jsonl:3', 'instr: j.jsonl:4']);
      if (ru) {
        expect(lines[0]).toContain('это не запись журнала');
        expect(lines[2]).toContain('запись более нового формата журнала');
        expect(lines[3]).toContain('последняя запись оборвана');
        for (const l of lines) expect(own(l.replace(/^instr: j\.jsonl:\d+: /, '')), l).not.toMatch(english);
      } else {
        expect(lines[2]).toContain('a record of a newer journal format or of an unknown type; skipped');
        expect(lines[3]).toContain('the last record is torn');
      }
    });

    it(`${lang}: the default journal as a symbolic link is refused, with what to do`, async () => {
      const cwd = workspace(lang);
      mkdirSync(join(cwd, '.instr'));
      writeFileSync(join(cwd, 'elsewhere.txt'), 'x\n');
      symlinkSync(join(cwd, 'elsewhere.txt'), join(cwd, '.instr', 'journal.jsonl'));
      for (const args of [['report'], ['run', '--resume', '--answers', 'answers.yaml'], ['promise', 'list']]) {
        const r = await runCli(args, { cwd, env });
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
        const line = r.stderr.trim().split('\n').at(-1)!;
        if (ru) {
          expect(line, args.join(' ')).toBe(
            'instr: .instr/journal.jsonl — символическая ссылка; instr не переходит по ссылкам к файлам, которые ведёт (уберите ссылку)',
          );
        } else expect(line, args.join(' ')).toMatch(/is a symbolic link; instr does not follow links for the files it keeps \(remove the link\)$/);
      }
    });

    it(`${lang}: instr diff outside a repository, and an unknown revision`, async () => {
      const cwd = workspace(lang);
      const outside = await runCli(['diff', 'HEAD', 'instructions'], { cwd, env: { ...env, GIT_CEILING_DIRECTORIES: temp } });
      expect(outside.code).toBe(2);
      if (ru) {
        expect(outside.stderr).toMatch(/не лежит в репозитории git; сравните две папки: instr diff old\/ new\//);
        expect(own(outside.stderr.replace(/^instr: /, ''))).not.toMatch(english);
      } else expect(outside.stderr).toMatch(/is not inside a git repository; compare two folders instead/);
      const git = (...args: string[]) => execFileSync('git', args, { cwd, stdio: 'ignore' });
      git('init', '-q');
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.');
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'x');
      const unknown = await runCli(['diff', 'nosuchrev', 'instructions'], { cwd, env });
      expect(unknown.code).toBe(2);
      if (ru) {
        expect(unknown.stderr).toContain('instr: Ревизии «nosuchrev» нет');
        expect(own(unknown.stderr.replace(/^instr: /, ''))).not.toMatch(english);
      } else expect(unknown.stderr).toContain('Unknown revision "nosuchrev"');
    });

    it(`${lang}: instr run --journal with an address the driver cannot read, the password never shown`, async () => {
      const cwd = workspace(lang);
      const r = await runCli(['run', 'call', '--answers', 'answers.yaml', '--journal', 'postgres://ann:s3cret-pw@[::1/firm'], { cwd, env });
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain('s3cret-pw');
      if (ru) expect(r.stderr).toMatch(/^instr: адрес общего журнала postgres:\/\/ann:\*\*\*@\[::1\/firm не подходит/);
      else expect(r.stderr).toContain('not a usable PostgreSQL URL');
    });
  }
});
