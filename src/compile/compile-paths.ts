import { stat } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { readRegularFile, UnsafePathError } from '../fs/safe-open.js';
import { relative, sep } from 'node:path';
import { cacheDir, openFileCache } from '../cache/file-cache.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Graph } from '../graph/types.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import { decodeUtf8 } from '../parse/decode.js';
import { readMessages, type ReadMessages } from '../i18n/read-messages.js';
import { textLanguage } from '../i18n/text-language.js';
import { localeLanguage } from '../i18n/locale-language.js';
import { defaultGuardLimits, type GuardLimits } from '../parse/guard.js';
import type { FileResult } from './compile-file.js';
import { sha256 } from './ids.js';
import { linkFiles } from './link.js';
import type { SourceFile } from './source.js';

export interface CompileOptions {
  cwd?: string;
  /** Largest instruction file accepted, in bytes. */
  maxFileBytes?: number;
  /** Nesting limits checked before parsing (default: defaultGuardLimits; `instr --max-depth` sets maxDepth). */
  guard?: GuardLimits;
  /** Read and write the cache of compiled files (default: on). `instr --no-cache` sets false. */
  cache?: boolean;
  /** Cache folder (default: INSTR_CACHE_DIR, else the user cache folder: see cacheDir). */
  cacheDir?: string;
  /**
   * Worker threads for parsing: 0 for none (the default: see workersFromEnvironment), a number, or
   * `auto` (this thread and one worker per idle core, when the input is large).
   */
  workers?: number | 'auto';
  /** Longest one file may take to parse in a worker before it is stopped, in ms (default: 10 s + 10 s per MB). */
  parseTimeoutMs?: number;
  /** Heap limit of each parse worker, in MB (default: defaultWorkerHeapMb); a file that needs more gets a `too-large` error. */
  workerHeapMb?: number;
  /**
   * The language to speak in about a file that cannot be read (its own `lang` is unknown): `--lang`.
   * Without it, the first instruction's, else the locale's (docs/screen-language.md).
   */
  lang?: string;
}

export interface CompileResult {
  graph: Graph;
  diagnostics: Diagnostic[];
  /** Absolute path of the folder the graph's file paths are relative to. */
  root: string;
  /** Root-relative paths of the files compiled. */
  files: string[];
}

import { defaultMaxFileBytes, discover } from './discover.js';
export { defaultMaxFileBytes, isInside } from './discover.js';

/**
 * Compiles files and folders (folders: every `*.md` that starts with front matter). Files whose
 * bytes are unchanged come from the cache without being parsed; the rest are parsed on this
 * thread, or in worker threads when there are several and they are large.
 */
