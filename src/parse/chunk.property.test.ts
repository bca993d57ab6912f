import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { compileFile, compileFileInChunks } from '../compile/compile-file.js';
import { chunkStarts, forEachChunk, ParseBudgetError, parseInChunks } from './chunk.js';
import { parseMarkdownWhole } from './parse.js';
import { propertyRuns } from '../../test/support/scale.js';

// The suite's seed (printed once per run; INSTR_TEST_SEED repeats or changes it).
const seed = inject('seed');

/**
 * Pieces chosen to sit on either side of a split: headings, fences and HTML blocks left open or
 * closed at every indentation, containers, lazy lines, setext underlines, definitions and
 * references, directives, front-matter look-alikes.
 */
const pieces = [
  '# Title',
  '## Section {.tasks}',
  '### Task {#task-a}',
  '### Task {#task-b}',
  '#### Deep heading',
  '#',
  '#\tTab heading',
  '#NoSpace',
  '    # indented code, not a heading',
  ' # one space',
  '```',
  '```js',
  '~~~',
  '````',
  '  ```',
  '    ```',
  '- ```',
  '> ```',
  '<!-- comment',
  '-->',
  '<!-- whole comment -->',
  '<div>',
  '</div>',
  '<script>',
  '</script>',
  '<pre>',
  '<?php',
  '?>',
  '<![CDATA[',
  ']]>',
  '<!DOCTYPE html>',
  '<custom-tag>',
  '',
  '',
  '',
  'Plain paragraph text.',
  'Lazy continuation line',
  '===',
  '---',
  '- item',
  '  - nested item',
  '1. first step',
  '2. second step',
  '   indented continuation',
  '> quoted',
  '> > deeper',
  '1. a step that takes a task id {#task-b}',
  '- Yes {#task-a}',
  '<!-- a comment -->',
  '::decision[Is it so?]',
  '::goto[#task-a]',
  '::end[Done]',
  ':::',
  '::: note',
  '[ref]: https://example.com "Title"',
  '[other]:',
  '  /url',
  'See [ref] and [other][] and [missing].',
  '* * *',
  '| a | b |',
  'Text with `code` and *emphasis* and <span>html</span>.',
];

const documents = fc
  .tuple(
    fc.constantFrom('', '---\nid: a\ntitle: T\nlang: en\n---\n', '---\nid: a\n', '--- \nid: a\n--- \n', '---\n---\n'),
    fc.array(fc.constantFrom(...pieces), { maxLength: 60 }),
    fc.constantFrom('', '\n', '\n\n'),
  )
  .map(([front, lines, tail]) => front + lines.join('\n') + tail);

