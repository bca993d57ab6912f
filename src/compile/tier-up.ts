/**
 * How much bytecode a function runs between V8's checks of whether to compile it with TurboFan
 * (`--interrupt-budget`): three times Node 20's default (67 584). A cold lint compiled ~145
 * functions with TurboFan at 1 MB, ~400 ms of compiling (timed on the main thread with
 * `--no-concurrent-recompilation`; normally on V8's second thread): a third of its CPU.
 * Three times the budget leaves ~95 of them, the lukewarm ones, to the baseline code.
 * Measured side by side on 2026-11-28 (docs/performance.md, "TurboFan's share of a cold lint"):
 * CPU −11% at 1 MB, −19% to −25% up to 500 KB, within the noise at 10 MB (0.93–1.08×); the same output.
 */
const interruptBudget = 3 * 67_584;

/**
 * The V8 flag that lint sets for its process and the worker threads it starts afterwards, or none
 * where it was not measured: Node 20's V8 (11.x); later V8s tier up through Maglev on other
 * thresholds. It takes effect when set at run time, on the main thread too (`--trace-opt`: 93
 * TurboFan compiles instead of 145 at 1 MB), unlike `--no-concurrent-recompilation`, which only
 * isolates created afterwards see.
 */
export function tierUpFlags(v8Version = process.versions.v8): string[] {
  return v8Version.startsWith('11.') ? [`--interrupt-budget=${interruptBudget}`] : [];
}
