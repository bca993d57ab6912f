/**
 * `journal:` in instr.config.yaml, read by the built binary (the bundle). The config is read with
 * a YAML parser loaded on first use; in the bundle that import gave the CommonJS module's default
 * only, `parse` was undefined, and the setting was ignored without a word: runs went to
 * .instr/journal.jsonl. With a server, the same setting makes the run upload and the report read it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInstr } from './run-instr.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-journal-config-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function workspace(name: string, journal: string): string {
  const cwd = join(temp, name);
  cpSync('test/fixtures/run', join(cwd, 'instructions'), { recursive: true });
  writeFileSync(join(cwd, 'answers.yaml'), 'in-tariff: no\nagree: refuse\n');
  writeFileSync(join(cwd, 'instr.config.yaml'), `journal: ${journal}\n`);
  return cwd;
}

const env = { INSTR_JOURNAL: '' };

describe('journal: in instr.config.yaml (the built binary)', () => {
  it('a file named there is the journal run writes and report reads', () => {
    const cwd = workspace('file', 'team.jsonl');
    const run = runInstr(['run', 'request', '--answers', 'answers.yaml', '--user', 'ann'], { cwd, env });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'team.jsonl'), 'utf8')).toContain('"type":"start"');
    expect(existsSync(join(cwd, '.instr', 'journal.jsonl'))).toBe(false);
    const report = runInstr(['report', '--format', 'json', '--since', '2026-01-01', '--until', '2030-01-01'], { cwd, env });
    expect(report.code, report.stderr).toBe(0);
    expect((JSON.parse(report.stdout) as { journal: { path: string } }).journal.path).toBe('team.jsonl');
  });

  it.runIf(Boolean(process.env['INSTR_TEST_POSTGRES_URL']))('a postgres:// URL there: the run is uploaded and the report reads the server', () => {
    const url = process.env['INSTR_TEST_POSTGRES_URL']!;
    const cwd = workspace('server', url);
    const user = `config-${process.pid}`;
    const run = runInstr(['run', 'request', '--answers', 'answers.yaml', '--user', user], { cwd, env });
    expect(run.code, run.stderr).toBe(0);
    const report = runInstr(['report', '--format', 'json', '--since', '2026-01-01', '--until', '2030-01-01', '--user', user], { cwd, env });
    expect(report.code, report.stderr).toBe(0);
    const parsed = JSON.parse(report.stdout) as { journal: { path: string }; scriptedRuns: number };
    expect(parsed.journal.path).toMatch(/^postgres:\/\/instr:\*\*\*@/);
    expect(parsed.scriptedRuns).toBe(1);
    expect(report.stdout + report.stderr + run.stderr).not.toContain(new URL(url).password);
  });
});
