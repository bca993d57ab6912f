import { defineConfig } from 'vitest/config';

/**
 * Two sets of test files: `unit` (src/, properties, golden files: no process spawned) and `e2e`
 * (the CLI in process, the real-binary smoke tests, the hostile inputs and the team journal on a
 * real PostgreSQL server, which need `npm run build`). `npm test` runs both as one vitest project:
 * two projects would each transform the sources and start their own workers, which then load the
 * compiler, remark and fast-check again (vitest reported 56 s of transform for two projects, 34 s
 * for one). INSTR_TEST_SET=unit or e2e (`npm run test:unit`, `npm run test:e2e`) runs one set.
 * The long trials (200 SIGKILLs, 50 MB inputs) run only with INSTR_SLOW=1 (`npm run test:slow`).
 */
const sets = {
  unit: ['src/**/*.test.ts', 'test/*.test.ts', 'test/property/**/*.test.ts'],
  e2e: ['test/e2e/**/*.test.ts', 'test/hostile/**/*.test.ts', 'test/postgres/**/*.test.ts'],
};
const set = process.env['INSTR_TEST_SET'] ?? '';
if (set !== '' && !(set in sets)) throw new Error(`INSTR_TEST_SET must be unit or e2e, not "${set}"`);

export default defineConfig({
  test: {
    include: set === 'unit' || set === 'e2e' ? sets[set] : [...sets.unit, ...sets.e2e],
    // Two cores: one worker per core; more only adds switching.
    maxWorkers: 2,
    // Threads, not processes: a thread starts and shares memory more cheaply (CPU time of the unit
    // set 49 s in forks, 39 s in threads; of the e2e set 198 s and 178 s, both loaded).
    // process.chdir() is not available in a thread: the CLI takes its folder as an argument.
    pool: 'threads',
    // Test files share their worker's modules: loading the compiler, remark and fast-check once per
    // worker instead of once per file cuts the suite's CPU time by two thirds. test/support/setup.ts
    // resets the process-wide state (environment) before each file; no test may leave globals behind.
    isolate: false,
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup.ts'],
    // Generous: the machine may be shared and loaded. They stop a hang; no test measures seconds.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
