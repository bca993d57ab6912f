import { Chalk } from 'chalk';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { heapGrowthFlag } from '../../compile/heap-growth.js';
import { tierUpFlags } from '../../compile/tier-up.js';
import type { Io } from '../io.js';
import { main } from '../main.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const savedExitCode = process.exitCode;
afterEach(() => void (process.exitCode = savedExitCode));

/** Runs `instr args…` as bin/instr would, its own process, except that the V8 flags it sets are only recorded. */
async function flagsSetBy(args: string[]): Promise<string[]> {
  const flags: string[] = [];
  const io: Io = {
    out: () => {},
    err: () => {},
    color: new Chalk({ level: 0 }),
    isTTY: false,
    columns: 80,
    cwd: root,
    setV8Flags: (flag) => void flags.push(flag),
  };
  await main(['node', 'instr', ...args], io);
  return flags;
}

describe('the V8 flags of a command that owns its process', () => {
  it('lint limits the heap growth and, on Node 20, delays TurboFan', async () => {
    const flags = await flagsSetBy(['--no-cache', 'lint', 'instructions']);
    expect(flags).toEqual([heapGrowthFlag(), ...tierUpFlags()]);
    expect(flags).toContain('--heap-growing-percent=50');
  });

  it('list sets none', async () => {
    expect(await flagsSetBy(['--no-cache', 'list'])).toEqual([]);
  });
});

describe('tierUpFlags', () => {
  it('raises the interrupt budget to three times the default on V8 11 (Node 20) only', () => {
    expect(tierUpFlags('11.3.244.8-node.38')).toEqual(['--interrupt-budget=202752']);
    expect(tierUpFlags('12.4.254.21-node.33')).toEqual([]);
    expect(tierUpFlags('13.6.233.10-node.18')).toEqual([]);
  });
});
