import { CutFinder, hasDefinition } from './guard-cuts.js';
import { readMessages, type GuardProblem } from '../i18n/read-messages.js';

/**
 * A cheap line scan that refuses input shaped to make the Markdown parser itself the denial of
 * service. micromark is superlinear on deep nesting (10 000 nested list markers on one line take
 * over a minute; 2 000 unclosed `:::` containers 22 s; 4 000 nested emphasis 14 s), and a deep
 * syntax tree overflows recursive walkers. The scan runs in linear time before parsing and names
 * the offending line and column.
 */
export interface GuardLimits {
  /** Deepest block nesting (list items, block quotes, containers, indentation) allowed. */
  maxDepth: number;
  /** Most emphasis / link / label delimiters (`*`, `_`, `[`) allowed in one paragraph. */
  maxInlineDelimiters: number;
  /** Most items in one list, nested items included (micromark slows down quadratically on long lists: 8 000 items take ~5 s). */
  maxListItems: number;
}

export const defaultGuardLimits: GuardLimits = { maxDepth: 40, maxInlineDelimiters: 800, maxListItems: 2000 };

/**
 * Most container starts (list items, block quotes, setext underlines) in one chunk the parser
 * sees at once (src/parse/chunks.ts): micromark's cost grows with their square. Chunks are a
 * few hundred lines, so only a text that cannot be cut gets near it.
 */
const maxContainersPerChunk = 2000;
/** Most lines in one block (a run of lines without a blank one): 1 MB of "a\n" took 2.4 GB to parse. */
const maxBlockLines = 10_000;
/**
 * Most lines in one file, and in one stretch the parser cannot cut: the parser's memory and time
 * grow with the lines and blocks it holds, not with the bytes (4 MB of "a\n\n" took 3.3 GB and
 * minutes in one piece, 900 MB cut into chunks). An ordinary 4 MB instruction has ~80 000 lines
 * and a heading every ~50 lines.
 *
 * A file may have 150 000 lines, and a larger file one line per 30 bytes: what the limit refuses
 * is density (lines per byte), which the byte limit of a file cannot see. With a fixed count a
 * legitimate 10 MB file (~200 000 lines of ~53 bytes) was refused while the byte limit allowed it;
 * the parser's memory stays bounded by the file's bytes either way.
 */
const maxFileLines = 150_000;
const minBytesPerLine = 30;
const maxStretchLines = 50_000;

/** The most lines `text` may have (see maxFileLines). */
function fileLineLimit(text: string): number {
  return Math.max(maxFileLines, Math.floor(Buffer.byteLength(text, 'utf8') / minBytesPerLine));
}
/** Most lines of YAML front matter (the same limit as src/compile/front-matter.ts). */
export const maxFrontMatterLines = 5000;

export interface GuardViolation {
  line: number;
  column: number;
  problem: GuardProblem;
  /** The problem in English (readMessages(lang).guard(problem) words it in another language). */
  message: string;
}

function violation(line: number, column: number, problem: GuardProblem): GuardViolation {
  return { line, column, problem, message: readMessages('en').guard(problem) };
}

/** One block-structure marker at the start of a line: a bullet, an ordered marker or a quote. */
const marker = /[ \t]*(?:[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)|>)/y;
const fence = /[ \t]*(:{3,})([A-Za-z])?/y;
/** An ATX heading: `#` to `######` and then a space, a tab or the end of the line (`#x` is paragraph text). */
const atxHeading = /^#{1,6}(?:[ \t]|$)/;
const setextUnderline = /^ {0,3}(?:=+|-+)[ \t]*$/;

