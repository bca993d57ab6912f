import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { GuardLimits } from '../parse/guard.js';
import type { FileResult } from './compile-file.js';
import { compileSource, emptyResult } from './compile.js';
import type { SourceFile } from './source.js';
import type { WorkerRequest } from './worker.js';

/** Default deadline for parsing one file: 10 s plus 10 s per MB (honest text parses at ~0.5 MB/s). */
export function defaultParseTimeout(source: SourceFile): number {
  return 10_000 + Math.ceil((source.text.length / 1_048_576) * 10_000);
}

type Outcome = { ok: true; result: FileResult } | { ok: false; rule: string; message: string };

/**
 * Compiles files in up to `threads` worker threads, largest first. Each parse has a deadline: a
 * worker that exceeds it (a parser denial of service that slipped past the nesting guard) is
 * stopped and the file gets a diagnostic. Returns null when workers are unavailable (running
 * from the TypeScript sources), so the caller compiles on its own thread.
 */
export async function compileInWorkers(sources: SourceFile[], guard: GuardLimits, threads: number, timeoutMs?: number): Promise<FileResult[] | null> {
  const script = new URL('./worker.js', import.meta.url);
  if (!existsSync(script)) return null;
  const results: FileResult[] = new Array<FileResult>(sources.length);
  const order = sources.map((_, i) => i).sort((a, b) => sources[b]!.text.length - sources[a]!.text.length);
  let next = 0;

  const lane = async (): Promise<void> => {
    let worker: Worker | null = null;
    try {
      while (next < order.length) {
        const index = order[next++]!;
        const source = sources[index]!;
        worker ??= spawnWorker(script);
        const outcome = await compileOne(worker, { source, guard }, timeoutMs ?? defaultParseTimeout(source));
        if (outcome.ok) results[index] = outcome.result;
        else if (outcome.rule === 'internal-error') {
          // The worker itself failed (not the parse's time or memory): compile on this thread,
          // where compileSource turns any failure into a diagnostic.
          results[index] = compileSource(source, guard);
          await worker.terminate();
          worker = null;
        } else {
          const diagnostic: Diagnostic = { file: source.display, line: 1, column: 1, rule: outcome.rule, severity: 'error', message: outcome.message, source: 'parse' };
          results[index] = emptyResult(source, diagnostic);
          await worker.terminate();
          worker = null;
        }
      }
    } finally {
      if (worker) await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, sources.length)) }, lane));
  return results;
}

function spawnWorker(script: URL): Worker {
  // execArgv: [] — flags given to node itself (--input-type, --cpu-prof, --expose-gc…) are not for
  // the worker. No resourceLimits: a capped heap made parsing ~20% slower (more eager GC); files are
  // already bounded by the size limit and the nesting guard.
  const worker = new Worker(script, { execArgv: [] });
  // An error while no file is being compiled (none is expected) must not become an uncaught one.
  worker.on('error', () => undefined);
  return worker;
}

function compileOne(worker: Worker, request: WorkerRequest, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const done = (outcome: Outcome) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(outcome);
    };
    const onMessage = (result: FileResult) => done({ ok: true, result });
    const onError = (error: Error) => {
      const memory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      done({ ok: false, rule: memory ? 'too-large' : 'internal-error', message: memory ? 'Parsing the file ran out of memory; the file was not compiled (split it)' : `File was not compiled: the parser failed (${error.message}); please report it` });
    };
    const onExit = (code: number) => done({ ok: false, rule: 'internal-error', message: `File was not compiled: the parser stopped unexpectedly (exit code ${code}); please report it` });
    const timer = setTimeout(() => {
      const seconds = Math.round(timeoutMs / 100) / 10;
      done({ ok: false, rule: 'parse-timeout', message: `Parsing took longer than ${seconds} s and was stopped; the file was not compiled (simplify its nesting, or split it)` });
    }, timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}
