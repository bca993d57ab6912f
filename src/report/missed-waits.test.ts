import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import { buildReport } from './build.js';
import { loadRuns } from '../journal/load-runs.js';
import { reportText } from './render.js';
import { Chalk } from 'chalk';
import { localDateTime, systemTimeZone } from '../schedule/zone.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-missed-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** One run of the fixture's request task that waits for the payment, chased on Monday 30 November. */
function journal(name: string, after: string[]): string {
  const file = join(temp, `${name}.jsonl`);
  const lines = [
    `{"v":1,"run":"${name}","seq":0,"at":"2026-11-27T06:30:00.000Z","type":"start","task":"request","title":"Handle a request","file":"flow.md","lang":"en","user":"olga","revision":null,"contentHash":"x","scripted":false}`,
    `{"v":1,"run":"${name}","seq":1,"at":"2026-11-27T06:31:00.000Z","type":"wait","node":"paid","event":"The client paid","timeoutAt":"2026-11-30T06:31:00.000Z"}`,
    ...after.map((l, i) => l.replace('SEQ', String(i + 2)).replace('RUN', name)),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function report(file: string) {
  const { graph } = await compilePaths(['test/fixtures/run']);
  const { runs, stats } = await loadRuns(file);
  return buildReport(graph, runs.values(), {
    since: '2026-11-01',
    until: '2026-12-31',
    today: '2026-12-03',
    now: Date.parse('2026-12-03T12:00:00Z'),
    journal: { path: file, missing: false, stats },
  });
}

describe('missed waits in the report', () => {
  it('keeps a wait whose event came after its chase time as missed after the run finished, with when it happened', async () => {
    const file = journal('late', [
      '{"v":1,"run":"RUN","seq":SEQ,"at":"2026-12-02T12:00:00.000Z","type":"resume","node":"paid","happenedAt":"2026-12-01T08:00:00.000Z"}',
      '{"v":1,"run":"RUN","seq":SEQ,"at":"2026-12-02T12:05:00.000Z","type":"end","node":null,"status":"done","outcome":"","durationMs":1}',
    ]);
    const r = await report(file);
    expect(r.overdue).toEqual([
      {
        run: 'late',
        task: 'request',
        user: 'olga',
        kind: 'wait',
        due: '2026-11-30T06:31:00.000Z',
        label: 'The client paid',
        daysLate: 1,
        happened: '2026-12-01T08:00:00.000Z',
        zone: systemTimeZone(), // the fixture names no zone: the machine's
      },
    ]);
    const local = (iso: string) => localDateTime(Date.parse(iso), systemTimeZone());
    expect(reportText(r, 'en', new Chalk({ level: 0 }))).toContain(
      `${local('2026-11-30T06:31:00Z')}  request  «The client paid» — had not happened by its chase time, and no chase (its timeout steps) was recorded; happened at ${local('2026-12-01T08:00:00Z')}`,
    );
    expect(reportText(r, 'ru', new Chalk({ level: 0 }))).toContain(
      `«The client paid» — ко времени проверки не произошло, а проверку (шаги «Время вышло») не отметили; произошло в ${local('2026-12-01T08:00:00Z')}`,
    );
    expect(reportText(r, 'ru', new Chalk({ level: 0 }))).not.toContain('Напомнить');
  });

  it('counts from when the event happened, not when it was marked: an event before the chase time is not missed', async () => {
    const file = journal('early', [
      '{"v":1,"run":"RUN","seq":SEQ,"at":"2026-12-02T12:00:00.000Z","type":"resume","node":"paid","happenedAt":"2026-11-29T08:00:00.000Z"}',
      '{"v":1,"run":"RUN","seq":SEQ,"at":"2026-12-02T12:05:00.000Z","type":"end","node":null,"status":"done","outcome":"","durationMs":1}',
    ]);
    expect((await report(file)).overdue).toEqual([]);
  });

  it('a wait closed by its timeout steps («время вышло») is not overdue, even when the event never came (friend test)', async () => {
    const file = journal('chased', [
      '{"v":1,"run":"RUN","seq":SEQ,"at":"2026-11-30T06:40:00.000Z","type":"timeout","node":"paid"}',
      '{"v":1,"run":"RUN","seq":SEQ,"at":"2026-11-30T06:45:00.000Z","type":"end","node":null,"status":"done","outcome":"","durationMs":1}',
    ]);
    expect((await report(file)).overdue).toEqual([]);
  });

  it('a run abandoned while its wait was past the chase time keeps the wait as missed, never happened', async () => {
    const file = journal('gone', ['{"v":1,"run":"RUN","seq":SEQ,"at":"2026-12-02T12:00:00.000Z","type":"abandon","reason":"discarded"}']);
    const r = await report(file);
    expect(r.overdue).toMatchObject([{ run: 'gone', kind: 'wait', due: '2026-11-30T06:31:00.000Z', daysLate: 3 }]);
    expect(r.overdue[0]).not.toHaveProperty('happened');
  });
});
