import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ParseBudgetError } from '../parse/chunk.js';
import { defaultGuardLimits, guardNesting, type GuardLimits } from '../parse/guard.js';
import { parseMarkdown } from '../parse/parse.js';
import { compileFile, type FileResult } from './compile-file.js';
import type { SourceFile } from './source.js';

/** Decoded text → one file's result: nesting guard, parse, compile. Never throws on bad input. */
export function compileSource(source: SourceFile, guard: GuardLimits = defaultGuardLimits): FileResult {
  const violation = guardNesting(source.text, guard);
  if (violation) {
    return emptyResult(source, {
      file: source.display,
      line: violation.line,
      column: violation.column,
      rule: 'too-deep',
      severity: 'error',
      message: `${violation.message}; the file was not parsed`,
      source: 'parse',
    });
  }
  try {
    return compileFile(parseMarkdown(source.text), source);
  } catch (error) {
    if (error instanceof ParseBudgetError) {
      return emptyResult(source, {
        file: source.display,
        line: error.line,
        column: 1,
        rule: 'parse-budget',
        severity: 'error',
        message: `Parsing needed more work than a file of this size may take (${error.work} characters parsed); the file was not compiled (simplify the text from this line on, or split the file)`,
        source: 'parse',
      });
    }
    // The guard should make this unreachable; if a shape slips past it, say so instead of crashing.
    const what =
      error instanceof RangeError
        ? 'the file is nested too deeply to be compiled'
        : `the compiler failed (${error instanceof Error ? error.message : String(error)}); please report it`;
    return emptyResult(source, {
      file: source.display,
      line: 1,
      column: 1,
      rule: 'internal-error',
      severity: 'error',
      message: `File was not compiled: ${what}`,
      source: 'parse',
    });
  }
}

/** An empty result for a file that could not be compiled, with the reason. */
export function emptyResult(source: Pick<SourceFile, 'path' | 'display'>, diagnostic: Diagnostic): FileResult {
  return { file: source.path, display: source.display, document: null, tasks: [], nodes: {}, diagnostics: [diagnostic] };
}
