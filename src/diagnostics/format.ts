import type { ChalkInstance } from 'chalk';
import { terminalSafe } from '../render/terminal-safe.js';
import type { Diagnostic } from './diagnostic.js';

/** `file:line:column  error  message  rule` — one line, for commands that only need to show problems. */
export function formatDiagnosticLine(d: Diagnostic, color: ChalkInstance): string {
  const where = terminalSafe(`${d.file || '<graph>'}:${d.line}:${d.column}`);
  const severity = d.severity === 'error' ? color.red('error') : d.severity === 'warning' ? color.yellow('warning') : color.blue('info');
  return `${where}  ${severity}  ${terminalSafe(d.message)}  ${color.dim(d.rule)}`;
}
