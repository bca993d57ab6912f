/**
 * A worker thread that compiles instruction files sent by worker-pool.ts: one message in
 * ({ source, guard }), one FileResult out. Plain data both ways.
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
  parentPort?.postMessage(compileSource(request.source, request.guard));
});
