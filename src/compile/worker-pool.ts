import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GuardLimits } from '../parse/guard.js';
import type { FileResult } from './compile-file.js';
import { compileSource, emptyResult } from './compile-source.js';
import type { SourceFile } from './source.js';
import type { WorkerRequest } from './worker.js';
import { readMessages } from '../i18n/read-messages.js';
import { textLanguage } from '../i18n/text-language.js';

/**
 * Default deadline for parsing one file: 10 s plus 10 s per MB (honest text parses at ~0.5 MB/s),
 * stretched by the machine's load: the deadline is wall time, and on a machine whose run queue
 * is ten times its cores a parse gets a tenth of a core.
 */
function defaultParseTimeout(source: SourceFile): number {
  const busy = Math.max(1, loadavg()[0]! / availableParallelism());
  return Math.round((10_000 + Math.ceil((source.text.length / 1_048_576) * 10_000)) * busy);
}

/**
 * The heap a parse worker may grow to, in MB. An ordinary 4 MB instruction peaks at ~200 MB; a
 * file shaped to blow up the parser (4 MB reached 2.6 GB) runs out of it, and only that file
 * fails, with a diagnostic. Generous enough that the garbage collector runs no more often than
 * without a cap: on a 4 MB instruction V8 ran 4 full collections uncapped (its own limit here is
 * ~4 GB) and with 2 GB, 9 with 1 GB, 12 with 256 MB (the cap that made parsing ~20% slower).
 */
const defaultWorkerHeapMb = 2048;

/** A failed parse: `seconds` for a timeout; the message is worded in the file's language when it is settled. */
type Outcome = { ok: true; result: FileResult } | { ok: false; rule: string; message: string; seconds?: number };

/**
 * Compiles files in up to `threads` worker threads, largest first. Each parse has a deadline: a
 * worker that exceeds it (a parser denial of service that slipped past the nesting guard) is
 * stopped and the file gets a diagnostic. Returns null when workers are unavailable (running
 * from the TypeScript sources), so the caller compiles on its own thread.
 *
 * With `mainLane`, this thread compiles files too, taking them from the same queue (without a
 * deadline, as on a single thread): on two cores one worker and this thread do the work of two
 * workers without the start-up of the second. Each worker is sent its next file before it has
 * finished the current one, so it never waits while this thread is busy. `spawned` are workers
 * started earlier (while the files were being read).
 */
