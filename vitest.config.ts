import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (src/, properties, golden files: no process spawned) and `e2e` (the CLI
 * in process, the real-binary smoke tests, the hostile inputs and the team journal on a real
 * PostgreSQL server, which need `npm run build`).
 * The long trials (200 SIGKILLs, 50 MB inputs) run only with INSTR_SLOW=1 (`npm run test:slow`).
 */
const shared = {
  // Threads, not processes: a thread starts and shares memory more cheaply (CPU time of the unit
  // project 49 s in forks, 39 s in threads; of the e2e project 198 s and 178 s, both loaded).
  // process.chdir() is not available in a thread: the CLI takes its folder as an argument.
  pool: 'threads' as const,
  // Test files share their worker's modules: loading the compiler, remark and fast-check once per
  // worker instead of once per file cuts the suite's CPU time by two thirds. test/support/setup.ts
  // resets the process-wide state (environment) before each file; no test may leave globals behind.
  isolate: false,
  globalSetup: ['test/support/global-setup.ts'],
  setupFiles: ['test/support/setup.ts'],
  // Generous: the machine may be shared and loaded. They stop a hang; no test measures seconds.
  testTimeout: 300_000,
  hookTimeout: 300_000,
};

export default defineConfig({
  test: {
    // Two cores: one worker per core; more only adds switching.
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'unit', include: ['src/**/*.test.ts', 'test/*.test.ts', 'test/property/**/*.test.ts'] } },
      { test: { ...shared, name: 'e2e', include: ['test/e2e/**/*.test.ts', 'test/hostile/**/*.test.ts', 'test/postgres/**/*.test.ts'] } },
    ],
  },
});
