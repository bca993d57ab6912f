import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { main } from './main.js';

function capture(out: (text: string) => void): Io & { errors: () => string } {
  let err = '';
  return { out, err: (t) => void (err += t), errors: () => err, color: new Chalk({ level: 0 }), isTTY: false, columns: 80, cwd: process.cwd() };
}

describe('main', () => {
  // Regression: an internal error exited 1, the code of "findings", so CI read a crash as lint errors.
  it('exits 3 on an internal error, with a message and no stack trace', async () => {
    const saved = process.exitCode;
    const io = capture(() => {
      throw new TypeError('boom');
    });
    try {
      expect(await main(['node', 'instr', '--version'], io)).toBe(3);
    } finally {
      process.exitCode = saved;
    }
    // in the language of ./instructions (Russian here), as every message before an instruction is read
    expect(io.errors()).toContain('instr: внутренняя ошибка: boom');
    expect(io.errors()).toContain('Это ошибка в instr');
    expect(io.errors()).not.toMatch(/\n\s+at /);
  });
});
