import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { latestVersion } from '../../src/journal/postgres/migrations/index.js';
import { PostgresStore } from '../../src/journal/postgres/store.js';
import type { JournalEvent } from '../../src/journal/events.js';
import { runCli } from '../support/cli.js';
import { describeWithServer, freshDatabase } from '../support/postgres.js';

const instr = (args: string[], cwd: string) => runCli(args, { cwd });

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function workspace(name: string): string {
  const cwd = join(temp, name);
  mkdirSync(cwd);
  cpSync('test/fixtures/run', join(cwd, 'instructions'), { recursive: true });
  writeFileSync(join(cwd, 'answers.yaml'), 'in-tariff: no\nagree: refuse\n');
  return cwd;
}

const localEvents = (cwd: string) =>
  readFileSync(join(cwd, '.instr', 'journal.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean).length;

describeWithServer('instr run, report and agenda on the team journal', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase('cli');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('a run is uploaded as it goes; report covers every user and filters by --user; agenda reads the server', async () => {
    const ann = workspace('ann');
    const bob = workspace('bob');
    for (const [cwd, user] of [
      [ann, 'ann'],
      [bob, 'bob'],
      [bob, 'bob'],
    ] as const) {
      const r = await instr(['run', 'request', '--answers', 'answers.yaml', '--journal', db.url, '--user', user, '--json'], cwd);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const period = ['--format', 'json', '--today', '2026-11-27', '--since', '2026-01-01', '--until', '2030-01-01'];
    const all = JSON.parse((await instr(['report', ...period, '--journal', db.url], ann)).stdout) as {
      scriptedRuns: number;
      journal: { stats: { events: number } };
    };
    expect(all.scriptedRuns).toBe(3);
    expect(all.journal.stats.events).toBe(localEvents(ann) + localEvents(bob));
    const onlyBob = JSON.parse((await instr(['report', ...period, '--journal', db.url, '--user', 'bob'], ann)).stdout) as { scriptedRuns: number };
    expect(onlyBob.scriptedRuns).toBe(2);
    const agenda = await instr(['agenda', '--journal', db.url, '--format', 'json', '--user', 'ann'], ann);
    expect(agenda.code).toBe(0);
    expect(JSON.parse(agenda.stdout)).toBeTypeOf('object');
  });

  it('with the server unreachable the run goes on, says so once without the password; the next command that connects uploads the rest', async () => {
    const cwd = workspace('offline');
    const secret = 'Sup3r-s3cret';
    const nowhere = `postgres://ann:${secret}@127.0.0.1:9/nowhere`;
    const r = await instr(['run', 'request', '--answers', 'answers.yaml', '--journal', nowhere, '--user', 'ann'], cwd);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/cannot be reached/g)).toHaveLength(1);
    expect(r.stderr).toContain('postgres://ann:***@127.0.0.1:9/nowhere');
    expect(r.stdout + r.stderr).not.toContain(secret);
    const events = localEvents(cwd);
    expect(events).toBeGreaterThan(3);
    const offline = await instr(
      ['report', '--journal', nowhere, '--format', 'json', '--today', '2026-11-27', '--since', '2026-01-01', '--until', '2030-01-01'],
      cwd,
    );
    expect(offline.stderr).toContain("showing this machine's journal .instr/journal.jsonl only");
    expect(offline.stderr).not.toContain(secret);
    expect((JSON.parse(offline.stdout) as { scriptedRuns: number }).scriptedRuns).toBe(1);
    const push = await instr(['journal', 'push', '--journal', nowhere], cwd);
    expect(push.code).toBe(2);
    expect(push.stderr).not.toContain(secret);
    // back at the office: the first command that reaches the server sends what is pending
    const report = await instr(
      ['report', '--journal', db.url, '--user', 'ann', '--format', 'json', '--today', '2026-11-27', '--since', '2026-01-01', '--until', '2030-01-01'],
      cwd,
    );
    expect(report.stderr).toContain(`${events} event(s) recorded on this machine uploaded to postgres://instr:***@`);
    expect((JSON.parse(report.stdout) as { scriptedRuns: number }).scriptedRuns).toBe(2);
    const again = await instr(['journal', 'push', '--journal', db.url, '--json'], cwd);
    expect(JSON.parse(again.stdout)).toMatchObject({ read: 0, uploaded: 0, complete: true });
  });

  it('inbox lists the "not covered" captures of every machine from the server, each once', async () => {
    const cwd = workspace('maintainer');
    const at = '2026-11-20T09:00:00.000Z';
    const vera = [
      {
        v: 1,
        run: 'vera-run',
        seq: 0,
        at,
        type: 'start',
        task: 'request',
        title: 'Handle a request',
        file: 'flow.md',
        lang: 'en',
        user: 'vera',
        revision: null,
        contentHash: 'h',
        scripted: false,
      },
      {
        v: 1,
        run: 'vera-run',
        seq: 1,
        at,
        type: 'not-covered',
        node: 'greet',
        description: "The client wrote in <b>German</b>; $1 '); DROP TABLE x; --",
        action: 'Answered in English\nAsked Anna',
        draft: 'inbox/2026-11-20-request-beef.md',
      },
    ] as unknown as JournalEvent[];
    const store = new PostgresStore(db.url);
    try {
      await store.insertEvents(vera);
    } finally {
      await store.close();
    }
    const json = await instr(['inbox', '--journal', db.url, '--format', 'json'], cwd);
    expect(json.code).toBe(0);
    const drafts = (JSON.parse(json.stdout) as { drafts: Array<Record<string, unknown>> }).drafts.filter((d) => d['run'] === 'vera-run');
    expect(drafts).toEqual([
      expect.objectContaining({
        file: 'inbox/2026-11-20-request-beef.md',
        task: 'request',
        node: 'greet',
        user: 'vera',
        remote: true,
        actions: ['Answered in English', 'Asked Anna'],
        description: "The client wrote in <b>German</b>; $1 '); DROP TABLE x; --",
      }),
    ]);
    const text = await instr(['inbox', '--journal', db.url, '--lang', 'en'], cwd);
    expect(text.stdout).toContain('vera · inbox/2026-11-20-request-beef.md (in the team journal');
  });

  it('journal push and migrate need a server; migrate tells the schema version', async () => {
    const cwd = workspace('cmds');
    const none = await runCli(['journal', 'push'], { cwd, env: { INSTR_JOURNAL: undefined } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no team journal is configured');
    const migrate = await instr(['journal', 'migrate', '--journal', db.url], cwd);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(new RegExp(`journal schema version ${latestVersion}\\n$`));
    expect((await instr(['journal', '--help'], cwd)).stdout).toContain('push');
  });
});
