/**
 * A worker thread that compiles instruction files sent by worker-pool.ts: one message in
 * ({ source, guard }), one FileResult out, as JSON text. The structured clone of a FileResult
 * cost the receiving thread more than parsing its JSON: 10 MB of results took ~780 ms to
 * deserialize against ~300 ms for JSON.parse, and the main thread that receives them is the one
 * every other step waits for. JSON is also how the cache stores a FileResult, so the graph is the same.
 */
import { parentPort } from 'node:worker_threads';
import type { GuardLimits } from '../parse/guard.js';
import { compileSource } from './compile-source.js';
import type { SourceFile } from './source.js';

export interface WorkerRequest {
  source: SourceFile;
  guard: GuardLimits;
}

parentPort?.on('message', (request: WorkerRequest) => {
  parentPort?.postMessage(JSON.stringify(compileSource(request.source, request.guard)));
});
