import type { ChalkInstance } from 'chalk';
import { terminalSafeLine } from '../text/terminal-safe.js';
import type { Diagnostic } from './diagnostic.js';

/** `file:line:column  error  message  rule` — one line, for commands that only need to show problems. */
export function formatDiagnosticLine(d: Diagnostic, color: ChalkInstance): string {
  const where = terminalSafeLine(`${d.file || '<graph>'}:${d.line}:${d.column}`);
  const severity = d.severity === 'error' ? color.red('error') : d.severity === 'warning' ? color.yellow('warning') : color.blue('info');
  return `${where}  ${severity}  ${terminalSafeLine(d.message)}  ${color.dim(terminalSafeLine(d.rule))}`;
}