export async function compilePaths(paths: string[], options: CompileOptions = {}): Promise<CompileResult> {
  const cwd = options.cwd ?? process.cwd();
  const guard = options.guard ?? defaultGuardLimits;
  const { root, files } = await discover(paths.length ? paths : ['instructions'], cwd);
  const useCache = options.cache ?? true;
  const cache = useCache ? openFileCache(options.cacheDir ?? cacheDir(cwd)) : null;
  const results: FileResult[] = [];
  const readProblems: ReadProblem[] = [];
  const misses: Array<{ source: SourceFile; key: string | null }> = [];
  const hits: string[] = [];
  // Workers are started as soon as the files to parse are known to be worth them.
  const wanted = options.workers ?? workersFromEnvironment();
  let missBytes = 0;
  let spawning: Promise<Worker[]> | null = null;
  await eachLimited(files, 64, async (file) => {
    const display = relative(cwd, file) || file;
    const path = toPosix(relative(root, file));
    const read = await readBytes(file, display, options.maxFileBytes ?? defaultMaxFileBytes);
    if ('problem' in read) {
      readProblems.push(read.problem);
      return;
    }
    const key = cache ? cache.key(path, read.bytes, guard) : null;
    const hit = cache && key ? await cache.get(key, display) : null;
    if (hit) {
      results.push(hit);
      hits.push(key!);
    } else {
      // Only a file that is not in the cache is decoded (and hashed for its SourceFile): an entry
      // exists only for bytes that decoded, so a hit needs neither.
      const decoded = decodeOrProblem(read.bytes, path, display);
      if ('problem' in decoded) {
        readProblems.push(decoded.problem);
        return;
      }
      misses.push({ source: decoded.source, key });
      missBytes += read.bytes.length;
      const { workers, mainLane } = plan(missBytes, files.length, wanted);
      if (!spawning && mainLane && workers >= 1) spawning = import('./worker-pool.js').then((m) => m.prespawnWorkers(workers, options.workerHeapMb));
    }
  });
  const compiled = await compileMany(
    misses.map((m) => m.source),
    missBytes,
    guard,
    options,
    (await spawning) ?? [],
  );
  await eachLimited(
    compiled.map((result, i) => ({ result, key: misses[i]!.key })),
    64,
    async ({ result, key }) => {
      results.push(result);
      if (cache && key && !result.diagnostics.some(isTransient)) await cache.set(key, result);
    },
  );
  // The graph is a pure function of the files' results: when every file came from the cache and
  // this very combination was validated before, the schema check is not repeated.
  const combination = cache && misses.length === 0 ? cache.combinedKey(hits) : null;
  const validated = combination !== null && (await cache!.hasMark(combination));
  // The schema check (and its validators) is loaded only when it runs.
  const linked = validated ? linkFiles(results) : (await import('./link-sources.js')).linkSources(results);
  if (combination !== null && !validated && !linked.diagnostics.some((d) => d.rule === 'graph-schema')) await cache!.mark(combination);
  if (readProblems.length > 0) {
    const screen = options.lang ?? linked.graph.documents[0]?.lang ?? localeLanguage();
    for (const p of readProblems) linked.diagnostics.push(p.worded(readMessages(p.lang ?? screen)));
  }
  linked.diagnostics.sort(compareDiagnostics);
  const result = { ...linked, root, files: files.map((f) => toPosix(relative(root, f))) };
  if (misses.length > 0) decodedTexts.set(result, new Map(misses.map((m) => [m.source.path, m.source.text])));
  return result;
}

/**
 * The decoded texts of the files a compile parsed, by root-relative path. The graph's texts are
 * slices of them (so they stay alive anyway): lint reads a file's text from here instead of reading
 * and decoding a second copy of it. Kept beside the result, not in it: a CompileResult is plain data.
 */
const decodedTexts = new WeakMap<CompileResult, ReadonlyMap<string, string>>();

/** The text of `file` as `result`'s compile decoded it, when that compile parsed it (not from the cache). */
export function decodedText(result: CompileResult, file: string): string | undefined {
  return decodedTexts.get(result)?.get(file);
}

/** Runs `work` on every item, at most `limit` at a time (a folder of thousands of files must not run out of file handles). */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * INSTR_WORKERS=N parses in N worker threads, INSTR_WORKERS=auto in this thread and one worker per
 * idle core; unset (or anything else), on this thread only. One thread is the default since the
 * plain parser made parsing a small part of a lint: on two cores the parallel path took 1.19–1.30×
 * the CPU and finished no sooner, and even two processes each linting a self-contained half took
 * 0.71–1.0× one thread's wall at 1.10–1.35× its CPU (docs/performance.md, "The ceiling of a
 * split"): each thread pays its own start and JIT warm-up, and V8's own collector and compiler
 * threads already use the second core.
 */
export function workersFromEnvironment(): number | 'auto' {
  const wanted = process.env['INSTR_WORKERS'];
  if (wanted === 'auto') return 'auto';
  return wanted !== undefined && /^\d{1,3}$/.test(wanted) ? Number(wanted) : 0;
}

/** Parse failures that depend on the machine (a deadline, a crashed worker) are not cached. */
function isTransient(d: Diagnostic): boolean {
  return d.rule === 'parse-timeout' || d.rule === 'internal-error' || d.rule === 'too-large';
}

/**
 * Inputs at least this many bytes in total (and in two files or more) are compiled in parallel
 * when `INSTR_WORKERS=auto`: this thread and one worker per other idle core share the files. A
 * worker costs ~0.3 s of CPU to start (loading the parser, a cold JIT), started while the files
 * are still being read. Below 500 KB a split cannot pay anywhere (on two cores even two processes
 * each linting half took 1.17× the wall of one: docs/performance.md, "The ceiling of a split").
 * Counted in the files' bytes, not in characters: 400 Ki characters of Cyrillic are ~700 KB.
 */
const parallelThreshold = 500_000;

