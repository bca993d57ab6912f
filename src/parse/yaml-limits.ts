/**
 * YAML from a repository (front matter, scenario files, answers files, instr.config.yaml) is
 * untrusted. The yaml package's `uniqueKeys` compares each key with every key before it in its
 * mapping: 40 000 roles took 13 s, 60 000 scenario keys over a minute. So documents are parsed
 * without it, after a cheap line count, and duplicates are found with a Set per mapping. A
 * `!!omap`, `!!set` or `!!binary` value would reach the schema as a Map, Set or bytes, which
 * look like an empty object to it and would then be dropped: such values are refused.
 */
import type { Document } from 'yaml';
import { lazy } from '../compile/lazy.js';

/** YAML is loaded when a document is checked (a command that reads no YAML never loads it). */
const yaml = lazy<typeof import('yaml')>('yaml');

/** The line after the first `max` (1-based), or null when the text has at most `max` lines. */
export function lineOverLimit(text: string, max: number): number | null {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i === text.length - 1) break;
    if (++lines > max) return lines;
  }
  return null;
}

export interface DuplicateKey {
  /** Offset of the repeated key in the YAML text. */
  offset: number;
  key: string;
}

/** Keys repeated within one mapping (scalar keys; `1` and `"1"` are different keys, as in YAML), at most `max` of them. */
export function duplicateKeys(doc: Document, max = 20): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const { isScalar, visit } = yaml();
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        const id = `${typeof key.value}:${String(key.value)}`;
        if (seen.has(id)) {
          found.push({ offset: key.range?.[0] ?? 0, key: String(key.value) });
          if (found.length >= max) return visit.BREAK;
        } else seen.add(id);
      }
      return undefined;
    },
  });
  return found;
}

/** A message when the data holds anything but plain objects, arrays, strings, numbers, booleans and null. */
export function notPlainData(value: unknown): string | null {
  const stack: unknown[] = [value];
  let visited = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (++visited > 1_000_000) return null; // aliases are limited already; do not walk forever
    if (v === null || typeof v !== 'object') continue;
    if (v instanceof Map || v instanceof Set) return 'YAML tags such as !!omap, !!pairs and !!set are not allowed; write a plain mapping or list';
    if (v instanceof Date) continue;
    if (ArrayBuffer.isView(v)) return 'YAML tags such as !!binary are not allowed';
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else for (const x of Object.values(v)) stack.push(x);
  }
  return null;
}
