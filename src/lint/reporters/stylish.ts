import type { ChalkInstance } from 'chalk';
import { countBySeverity, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { terminalSafeLine as terminalSafe } from '../../text/terminal-safe.js';
import { plural } from '../describe.js';
import { resolveLanguage } from '../../i18n/language.js';

/** Grouped by file like ESLint's stylish: `  line:col  severity  message  rule`, then a summary. */
export function stylish(diagnostics: readonly Diagnostic[], color: ChalkInstance, lang?: string): string {
  if (diagnostics.length === 0) return '';
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  let out = '';
  for (const [file, list] of byFile) {
    out += `\n${color.underline(terminalSafe(file || '<graph>'))}\n`;
    const where = list.map((d) => `${d.line}:${d.column}`);
    const width = Math.max(...where.map((w) => w.length));
    const sevWidth = list.some((d) => d.severity === 'warning') ? 7 : 5;
    list.forEach((d, i) => {
      const sev =
        d.severity === 'error'
          ? color.red('error'.padEnd(sevWidth))
          : d.severity === 'warning'
            ? color.yellow('warning'.padEnd(sevWidth))
            : color.blue('info'.padEnd(sevWidth));
      out += `  ${color.dim(where[i]!.padEnd(width))}  ${sev}  ${terminalSafe(d.message)}  ${color.dim(d.rule)}\n`;
    });
  }
  const counts = countBySeverity(diagnostics);
  const total = diagnostics.length;
  const summary =
    resolveLanguage(lang) === 'ru'
      ? `✖ ${total} ${plural(total, 'проблема', 'проблемы', 'проблем')} (${counts.error} ${plural(counts.error, 'ошибка', 'ошибки', 'ошибок')}, ${counts.warning} ${plural(counts.warning, 'предупреждение', 'предупреждения', 'предупреждений')})`
      : `✖ ${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'})`;
  out += `\n${counts.error > 0 ? color.red.bold(summary) : color.yellow.bold(summary)}\n`;
  return out;
}
