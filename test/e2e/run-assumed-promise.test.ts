/**
 * `instr run --answers` with an empty answers file, friend test round 12b: a `::promise` step the
 * file does not mention is taken as given (and stays open), not listed as a plain «✓ done» step.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-assumed-promise-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const fixture = 'test/fixtures/promise';
const empty = join(temp, 'empty.yaml');
writeFileSync(empty, '{}\n');

describe('instr run --answers: a promise step the file does not mention', () => {
  it('--json marks what kind of step each assumed entry was', async () => {
    const run = await runCli(['run', 'complaint', fixture, '--answers', empty, '--journal', join(temp, 'json.jsonl'), '--now', '2026-12-04T12:00', '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { assumed: Array<{ node: string; kind: string }> };
    expect(summary.assumed).toEqual([
      expect.objectContaining({ kind: 'step', text: 'Выслушать клиента.' }),
      expect.objectContaining({ kind: 'step' }),
      expect.objectContaining({ node: 'answer-promise', kind: 'promise', text: 'Ответить клиенту по жалобе' }),
    ]);
  });

  it('words the promise as taken as given and open, in Russian and English', async () => {
    const ru = await runCli(['run', 'complaint', fixture, '--answers', empty, '--journal', join(temp, 'ru.jsonl'), '--now', '2026-12-04T12:00'], {
      columns: 400,
    });
    expect(ru.code).toBe(0);
    const list = ru.stdout.slice(ru.stdout.indexOf('Отмечено сделанным'), ru.stdout.indexOf('Чтобы пропустить'));
    expect(list).toContain('  ✓ Выслушать клиента.\n');
    expect(list).toContain('  🤝 Ответить клиенту по жалобе — обещание считается данным; открыто, пока не выполнено\n');
    expect(list).not.toContain('✓ Ответить клиенту по жалобе');
    const en = await runCli(
      ['run', 'complaint', fixture, '--answers', empty, '--journal', join(temp, 'en.jsonl'), '--now', '2026-12-04T12:00', '--lang', 'en'],
      {
        columns: 400,
      },
    );
    expect(en.stdout).toContain('  🤝 Ответить клиенту по жалобе — promise taken as given; open until kept\n');
  });
});
