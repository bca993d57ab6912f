import { terminalSafe } from '../text/terminal-safe.js';

/** Text for a Markdown table cell: one line, pipes escaped, no terminal controls. */
export function cell(text: string): string {
  return terminalSafe(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|');
}
