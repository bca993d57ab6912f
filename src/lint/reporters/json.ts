import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { jsonText } from '../../render/json-text.js';

/** One JSON array of `{file, line, column, endLine, endColumn, rule, severity, message}`; paths relative to the cwd. */
export function json(diagnostics: readonly Diagnostic[]): string {
  const rows = diagnostics.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine ?? d.line,
    endColumn: d.endColumn ?? d.column,
    rule: d.rule,
    severity: d.severity,
    message: d.message,
  }));
  return jsonText(rows);
}
