import { open, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import type { Graph } from '../graph/types.js';
import { validateGraph } from '../graph/validate.js';
import { decodeUtf8 } from '../parse/decode.js';
import { defaultGuardLimits, guardNesting, type GuardLimits } from '../parse/guard.js';
import { parseMarkdown } from '../parse/parse.js';
import { compileFile, type FileResult } from './compile-file.js';
import { sha256 } from './ids.js';
import { linkFiles } from './link.js';
import type { SourceFile } from './source.js';

export interface CompileOptions {
  cwd?: string;
  /** Largest instruction file accepted, in bytes. */
  maxFileBytes?: number;
  guard?: GuardLimits;
}

export interface CompileResult {
  graph: Graph;
  diagnostics: Diagnostic[];
  /** Absolute path of the folder the graph's file paths are relative to. */
  root: string;
  /** Root-relative paths of the files compiled. */
  files: string[];
}

/** A problem with the command line rather than with an instruction: exit code 2. */
export class InputError extends Error {}

export const defaultMaxFileBytes = 5 * 1024 * 1024;

/** Compiles files and folders (folders: every `*.md` that starts with front matter). */
export async function compilePaths(paths: string[], options: CompileOptions = {}): Promise<CompileResult> {
  const cwd = options.cwd ?? process.cwd();
  const { root, files } = await discover(paths.length ? paths : ['instructions'], cwd);
  const results: FileResult[] = [];
  const readProblems: Diagnostic[] = [];
  for (const file of files) {
    const display = relative(cwd, file) || file;
    const path = toPosix(relative(root, file));
    const loaded = await load(file, display, path, options.maxFileBytes ?? defaultMaxFileBytes);
    if ('diagnostic' in loaded) readProblems.push(loaded.diagnostic);
    else results.push(compileSource(loaded.source, options.guard));
  }
  const linked = linkSources(results);
  linked.diagnostics.push(...readProblems);
  linked.diagnostics.sort(compareDiagnostics);
  return { ...linked, root, files: files.map((f) => toPosix(relative(root, f))) };
}

/** Decoded text → one file's result: nesting guard, parse, compile. Never throws on bad input. */
export function compileSource(source: SourceFile, guard: GuardLimits = defaultGuardLimits): FileResult {
  const violation = guardNesting(source.text, guard);
  if (violation) {
    return emptyResult(source, { file: source.display, line: violation.line, column: violation.column, rule: 'too-deep', severity: 'error', message: `${violation.message}; the file was not parsed`, source: 'parse' });
  }
  return compileFile(parseMarkdown(source.text), source);
}

/** Links compiled files into a graph and checks it against schemas/graph.schema.json. */
export function linkSources(results: FileResult[]): { graph: Graph; diagnostics: Diagnostic[] } {
  const { graph, diagnostics } = linkFiles(results);
  for (const problem of validateGraph(graph)) {
    diagnostics.push({ file: '', line: 1, column: 1, rule: 'graph-schema', severity: 'error', message: `Internal error: the compiled graph does not match schemas/graph.schema.json (${problem}); please report it`, source: 'compile' });
  }
  return { graph, diagnostics };
}

/** Bytes of a file → a SourceFile, or the diagnostic that says why it cannot be one. */
export function sourceFromBytes(bytes: Uint8Array, path: string, display: string): { source: SourceFile } | { diagnostic: Diagnostic } {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { diagnostic: { file: display, line: decoded.line, column: decoded.column, rule: 'encoding', severity: 'error', message: decoded.message, source: 'read' } };
  return { source: { path, display, text: decoded.text, hash: sha256(bytes) } };
}

function emptyResult(source: SourceFile, diagnostic: Diagnostic): FileResult {
  return { file: source.path, display: source.display, document: null, tasks: [], nodes: {}, diagnostics: [diagnostic] };
}

async function load(file: string, display: string, path: string, maxBytes: number): Promise<{ source: SourceFile } | { diagnostic: Diagnostic }> {
  const problem = (rule: string, message: string): { diagnostic: Diagnostic } => ({ diagnostic: { file: display, line: 1, column: 1, rule, severity: 'error', message, source: 'read' } });
  try {
    const info = await stat(file);
    if (info.size > maxBytes) {
      return problem('file-too-large', `File is ${(info.size / 1048576).toFixed(1)} MB; instruction files are limited to ${(maxBytes / 1048576).toFixed(1)} MB (split it, or raise the limit with --max-file-size)`);
    }
    return sourceFromBytes(await readFile(file), path, display);
  } catch (error) {
    return problem('unreadable', `Cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

async function discover(paths: string[], cwd: string): Promise<{ root: string; files: string[] }> {
  const files = new Set<string>();
  const roots: string[] = [];
  for (const given of paths) {
    const abs = resolve(cwd, given);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new InputError(`No such file or folder: ${given}`);
    }
    if (info.isDirectory()) {
      roots.push(abs);
      for (const f of await scan(abs)) files.add(f);
    } else {
      roots.push(dirname(abs));
      files.add(abs);
    }
  }
  return { root: commonDir(roots), files: [...files].sort() };
}

/** Every instruction below a folder: `*.md` files that start with front matter; no symlinked folders. */
async function scan(dir: string): Promise<string[]> {
  const found: string[] = [];
  const stack = [dir];
  const realRoot = await realpath(dir);
  while (stack.length > 0) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = resolve(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith('.md')) {
        if (entry.isSymbolicLink()) {
          const real = await realpath(full).catch(() => '');
          if (!real || !isInside(realRoot, real)) continue;
        }
        if (await startsWithFrontMatter(full)) found.push(full);
      }
    }
  }
  return found;
}

async function startsWithFrontMatter(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(8);
      const { bytesRead } = await handle.read(buffer, 0, 8, 0);
      const head = buffer.subarray(0, bytesRead).toString('latin1').replace(/^\xEF\xBB\xBF/, '');
      return head.startsWith('---');
    } finally {
      await handle.close();
    }
  } catch {
    return true; // let the read report the problem
  }
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function commonDir(dirs: string[]): string {
  if (dirs.length === 0) return process.cwd();
  let common = dirs[0]!.split(sep);
  for (const d of dirs.slice(1)) {
    const parts = d.split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || sep;
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
