/**
 * A question at a decision in a terminal (python3's pty module): the decision's menu offers
 * «Непонятно — записать вопрос…» / "Unclear — note a question…" after its options, as a step's
 * menu does; the question is journaled and the same decision is asked again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { python } from '../support/python.js';
import { binPath, projectRoot } from './run-instr.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-decision-unclear-pty-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const driver = join(projectRoot, 'test/e2e/pty-drive.py');

const ENTER = '\r';
const DOWN = '\u001b[B';
const CTRL_C = '\u0003';

function drive(name: string, args: string[], steps: Array<{ expect: string; send?: string }>): { code: number | null; output: string; failed: unknown } {
  const script = join(temp, `${name}.json`);
  writeFileSync(script, JSON.stringify({ cols: 80, rows: 40, timeout: 60, steps }));
  const r = spawnSync(python, [driver, script, '--', process.execPath, binPath, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', INSTR_JOURNAL: join(temp, `${name}.jsonl`), INSTR_CACHE_DIR: join(temp, 'cache'), LANG: 'C.UTF-8' },
  });
  if (r.status !== 0) throw new Error(`pty driver failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { code: number | null; output: string; failed: unknown };
}

describe.skipIf(!python)('a question at a decision (pseudo-terminal)', { timeout: 300_000 }, () => {
  for (const lang of ['en', 'ru'] as const) {
    it(`notes a question at a decision and asks the same decision again (${lang})`, () => {
      const words =
        lang === 'en'
          ? {
              about: 'What is this run about',
              what: 'What now\\?',
              done: 'Done',
              unclear: 'Unclear — note a question…',
              note: 'What is unclear\\?',
              saved: 'Question noted; the decision is still open',
            }
          : {
              about: 'О чём это прохождение',
              what: 'Что дальше\\?',
              done: 'Сделано',
              unclear: 'Непонятно — записать вопрос…',
              note: 'Что непонятно\\?',
              saved: 'Вопрос записан; решение остаётся открытым',
            };
      const question = 'Is it in the tariff\\?';
      const r = drive(
        `decision-${lang}`,
        ['run', 'request', 'test/fixtures/run', '--lang', lang],
        [
          { expect: `\\? ${words.about}[^\\n]*\\?`, send: ENTER },
          { expect: `\\? ${words.what}[\\s\\S]*❯ ${words.done}`, send: ENTER },
          { expect: `2[\\s\\S]*\\? ${words.what}[\\s\\S]*❯ ${words.done}`, send: ENTER },
          // the options, then the question: Yes, No, Unclear
          { expect: `\\? ${question}[\\s\\S]*❯ Yes[\\s\\S]*No[\\s\\S]*${words.unclear}`, send: `${DOWN}${DOWN}` },
          { expect: `❯ ${words.unclear}`, send: ENTER },
          { expect: `\\? ${words.note}`, send: `Which tariff does the client have?${ENTER}` },
          { expect: `${words.saved}[\\s\\S]*\\? ${question}[\\s\\S]*❯ Yes`, send: CTRL_C },
        ],
      );
      expect(r.failed).toBeNull();
      expect(r.code).toBe(130);
      const events = parseJournal(readFileSync(join(temp, `decision-${lang}.jsonl`), 'utf8')).events;
      const unclear = events.filter((e) => e.type === 'unclear');
      expect(unclear).toHaveLength(1);
      expect(unclear[0]).toMatchObject({ node: 'in-tariff', note: 'Which tariff does the client have?' });
      // nothing was chosen: the decision is still open
      expect(events.some((e) => e.type === 'decision')).toBe(false);
    });
  }
});
