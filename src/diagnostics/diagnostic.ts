/** One finding about an instruction: the single shape every stage and every reporter uses. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Path of the file as the user would type it (relative to the working directory). */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Rule id, e.g. `duplicate-id` or `vague-wording`. */
  rule: string;
  severity: Severity;
  message: string;
  /** For a lint finding: the key of the message in its rule's meta (stable across languages). */
  messageId?: string;
  /** Which stage found it. */
  source: 'read' | 'parse' | 'compile' | 'lint' | 'config' | 'scenario';
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}
