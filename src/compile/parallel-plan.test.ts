import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plan, workersFromEnvironment } from './compile-paths.js';

describe('when files are compiled in parallel', () => {
  afterEach(() => void vi.unstubAllEnvs());

  it('counts the bytes of the files, not their characters', () => {
    vi.stubEnv('INSTR_IGNORE_LOAD', '1');
    // 500 KB of Cyrillic in five files: ~280 000 characters, 500 000 bytes
    const russian = 'Проверьте доступ к серверу. '.repeat(10_000);
    const bytes = Buffer.byteLength(russian);
    expect(russian.length).toBeLessThan(500_000);
    expect(bytes).toBeGreaterThanOrEqual(500_000);
    const cores = availableParallelism();
    // this thread and one worker per other core (at most one per other file)
    const expected = cores >= 2 ? { workers: Math.min(cores - 1, 4), mainLane: true } : { workers: 0, mainLane: false };
    expect(plan(bytes, 5, 'auto')).toEqual(expected);
    expect(plan(russian.length, 5, 'auto')).toEqual({ workers: 0, mainLane: false });
  });

  it('keeps a small input on one thread', () => {
    vi.stubEnv('INSTR_IGNORE_LOAD', '1');
    expect(plan(300_000, 5, 'auto')).toEqual({ workers: 0, mainLane: false });
    expect(plan(499_999, 5, 'auto')).toEqual({ workers: 0, mainLane: false });
  });

  it('keeps one file on one thread, however large', () => {
    vi.stubEnv('INSTR_IGNORE_LOAD', '1');
    expect(plan(10_000_000, 1, 'auto')).toEqual({ workers: 0, mainLane: false });
  });

  it('parses on one thread unless INSTR_WORKERS asks for workers', () => {
    vi.stubEnv('INSTR_WORKERS', undefined);
    expect(workersFromEnvironment()).toBe(0);
    vi.stubEnv('INSTR_WORKERS', 'auto');
    expect(workersFromEnvironment()).toBe('auto');
    vi.stubEnv('INSTR_WORKERS', '3');
    expect(workersFromEnvironment()).toBe(3);
    vi.stubEnv('INSTR_WORKERS', 'many');
    expect(workersFromEnvironment()).toBe(0);
  });

  it('obeys an explicit number of workers', () => {
    expect(plan(1000, 3, 2)).toEqual({ workers: 2, mainLane: false });
    expect(plan(1000, 3, 0)).toEqual({ workers: 0, mainLane: false });
  });
});
