import { resolve } from 'node:path';
import { compilePaths } from '../compile/compile.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ConfigFile } from './config-types.js';
import { resolveConfig } from './config.js';
import { lintCompiled } from './linter.js';
import type { Rule } from './rule.js';

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
 * would; returns that rule's findings only (compiler errors are left out).
 */
export async function verifyRule(rule: Rule, paths: string[], options: VerifyOptions = {}): Promise<Diagnostic[]> {
  const cwd = options.cwd ?? process.cwd();
  const result = await compilePaths(
    paths.map((p) => resolve(cwd, p)),
    { cwd, cache: false, workers: 0 },
  );
  const config = resolveConfig(options.config ?? {});
  const all = await lintCompiled(result, { config, today: options.today ?? '2026-11-27', cwd, rules: [rule], lang: options.lang ?? 'en' });
  return all.filter((d) => d.rule === rule.meta.id || d.rule === 'rule-error');
}
