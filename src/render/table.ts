import type { ChalkInstance } from 'chalk';
import { lazy } from '../compile/lazy.js';

// Loaded when a table is first drawn: string-width builds its Unicode tables at load, about 45 ms
// of CPU that every command paid at start-up, with or without a table to draw.
const stringWidthModule = lazy<typeof import('string-width')>('string-width');
const wrapAnsiModule = lazy<typeof import('wrap-ansi')>('wrap-ansi');
const stringWidth = (text: string): number => stringWidthModule().default(text);

/**
 * A table laid out for the terminal: columns padded to their widest cell, wrapped to fit the
 * screen (the widest columns give way first), the header row bold and underlined by a rule.
 * Cells may already hold colour codes; widths are measured without them.
 */
export function layOutTable(rows: string[][], columns: number, c: ChalkInstance): string[] {
  if (rows.length === 0) return [];
  const count = Math.max(...rows.map((r) => r.length));
  const gap = 2;
  const natural = Array.from({ length: count }, (_, i) => Math.max(1, ...rows.map((r) => stringWidth(r[i] ?? ''))));
  const widths = fit(natural, Math.max(count * 6, columns - gap * (count - 1)));
  const out: string[] = [];
  rows.forEach((row, r) => {
    const cells = widths.map((w, i) =>
      wrapAnsiModule()
        .default(row[i] ?? '', w, { hard: true, trim: true })
        .split('\n'),
    );
    const height = Math.max(...cells.map((lines) => lines.length));
    for (let k = 0; k < height; k++) {
      const line = cells
        .map((lines, i) => pad(lines[k] ?? '', widths[i]!))
        .join(' '.repeat(gap))
        .trimEnd();
      out.push(r === 0 ? c.bold(line) : line);
    }
    if (r === 0) out.push(c.dim(widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap))));
  });
  return out;
}

/** Column widths that sum to at most `total`: shrink the widest column one step at a time. */
function fit(natural: number[], total: number): number[] {
  const widths = [...natural];
  let sum = widths.reduce((a, b) => a + b, 0);
  while (sum > total) {
    let widest = 0;
    for (let i = 1; i < widths.length; i++) if (widths[i]! > widths[widest]!) widest = i;
    if (widths[widest]! <= 6) break;
    widths[widest]!--;
    sum--;
  }
  return widths;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}
