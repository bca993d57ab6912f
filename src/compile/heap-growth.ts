/**
 * How much V8 lets the old generation grow past what survived its last full collection, in
 * percent. Left to itself V8 grows it up to 4× when collecting looks cheap: compiling a 10 MB
 * folder kept ~80 MB alive and let the heap reach ~330 MB of mostly garbage (peak RSS 475 MiB).
 * 2× (the sixth round, docs/performance.md) brought the folder under 400 MB; since the plain
 * parser, 1.5× brings one 10 MB file under 300 MB (327 → 287 MiB) for ~6% more CPU, measured
 * side by side on 2026-11-28.
 */
const heapGrowingPercent = 50;

/**
 * The V8 flag that makes the garbage collector keep the old generation near what is alive, for
 * a process and the worker threads it starts afterwards. Read at every full collection, so it
 * takes effect when set at run time (unlike the heap and semi-space sizes, fixed at start).
 * For commands that compile many files at once; a library caller decides for its own process.
 */
export function heapGrowthFlag(percent = heapGrowingPercent): string {
  return `--heap-growing-percent=${percent}`;
}
