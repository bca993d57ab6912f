import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { mermaidBlocks, mermaidParse } from '../../test/support/mermaid-parser.js';
import { compilePaths } from '../compile/compile.js';
import { messages } from '../i18n/messages.js';
import { diffGraphs } from './diff-graphs.js';
import { formatMarkdown, md } from './format-markdown.js';
import { formatText } from './format-text.js';
import type { GraphDiff } from './types.js';
import { wordDiff } from './word-diff.js';

const before = (await compilePaths(['test/fixtures/diff/base'])).graph;
const after = (await compilePaths(['test/fixtures/diff/changed'])).graph;
const diff = diffGraphs(before, after, { base: { label: 'main' }, head: { label: 'working tree' } });
const ru = messages('ru');

describe('formatText', () => {
  it('prints the summary, changed tasks, a word diff and the changed path in plain text without colour', () => {
    const text = formatText(diff, ru, new Chalk({ level: 0 }));
    expect(text).toContain('Изменения в инструкциях: main → working tree');
    expect(text).toContain('+ Шаг: Уточнить у клиента срок.');
    expect(text).toContain('~ вариант переименован: «Да, входит» → «Да, в тарифе»');
    expect(text).toContain('[-Выслушать-]{+Внимательно выслушать+} клиента');
    expect(text).toContain(
      '«Задача входит в тариф клиента?» = «Нет, не входит» → «Клиент согласен оплатить?» = «Нет» → стало: Конец «Клиент отказался» (cancelled) (было: Перейти к #invoice (Выставить счёт))',
    );
    expect(text).toContain('новое название: «Клиент недоволен» → «Клиент недоволен работой»');
    expect(text).not.toContain('\u001b[');
  });

  it('colours only when the chalk instance may', () => {
    expect(formatText(diff, ru, new Chalk({ level: 1 }))).toContain('\u001b[');
  });

  it('neutralises terminal escape sequences in instruction text', () => {
    const hostile: GraphDiff = {
      ...diff,
      tasks: [
        {
          id: 'x',
          status: 'added',
          kind: 'task',
          title: 'Evil \u001b]0;pwned\u0007 title \u001b[2J',
          file: 'x.md',
          line: 1,
          fields: [],
          nodes: [],
          paths: [],
          pathsCapped: false,
        },
      ],
    };
    const text = formatText(hostile, ru, new Chalk({ level: 0 }));
    expect(text).toContain('Evil  title');
    expect(text).not.toMatch(/[\u001b\u0007]/);
  });

  it('says when nothing changed', () => {
    const same = diffGraphs(before, before, { base: { label: 'a' }, head: { label: 'b' } });
    expect(formatText(same, messages('en'), new Chalk({ level: 0 }))).toBe('Changes in the instructions: a → b\nNo changes in the instructions.\n');
  });
});

describe('formatMarkdown', () => {
  const markdown = formatMarkdown(diff, ru, { head: after, lang: 'ru' });

  it('has a summary table and a section per changed task', () => {
    expect(markdown).toContain('| Задачи | 0 | 0 | 3 |');
    expect(markdown).toContain('#### ~ задача Обработать заявку клиента `#request`');
    expect(markdown).toContain('<del>Выслушать</del><ins>Внимательно выслушать</ins> клиента');
  });

  it('draws changed tasks as Mermaid with added and changed boxes styled, and Mermaid parses every diagram', async () => {
    const blocks = mermaidBlocks(markdown);
    expect(blocks.length).toBe(2);
    expect(blocks[0]).toMatch(/class n\d+ added/);
    expect(blocks[0]).toMatch(/class n\d+,n\d+ changed/);
    for (const block of blocks) await expect(mermaidParse(block)).resolves.toBeDefined();
  });

  it('escapes instruction text for Markdown: no HTML, no table breaks, no @mentions', () => {
    expect(md('@boss <script>x</script> | *a* [b](c)\nnext')).toBe('@\u2060boss &lt;script&gt;x&lt;/script&gt; \\| \\*a\\* \\[b\\](c) next');
  });

  it('draws removed boxes in a group of their own, and Mermaid parses it', async () => {
    const reverse = diffGraphs(after, before, { base: { label: 'a' }, head: { label: 'b' } });
    const [block] = mermaidBlocks(formatMarkdown(reverse, ru, { head: before }));
    expect(block).toMatch(/subgraph removedNodes\["Удалено"\]\n {4}r\d+\["Шаг: Уточнить у клиента срок\."\]\n {2}end/);
    expect(block).toMatch(/class r\d+ removed/);
    await expect(mermaidParse(block!)).resolves.toBeDefined();
  });

  it('folds long lists into <details>', () => {
    const long = formatMarkdown(diff, ru, { head: after, fold: 0 });
    expect(long).toContain('<details><summary>ещё');
  });
});

describe('wordDiff', () => {
  it('never splits a Cyrillic word', () => {
    expect(wordDiff('работы клиента', 'работ клиента')).toEqual([
      { op: 'removed', text: 'работы' },
      { op: 'added', text: 'работ' },
      { op: 'same', text: ' клиента' },
    ]);
  });
});
