/**
 * Where the parser may start a new chunk (src/parse/chunk.ts: at an unindented ATX heading that is
 * not inside a fenced code or HTML block), found line by line so that the guard can count the
 * containers of each chunk: micromark's cost grows with the square of the list items, block
 * quotes and setext headings it sees in one parse. Conservative: after a fence or HTML block
 * indented by one to three spaces (it may belong to a list item or not, which a line scan cannot
 * tell) no further cut is assumed, and a text with a link reference definition (parsed whole)
 * has none.
 */
const atxHeading = /^#{1,6}(?:[ \t]|$)/;
const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;
const htmlBlocks: Array<{ open: RegExp; close: RegExp }> = [
  { open: /^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, close: /<\/(?:script|pre|style|textarea)>/i },
  { open: /^ {0,3}<!--/, close: /-->/ },
  { open: /^ {0,3}<\?/, close: /\?>/ },
  { open: /^ {0,3}<![A-Za-z]/, close: />/ },
  { open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/ },
];

/** A link reference definition anywhere: such a text is parsed whole. */
export function hasDefinition(text: string): boolean {
  return text.includes(']:'); // as conservative as the parser's own check (src/parse/chunk.ts)
}

/** Fed the lines of a text one by one, says before which of them the parser may start a new chunk. */
export class CutFinder {
  private line = 0;
  private fence: { char: string; length: number } | null = null;
  private html: RegExp | null = null;
  private stopped = false;

  constructor(private readonly frontMatterLines: number) {}

  /** Whether a chunk starts at this line. */
  next(lineText: string): boolean {
    this.line++;
    if (this.line <= this.frontMatterLines || this.stopped) return false;
    if (this.fence) {
      const close = fenceOpen.exec(lineText);
      if (close && close[1]![0] === this.fence.char && close[1]!.length >= this.fence.length && lineText.slice(close[0].length).trim() === '')
        this.fence = null;
      return false;
    }
    if (this.html) {
      if (this.html.test(lineText)) this.html = null;
      return false;
    }
    const c = lineText.charCodeAt(0);
    const cut = atxHeading.test(lineText);
    // Only a line that starts (after at most three spaces) with ` ~ or < can open a fence or an HTML block.
    const first = lineText.trimStart().charCodeAt(0);
    if ((first === 96 || first === 126 || first === 60) && (c === 32 || c === 9) && /^ {1,3}[`~<]/.test(lineText)) {
      // Indented by one to three spaces it may belong to a list item (and end with it) or be a
      // block of its own: a line scan cannot tell, so nothing after it is cut.
      this.stopped = true;
    } else if (first === 96 || first === 126) {
      const open = fenceOpen.exec(lineText);
      if (open && !(open[1]![0] === '`' && lineText.slice(open[0].length).includes('`'))) this.fence = { char: open[1]![0]!, length: open[1]!.length };
    } else if (first === 60) {
      const block = htmlBlocks.find((h) => h.open.test(lineText));
      // An HTML block that closes on its own first line spans nothing.
      if (block && !block.close.test(lineText.replace(block.open, ''))) this.html = block.close;
    }
    return cut;
  }
}
