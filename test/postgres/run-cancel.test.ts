/**
 * On the team journal: `instr run --cancel` appends its `end` record (cancelled, by hand) to the
 * server, and the server's fold reads the run as cancelled and its promise as dropped, exactly as
 * the file journal does; the report counts it «отменено», not «брошено», its promise not broken.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FileStore } from '../../src/journal/file-store.js';
import { PostgresStore } from '../../src/journal/postgres/store.js';
import { runCli } from '../support/cli.js';
import { describeWithServer, freshDatabase } from '../support/postgres.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-cancel-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describeWithServer('a run cancelled by hand on the team journal', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase('run_cancel');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('is written to the server, read back as cancelled, and counted so by the report', async () => {
    const cwd = join(temp, 'anna');
    mkdirSync(cwd);
    cpSync('test/fixtures/promise', join(cwd, 'instructions'), { recursive: true });
    writeFileSync(join(cwd, 'answers.yaml'), '{}\n');
    const instr = (args: string[]) => runCli(args, { cwd });
    const run = await instr(['run', 'complaint', '--answers', 'answers.yaml', '--journal', db.url, '--user', 'anna', '--now', '2026-11-27T16:00', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const id = (JSON.parse(run.stdout) as { run: string }).run;

    const cancel = await instr(['run', '--cancel', id, '--reason', 'по ошибке', '--journal', db.url, '--user', 'anna', '--now', '2026-11-27T16:10', '--json']);
    expect(cancel.stderr).toBe('');
    expect(cancel.code).toBe(0);
    expect(JSON.parse(cancel.stdout)).toMatchObject({ run: id, status: 'cancelled', reason: 'по ошибке' });

    const agenda = JSON.parse((await instr(['agenda', '--journal', db.url, '--now', '2026-11-30T09:00', '--format', 'json'])).stdout) as {
      dates: Array<{ items: Array<{ run?: string }> }>;
      open: unknown[];
    };
    expect(agenda.dates.flatMap((d) => d.items).filter((i) => i.run === id)).toEqual([]);
    expect(agenda.open).toEqual([]);
    const report = JSON.parse(
      (await instr(['report', '--journal', db.url, '--now', '2026-12-01T10:00', '--since', '2026-11-01', '--format', 'json'])).stdout,
    ) as { tasks: Array<{ task: string; cancelled: number; abandoned: number }>; promises: { made: number; broken: number } };
    expect(report.tasks.find((t) => t.task === 'complaint')).toMatchObject({ cancelled: 1, abandoned: 0 });
    expect(report.promises).toMatchObject({ made: 1, broken: 0 });

    const store = new PostgresStore(db.url);
    try {
      const events = await store.runEvents(id);
      expect(events.at(-1)).toMatchObject({ type: 'end', status: 'cancelled', by: 'hand', user: 'anna', reason: 'по ошибке' });
      const file = join(temp, 'copy.jsonl');
      writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
      const fromServer = (await store.loadRuns()).runs.get(id)!;
      const fromFile = (await new FileStore(file).loadRuns()).runs.get(id)!;
      expect(fromServer.state).toBe('cancelled');
      expect(fromServer.promises).toEqual(fromFile.promises);
      expect(fromServer.promises?.[0]?.dropped).toBe(true);
    } finally {
      await store.close();
    }
  });
});
