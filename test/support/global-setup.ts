import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    seed: number;
  }
}

/** The seed of every random draw in the suite: INSTR_TEST_SEED, else a fixed default, printed once. */
export default function setup(project: TestProject): void {
  const given = process.env['INSTR_TEST_SEED'];
  const seed = given === undefined || given === '' ? 20261127 : Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`INSTR_TEST_SEED must be an integer, not "${given}"`);
  project.provide('seed', seed);
  // Once per run, not once per project.
  if (process.env['INSTR_TEST_SEED_SHOWN'] !== String(seed)) console.log(`random seed ${seed} (INSTR_TEST_SEED=${seed} repeats this run)`);
  process.env['INSTR_TEST_SEED_SHOWN'] = String(seed);
}
