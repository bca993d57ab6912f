import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { forEachChunk, ParseBudgetError } from '../parse/chunk.js';
import { defaultGuardLimits, guardNesting, type GuardLimits } from '../parse/guard.js';
import { parseMarkdown, parseMarkdownPiece } from '../parse/parse.js';
import { compileFileInChunks, type FileResult } from './compile-file.js';
import type { SourceFile } from './source.js';
import { readMessages } from '../i18n/read-messages.js';
import { textLanguage } from '../i18n/text-language.js';

/** Decoded text → one file's result: nesting guard, parse, compile. Never throws on bad input. */
export function compileSource(source: SourceFile, guard: GuardLimits = defaultGuardLimits): FileResult {
  const violation = guardNesting(source.text, guard);
  // not parsed, so said in the language the text is written in (its lang: line, else Cyrillic)
  const t = () => readMessages(textLanguage(source.text));
  if (violation) {
    return emptyResult(source, {
      file: source.display,
      line: violation.line,
      column: violation.column,
      rule: 'too-deep',
      severity: 'error',
      message: t().notParsed(t().guard(violation.problem)),
      source: 'parse',
    });
  }
  try {
    return compileFileInChunks(
      source,
      (take) => forEachChunk(source.text, parseMarkdownPiece, take),
      () => parseMarkdown(source.text),
    );
  } catch (error) {
    if (error instanceof ParseBudgetError) {
      return emptyResult(source, {
        file: source.display,
        line: error.line,
        column: 1,
        rule: 'parse-budget',
        severity: 'error',
        message: t().parseBudget(error.work),
        source: 'parse',
      });
    }
    // The guard should make this unreachable; if a shape slips past it, say so instead of crashing.
    const message = error instanceof RangeError ? t().tooDeepToCompile : t().compilerFailed(error instanceof Error ? error.message : String(error));
    return emptyResult(source, {
      file: source.display,
      line: 1,
      column: 1,
      rule: 'internal-error',
      severity: 'error',
      message,
      source: 'parse',
    });
  }
}

/** An empty result for a file that could not be compiled, with the reason. */
export function emptyResult(source: Pick<SourceFile, 'path' | 'display'>, diagnostic: Diagnostic): FileResult {
  return { file: source.path, display: source.display, document: null, tasks: [], nodes: {}, diagnostics: [diagnostic] };
}
