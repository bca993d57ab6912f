import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets the old generation grow past what survived its last full collection, in
 * percent. Left to itself V8 grows it up to 4× when collecting looks cheap: compiling a 10 MB
 * folder kept ~80 MB alive and let the heap reach ~330 MB of mostly garbage (peak RSS 475 MiB).
 * Measured side by side (docs/performance.md, sixth round): 2× peaks at 329 MiB for 1.15× the
 * CPU, 1.5× at 298 MiB for 1.25×: more full collections. 2× is the smaller price that brings
 * the folder under 400 MB.
 */
const heapGrowingPercent = 100;

/**
 * Makes the garbage collector keep the old generation near what is alive, for this process and
 * the worker threads it starts afterwards. A V8 flag that is read at every full collection, so it
 * takes effect when set at run time (unlike the heap and semi-space sizes, fixed at start).
 * For commands that compile many files at once; a library caller decides for its own process.
 */
export function limitHeapGrowth(percent = heapGrowingPercent): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