describe('parsing in chunks', () => {
  it('gives the same syntax tree, graph and diagnostics as parsing whole', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const whole = parseMarkdownWhole(text);
        const chunked = parseInChunks(text, parseMarkdownWhole, 1);
        expect(chunked).toEqual(whole);
        const source = { path: 'a.md', display: 'a.md', text, hash: 'h' };
        const expected = compileFile(parseMarkdownWhole(text), source);
        expect(compileFile(chunked, source)).toEqual(expected);
        // compiled task by task while the chunks are parsed: the same result, diagnostics in the same order
        expect(compileInChunks(text, source)).toEqual(expected);
      }),
      { seed, numRuns: propertyRuns(300) },
    );
  });

  it("compiles task by task as the chunks come, and whole when a node took a later task's id", () => {
    const task = (i: number, step = `Step ${i}.`) => `### Task ${i} {#t-${i}}\n\n1. ${step}\n2. Step two.\n\n<!-- note ${i} -->\n`;
    const front = '---\nid: a\ntitle: T\nlang: en\n---\n\n## Tasks {.tasks}\n\n';
    const source = (text: string) => ({ path: 'a.md', display: 'a.md', text, hash: 'h' });
    for (const text of [
      front + Array.from({ length: 20 }, (_, i) => task(i)).join('\n'),
      // a step of task 1 takes the id of task 5: whole, the task heading claims it first
      front + Array.from({ length: 20 }, (_, i) => task(i, i === 1 ? 'Taken {#t-5}' : `Step ${i}.`)).join('\n'),
    ]) {
      let chunks = 0;
      let wholeParses = 0;
      const result = compileFileInChunks(
        source(text),
        (take) => forEachChunk(text, parseMarkdownWhole, (tree) => (chunks++, take(tree)), 1),
        () => (wholeParses++, parseMarkdownWhole(text)),
      );
      expect(chunks).toBeGreaterThan(5);
      expect(result).toEqual(compileFile(parseMarkdownWhole(text), source(text)));
      expect(result.tasks).toHaveLength(20);
      expect(result.document?.comments).toHaveLength(20);
      const taken = text.includes('Taken {#t-5}');
      expect(wholeParses).toBe(taken ? 1 : 0);
      expect(result.diagnostics.filter((d) => d.rule === 'duplicate-id')).toHaveLength(taken ? 1 : 0);
    }
  });

  it('splits generated instructions into many chunks', () => {
    const text = [
      '---',
      'id: a',
      'title: T',
      'lang: en',
      '---',
      '',
      ...Array.from(
        { length: 30 },
        (_, i) => `### Task ${i} {#t-${i}}\n\n1. Step one.\n2. Step two.\n\n::decision[Go on?]\n- Yes\n  1. Go.\n- No\n\n  ::end[Stopped]\n`,
      ),
    ].join('\n');
    expect(chunkStarts(text, 1)).toHaveLength(30);
    expect(parseInChunks(text, parseMarkdownWhole, 1)).toEqual(parseMarkdownWhole(text));
  });

  it('does not split inside an open fence, an HTML block or front matter', () => {
    expect(parseInChunks('```\n# not a heading\n```\n# heading\n', parseMarkdownWhole, 1)).toEqual(
      parseMarkdownWhole('```\n# not a heading\n```\n# heading\n'),
    );
    const html = '<div>\n# inside html\n\n# heading\n';
    expect(parseInChunks(html, parseMarkdownWhole, 1)).toEqual(parseMarkdownWhole(html));
    expect(chunkStarts('---\n# yaml comment\n---\n# heading\n', 1)).toEqual([23]);
    expect(chunkStarts('---\n# yaml comment, never closed\n', 1)).toEqual([]);
  });

  it('re-parses a chunk left open before many headings in linear work, not once per heading', () => {
    // A fence (or an HTML comment) never closed, then 300 headings: growing the chunk heading by
    // heading handed the parser ~150 times the text (1.6 MB took 14-19 s of CPU).
    for (const open of ['```', '<!--']) {
      const text = `${open}\n${'# h\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'.repeat(300)}`;
      let work = 0;
      const counted = (part: string) => {
        work += part.length;
        return parseMarkdownWhole(part);
      };
      expect(parseInChunks(text, counted, 64)).toEqual(parseMarkdownWhole(text));
      expect(work).toBeLessThanOrEqual(3 * text.length);
    }
  });

  it('stops with the line of the chunk when the work budget is spent', () => {
    const text = Array.from({ length: 40 }, (_, i) => `# H${i}\n\n${'Some text.\n'.repeat(10)}`).join('\n');
    expect(() => parseInChunks(text, parseMarkdownWhole, 64, text.length / 2)).toThrow(ParseBudgetError);
    try {
      parseInChunks(text, parseMarkdownWhole, 64, text.length / 2);
    } catch (error) {
      expect((error as ParseBudgetError).line).toBeGreaterThan(1);
      expect((error as ParseBudgetError).line).toBeLessThan(text.split('\n').length);
      expect(text.split('\n')[(error as ParseBudgetError).line - 1]).toMatch(/^# H\d+$/);
    }
  });
});

function compileInChunks(text: string, source: { path: string; display: string; text: string; hash: string }) {
  return compileFileInChunks(
    source,
    (take) => forEachChunk(text, parseMarkdownWhole, take, 1),
    () => parseMarkdownWhole(text),
  );
}
