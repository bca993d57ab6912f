/** Word wrap for terminal lines that may already carry colour codes (width counts visible characters). */
import { stripVTControlCharacters } from 'node:util';

export function visibleWidth(text: string): number {
  return [...stripVTControlCharacters(text)].length;
}

/**
 * Wraps one line to `width` columns; continuation lines start with `hang` (the text under the
 * first line's marker). Leading spaces of the line are kept. A word longer than the width stays whole.
 */
export function wrapLine(line: string, width: number, hang = ''): string[] {
  if (width < 20 || visibleWidth(line) <= width) return [line];
  const lead = /^ */.exec(line)![0];
  const words = line.slice(lead.length).split(' ');
  const out: string[] = [];
  let current = lead;
  let currentWidth = lead.length;
  let empty = true;
  for (const word of words) {
    const w = visibleWidth(word);
    if (!empty && currentWidth + 1 + w > width) {
      out.push(current);
      current = `${hang}${word}`;
      currentWidth = hang.length + w;
      continue;
    }
    current += empty ? word : ` ${word}`;
    currentWidth += empty ? w : 1 + w;
    empty = false;
  }
  out.push(current);
  return out;
}

/** Continuation lines go under the text: after the leading spaces and a list or status marker, if any. */
export function hangingIndent(line: string): string {
  const m = /^( *)((?:[•✓↷◆☑☐!?■→⏳]|\d+\.)\s)?/u.exec(stripVTControlCharacters(line))!;
  return ' '.repeat(m[1]!.length + [...(m[2] ?? '')].length);
}

export function wrapLines(lines: string[], width: number, hang: (line: string) => string = hangingIndent): string[] {
  return lines.flatMap((l) => wrapLine(l, width, hang(l)));
}
