import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { terminalSafe } from '../../text/terminal-safe.js';

/**
 * GitHub Actions workflow commands, one per finding, shown as annotations on the pull request:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 */
export function github(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [`file=${property(d.file)}`, `line=${d.line}`, `col=${d.column}`];
      if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
      if (d.endColumn !== undefined && (d.endLine === undefined || d.endLine === d.line)) props.push(`endColumn=${d.endColumn}`);
      props.push(`title=${property(`instr ${d.rule}`)}`);
      return `::${command} ${props.join(',')}::${data(d.message)}\n`;
    })
    .join('');
}

/** Escaping of a command's message (per @actions/core), after removing escape sequences (a link's URL may carry an OSC 52 clipboard write). */
function data(s: string): string {
  return terminalSafe(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property value. */
function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
