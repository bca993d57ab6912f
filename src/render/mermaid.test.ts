import { describe, expect, it } from 'vitest';
import { mermaidParse } from '../../test/support/mermaid-parser.js';
import { compilePaths } from '../compile/compile.js';
import { indexGraph } from '../graph/query.js';
import { buildFlowchart, wrapLabel } from './flowchart.js';
import { mermaidText, toMermaid } from './mermaid.js';

const load = async (folder: string) => indexGraph((await compilePaths([`test/fixtures/diff/${folder}`])).graph);

describe('toMermaid', () => {
  it('draws one task with shapes per kind, and Mermaid parses it', async () => {
    const index = await load('base');
    const text = toMermaid(buildFlowchart(index, [index.tasks.get('request')!]));
    expect(text.startsWith('flowchart TD\n')).toBe(true);
    expect(text).toMatch(/n\d+\{"Задача входит в тариф клиента\?"\}/);
    expect(text).toMatch(/n\d+\(\["Обработать заявку клиента"\]\)/);
    expect(text).toMatch(/n\d+\[\["Выполнить и вернуться #35;invoice<br\/>\(Выставить счёт\)"\]\]/);
    expect(text).toMatch(/-->\|"Нет, не входит"\|/);
    expect(text).not.toContain('subgraph');
    await expect(mermaidParse(text)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
  });

  it('draws every task as a subgraph with jumps as dashed edges to the target task', async () => {
    const index = await load('base');
    const chart = buildFlowchart(index, index.graph.tasks);
    const text = toMermaid(chart);
    expect(text.match(/^ {2}subgraph /gm)).toHaveLength(4);
    const invoiceStart = chart.groups.find((g) => g.task.id === 'invoice')!.nodes[0]!.key;
    expect(text).toMatch(new RegExp(`n\\d+ -\\.-> ${invoiceStart}\\n`));
    await expect(mermaidParse(text)).resolves.toBeDefined();
  });

  it('escapes hostile labels so that Mermaid still parses them, and keeps cut text in a comment', async () => {
    const index = await load('hostile');
    const text = toMermaid(buildFlowchart(index, index.graph.tasks));
    const labels = text
      .split('\n')
      .filter((l) => /^\s*n\d+[[({>]/.test(l))
      .join('\n');
    for (const raw of ['"hello"', '<b>', '%%{init', '-->', '#hash;']) expect(labels).not.toContain(raw);
    expect(text).toContain('#34;hello#34;');
    expect(text).toMatch(/%% n\d+: Прочитать «кавычки»/);
    expect(text).toContain('…');
    await expect(mermaidParse(text)).resolves.toBeDefined();
  });

  it('is really checked: Mermaid rejects an unescaped quote', async () => {
    await expect(mermaidParse('flowchart TD\n  a["has "quote" inside"] --> b\n')).rejects.toThrow();
  });

  it('writes reserved characters as entity codes', () => {
    expect(mermaidText('a "b" #c; <d> & `e` 50%')).toBe('a #34;b#34; #35;c#59; #60;d#62; #38; #96;e#96; 50#37;');
    expect(mermaidText('line\nbreak')).toBe('line break');
  });
});

describe('wrapLabel', () => {
  it('wraps at spaces and cuts long text with an ellipsis', () => {
    expect(wrapLabel('short text')).toEqual({ lines: ['short text'], truncated: false });
    const long = wrapLabel('слово '.repeat(40), 20, 3);
    expect(long.lines).toHaveLength(3);
    expect(long.truncated).toBe(true);
    expect(long.lines[2]!.endsWith('…')).toBe(true);
    for (const line of long.lines) expect(line.length).toBeLessThanOrEqual(20);
    expect(wrapLabel('x'.repeat(50), 20).lines).toEqual(['x'.repeat(20), 'x'.repeat(20), 'x'.repeat(10)]);
  });
});
