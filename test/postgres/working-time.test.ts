/**
 * The server's fold of the working-time events equals the file journal's: a wait's chase time,
 * its timeout steps, an event that happened earlier than it was marked, a pause until a moment,
 * promises made and kept, and a run's subject. The server keeps only the events that change a
 * run's state (runs-query.ts); these must be among them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/journal/events.js';
import { FileStore } from '../../src/journal/file-store.js';
import { PostgresStore } from '../../src/journal/postgres/store.js';
import { describeWithServer, freshDatabase } from '../support/postgres.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-time-'));
let db: Awaited<ReturnType<typeof freshDatabase>>;
afterAll(async () => {
  rmSync(temp, { recursive: true, force: true });
  await db?.drop();
});

const start = (run: string, at: string, about: string) =>
  ({
    v: 1,
    run,
    seq: 0,
    at,
    type: 'start',
    task: 'complaint',
    title: 'Жалоба',
    file: 'c.md',
    lang: 'ru',
    user: 'anna',
    revision: null,
    contentHash: 'h',
    scripted: false,
    about,
  }) as JournalEvent;
const ev = (run: string, seq: number, at: string, body: Record<string, unknown>) => ({ v: 1, run, seq, at, ...body }) as unknown as JournalEvent;

const events: JournalEvent[] = [
  // missed wait: chased Friday 16:00, timeout steps taken, then it happened on Monday at 9:30 (marked at 11:00); a promise kept late
  start('late', '2026-11-27T10:00:00.000Z', 'ООО Ромашка'),
  ev('late', 1, '2026-11-27T10:01:00.000Z', { type: 'step', node: 'say', action: 'done' }),
  ev('late', 2, '2026-11-27T10:01:00.000Z', {
    type: 'promise',
    node: 'answer-promise',
    state: 'made',
    text: 'Ответить клиенту',
    due: '2026-11-30T09:00:00.000Z',
  }),
  ev('late', 3, '2026-11-27T10:01:00.000Z', { type: 'wait', node: 'accountant', event: 'Бухгалтер ответил', timeoutAt: '2026-11-27T13:00:00.000Z' }),
  ev('late', 4, '2026-11-27T13:05:00.000Z', { type: 'timeout', node: 'accountant' }),
  ev('late', 5, '2026-11-27T13:06:00.000Z', { type: 'step', node: 'remind', action: 'done' }),
  ev('late', 6, '2026-11-27T13:06:00.000Z', { type: 'wait', node: 'accountant', event: 'Бухгалтер ответил', timeoutAt: '2026-11-30T06:00:00.000Z' }),
  ev('late', 7, '2026-11-30T08:00:00.000Z', { type: 'resume', node: 'accountant', happenedAt: '2026-11-30T06:30:00.000Z' }),
  ev('late', 8, '2026-11-30T10:00:00.000Z', { type: 'step', node: 'answered', action: 'done' }),
  ev('late', 9, '2026-11-30T10:00:00.000Z', { type: 'promise', node: 'answer-promise', state: 'kept', by: 'step' }),
  ev('late', 10, '2026-11-30T10:05:00.000Z', { type: 'end', node: null, status: 'done', outcome: '', durationMs: 1 }),
  // paused until Monday 10:00, an open promise, one withdrawn by going back
  start('paused', '2026-11-27T11:00:00.000Z', 'ИП Петров'),
  ev('paused', 1, '2026-11-27T11:01:00.000Z', {
    type: 'promise',
    node: 'answer-promise',
    state: 'made',
    text: 'Ответить клиенту',
    due: '2026-11-27T15:00:00.000Z',
  }),
  ev('paused', 2, '2026-11-27T11:02:00.000Z', { type: 'back', to: 'say' }),
  ev('paused', 3, '2026-11-27T11:02:00.000Z', { type: 'promise', node: 'answer-promise', state: 'withdrawn' }),
  ev('paused', 4, '2026-11-27T11:03:00.000Z', {
    type: 'promise',
    node: 'answer-promise',
    state: 'made',
    text: 'Ответить клиенту',
    due: '2026-11-27T15:00:00.000Z',
  }),
  ev('paused', 5, '2026-11-27T11:04:00.000Z', { type: 'pause', node: 'accountant', until: '2026-11-30T07:00:00.000Z' }),
  // cancelled: its promise is dropped
  start('gone', '2026-11-26T11:00:00.000Z', 'ООО Лютик'),
  ev('gone', 1, '2026-11-26T11:01:00.000Z', {
    type: 'promise',
    node: 'answer-promise',
    state: 'made',
    text: 'Ответить клиенту',
    due: '2026-11-26T15:00:00.000Z',
  }),
  ev('gone', 2, '2026-11-26T11:02:00.000Z', { type: 'end', node: null, status: 'cancelled', outcome: 'Клиент ушёл', durationMs: 1 }),
];

describeWithServer('the server folds the working-time events as the file journal does', () => {
  beforeAll(async () => {
    db = await freshDatabase('time');
  });

  it('happenedAt, timeout, pause until, promises and the subject', async () => {
    const file = join(temp, 'journal.jsonl');
    writeFileSync(file, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
    const local = await new FileStore(file).loadRuns();
    const store = new PostgresStore(db.url);
    try {
      expect(await store.insertEvents(events)).toBe(events.length);
      const server = await store.loadRuns();
      const shape = (runs: typeof local.runs) =>
        [...runs.values()]
          .sort((a, b) => a.run.localeCompare(b.run))
          .map((r) => ({
            run: r.run,
            state: r.state,
            about: r.about,
            pausedUntil: r.pausedUntil,
            missedWaits: r.missedWaits,
            promises: r.promises,
            deadlineAt: r.deadlineAt,
          }));
      expect(shape(server.runs)).toEqual(shape(local.runs));
      const late = server.runs.get('late')!;
      expect(late.about).toBe('ООО Ромашка');
      // the timeout steps taken on Friday closed that wait (not overdue); the wait chased again on Monday was missed
      expect(late.missedWaits).toEqual([
        {
          node: 'accountant',
          event: 'Бухгалтер ответил',
          timeoutAt: Date.parse('2026-11-30T06:00:00.000Z'),
          happenedAt: Date.parse('2026-11-30T06:30:00.000Z'),
        },
      ]);
      expect(late.promises).toEqual([
        {
          node: 'answer-promise',
          text: 'Ответить клиенту',
          madeAt: Date.parse('2026-11-27T10:01:00.000Z'),
          due: Date.parse('2026-11-30T09:00:00.000Z'),
          keptAt: Date.parse('2026-11-30T10:00:00.000Z'),
          keptBy: 'step',
        },
      ]);
      const paused = server.runs.get('paused')!;
      expect(paused.state).toBe('paused');
      expect(paused.pausedUntil).toBe(Date.parse('2026-11-30T07:00:00.000Z'));
      expect(paused.promises).toEqual([
        { node: 'answer-promise', text: 'Ответить клиенту', madeAt: Date.parse('2026-11-27T11:03:00.000Z'), due: Date.parse('2026-11-27T15:00:00.000Z') },
      ]);
      expect(server.runs.get('gone')!.promises).toMatchObject([{ dropped: true }]);
    } finally {
      await store.close();
    }
  });
});
