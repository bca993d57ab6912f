/**
 * A cheap line scan that refuses input shaped to make the Markdown parser itself the denial of
 * service (micromark is superlinear on deep nesting: 10 000 nested list markers on one line take
 * over a minute). It runs in linear time before parsing and names the offending line.
 */
export interface GuardLimits {
  /** Deepest block nesting (list items, block quotes, containers, indentation) allowed. */
  maxDepth: number;
  /** Most emphasis / link delimiters (`*`, `_`, `[`) allowed on one line. */
  maxInlineDelimiters: number;
}

export const defaultGuardLimits: GuardLimits = { maxDepth: 40, maxInlineDelimiters: 800 };

export interface GuardViolation {
  line: number;
  column: number;
  message: string;
}

const blockPrefix = /^(?:[ \t]*(?:[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)|>))+/;

export function guardNesting(text: string, limits: GuardLimits = defaultGuardLimits): GuardViolation | null {
  let containerDepth = 0;
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    line++;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineText = text.slice(start, end);

    let indent = 0;
    while (indent < lineText.length && (lineText[indent] === ' ' || lineText[indent] === '\t')) indent++;
    const prefix = blockPrefix.exec(lineText);
    let markers = 0;
    if (prefix) for (const ch of prefix[0]) if (ch === '-' || ch === '*' || ch === '+' || ch === '>' || ch === '.' || ch === ')') markers++;
    const depth = Math.floor(indent / 2) + markers;
    if (depth > limits.maxDepth) {
      return { line, column: 1, message: `Nesting ${depth} levels deep; at most ${limits.maxDepth} are allowed (lists, quotes and indentation)` };
    }

    const fence = /^[ \t]*(:{3,})([A-Za-z])?/.exec(lineText);
    if (fence) {
      containerDepth += fence[2] ? 1 : containerDepth > 0 ? -1 : 0;
      if (containerDepth > limits.maxDepth) {
        return { line, column: indent + 1, message: `Container directives nested ${containerDepth} deep; at most ${limits.maxDepth} are allowed` };
      }
    }

    if (lineText.length > limits.maxInlineDelimiters) {
      let delimiters = 0;
      for (let i = 0; i < lineText.length; i++) {
        const c = lineText.charCodeAt(i);
        if (c === 42 || c === 95 || c === 91) delimiters++;
      }
      if (delimiters > limits.maxInlineDelimiters) {
        return { line, column: 1, message: `${delimiters} emphasis or link delimiters on one line; at most ${limits.maxInlineDelimiters} are allowed` };
      }
    }
    start = end + 1;
  }
  return null;
}