/** How the files not in the cache are compiled: `workers` worker threads, and whether this thread takes files too. */
export function plan(bytes: number, files: number, wanted: number | 'auto'): { workers: number; mainLane: boolean } {
  if (wanted !== 'auto') return { workers: Math.min(wanted, files), mainLane: false };
  // Only idle cores pay: on a machine whose other processes already keep every core busy, a
  // worker adds its start-up and a second cold JIT and finishes no sooner.
  const cores = availableParallelism();
  // INSTR_IGNORE_LOAD=1 plans as on an idle machine: how the bench measures the parallel path on a shared one.
  const busy = process.env['INSTR_IGNORE_LOAD'] === '1' ? 0 : loadavg()[0]!;
  const others = Math.min(cores - 1, Math.floor(cores - busy));
  return bytes >= parallelThreshold && files >= 2 && others >= 1 ? { workers: Math.min(others, files - 1), mainLane: true } : { workers: 0, mainLane: false };
}

/** `bytes`: the sources' size on disk. */
async function compileMany(sources: SourceFile[], bytes: number, guard: GuardLimits, options: CompileOptions, spawned: Worker[] = []): Promise<FileResult[]> {
  const { workers, mainLane } = plan(bytes, sources.length, options.workers ?? workersFromEnvironment());
  if (workers >= 1 && sources.length >= 1) {
    const { compileInWorkers } = await import('./worker-pool.js');
    const results = await compileInWorkers(sources, guard, workers, options.parseTimeoutMs, { mainLane, spawned, heapMb: options.workerHeapMb });
    if (results) return results;
  }
  for (const worker of spawned) void worker.terminate();
  if (sources.length === 0) return [];
  // The parser and compiler are loaded only when a file is not in the cache.
  const { compileSource } = await import('./compile-source.js');
  return sources.map((source) => compileSource(source, guard));
}

/** Bytes of a file → a SourceFile, or the diagnostic that says why it cannot be one (in `lang` when the text's own is unknown). */
export function sourceFromBytes(bytes: Uint8Array, path: string, display: string, lang?: string): { source: SourceFile } | { diagnostic: Diagnostic } {
  const decoded = decodeOrProblem(bytes, path, display);
  return 'problem' in decoded ? { diagnostic: decoded.problem.worded(readMessages(decoded.problem.lang ?? lang)) } : decoded;
}

/** A file that could not be read or decoded: worded once the screen's language is known; `lang` is the text's own, when it shows. */
export interface ReadProblem {
  lang: string | undefined;
  worded(t: ReadMessages): Diagnostic;
}

function readProblem(display: string, rule: string, say: (t: ReadMessages) => string, at = { line: 1, column: 1 }, lang?: string): { problem: ReadProblem } {
  return { problem: { lang, worded: (t) => ({ file: display, line: at.line, column: at.column, rule, severity: 'error', message: say(t), source: 'read' }) } };
}

export function decodeOrProblem(bytes: Uint8Array, path: string, display: string): { source: SourceFile } | { problem: ReadProblem } {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    // the text's language as far as it can be read (a bad byte further on leaves the lang: line legible)
    const lang = textLanguage(Buffer.from(bytes.subarray(0, 4096)).toString(decoded.problem.kind === 'utf16' ? 'utf16le' : 'utf8'));
    return readProblem(display, 'encoding', (t) => t.encoding(decoded.problem), decoded, lang);
  }
  return { source: { path, display, text: decoded.text, hash: sha256(bytes) } };
}

async function readBytes(file: string, display: string, maxBytes: number): Promise<{ bytes: Uint8Array } | { problem: ReadProblem }> {
  const problem = (rule: string, say: (t: ReadMessages) => string) => readProblem(display, rule, say);
  try {
    const info = await stat(file);
    if (info.size > maxBytes) return problem('file-too-large', (t) => t.fileTooLarge(info.size, maxBytes));
    // A regular file only (a FIFO would block, a device never end), read up to the limit.
    return { bytes: await readRegularFile(file, maxBytes) };
  } catch (error) {
    if (error instanceof UnsafePathError) return problem('unreadable', (t) => (error.reason === 'too-large' ? t.grewOver(maxBytes) : t.notRegular));
    return problem('unreadable', (t) => t.cannotRead(error));
  }
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
