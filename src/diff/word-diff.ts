import { diffArrays } from 'diff';
import type { TextPart } from './types.js';

/** Words (letters and digits, Cyrillic included, with inner hyphens and apostrophes), runs of spaces, and single other characters. */
const tokenPattern = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|\s+|[^\p{L}\p{N}\s]/gu;

function tokens(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

/**
 * A word-level diff: whole words are added or removed, never parts of a word (the `diff`
 * package's own word diff splits Cyrillic words into letters). Adjacent parts of one kind merge.
 */
export function wordDiff(before: string, after: string): TextPart[] {
  const parts: TextPart[] = [];
  for (const change of diffArrays(tokens(before), tokens(after))) {
    const op = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const text = change.value.join('');
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  }
  return tidy(parts);
}

/**
 * Joins changes separated only by spaces into one replacement, so «Выслушать» → «Внимательно
 * выслушать» reads as one change, not three; the space they end with stays outside.
 */
function tidy(parts: TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  const push = (op: TextPart['op'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  while (i < parts.length) {
    let j = i;
    let removed = '';
    let added = '';
    while (j < parts.length) {
      const p = parts[j]!;
      if (p.op === 'removed') removed += p.text;
      else if (p.op === 'added') added += p.text;
      else if (j > i && /^\s+$/.test(p.text) && parts[j + 1] !== undefined && parts[j + 1]!.op !== 'same') {
        removed += p.text;
        added += p.text;
      } else break;
      j++;
    }
    if (j === i || !removed.trim() || !added.trim()) {
      push(parts[i]!.op, parts[i]!.text);
      i++;
      continue;
    }
    const trail = /\s*$/.exec(removed)![0];
    const shared = trail && added.endsWith(trail) ? trail : '';
    push('removed', removed.slice(0, removed.length - shared.length));
    push('added', added.slice(0, added.length - shared.length));
    push('same', shared);
    i = j;
  }
  return out;
}

/** How alike two texts are by their words: 0 (nothing shared) … 1 (the same words). */
export function similarity(a: string, b: string): number {
  const wa = new Set(tokens(a.toLowerCase()).filter((t) => /[\p{L}\p{N}]/u.test(t)));
  const wb = new Set(tokens(b.toLowerCase()).filter((t) => /[\p{L}\p{N}]/u.test(t)));
  if (wa.size === 0 && wb.size === 0) return 1;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}
