/**
 * A config file whose `journal:` cannot be read stops the journal's commands with the problem at
 * its line and column, as `instr lint` says it. Before, the setting was dropped without a word and
 * runs went to the local file, never reaching the server the firm had set up.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-journal-config-broken-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function workspace(name: string, config: string): string {
  const cwd = join(temp, name);
  cpSync('test/fixtures/run', join(cwd, 'instructions'), { recursive: true });
  mkdirSync(join(cwd, '.git'));
  writeFileSync(join(cwd, 'answers.yaml'), 'in-tariff: no\nagree: refuse\n');
  writeFileSync(join(cwd, 'instr.config.yaml'), config);
  return cwd;
}

const env = { INSTR_JOURNAL: undefined };
const broken = 'journal: postgres://instr@127.0.0.1:1/firm\nsynonyms: [a, b\n';

describe('a config whose journal: cannot be read', () => {
  it('YAML that does not parse: report stops with exit 2 at the line, in the screen language', async () => {
    const cwd = workspace('yaml', broken);
    const en = await runCli(['report'], { cwd, env });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^instr: instr\.config\.yaml:3:1: Not valid YAML/);
    expect(en.stdout).toBe('');
    const ru = await runCli(['report', '--lang', 'ru'], { cwd, env });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('instr.config.yaml:3:1: Это не YAML, который instr может прочитать');
  });

  it('run does not start and writes no local journal', async () => {
    const cwd = workspace('run', broken);
    const run = await runCli(['run', 'request', '--answers', 'answers.yaml', '--user', 'ann'], { cwd, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('instr.config.yaml:3:1');
    expect(run.stdout).not.toContain('request');
    const agenda = await runCli(['agenda'], { cwd, env });
    expect(agenda.code).toBe(2);
  });

  it('journal: that is not text is said at its place by the schema', async () => {
    const cwd = workspace('number', 'synonyms: [[a, b]]\njournal:\n  url: postgres://x\n');
    const r = await runCli(['report', '--lang', 'ru'], { cwd, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('instr.config.yaml:3:3: «journal»: нужен тип');
  });

  it('an empty journal: (null) is no setting: the local journal, as before', async () => {
    const cwd = workspace('empty', 'journal:\n');
    const r = await runCli(['report', '--format', 'json'], { cwd, env });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { journal: { path: string } }).journal.path).toBe('.instr/journal.jsonl');
  });
});
