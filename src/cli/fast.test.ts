import { Chalk } from 'chalk';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fastList, fastMain } from './fast.js';
import type { Io } from './io.js';
import { main } from './main.js';

const work = mkdtempSync(join(tmpdir(), 'instr-fast-'));
cpSync(join(import.meta.dirname, '../../instructions'), join(work, 'instructions'), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

function capture(): Io & { said: () => string } {
  let text = '';
  const keep = (stream: string) => (t: string) => void (text += `${stream}${t}`);
  return { out: keep('1>'), err: keep('2>'), said: () => text, color: new Chalk({ level: 0 }), isTTY: false, columns: 80, cwd: work };
}

/** stdout and stderr (marked, in order) and the exit code of `instr args…` through main() or fastMain(). */
async function said(args: string[], fast: boolean): Promise<string> {
  const io = capture();
  const saved = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = fast ? await fastMain(['node', 'instr', ...args], io) : await main(['node', 'instr', ...args], io);
    return `${io.said()}\n[exit ${code}]`;
  } finally {
    process.exitCode = saved;
  }
}

describe('instr list without commander', () => {
  it('reads only list, paths and --json', () => {
    expect(fastList(['list'])).toEqual({ paths: ['instructions'], json: false });
    expect(fastList(['list', 'a.md', '--json', 'b'])).toEqual({ paths: ['a.md', 'b'], json: true });
    for (const args of [
      [],
      ['show'],
      ['--no-cache', 'list'],
      ['list', '--lang', 'en'],
      ['list', '-h'],
      ['list', '--'],
      ['list', ''],
      ['list', '-'],
      ['list', '--json=1'],
    ])
      expect(fastList(args)).toBeUndefined();
  });

  it('leaves every other command line to main(), having done nothing', async () => {
    const io = capture();
    expect(await fastMain(['node', 'instr', 'list', '--bogus'], io)).toBeUndefined();
    expect(await fastMain(['node', 'instr', 'show', 'request'], io)).toBeUndefined();
    expect(io.said()).toBe('');
  });

  // The same output, in the same order, and the same exit code as through commander.
  it.each([
    [['list']],
    [['list', '--json']],
    [['list', 'instructions/office-administrator.md', '--json']],
    [['list', 'instructions/templates']],
    [['list', 'no-such-folder']],
    [['list', 'instructions', 'missing.md']],
    [['list', 'instructions/client-holidays.yaml']],
    [['list', 'help']],
  ])('%j says what main() says', async (args) => {
    const fast = await said(args, true);
    expect(fast).toBe(await said(args, false));
    expect(fast).toMatch(/\[exit \d\]$/);
  });

  it('INSTR_NO_CACHE=1 is honoured as main() honours it', async () => {
    const saved = process.env['INSTR_NO_CACHE'];
    process.env['INSTR_NO_CACHE'] = '1';
    try {
      const io = capture();
      await fastMain(['node', 'instr', 'list'], io);
      expect(io.compile).toEqual({ cache: false });
    } finally {
      if (saved === undefined) delete process.env['INSTR_NO_CACHE'];
      else process.env['INSTR_NO_CACHE'] = saved;
    }
  });
});
