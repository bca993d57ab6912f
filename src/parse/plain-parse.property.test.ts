import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { generateInstructions } from '../../bench/generate.mjs';
import { propertyRuns, scale } from '../../test/support/scale.js';
import { chunkStarts, parseInChunks } from './chunk.js';
import { parseMarkdownPiece, parseMarkdownWhole } from './parse.js';
import { parsePlain } from './plain-parse.js';

// The suite's seed (printed once per run; INSTR_TEST_SEED repeats or changes it).
const seed = inject('seed');

/** The plain parser's tree, or null when it declines; with micromark for blocks that have inline syntax. */
const plain = (text: string) => parsePlain(text, parseMarkdownWhole);

const words = [
  'Позвонить',
  'клиенту',
  'до 18:00',
  'Сумма > 100 ₽?',
  '2026',
  '#f1-t1',
  '{#task-a}',
  '{.tasks}',
  'Важно!',
  '«Образцы»',
  'x: y',
  '1.5',
  '-1',
  '+2',
  '::',
  '🤝',
  '**жирный**',
  '`код`',
  '[ссылка](#task-a)',
  '[шаблон](templates/a.md)',
  'snake_case',
  '_курсив_',
  '<span>',
  '&amp;',
  '\\*',
  '*',
  '![i](p.png)',
  '<https://example.ru>',
  'a\\',
  // halves of spans that may close on the next line
  '`начало',
  'конец`',
  '**начало',
  'конец**',
  '[ссылка',
  'на шаблон](#task-a)',
  'x\\',
  // whitespace that CommonMark does not count as such
  'нераз\u00a0рывный\u00a0',
  '\u00a0',
  '\f',
  '\u200b',
];
/** A line's first word: mostly one that cannot start a block; sometimes one that may (then the parser may decline). */
const firstWord = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom('Позвонить', 'Клиент', '**Важно:**', '`instr run`', '[Шаблон](templates/a.md)', '2026', '«Образцы»') },
  { weight: 1, arbitrary: fc.constantFrom(...words) },
);
const text = fc.tuple(firstWord, fc.array(fc.constantFrom(...words), { maxLength: 4 })).map(([first, rest]) => [first, ...rest].join(' '));
const attributes = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '',
      '{}',
      '{return}',
      '{#f1-t11-ok deadline=P1W}',
      '{rrule="FREQ=MONTHLY;BYDAY=-1FR" time="10:00"}',
      '{due="next-workday 12:00" kept=a}',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('{a=1  b=2}', '{ a=1}', '{a=1 a=2}', '{#a id=b}', "{a='q'}", '{a="x"b}') },
);
const directive = fc
  .tuple(
    fc.constantFrom('decision', 'goto', 'end', 'wait', 'x-y', 'b1'),
    fc.constantFrom('', '[]', '[#f5-t37]', '[Клиент ответил?]', '[Есть **новые** заявки?]', '[a `b`]'),
    attributes,
  )
  .map(([name, label, attrs]) => `::${name}${label}${attrs}`);

type Block = { kind: 'paragraph'; lines: string[] } | { kind: 'directive'; line: string } | { kind: 'list'; marker: string; items: Block[][]; gaps: boolean[] };

/** Blocks nested up to `depth` lists deep. */
const blocks = (depth: number): fc.Arbitrary<Block[]> => {
  const paragraph = fc.array(text, { minLength: 1, maxLength: 3 }).map((lines): Block => ({ kind: 'paragraph', lines }));
  const leaf = directive.map((line): Block => ({ kind: 'directive', line }));
  const list =
    depth > 0
      ? fc
          .tuple(
            fc.constantFrom('-', '-', '+', '1.', '1.', '1)', '2.', '10.'),
            fc.array(fc.tuple(paragraph, blocks(depth - 1), fc.boolean()), { minLength: 1, maxLength: 3 }),
          )
          // an item starts with a paragraph, as a step does (an item that starts with another block is declined)
          .map(([marker, items]): Block => ({ kind: 'list', marker, items: items.map(([p, b]) => [p, ...b]), gaps: items.map(([, , g]) => g) }))
      : null;
  const choices = [{ weight: 3, arbitrary: paragraph }, { weight: 2, arbitrary: leaf }, ...(list ? [{ weight: 3, arbitrary: list }] : [])];
  return fc.array(fc.oneof(...choices), { minLength: 1, maxLength: 4 });
};