export function guardNesting(text: string, limits: GuardLimits = defaultGuardLimits): GuardViolation | null {
  let containerDepth = 0;
  let delimiters = 0;
  let listItems = 0;
  let containers = 0;
  let blockLines = 0;
  let stretchLines = 0;
  // Computed from the file's bytes only when a file gets past the fixed count.
  let lineLimit = maxFileLines;
  let previousBlank = true;
  let previousQuoted = false;
  let line = 0;
  let start = 0;
  const frontMatterEnd = frontMatterLines(text);
  // Checked here too, before the parser reads it: 40 000 roles must not reach micromark or YAML.
  if (frontMatterEnd > maxFrontMatterLines + 2) return violation(maxFrontMatterLines + 2, 1, { kind: 'front-matter-lines', max: maxFrontMatterLines });
  // Where the parser starts a new chunk (src/parse/chunks.ts): container starts are counted per chunk.
  const cuts = hasDefinition(text) ? null : new CutFinder(frontMatterEnd);
  while (start <= text.length) {
    line++;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineText = text.slice(start, end);
    start = end + 1;
    // Front matter is YAML, not Markdown: its indentation is not nesting. (Fenced code is not
    // skipped: what looks like a fence to a line scan is not always one to the parser.)
    // Fed every line, front matter included, exactly as the parser's own cut finder is.
    const cut = cuts?.next(lineText.endsWith('\r') ? lineText.slice(0, -1) : lineText) ?? false;
    if (line <= frontMatterEnd) continue;

    // Block nesting: leading markers, plus indentation (two columns per level, a tab is four).
    let markers = 0;
    let listMarkers = 0;
    marker.lastIndex = 0;
    let prefixEnd = 0;
    for (let m = marker.exec(lineText); m; m = marker.exec(lineText)) {
      markers++;
      prefixEnd = marker.lastIndex;
      if (!m[0].endsWith('>')) listMarkers++;
    }
    let columns = 0;
    for (let i = 0; i < lineText.length; i++) {
      const c = lineText[i];
      if (c === ' ') columns++;
      else if (c === '\t') columns += 4 - (columns % 4);
      else break;
    }
    const depth = Math.floor(columns / 2) + markers;
    const blank = lineText.trim() === '';
    if (depth > limits.maxDepth) {
      return violation(line, 1, { kind: 'nesting', depth, max: limits.maxDepth });
    }

    blockLines = blank ? 0 : blockLines + 1;
    if (blockLines > maxBlockLines) {
      return violation(line, 1, { kind: 'block-lines', max: maxBlockLines });
    }
    if (cut) {
      containers = 0;
      stretchLines = 0;
    }
    stretchLines++;
    if (line > lineLimit && line > (lineLimit = fileLineLimit(text))) {
      return violation(line, 1, { kind: 'file-lines', max: lineLimit });
    }
    if (stretchLines > maxStretchLines) {
      return violation(line, 1, { kind: 'stretch-lines', max: maxStretchLines, definition: cuts === null });
    }
    const quoted = markers > listMarkers;
    containers += listMarkers + (quoted && (!previousQuoted || previousBlank) ? 1 : 0) + (!previousBlank && setextUnderline.test(lineText) ? 1 : 0);
    previousQuoted = quoted;

    // Container directives (`:::name` opens, a bare `:::` closes), also inside lists and quotes.
    fence.lastIndex = prefixEnd;
    const f = fence.exec(lineText);
    if (f) {
      containerDepth += f[2] ? 1 : containerDepth > 0 ? -1 : 0;
      if (containerDepth > limits.maxDepth) {
        return violation(line, prefixEnd + 1 + (f[0].length - f[0].trimStart().length), {
          kind: 'container-depth',
          depth: containerDepth,
          max: limits.maxDepth,
        });
      }
    }

    // List items accumulate over one list: until a line at the left margin that is no list item
    // and follows a blank line (or is a heading) ends it. Lazy continuation lines do not.
    const listItem = listMarkers > 0;
    const rest = lineText.slice(prefixEnd).trimStart();
    const heading = atxHeading.test(rest);
    if (!blank && columns === 0 && !listItem && (previousBlank || (prefixEnd === 0 && heading))) listItems = 0;
    if (listItem) {
      listItems += listMarkers;
      if (listItems > limits.maxListItems) {
        return violation(line, columns + 1, { kind: 'list-items', max: limits.maxListItems });
      }
    }
    // (after the list's own limit, whose message is the more precise one)
    if (containers > maxContainersPerChunk) {
      return violation(line, 1, { kind: 'containers', max: maxContainersPerChunk });
    }
    previousBlank = blank;

    // Inline delimiters accumulate over a paragraph: a run of non-blank lines, until a list item
    // or an ATX heading starts a new block. (`#x` is no heading and `::x` does not interrupt a
    // paragraph: neither resets the count.)
    if (listItem || heading) delimiters = 0;
    if (blank) {
      delimiters = 0;
      continue;
    }
    // Emphasis and link delimiters, runs of backticks (code spans) and what may open inline HTML
    // (`<!--`, `<?`, `<!X`, a tag): micromark looks for the end of each, unclosed ones rescan.
    for (let i = 0; i < lineText.length; i++) {
      const c = lineText.charCodeAt(i);
      let counted = c === 42 || c === 95 || c === 91;
      if (c === 96) {
        counted = true;
        while (lineText.charCodeAt(i + 1) === 96) i++;
      } else if (c === 60) {
        const n = lineText.charCodeAt(i + 1);
        counted = n === 33 || n === 63 || n === 47 || (n >= 65 && n <= 90) || (n >= 97 && n <= 122);
      }
      if (counted) {
        delimiters++;
        if (delimiters > limits.maxInlineDelimiters) {
          return violation(line, i + 1, { kind: 'inline-delimiters', max: limits.maxInlineDelimiters });
        }
      }
    }
  }
  return null;
}

/** Lines taken by a front matter block (0 when there is none, or it is never closed). */
function frontMatterLines(text: string): number {
  if (!/^---[ \t]*\n/.test(text)) return 0;
  const close = /\n---[ \t]*(?:\n|$)/.exec(text);
  if (!close) return 0;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i <= close.index; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
