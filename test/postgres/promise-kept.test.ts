/**
 * On the team journal: a scripted run's promise is on the agenda read from the server, `instr
 * promise kept` appends its record there (after the run's end), and the server's fold drops it
 * from the agenda and judges it in the report exactly as the file journal does.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FileStore } from '../../src/journal/file-store.js';
import { PostgresStore } from '../../src/journal/postgres/store.js';
import { runCli } from '../support/cli.js';
import { describeWithServer, freshDatabase } from '../support/postgres.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-promise-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface AgendaJson {
  dates: Array<{ items: Array<{ kind: string; run?: string; keep?: string }> }>;
}

describeWithServer('a promise kept by hand on the team journal', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase('promise_kept');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('is listed from the server, kept there after the run ended, and judged late like in the file journal', async () => {
    const cwd = join(temp, 'anna');
    mkdirSync(cwd);
    cpSync('test/fixtures/promise-kept', join(cwd, 'instructions'), { recursive: true });
    writeFileSync(join(cwd, 'answers.yaml'), 'answer-now: Нет, нужно уточнить\n');
    const instr = (args: string[]) => runCli(args, { cwd });
    const run = await instr(['run', 'call', '--answers', 'answers.yaml', '--journal', db.url, '--user', 'anna', '--now', '2026-11-27T11:00', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const id = (JSON.parse(run.stdout) as { run: string }).run;

    const agenda = JSON.parse((await instr(['agenda', '--journal', db.url, '--now', '2026-11-27T12:00', '--format', 'json'])).stdout) as AgendaJson;
    expect(agenda.dates[0]!.items).toEqual([expect.objectContaining({ kind: 'promise', run: id, keep: `instr promise kept ${id}` })]);

    const kept = await instr(['promise', 'kept', id, '--journal', db.url, '--now', '2026-11-27T18:30', '--note', 'перезвонила', '--json']);
    expect(kept.stderr).toBe('');
    expect(kept.code).toBe(0);
    expect(JSON.parse(kept.stdout)).toMatchObject({ state: 'late', by: 'hand', note: 'перезвонила' });

    const after = JSON.parse((await instr(['agenda', '--journal', db.url, '--now', '2026-11-27T12:00', '--format', 'json'])).stdout) as AgendaJson;
    expect(after.dates[0]!.items).toEqual([]);
    const report = JSON.parse(
      (await instr(['report', '--journal', db.url, '--now', '2026-11-30T10:00', '--since', '2026-11-01', '--format', 'json'])).stdout,
    ) as {
      promises: { made: number; late: number; open: number };
    };
    expect(report.promises).toMatchObject({ made: 1, late: 1, open: 0 });

    // the server's fold equals the file journal's for the same records
    const store = new PostgresStore(db.url);
    try {
      const events = await store.runEvents(id);
      const file = join(temp, 'copy.jsonl');
      writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
      const fromServer = (await store.loadRuns()).runs.get(id)!;
      const fromFile = (await new FileStore(file).loadRuns()).runs.get(id)!;
      expect(fromServer.promises).toEqual(fromFile.promises);
      expect(fromServer.promises?.[0]).toMatchObject({ keptBy: 'hand', note: 'перезвонила' });
      expect(fromServer.state).toBe('done');
    } finally {
      await store.close();
    }
  });
});