/** Renders blocks at `indent`, with blank lines between them where `gap` says and odd indentation where `skew` says. */
function render(list: Block[], indent: string, gap: () => boolean, skew: () => string): string[] {
  const out: string[] = [];
  list.forEach((block, i) => {
    if (i > 0 && (gap() || block.kind === 'paragraph')) out.push('');
    if (block.kind === 'paragraph') block.lines.forEach((line, j) => out.push((j === 0 ? indent : indent + skew()) + line));
    else if (block.kind === 'directive') out.push(indent + block.line);
    else {
      const number = /\d+/.exec(block.marker)?.[0];
      block.items.forEach((item, j) => {
        if (j > 0 && block.gaps[j]) out.push('');
        const marker = number ? `${Number(number) + j}${block.marker.slice(number.length)}` : block.marker;
        const inner = render(item, ' '.repeat(indent.length + marker.length + 1), gap, skew);
        const first = inner[0] ?? '';
        out.push(`${indent}${marker} ${first.trimStart()}`, ...inner.slice(1));
      });
    }
  });
  return out;
}

const documents = fc
  .tuple(
    fc.constantFrom('', '---\nid: a\ntitle: T\nlang: ru\n---\n', '---\nid: a_b\n---\n\n'),
    fc.array(fc.tuple(fc.constantFrom('# ', '## ', '### ', '#### '), text, blocks(3)), { minLength: 1, maxLength: 3 }),
    fc.infiniteStream(fc.boolean()),
    fc.infiniteStream(fc.constantFrom('', '', '', ' ', '  ', '     ', '-')),
    fc.constantFrom('', '\n', '\n\n'),
  )
  .map(([front, sections, gaps, skews, tail]) => {
    const gap = () => gaps.next().value as boolean;
    const skew = () => skews.next().value as string;
    return front + sections.map(([hashes, title, body]) => [hashes + title, '', ...render(body, '', gap, skew)].join('\n')).join('\n\n') + tail;
  });

/** Lines that sit on the edge of what the plain parser reads. */
const edgeLines = [
  '---',
  '===',
  '--',
  '- - -',
  '* * *',
  '___',
  '> quoted',
  '```',
  '```js',
  '~~~',
  '<div>',
  '[a]: /url',
  '-',
  '1.',
  '* item',
  '\tTab',
  '    indented',
  '# Heading #',
  '#NoSpace',
  'trailing space ',
  ':::note',
  '**bold** start',
  '`code` start',
  '[link](u) start',
  '| a | b |',
  '2. not first',
  '   - nested',
  '\ufeff# BOM',
  '\u00a0- nbsp',
  '      deeper text',
];
const soup = fc
  .array(
    fc.oneof(
      fc.constantFrom(...edgeLines),
      text,
      directive,
      fc.constantFrom('::a_[x]', '::goto[ x]', '- ::goto[#a]', '- - x', '- 1. x'),
      fc.constantFrom('', '- a', '1. b', '  continuation', '## Section'),
    ),
    { maxLength: 30 },
  )
  .map((lines) => lines.join('\n'));

