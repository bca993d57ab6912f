/** One compiled file's decoded text, with what rules need to find words in it and place them. */
export interface SourceText {
  /** File relative to the compiled root. */
  file: string;
  /** As the user would type it (relative to the working directory). */
  display: string;
  text: string;
  /**
   * The text with everything that is not prose blanked out (front matter, code, HTML comments
   * and tags, link destinations, directive names and `{…}` attributes), same length and the same
   * line breaks, so an offset in it is an offset in `text`.
   */
  readonly prose: string;
  /** The text with only front matter, code and HTML comments blanked out (links kept). */
  readonly markdown: string;
  /** 1-based line and column of an offset. */
  locate(offset: number): { line: number; column: number };
}

export function sourceText(file: string, display: string, text: string): SourceText {
  let lineStarts: number[] | null = null;
  let markdown: string | null = null;
  let prose: string | null = null;
  return {
    file,
    display,
    text,
    get markdown() {
      markdown ??= maskMarkdown(text);
      return markdown;
    },
    get prose() {
      // from a markdown mask of its own unless one is kept already: the rules that read the prose
      // run before the one that reads the markdown, and a 10 MB file's mask is ~20 MB
      prose ??= maskProse(markdown ?? maskMarkdown(text));
      return prose;
    },
    locate(offset) {
      lineStarts ??= computeLineStarts(text);
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
    },
  };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Spaces for every character but line breaks. */
function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

const fencePattern = /^[ \t>]*(`{3,}|~{3,})/;

/** Blanks front matter, fenced code, inline code and HTML comments. */
export function maskMarkdown(text: string): string {
  let out = text;
  const fm = /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(out);
  if (fm) out = blank(fm[0]) + out.slice(fm[0].length);
  out = maskFences(out);
  out = out.replace(/<!--[\s\S]*?(?:-->|$)/g, blank);
  out = out.replace(/(?<!`)(`+)(?!`)[^`\n]+?\1(?!`)/g, blank);
  return out;
}

function maskFences(text: string): string {
  if (!text.includes('```') && !text.includes('~~~')) return text;
  const lines = text.split('\n');
  let open: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = fencePattern.exec(line);
    if (open === null) {
      if (m) {
        open = m[1]!;
        lines[i] = blank(line);
      }
    } else {
      lines[i] = blank(line);
      if (m && m[1]![0] === open[0] && m[1]!.length >= open.length && line.trim() === m[1]) open = null;
    }
  }
  return lines.join('\n');
}

/**
 * Pieces of this many characters or more, each ending in a blank line, are masked one at a time:
 * each step of the mask copies what it is given, and on a 10 MB file eight copies of the whole
 * text at once were the peak of a lint's memory.
 */
const prosePiece = 65_536;

/** Blanks what is markup rather than words: link destinations, URLs, tags, directive names, attributes. */
export function maskProse(markdown: string, piece = prosePiece): string {
  if (markdown.length <= piece) return maskProsePiece(markdown);
  // No pattern below matches across a blank line (none matches two line breaks in a row), and
  // each piece starts after a line break as its text does, so piece by piece gives the same text.
  const parts: string[] = [];
  let from = 0;
  while (from < markdown.length) {
    const blankLine = markdown.indexOf('\n\n', from + piece);
    const to = blankLine === -1 ? markdown.length : blankLine + 2;
    parts.push(maskProsePiece(markdown.slice(from, to)));
    from = to;
  }
  return parts.join('');
}

/** maskProse in one piece (exported for the test that compares both). */
export function maskProsePiece(markdown: string): string {
  return markdown
    .replace(/\]\([^()\n]{0,2048}\)/g, (m) => `]${blank(m.slice(1))}`)
    .replace(/^[ \t]{0,3}\[[^\]\n]+\]:.*$/gm, blank)
    .replace(/<[a-z][a-z0-9+.-]*:[^>\s]*>/gi, blank)
    .replace(/\b(?:https?|ftp|mailto):[^\s)\]>»]+/gi, blank)
    .replace(/<\/?[a-z][a-z0-9-]*(?:\s[^<>\n]*)?\/?>/gi, blank)
    .replace(/::?[a-z][a-z0-9-]*(?=[[{])/gi, blank)
    .replace(/\{[^{}\n]*\}/g, blank);
}
