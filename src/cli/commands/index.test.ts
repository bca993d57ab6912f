import { Chalk } from 'chalk';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { buildProgram } from '../main.js';
import { commandsByName, namedCommand } from './index.js';

function capture(): Io & { text: () => string } {
  let text = '';
  const keep = (t: string) => void (text += t);
  return { out: keep, err: keep, text: () => text, color: new Chalk({ level: 0 }), isTTY: false, columns: 80, cwd: process.cwd() };
}

/** What commander prints for a command line, and the code it stops with. */
async function said(args: string[], lean: boolean): Promise<string> {
  const io = capture();
  const program = buildProgram(io, lean ? args : undefined);
  try {
    await program.parseAsync(['node', 'instr', ...args]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return `${io.text()}\n[${error.code} ${error.exitCode}]`;
  }
  return io.text();
}

describe('commands by name', () => {
  it('each name defines the command of that name, and only it', () => {
    for (const name of Object.keys(commandsByName)) expect(buildProgram(capture(), [name]).commands.map((c) => c.name())).toEqual([name]);
    expect(buildProgram(capture(), ['--help']).commands.map((c) => c.name())).toEqual(Object.keys(commandsByName));
  });

  it('finds the command after global options only', () => {
    expect(namedCommand(['search', 'клиент'])).toBe('search');
    expect(namedCommand(['--no-cache', '--max-depth', '5', 'list', '--json'])).toBe('list');
    expect(namedCommand(['--max-depth=7', 'run'])).toBe('run');
    expect(namedCommand(['--max-depth', 'list', 'show'])).toBe('show'); // commander takes `list` as the value too
    for (const args of [
      [],
      ['--help'],
      ['-h', 'list'],
      ['help', 'list'],
      ['-V'],
      ['lisst'],
      ['--bogus', 'list'],
      ['--', 'list'],
      ['--max-depth'],
      ['toString'],
    ])
      expect(namedCommand(args)).toBeUndefined();
  });

  // With one command defined, commander must say the same as with all of them: help, errors, exit codes.
  it('a command defined alone says what it says among all the others', async () => {
    const lines = Object.keys(commandsByName).flatMap((name) => [
      [name, '--help'],
      [name, '--bogus'],
      ['--no-cache', '--max-depth', '3', name, '-h'],
    ]);
    lines.push(['show'], ['list', '--lang'], ['journal', 'push', '--help'], ['promise', '--help'], ['search', '--limit']);
    for (const args of lines) {
      expect(namedCommand(args)).toBeDefined();
      expect(await said(args, true), args.join(' ')).toBe(await said(args, false));
    }
  });
});
