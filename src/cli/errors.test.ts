import { Chalk } from 'chalk';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../diagnostics/input-error.js';
import { GitError } from '../git/git-error.js';
import { repositoryRoot } from '../git/revision.js';
import { asExitError, ExitError, exitCodes } from './errors.js';
import type { Io } from './io.js';
import { main } from './main.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-errors-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function run(argv: string[], cwd = process.cwd()): Promise<{ code: number; err: string }> {
  let err = '';
  const io: Io = { out: () => {}, err: (t) => void (err += t), color: new Chalk({ level: 0 }), isTTY: false, columns: 80, cwd };
  const saved = process.exitCode;
  try {
    return { code: await main(['node', 'instr', ...argv], io), err };
  } finally {
    process.exitCode = saved;
  }
}

describe('errors become exit codes in one place', () => {
  it('maps input and git errors to 2, keeps an ExitError, and leaves anything else to be a bug', () => {
    expect(asExitError(new InputError('no such folder'))).toMatchObject({ code: exitCodes.usage, message: 'no such folder' });
    expect(asExitError(new GitError('not a repository'))).toMatchObject({ code: exitCodes.usage, message: 'not a repository' });
    const own = new ExitError('stop', 130);
    expect(asExitError(own)).toBe(own);
    expect(asExitError(new TypeError('boom'))).toBeNull();
  });

  // Regression: git/revision.ts threw the CLI's ExitError; the domain now throws GitError.
  it('git/revision throws a domain error, not an exit code', async () => {
    const error = await repositoryRoot(temp).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect(error).not.toBeInstanceOf(ExitError);
  });

  it('a missing folder (lint), an unknown revision (diff) and a folder outside git (diff REV) exit 2 with the message', async () => {
    const missing = await run(['lint', join(temp, 'nothing')]);
    expect(missing.code).toBe(exitCodes.usage);
    expect(missing.err).toContain('Нет такого файла или папки'); // the language of ./instructions here
    const unknown = await run(['diff', join(temp, 'a'), join(temp, 'b')]);
    expect(unknown.code).toBe(exitCodes.usage);
    expect(unknown.err).toContain('нет (это не ветка, не метка и не коммит'); // the language of ./instructions here
    const outside = await run(['diff', 'HEAD', '.'], temp);
    expect(outside.code).toBe(exitCodes.usage);
    expect(outside.err).toMatch(/not inside a git repository|не лежит в репозитории git/); // the locale's language: nothing to go by in temp
    expect(outside.err).not.toContain('internal error');
  });
});
