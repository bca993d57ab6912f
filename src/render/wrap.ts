/** Word wrap for terminal lines that may already carry colour codes (width counts terminal columns). */
import { stripVTControlCharacters } from 'node:util';
import { lazy } from '../compile/lazy.js';

// Loaded only for a line with a character that may take two columns (🤝, ⏳, CJK): string-width
// builds its Unicode tables at load (about 45 ms of CPU), which plain Cyrillic and Latin lines never pay.
const stringWidthModule = lazy<typeof import('string-width')>('string-width');

/**
 * A character that may take two columns: the emoji of the Basic Multilingual Plane that Unicode's
 * East Asian Width table lists as wide (⏳, ✅, ⭐…), an emoji presentation selector, Hangul jamo,
 * and everything from the CJK radicals on (CJK, emoji such as 🤝). Any other line — Cyrillic,
 * Latin, ✓ ↷ ◆ • → — is counted by characters, without loading string-width.
 */
const maybeWide =
  /[\u{1100}-\u{115F}\u{231A}\u{231B}\u{2329}\u{232A}\u{23E9}-\u{23EC}\u{23F0}\u{23F3}\u{25FD}\u{25FE}\u{2614}\u{2615}\u{2648}-\u{2653}\u{267F}\u{2693}\u{26A1}\u{26AA}\u{26AB}\u{26BD}\u{26BE}\u{26C4}\u{26C5}\u{26CE}\u{26D4}\u{26EA}\u{26F2}\u{26F3}\u{26F5}\u{26FA}\u{26FD}\u{2705}\u{270A}\u{270B}\u{2728}\u{274C}\u{274E}\u{2753}-\u{2755}\u{2757}\u{2795}-\u{2797}\u{27B0}\u{27BF}\u{2B1B}\u{2B1C}\u{2B50}\u{2B55}\u{2E80}-\u{10FFFF}]|\u{FE0F}/u;

export function visibleWidth(text: string): number {
  const plain = stripVTControlCharacters(text);
  return maybeWide.test(plain) ? stringWidthModule().default(plain) : [...plain].length;
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
  const m = /^( *)((?:[•✓↷◆☑☐!?■→⏳⌛]|\d+\.)\s)?/u.exec(stripVTControlCharacters(line))!;
  return ' '.repeat(m[1]!.length + visibleWidth(m[2] ?? ''));
}

export function wrapLines(lines: string[], width: number, hang: (line: string) => string = hangingIndent): string[] {
  return lines.flatMap((l) => wrapLine(l, width, hang(l)));
}