describe('the plain parser', () => {
  it('gives micromark’s tree, positions included, for every instruction it accepts, and accepts many', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(documents, (doc) => {
        runs++;
        const tree = plain(doc);
        if (tree === null) return;
        accepted++;
        expect(tree).toEqual(parseMarkdownWhole(doc));
      }),
      { seed, numRuns: propertyRuns(2000) },
    );
    // Not a vacuous property: a good part of the structured instructions is within what it reads.
    console.log(`plain parser: ${accepted} of ${runs} structured instructions accepted`);
    expect(accepted).toBeGreaterThan(runs / 10);
  });

  it('gives micromark’s tree or declines, on lines at the edge of what it reads', () => {
    fc.assert(
      fc.property(soup, (doc) => {
        const tree = plain(doc);
        if (tree !== null) expect(tree).toEqual(parseMarkdownWhole(doc));
      }),
      { seed, numRuns: propertyRuns(4000) },
    );
  });

  it('places where micromark does a node that ends at the start of an item’s continuation line', () => {
    // Pieces of inline syntax, whole and in halves, so that spans open, close, or fail across lines.
    const piece = fc.constantFrom(
      'слово',
      'два слова',
      '**ж**',
      '**начало',
      'конец**',
      '`к`',
      '`начало',
      'конец`',
      '<b>',
      '<b',
      'c>',
      '[с](u)',
      '[с',
      '](u',
      '][',
      '](',
      ')',
      '*к*',
      '_к_',
      '\\',
      '\\*',
      '&amp;',
      '<https://a.ru>',
      '![i](p.png)',
      ':x[y]',
      '::',
    );
    const line = fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
    const item = fc
      .record({
        first: line,
        rest: fc.array(fc.tuple(line, fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 1, maxLength: 3 }),
        nested: fc.boolean(),
        ordered: fc.boolean(),
      })
      .map(({ first, rest, nested, ordered }) => {
        const marker = ordered ? '1. ' : '- ';
        const indent = (nested ? '  ' : '') + ' '.repeat(marker.length);
        const lines = [`${nested ? '- a\n  ' : ''}${marker}${first}`];
        // a line that ends in a backslash is a hard break; extra spaces are the paragraph's, not the item's
        for (const [text, extra, hardBreak] of rest) {
          if (hardBreak) lines[lines.length - 1] += '\\';
          lines.push(`${indent}${' '.repeat(extra)}${text}`);
        }
        return lines.join('\n');
      });
    let accepted = 0;
    fc.assert(
      fc.property(item, (doc) => {
        const tree = plain(doc);
        if (tree === null) return;
        accepted++;
        expect(tree).toEqual(parseMarkdownWhole(doc));
      }),
      { seed, numRuns: propertyRuns(3000) },
    );
    expect(accepted).toBeGreaterThan(propertyRuns(3000) / 10);
  });

  it('reads every chunk of generated instructions, as micromark does', () => {
    const [file] = generateInstructions({ files: 1, bytesPerFile: 60_000, seed: 7 });
    const doc = file!.text;
    const starts = [0, ...chunkStarts(doc), doc.length];
    for (let i = 0; i + 1 < starts.length; i++) {
      const chunk = doc.slice(starts[i], starts[i + 1]! < doc.length ? starts[i + 1]! - 1 : doc.length);
      const tree = plain(chunk);
      expect(tree, `chunk ${i}`).not.toBeNull();
      expect(tree).toEqual(parseMarkdownWhole(chunk));
    }
    expect(parseInChunks(doc, parseMarkdownPiece)).toEqual(parseMarkdownWhole(doc));
  });

  it('gives micromark’s tree for every chunk it accepts of the Markdown files of the installed packages', () => {
    // Real Markdown by many authors (READMEs, changelogs): 700 files when measured, all under test:slow.
    const root = join(import.meta.dirname, '../../node_modules');
    const files = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => join(root, f))
      .filter((f) => statSync(f).isFile() && statSync(f).size < 400_000);
    const step = Math.max(1, Math.floor(files.length / scale(120, files.length)));
    let accepted = 0;
    for (const file of files.filter((_, i) => i % step === 0)) {
      const doc = readFileSync(file, 'utf8');
      const starts = [0, ...chunkStarts(doc, 1), doc.length];
      for (let i = 0; i + 1 < starts.length; i++) {
        const chunk = doc.slice(starts[i], starts[i + 1]! < doc.length ? starts[i + 1]! - 1 : doc.length);
        const tree = plain(chunk);
        if (tree === null) continue;
        accepted++;
        expect(tree, `${file}, chunk ${i}`).toEqual(parseMarkdownWhole(chunk));
      }
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('declines what it does not read', () => {
    for (const doc of [
      'a\tb',
      'a\r\nb',
      'line  \nnext',
      '- a\nlazy',
      '> q',
      '```\ncode\n```',
      '---\n\n---',
      '    code',
      'Text\n===',
      '[a]: /u\n\n[a]',
      '- ',
      '## Closed ##',
      '\ufeff# BOM\n\nText',
    ]) {
      expect(plain(doc), JSON.stringify(doc)).toBeNull();
    }
    // Without micromark for inline syntax, a block that has it is declined too.
    expect(parsePlain('Text with **bold**.')).toBeNull();
    expect(parsePlain('Plain text.')).toEqual(parseMarkdownWhole('Plain text.'));
  });
});
