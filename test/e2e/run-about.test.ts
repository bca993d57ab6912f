/**
 * Runs with a subject: `instr run TASK --about "ООО Ромашка"` journals it, and the resume list, the
 * agenda, the report and the inbox show it, so five paused runs of one task can be told apart.
 * The subject is user text: control characters never reach the terminal.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { normalizeAbout } from '../../src/run/about.js';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-about-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('a run with a subject', () => {
  it('journals --about on one line without control characters, and the resume list names it', async () => {
    const journal = join(temp, 'run.jsonl');
    const answers = join(temp, 'invoice.yaml');
    writeFileSync(answers, 'issue: done\nbig: ack\n'); // stops at the wait: suspended, resumable
    const r = await runCli([
      'run',
      'invoice',
      'test/fixtures/run',
      '--answers',
      answers,
      '--journal',
      journal,
      '--about',
      ' ООО «Ромашка»,\n акт \u001b[31mсверки\u0007 ',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('About: ООО «Ромашка», акт [31mсверки');
    const start = parseJournal(readFileSync(journal, 'utf8')).events[0]!;
    expect(start).toMatchObject({ type: 'start', about: 'ООО «Ромашка», акт [31mсверки' });
    const list = await runCli(['run', '--resume', 'test/fixtures/run', '--answers', answers, '--journal', journal]);
    expect(list.code).toBe(2);
    expect(list.stderr).toMatch(/Issue an invoice — ООО «Ромашка», акт \[31mсверки \(#invoice\) · \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(list.stderr).not.toContain('\u001b');
  });

  it('keeps at most 200 characters and drops an empty subject', () => {
    expect(normalizeAbout('  \n\t ')).toBeUndefined();
    expect(normalizeAbout('я'.repeat(500))).toHaveLength(200);
    expect(normalizeAbout('a\u2028b\u0085c')).toBe('a b c');
  });

  it('agenda, report and inbox show the subject next to the task, escaped', async () => {
    const journal = join(temp, 'subjects.jsonl');
    const start = (run: string, about: string) =>
      JSON.stringify({
        v: 1,
        run,
        seq: 0,
        at: '2026-11-23T06:00:00.000Z',
        type: 'start',
        task: 'invoice',
        title: 'Issue an invoice',
        file: 'flow.md',
        lang: 'en',
        user: 'olga',
        revision: null,
        contentHash: 'x',
        scripted: false,
        about,
      });
    writeFileSync(
      journal,
      [
        start('r1', 'ООО Ромашка'),
        '{"v":1,"run":"r1","seq":1,"at":"2026-11-23T06:01:00.000Z","type":"wait","node":"paid","event":"The client paid","timeoutAt":"2026-11-24T06:01:00.000Z"}',
        start('r2', 'ИП Васильев \u001b[2J'),
        '{"v":1,"run":"r2","seq":1,"at":"2026-11-23T06:02:00.000Z","type":"unclear","node":"issue","note":"Which template?"}',
        '{"v":1,"run":"r2","seq":2,"at":"2026-11-23T06:03:00.000Z","type":"pause","node":"issue"}',
        '',
      ].join('\n'),
    );
    const agenda = await runCli(['agenda', 'test/fixtures/run', '--journal', journal, '--date', '2026-11-25', '--now', '2026-11-25T09:00', '--lang', 'en']);
    expect(agenda.stdout).toContain('invoice  Issue an invoice — ООО Ромашка');
    expect(agenda.stdout).toContain('invoice  Issue an invoice — ИП Васильев');
    expect(agenda.stdout).not.toContain('\u001b');
    const report = await runCli([
      'report',
      'test/fixtures/run',
      '--journal',
      journal,
      '--since',
      '2026-11-01',
      '--until',
      '2026-11-30',
      '--now',
      '2026-11-25T09:00',
      '--lang',
      'en',
    ]);
    expect(report.stdout).toMatch(/Chase: The client paid — ООО Ромашка/);
    const inbox = await runCli(['inbox', 'test/fixtures/run', '--journal', journal, '--lang', 'en']);
    expect(inbox.stdout).toContain('ИП Васильев');
    expect(inbox.stdout).not.toContain('\u001b');
    const json = await runCli(['agenda', 'test/fixtures/run', '--journal', journal, '--date', '2026-11-25', '--now', '2026-11-25T09:00', '--format', 'json']);
    expect(JSON.parse(json.stdout).open).toMatchObject([{ run: 'r2', about: 'ИП Васильев \u001b[2J' }]);
  });
});
