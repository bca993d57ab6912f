import { describe, expect, it } from 'vitest';
import { defaultGuardLimits, guardNesting } from './guard.js';

const limits = { ...defaultGuardLimits, maxDepth: 5, maxInlineDelimiters: 10, maxListItems: 6 };

describe('guardNesting', () => {
  it('accepts ordinary instructions', () => {
    const text =
      '---\nid: x\nroles:\n  a:\n    contacts:\n      deep:\n        deeper: 1\n---\n\n1. Step *one*.\n   - detail\n\n::decision[Q?]\n- Yes\n  1. Do.\n- No\n';
    expect(guardNesting(text, limits)).toBeNull();
    expect(guardNesting(text)).toBeNull();
  });

  it('counts list markers, quotes, indentation and tabs as depth', () => {
    expect(guardNesting('- - - - - - x', limits)).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('Nesting 6 levels') });
    expect(guardNesting('1. 1. 1. 1. 1. 1. x', limits)).toMatchObject({ line: 1 });
    expect(guardNesting('a\n> > > > > > x', limits)).toMatchObject({ line: 2 });
    expect(guardNesting('x\n\n            - deep', limits)).toMatchObject({ line: 3, message: expect.stringContaining('7 levels') });
    expect(guardNesting('\t\t\tx', limits)).toMatchObject({ line: 1, message: expect.stringContaining('6 levels') });
    expect(guardNesting('- - - - - x', limits)).toBeNull();
  });

  it('counts open container directives, also behind list and quote markers', () => {
    expect(guardNesting(':::a\n'.repeat(6), limits)).toMatchObject({ line: 6, column: 1 });
    expect(guardNesting('> :::a\n'.repeat(6), limits)).toMatchObject({ line: 6, column: 3 });
    expect(guardNesting(':::a\n:::\n'.repeat(20), limits)).toBeNull();
  });

  it('counts emphasis and link delimiters per paragraph, not per line', () => {
    expect(guardNesting('*a\n'.repeat(11), limits)).toMatchObject({ line: 11, column: 1, message: expect.stringContaining('delimiters') });
    expect(guardNesting('*a\n\n'.repeat(50), limits)).toBeNull();
    expect(guardNesting(`x ${'['.repeat(11)}`, limits)).toMatchObject({ line: 1, column: 13 });
    expect(guardNesting('- **a** **b**\n'.repeat(6), limits)).toBeNull();
  });

  it('counts the items of one list, nested ones included, until the list ends', () => {
    expect(guardNesting('- a\n  - b\n'.repeat(4), limits)).toMatchObject({ line: 7, message: expect.stringContaining('more than 6 items') });
    expect(guardNesting('- a\n- b\n- c\n\nText between.\n\n- d\n- e\n- f\n- g\n', limits)).toBeNull();
    // a lazy continuation line does not end the list
    expect(guardNesting('- a\n- b\n- c\nlazy\n- d\n- e\n- f\n- g\n', limits)).toMatchObject({ line: 8 });
  });

  it('skips the front matter only when it is closed', () => {
    const deepYaml = `---\n${Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')}\n---\ntext\n`;
    expect(guardNesting(deepYaml, limits)).toBeNull();
    expect(guardNesting(deepYaml.replace('\n---\n', '\n'), limits)).toMatchObject({ line: 8 });
  });

  it('does not take a code fence on its word: the text after it is still scanned', () => {
    expect(guardNesting('```x`\n- - - - - - x\n```', limits)).toMatchObject({ line: 2 });
  });

  it('bounds the lines of a file and of one stretch the parser cannot cut', () => {
    const cutEvery = (n: number) => Array.from({ length: n }, (_, i) => `## H${i}\n\n${'a\n\n'.repeat(2000)}`).join('');
    expect(guardNesting(cutEvery(30))).toBeNull(); // 120 030 lines in stretches of 4 002
    expect(guardNesting(cutEvery(40))).toMatchObject({ line: 150_001, column: 1, message: expect.stringContaining('more than 150000 lines') });
    expect(guardNesting('a\n\n'.repeat(30_000))).toMatchObject({ line: 50_001, message: expect.stringContaining('put a heading') });
    // Past 150 000 lines a file may have one line per 30 bytes: a large file of ordinary lines passes, a dense one does not.
    const lines = (n: number, text: string) => Array.from({ length: n }, (_, i) => `## H${i}\n\n${`${text}\n\n`.repeat(2000)}`).join('');
    expect(guardNesting(lines(40, 'Отправить счёт клиенту по электронной почте'))).toBeNull(); // 160 080 lines, 6.6 MB: 41 bytes a line
    const dense = lines(80, 'a'.repeat(50)); // 320 160 lines, 8.3 MB: 26 bytes a line
    const limit = Math.floor(Buffer.byteLength(dense) / 30);
    expect(guardNesting(dense)).toMatchObject({ line: limit + 1, message: expect.stringContaining(`more than ${limit} lines`) });
    expect(guardNesting(`[x]: /y\n\n${cutEvery(20)}`)).toMatchObject({ line: 50_001, message: expect.stringContaining('link reference definition') });
  });

  // One pass over the text: the test timeout guards against a superlinear scan; no test measures seconds.
  it('gets through the shapes that make the parser superlinear', () => {
    expect(guardNesting(`${'- '.repeat(100_000)}x`)).not.toBeNull();
    expect(guardNesting(`${'> '.repeat(500_000)}x`)).not.toBeNull();
    expect(guardNesting('*a\n'.repeat(200_000))).not.toBeNull();
    expect(guardNesting('слово '.repeat(1_000_000))).toBeNull();
  });
});
