import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-not-covered-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the run fixture (the draft is written into the instructions' inbox/). */
function fixture(name: string): string {
  const dir = join(temp, name);
  cpSync('test/fixtures/run', dir, { recursive: true });
  return dir;
}

describe('instr run --answers: «not covered» from a file', () => {
  it('saves the draft with who decided, what was done and how it ended, and ends the run "not covered"', async () => {
    const dir = fixture('full');
    const answers = join(temp, 'full.yaml');
    writeFileSync(
      answers,
      [
        'greet: done',
        '"Check the request against the client\'s tariff":',
        '  not-covered:',
        '    what: The client writes in German',
        '    decided-by: Anna Smith',
        '    done: [Answered in English, Asked for a translation]',
        '    result: The client agreed',
      ].join('\n'),
    );
    const journal = join(temp, 'full.jsonl');
    const r = await runCli(['run', 'request', dir, '--answers', answers, '--json', '--journal', journal, '--user', 'ci']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as Record<string, unknown>;
    expect(out).toMatchObject({ status: 'cancelled', notCovered: true, outcome: 'The client writes in German' });
    const events = parseJournal(readFileSync(journal, 'utf8')).events;
    expect(events.map((e) => e.type)).toEqual(['start', 'step', 'not-covered', 'end']);
    expect(events[2]).toMatchObject({ description: 'The client writes in German', decidedBy: 'Anna Smith', result: 'The client agreed' });
    expect(events[3]).toMatchObject({ status: 'cancelled', notCovered: true });
    const drafts = readdirSync(join(dir, 'inbox'));
    expect(drafts).toHaveLength(1);
    const draft = readFileSync(join(dir, 'inbox', drafts[0]!), 'utf8');
    expect(draft).toContain('::when[The client writes in German]');
    expect(draft).toContain('1. Answered in English\n2. Asked for a translation');
    expect(draft).toContain('Anna Smith');
  });

  it('is shown in `instr run --help`, where a scripted run looks for it (friend test round 10)', async () => {
    const help = await runCli(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('"(any prompt)": { not-covered: what happened }');
    expect(help.stdout).toContain('{ not-covered: { what, decided-by, done, result } }');
  });

  it('takes the short form «not-covered: what happened» on a decision and in a Russian instruction', async () => {
    const answers = join(temp, 'short.yaml');
    writeFileSync(answers, '"Понятно, что именно нужно сделать и к какому сроку?": { not-covered: Клиент просит заявку на английском }\n');
    const dir = join(temp, 'ru');
    cpSync('instructions', dir, { recursive: true });
    const journal = join(temp, 'short.jsonl');
    const r = await runCli(['run', 'request', dir, '--answers', answers, '--journal', journal, '--user', 'ci'], { columns: 200 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Статус: ситуации нет в инструкции · Результат: Клиент просит заявку на английском');
    expect(r.stdout).not.toMatch(/Status|Outcome|not covered/);
    const events = parseJournal(readFileSync(journal, 'utf8')).events;
    expect(events.at(-1)).toMatchObject({ type: 'end', status: 'cancelled', notCovered: true });
  });

  it('refuses a not-covered answer that does not say what happened (exit 2)', async () => {
    const answers = join(temp, 'bad.yaml');
    writeFileSync(answers, 'greet: { not-covered: { decided-by: Anna } }\n');
    const r = await runCli(['run', 'request', fixture('bad'), '--answers', answers, '--journal', join(temp, 'bad.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml:1:1: "greet": not-covered needs what happened');
  });

  it('a scenario can end "not covered" too (instr test)', async () => {
    const dir = fixture('scenario');
    writeFileSync(
      join(dir, 'scenarios.yaml'),
      [
        'task: request',
        'scenarios:',
        '  - name: the client writes in German',
        '    answers:',
        '      in-tariff: { not-covered: { what: The client writes in German, decided-by: Anna Smith } }',
        '    expect:',
        '      status: cancelled',
        '      outcome: The client writes in German',
        '      path: [greet, "Check the request against the client\'s tariff.", in-tariff]',
      ].join('\n'),
    );
    const r = await runCli(['test', dir, join(dir, 'scenarios.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { scenarios: Array<Record<string, unknown>> };
    expect(report.scenarios[0]).toMatchObject({
      name: 'the client writes in German',
      passed: true,
      status: 'cancelled',
      outcome: 'The client writes in German',
    });
  });
});
