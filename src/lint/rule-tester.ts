import { resolve } from 'node:path';
import { compilePaths, compileSource, linkSources, type CompileResult } from '../compile/compile.js';
import { sha256 } from '../compile/ids.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ConfigFile } from './config-types.js';
import { resolveConfig } from './config.js';
import { lintCompiled } from './linter.js';
import type { AnyRule, Lang } from './rule.js';

export interface VerifyOptions {
  today?: string;
  config?: ConfigFile;
  /** Working directory for display paths (default: the repository root of the tests). */
  cwd?: string;
  /** Language of the messages (default `en`, so tests read the same whatever the fixture's language). */
  lang?: string;
}

/**
 * Compiles real fixture files (no cache) and runs one rule on them, as `instr lint --rule`
 * would; returns that rule's findings only (compiler errors are left out). For rules that look
 * at the disk (links, the inbox); everything else is tested in memory with `lintCode`.
 */
export async function verifyRule(rule: AnyRule, paths: string[], options: VerifyOptions = {}): Promise<Diagnostic[]> {
  const cwd = options.cwd ?? process.cwd();
  const result = await compilePaths(
    paths.map((p) => resolve(cwd, p)),
    { cwd, cache: false, workers: 0 },
  );
  const config = resolveConfig(options.config ?? {});
  const all = await lintCompiled(result, { config, today: options.today ?? '2026-11-27', cwd, rules: [rule], lang: options.lang ?? 'en' });
  return all.filter((d) => d.rule === rule.meta.id || d.rule === 'rule-error');
}

export interface CodeOptions {
  /** The rule's options (validated by the config schema in real use; given as is here). */
  options?: Record<string, unknown>;
  /** Language of the messages; default: the instruction's own. */
  lang?: Lang;
  today?: string;
}

/** The file name inline code is compiled as. */
const inlineFile = 'inline.md';

/**
 * Lints Markdown held in memory with one rule: nothing is read from or written to the disk.
 * Code without front matter gets a minimal one (`lang: ru` when it has Cyrillic letters),
 * and finding lines are given as in `code`. Compiler errors come back too (rule `source` ≠ lint),
 * so a test sees code that does not compile.
 */
export async function lintCode(rule: AnyRule, code: string, options: CodeOptions = {}): Promise<Diagnostic[]> {
  const header = code.startsWith('---') ? '' : `---\nid: inline\ntitle: Inline\nlang: ${/[\u0400-\u04ff]/.test(code) ? 'ru' : 'en'}\n---\n`;
  const text = header + code;
  const shift = header === '' ? 0 : header.split('\n').length - 1;
  const compiled = compileSource({ path: inlineFile, display: inlineFile, text, hash: sha256(new TextEncoder().encode(text)) });
  const { graph, diagnostics } = linkSources([compiled]);
  const result: CompileResult = {
    graph,
    diagnostics: [...compiled.diagnostics, ...diagnostics],
    root: resolve('/nonexistent-instr-inline'),
    files: [inlineFile],
  };
  const config = resolveConfig({ rules: { [rule.meta.id]: ['error', options.options ?? {}] } } as ConfigFile);
  const found = await lintCompiled(result, {
    config,
    today: options.today ?? '2026-11-27',
    cwd: result.root,
    rules: [rule],
    ...(options.lang ? { lang: options.lang } : {}),
    sources: new Map([[inlineFile, text]]),
  });
  return found.map((d) => ({ ...d, line: d.line - shift, ...(d.endLine !== undefined ? { endLine: d.endLine - shift } : {}) }));
}
