/** What the fast path of `instr list` (fast.ts) loads once it knows it runs: one import, so one chunk of its own build. */
export { listCommand } from './actions/list.js';
export { processIo } from './io.js';
