/**
 * `instr report` opens the team journal and reads its runs while it compiles the instructions
 * (src/cli/actions/journal-store.ts, readRunsEarly). What it says still comes in the instructions'
 * language, and a command that stops before the report (no instructions, a bad period) leaves no
 * connection open behind it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { admin, describeWithServer, freshDatabase } from '../support/postgres.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-report-early-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const env = { INSTR_JOURNAL: undefined, LC_ALL: 'C' };
const period = ['--format', 'json', '--today', '2026-11-27', '--since', '2026-01-01', '--until', '2026-11-27'];

function workspace(lang: 'ru' | 'en'): string {
  const cwd = mkdtempSync(join(temp, `${lang}-`));
  mkdirSync(join(cwd, 'instructions'));
  writeFileSync(
    join(cwd, 'instructions', 'doc.md'),
    `---\nid: doc\ntitle: Doc\nlang: ${lang}\n---\n\n## Tasks {.tasks}\n\n### Call {#call}\n\n1. Call the client.\n`,
  );
  const record = (seq: number, type: string, extra: object) =>
    JSON.stringify({ v: 1, run: `run-${lang}`, seq, at: `2026-11-27T10:0${seq}:00.000Z`, type, ...extra });
  mkdirSync(join(cwd, '.instr'));
  // recorded while the server was away: the report uploads it first, and says so in `lang`
  writeFileSync(
    join(cwd, '.instr', 'journal.jsonl'),
    `${[
      record(0, 'start', { task: 'call', title: 'Call', file: 'doc.md', lang, user: `ann-${lang}`, revision: null, contentHash: 'h', scripted: false }),
      record(1, 'step', { node: 'call/s1', action: 'done' }),
    ].join('\n')}\n`,
  );
  return cwd;
}

/** Connections of instr (application_name) to the database, polled a few times: a backend ends just after its client closes. */
async function instrConnections(database: string): Promise<number> {
  let n = -1;
  for (let i = 0; i < 50 && n !== 0; i++) {
    const r = await admin((c) =>
      c.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'instr'", [database]),
    );
    n = Number(r.rows[0]!.n);
    if (n !== 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return n;
}

describeWithServer('instr report reads the team journal while it compiles', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase('report_early');
  });
  afterAll(async () => {
    await db?.drop();
  });

  for (const lang of ['ru', 'en'] as const) {
    it(`${lang}: the upload before the report is said in the instructions' language, and the report counts it`, async () => {
      const cwd = workspace(lang);
      const r = await runCli(['report', ...period, '--journal', db.url, '--user', `ann-${lang}`], { cwd, env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(
        lang === 'ru' ? /Записей, сделанных на этом компьютере, отправлено в postgres:\/\/.*: 2\./ : /2 event\(s\) recorded on this machine uploaded/,
      );
      const report = JSON.parse(r.stdout) as { journal: { path: string }; tasks: Array<{ task: string; started: number }> };
      expect(report.journal.path).toContain('postgres://');
      expect(report.tasks.find((t) => t.task === 'call')?.started).toBe(1);
      expect(await instrConnections(db.name)).toBe(0);
    });
  }

  it('no instructions: exit 2, and the connection opened meanwhile is closed', async () => {
    const cwd = workspace('en');
    const r = await runCli(['report', 'no-such-folder', ...period, '--journal', db.url], { cwd, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-folder');
    expect(await instrConnections(db.name)).toBe(0);
  });

  it('--since after --until: exit 2, nothing left open', async () => {
    const cwd = workspace('en');
    const r = await runCli(['report', '--format', 'json', '--since', '2026-11-27', '--until', '2026-01-01', '--journal', db.url], { cwd, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2026-11-27');
    expect(await instrConnections(db.name)).toBe(0);
  });

  it('an unknown --role: exit 2 naming the roles, nothing left open', async () => {
    const cwd = workspace('en');
    const r = await runCli(['report', ...period, '--role', 'Nobody', '--journal', db.url], { cwd, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Nobody');
    expect(await instrConnections(db.name)).toBe(0);
  });
});
