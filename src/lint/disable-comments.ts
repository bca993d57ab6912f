import type { Comment } from '../graph/types.js';

/**
 * Inline switches in an instruction's HTML comments:
 *   <!-- instr-disable-next-line vague-wording -->   the next line only
 *   <!-- instr-disable vague-wording, placeholder --> from here …
 *   <!-- instr-enable vague-wording -->              … to here (or to the end of the file)
 * Without rule ids they apply to every lint rule. Compiler errors cannot be switched off.
 */
export interface Suppressions {
  isSuppressed(rule: string, line: number): boolean;
}

interface Range {
  rules: Set<string> | null;
  from: number;
  to: number;
}

const directivePattern = /^instr-(disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*))?$/;

export function suppressionsFrom(comments: readonly Comment[]): Suppressions {
  const ranges: Range[] = [];
  const open = new Map<string, number>();
  let openAll: number | null = null;
  const sorted = [...comments].sort((a, b) => a.position.offset - b.position.offset);
  for (const c of sorted) {
    const m = directivePattern.exec(c.text.trim());
    if (!m) continue;
    const ids = (m[2] ?? '')
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter((s) => s !== '' && s !== '--');
    const rules = ids.length > 0 ? new Set(ids) : null;
    switch (m[1]) {
      case 'disable-next-line':
        ranges.push({ rules, from: c.position.endLine + 1, to: c.position.endLine + 1 });
        break;
      case 'disable-line':
        ranges.push({ rules, from: c.position.line, to: c.position.endLine });
        break;
      case 'disable':
        if (rules) for (const r of rules) if (!open.has(r)) open.set(r, c.position.line);
        if (!rules && openAll === null) openAll = c.position.line;
        break;
      case 'enable': {
        const end = c.position.line;
        if (!rules) {
          if (openAll !== null) ranges.push({ rules: null, from: openAll, to: end });
          openAll = null;
          for (const [r, from] of open) ranges.push({ rules: new Set([r]), from, to: end });
          open.clear();
        } else {
          for (const r of rules) {
            const from = open.get(r);
            if (from !== undefined) ranges.push({ rules: new Set([r]), from, to: end });
            open.delete(r);
          }
        }
        break;
      }
    }
  }
  if (openAll !== null) ranges.push({ rules: null, from: openAll, to: Infinity });
  for (const [r, from] of open) ranges.push({ rules: new Set([r]), from, to: Infinity });
  return {
    isSuppressed: (rule, line) => ranges.some((r) => line >= r.from && line <= r.to && (r.rules === null || r.rules.has(rule))),
  };
}