export async function compileInWorkers(
  sources: SourceFile[],
  guard: GuardLimits,
  threads: number,
  timeoutMs?: number,
  options: { mainLane?: boolean; spawned?: Worker[]; heapMb?: number } = {},
): Promise<FileResult[] | null> {
  const spawned = options.spawned ?? [];
  const heapMb = options.heapMb ?? defaultWorkerHeapMb;
  const spawnWorker = (script: URL) => startWorker(script, heapMb);
  const script = workerScript();
  if (!script) return null;
  const results: FileResult[] = new Array<FileResult>(sources.length);
  const order = sources.map((_, i) => i).sort((a, b) => sources[b]!.text.length - sources[a]!.text.length);
  let next = 0;
  const take = (): number | undefined => (next < order.length ? order[next++] : undefined);
  const deadline = (source: SourceFile) => timeoutMs ?? defaultParseTimeout(source);

  const settle = async (index: number, outcome: Outcome): Promise<boolean> => {
    const source = sources[index]!;
    if (outcome.ok) {
      results[index] = outcome.result;
      return true;
    }
    // The worker itself failed (not the parse's time or memory): compile on this thread, where
    // compileSource turns any failure into a diagnostic.
    if (outcome.rule === 'internal-error') results[index] = compileSource(source, guard);
    else
      results[index] = emptyResult(source, {
        file: source.display,
        line: 1,
        column: 1,
        rule: outcome.rule,
        severity: 'error',
        message: wordedFailure(outcome, source),
        source: 'parse',
      });
    return false;
  };

  const workerLane = async (first: Worker | undefined): Promise<void> => {
    let worker: Worker | null = first ?? null;
    try {
      let inFlight: Array<{ index: number; outcome: Promise<Outcome> }> = [];
      for (;;) {
        while (inFlight.length < 2) {
          const index = take();
          if (index === undefined) break;
          worker ??= spawnWorker(script);
          const ahead = inFlight.length > 0 ? deadline(sources[inFlight[0]!.index]!) : 0;
          inFlight.push({ index, outcome: compileOne(worker, { source: sources[index]!, guard }, deadline(sources[index]!) + ahead) });
        }
        const current = inFlight.shift();
        if (!current) break;
        if (!(await settle(current.index, await current.outcome))) {
          // The worker is stopped; what was sent after this file is compiled anew.
          for (const queued of inFlight) results[queued.index] = (await settleAgain(queued.index))!;
          inFlight = [];
          await worker!.terminate();
          worker = null;
        }
      }
    } finally {
      if (worker) await worker.terminate();
    }
  };

  /** A file that was queued behind one that failed: compiled in a fresh worker of its own. */
  const settleAgain = async (index: number): Promise<FileResult> => {
    const worker = spawnWorker(script);
    try {
      await settle(index, await compileOne(worker, { source: sources[index]!, guard }, deadline(sources[index]!)));
      return results[index]!;
    } finally {
      await worker.terminate();
    }
  };

  const mainLane = async (): Promise<void> => {
    for (let index = take(); index !== undefined; index = take()) {
      results[index] = compileSource(sources[index]!, guard);
      // Let the workers' finished files in, so their next ones are sent.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  const workerCount = Math.max(options.mainLane ? 0 : 1, Math.min(threads, sources.length));
  const lanes = Array.from({ length: workerCount }, (_, i) => workerLane(spawned[i]));
  for (const extra of spawned.slice(workerCount)) void extra.terminate();
  if (options.mainLane) lanes.push(mainLane());
  await Promise.all(lanes);
  return results;
}

/** The built worker script, or null when running from the TypeScript sources. */
function workerScript(): URL | null {
  const script = new URL('./worker.js', import.meta.url);
  return existsSync(script) ? script : null;
}

/** Starts `count` workers now, so that they load the parser while this thread reads the files. */
export function prespawnWorkers(count: number, heapMb = defaultWorkerHeapMb): Worker[] {
  const script = workerScript();
  return script ? Array.from({ length: count }, () => startWorker(script, heapMb)) : [];
}

function startWorker(script: URL, heapMb: number): Worker {
  // execArgv: [] — flags given to node itself (--input-type, --cpu-prof, --expose-gc…) are not for the worker.
  const worker = new Worker(script, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  // An error while no file is being compiled (none is expected) must not become an uncaught one.
  worker.on('error', () => undefined);
  return worker;
}

interface Pending {
  resolve: (outcome: Outcome) => void;
  timer: NodeJS.Timeout;
}

const queues = new WeakMap<Worker, Pending[]>();

/**
 * Sends one file to a worker; resolves with its result, or with why there is none. A worker
 * answers in the order it was sent files, so several may be outstanding. When one fails, the
 * worker is to be stopped: every file still outstanding on it resolves as failed too.
 */
function compileOne(worker: Worker, request: WorkerRequest, timeoutMs: number): Promise<Outcome> {
  let queue = queues.get(worker);
  if (!queue) {
    const pending: Pending[] = [];
    queue = pending;
    queues.set(worker, pending);
    const failAll = (first: Outcome, rest: Outcome) => {
      pending.splice(0).forEach((p, i) => {
        clearTimeout(p.timer);
        p.resolve(i === 0 ? first : rest);
      });
    };
    const stopped: Outcome = { ok: false, rule: 'internal-error', message: 'File was not compiled: the parser was stopped; please report it' };
    worker.on('message', (json: string) => {
      const p = pending.shift();
      if (!p) return;
      clearTimeout(p.timer);
      p.resolve({ ok: true, result: JSON.parse(json) as FileResult });
    });
    worker.on('error', (error: Error) => {
      const memory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      failAll(
        {
          ok: false,
          rule: memory ? 'too-large' : 'internal-error',
          message: memory
            ? 'Parsing the file ran out of memory; the file was not compiled (split it)'
            : `File was not compiled: the parser failed (${error.message}); please report it`,
        },
        stopped,
      );
    });
    worker.on('exit', (code: number) =>
      failAll(
        { ok: false, rule: 'internal-error', message: `File was not compiled: the parser stopped unexpectedly (exit code ${code}); please report it` },
        stopped,
      ),
    );
    worker.on('timeout', (seconds: number) =>
      failAll(
        {
          ok: false,
          rule: 'parse-timeout',
          message: `Parsing took longer than ${seconds} s and was stopped; the file was not compiled (simplify its nesting, or split it)`,
          seconds,
        },
        stopped,
      ),
    );
  }
  const pending = queue;
  return new Promise((resolve) => {
    const timer = setTimeout(() => worker.emit('timeout', Math.round(timeoutMs / 100) / 10), timeoutMs);
    pending.push({ resolve, timer });
    worker.postMessage(request);
  });
}

/** A worker's failure in the language the file is written in (the outcome's own message is English). */
function wordedFailure(outcome: Extract<Outcome, { ok: false }>, source: SourceFile): string {
  const t = readMessages(textLanguage(source.text));
  if (outcome.rule === 'too-large') return t.outOfMemory;
  if (outcome.rule === 'parse-timeout' && outcome.seconds !== undefined) return t.parseTimeout(outcome.seconds);
  return outcome.message;
}
