/**
 * Time in `instr test`: --now (or INSTR_NOW) is when scenarios without their own `now:` start, and
 * an answer may move the clock first ({answer, advance} / {answer, at}), so waits, timeouts and
 * promises are tested by scenarios.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const fixture = 'test/fixtures/promise';
const temp = mkdtempSync(join(tmpdir(), 'instr-test-now-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function scenarios(name: string, text: string): string {
  const file = join(temp, name);
  writeFileSync(file, text);
  return file;
}

describe('instr test with time', () => {
  const friday = scenarios(
    'friday.yaml',
    `task: complaint
scenarios:
  - name: made after 15:00, kept by the answer on Monday at 11:00
    answers:
      accountant: { answer: true, at: "2026-11-30 11:00" }
    expect:
      status: done
      promises:
        - { promise: answer-promise, due: "2026-11-30 12:00", state: kept }
`,
  );

  it('--now and INSTR_NOW set when a scenario starts; without them it starts on the fixed default and fails here', async () => {
    const withNow = await runCli(['test', fixture, friday, '--now', '2026-11-27T16:00', '--lang', 'en']);
    expect(withNow.stdout).toContain('✓ made after 15:00');
    expect(withNow.code).toBe(0);
    const viaEnv = await runCli(['test', fixture, friday, '--lang', 'en'], { env: { INSTR_NOW: '2026-11-27T16:00' } });
    expect(viaEnv.code).toBe(0);
    const without = await runCli(['test', fixture, friday, '--lang', 'en']);
    expect(without.code).toBe(1);
    expect(without.stdout).toContain('The promise «answer-promise» is due 2026-01-12 18:00, not 2026-11-30 12:00');
    const bad = await runCli(['test', fixture, friday, '--now', 'friday']);
    expect(bad.code).toBe(2);
  });

  it('a scenario’s own now, advance in working time through a timeout, and a clock that cannot go back', async () => {
    const file = scenarios(
      'timeout.yaml',
      `task: complaint
scenarios:
  - name: the accountant is silent for 2 working hours from 17:00 Friday, the manager calls on Monday 10:00
    now: 2026-11-27T17:00
    answers:
      accountant: [{ answer: timeout, advance: 2wh }, { answer: true, advance: PT30M }]
    expect:
      path-includes: [Позвонить главному бухгалтеру., answered]
      promises:
        - promise: Ответить клиенту по жалобе
          due: "2026-11-30 12:00"
          state: kept
  - name: left waiting past the due time
    now: 2026-11-27T10:00
    answers:
      accountant: { answer: false, at: "19:00" }
    expect:
      status: waiting
      promises: [{ promise: answer-promise, due: "2026-11-27 18:00", state: broken }]
  - name: a time before the clock is refused
    now: 2026-11-27T10:00
    answers:
      accountant: { answer: true, at: "09:00" }
    expect:
      status: done
`,
    );
    const r = await runCli(['test', fixture, file, '--lang', 'en', '--format', 'json']);
    const json = JSON.parse(r.stdout) as { scenarios: Array<{ name: string; passed: boolean; failures: Array<{ code: string; message: string }> }> };
    expect(json.scenarios.map((s) => [s.passed, s.failures.map((f) => f.code)])).toEqual([
      [true, []],
      [true, []],
      [false, ['bad-time']],
    ]);
    expect(json.scenarios[2]!.failures[0]!.message).toContain('moves the clock to «09:00», which is not a moment after 2026-11-27T07:00:00.000Z');
  });
});
