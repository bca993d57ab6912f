import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

// ajv-draft-04 is CommonJS: its class is the module's `default` property under NodeNext.
const Ajv = AjvDraft04.default;

const temp = mkdtempSync(join(tmpdir(), 'instr-lint-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const noCache = { env: { INSTR_NO_CACHE: '1' } };
const fx = (p: string) => `test/fixtures/lint/${p}`;

interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
  message: string;
}

describe('instr lint', () => {
  it('documents its options and exit codes', async () => {
    const help = await runCli(['lint', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--format <format>', '--max-warnings <n>', '--rule <id>', '--today <date>', '--config <file>', '--quiet'])
      expect(help.stdout).toContain(option);
    expect(help.stdout).toContain('Exit codes: 0 clean');
  });

  it('finds the bundled instructions clean, even with --max-warnings 0', async () => {
    const result = await runCli(['lint', 'instructions', '--max-warnings', '0'], noCache);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it("flags the seed's bad example in stylish format; warnings pass unless --max-warnings", async () => {
    const result = await runCli(['lint', fx('vague-wording/invalid.md'), '--rule', 'vague-wording', '--lang', 'en'], noCache);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${fx('vague-wording/invalid.md')}\n  15:4   warning  Vague wording "Организовать"`);
    expect(result.stdout).toContain('✖ 7 problems (0 errors, 7 warnings)');
    const strict = await runCli(['lint', fx('vague-wording/invalid.md'), '--rule', 'vague-wording', '--max-warnings', '0'], noCache);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('7 предупреждений — больше, чем --max-warnings 0');
    const quiet = await runCli(['lint', fx('vague-wording/invalid.md'), '--quiet'], noCache);
    expect(quiet.stdout).not.toContain('warning');
  });

  it('json: one array, paths relative to the working directory, exit 1 on errors', async () => {
    const result = await runCli(['lint', fx('placeholder/invalid.md'), '--format', 'json', '--rule', 'placeholder', '--lang', 'en'], noCache);
    expect(result.code).toBe(1);
    const rows = JSON.parse(result.stdout) as Row[];
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({
      file: fx('placeholder/invalid.md'),
      line: 15,
      column: 53,
      endLine: 15,
      endColumn: 54,
      rule: 'placeholder',
      severity: 'error',
      message: expect.stringContaining('Placeholder "…"') as string,
    });
    const elsewhere = await runCli(['lint', resolve(fx('placeholder/invalid.md')), '--format', 'json', '--rule', 'placeholder'], {
      ...noCache,
      cwd: resolve('test/fixtures'),
    });
    expect((JSON.parse(elsewhere.stdout) as Row[])[0]!.file).toBe('lint/placeholder/invalid.md');
  });

  it('reports compiler errors through the same reporter, whatever --rule says', async () => {
    const result = await runCli(['lint', fx('compile-error'), '--format', 'json', '--rule', 'vague-wording'], noCache);
    expect(result.code).toBe(1);
    const rows = JSON.parse(result.stdout) as Row[];
    expect(rows.map((r) => [r.rule, r.severity, r.line])).toEqual([
      ['vague-wording', 'warning', 13],
      ['dangling-jump', 'error', 15],
    ]);
  });

  it("speaks the instruction's language: Russian findings and summary for a Russian instruction", async () => {
    const result = await runCli(['lint', fx('vague-wording/invalid.md'), '--rule', 'vague-wording'], noCache);
    expect(result.stdout).toContain('15:4   warning  Общие слова «Организовать»: непонятно, что именно делать.');
    expect(result.stdout).toContain('✖ 7 проблем (0 ошибок, 7 предупреждений)');
  });

  it('github: workflow annotations', async () => {
    const result = await runCli(['lint', fx('broken-link/doc.md'), '--format', 'github', '--rule', 'broken-link', '--lang', 'en'], noCache);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      `::error file=${fx('broken-link/doc.md')},line=16,col=22,endLine=16,endColumn=43,title=instr broken-link::Link "templates/estimate.md" points to a file that does not exist; create it or fix the path (relative to this file)`,
    );
  });

  it('sarif: a valid SARIF 2.1.0 log', async () => {
    const result = await runCli(['lint', fx('unreachable/invalid.md'), fx('vague-wording/invalid.md'), '--format', 'sarif'], noCache);
    expect(result.code).toBe(1);
    const schema = JSON.parse(readFileSync(fx('sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    const log = JSON.parse(result.stdout) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(new Set(log.runs[0]!.results.map((r) => r.ruleId))).toEqual(new Set(['unreachable', 'vague-wording', 'required-sections', 'undefined-role']));
  });

  it('reads instr.config.yaml upward from the working directory', async () => {
    const dir = join(temp, 'configured');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(
      join(dir, 'instr.config.yaml'),
      'rules:\n  vague-wording: [error, { ru: { remove: [комфортный] } }]\n  required-sections: off\n  undefined-role: off\n',
    );
    const result = await runCli(['lint', resolve(fx('vague-wording/invalid.md')), '--format', 'json'], { ...noCache, cwd: join(dir, 'sub') });
    expect(result.code).toBe(1);
    const rows = JSON.parse(result.stdout) as Row[];
    expect(rows.every((r) => r.rule === 'vague-wording' && r.severity === 'error')).toBe(true);
    expect(rows).toHaveLength(6);
  });

  it('stops with exit 2 and the line and column of a bad config', async () => {
    const file = join(temp, 'bad.yaml');
    writeFileSync(file, 'extends: recommended\nrules:\n  vague-wording: loud\n');
    const result = await runCli(['lint', fx('vague-wording/valid.md'), '--config', file], noCache);
    expect(result.code).toBe(2);
    // the instruction is Russian, and so is what is said about the config
    expect(result.stderr).toMatch(/bad\.yaml:3:18 {2}error {2}«rules\.vague-wording»: нужно off, warn или error/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['lint', '--rule', 'no-such-rule'])).code).toBe(2);
    expect((await runCli(['lint', '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['lint', '--today', '2026-02-30'])).code).toBe(2);
    expect((await runCli(['lint', '--max-warnings', 'many'])).code).toBe(2);
    const missing = await runCli(['lint', 'no/such/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Нет такого файла или папки');
  });

  it('--today makes stale-review reproducible', async () => {
    const args = ['lint', fx('stale-review/invalid.md'), '--rule', 'stale-review', '--format', 'json'];
    expect(JSON.parse((await runCli([...args, '--today', '2026-11-27'], noCache)).stdout)).toHaveLength(2);
    expect(JSON.parse((await runCli([...args, '--today', '2025-02-01'], noCache)).stdout)).toHaveLength(0);
  });

  it('a warm run (compiled files from the cache) reports the same', async () => {
    const cache = { env: { INSTR_CACHE_DIR: join(temp, 'cache') } };
    const args = ['lint', fx('unreachable'), fx('vague-wording'), '--format', 'json'];
    const cold = await runCli(args, cache);
    const warm = await runCli(args, cache);
    expect(warm.stdout).toBe(cold.stdout);
    expect((JSON.parse(warm.stdout) as Row[]).length).toBeGreaterThan(5);
  });

  it('hostile input: escape sequences are neutralised, a symlink out of the folder is a broken link', async () => {
    const dir = join(temp, 'hostile');
    mkdirSync(dir, { recursive: true });
    symlinkSync('/etc/hostname', join(dir, 'secret.md'));
    writeFileSync(
      join(dir, 'doc.md'),
      '---\nid: hostile\ntitle: Hostile\nlang: en\n---\n\n## Tasks {.tasks}\n\n### Do it {#do}\n\n::when[Now]\n\n1. Read [it](secret.md) and TODO \u001b]0;owned\u0007 \u001b[31mred.\n',
    );
    const result = await runCli(['lint', dir], { ...noCache, cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/\u001b/);
    expect(result.stdout).toContain('Link "secret.md" is a symbolic link that leads outside the repository');
    expect(result.stdout).toContain('Placeholder "TODO"');
  });
});
