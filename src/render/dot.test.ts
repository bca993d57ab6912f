import { fromDot } from 'ts-graphviz';
import { describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import { indexGraph } from '../graph/query.js';
import { dotString, toDot } from './dot.js';
import { buildFlowchart } from './flowchart.js';

describe('toDot', () => {
  it('draws every task as a cluster that a DOT parser reads back, labels intact', async () => {
    const index = indexGraph((await compilePaths(['test/fixtures/diff/base'])).graph);
    const text = toDot(buildFlowchart(index, index.graph.tasks));
    const parsed = fromDot(text);
    expect(parsed.subgraphs).toHaveLength(4);
    const nodes = parsed.subgraphs.flatMap((s) => s.nodes);
    const decision = nodes.find((n) => n.attributes.get('shape') === 'diamond' && String(n.attributes.get('tooltip')).startsWith('Задача входит'));
    expect(decision?.attributes.get('label')).toBe('Задача входит в тариф клиента?');
    expect(parsed.edges.some((e) => e.attributes.get('style') === 'dashed')).toBe(true);
  });

  it('escapes quotes, backslashes and newlines in hostile labels; the full text stays in the tooltip', async () => {
    const index = indexGraph((await compilePaths(['test/fixtures/diff/hostile'])).graph);
    const text = toDot(buildFlowchart(index, [index.tasks.get('hostile')!]));
    const parsed = fromDot(text);
    // The parser keeps DOT escapes as written; undo them to compare with the instruction's text.
    const unescape = (value: unknown) => String(value).replace(/\\(["\\])/g, '$1');
    const tooltips = parsed.nodes.map((n) => unescape(n.attributes.get('tooltip')));
    expect(tooltips).toContain('Stopped "here" \\ backslash');
    expect(tooltips).toContain('Bring in: The "Boss" <b> — Boss must see {this}');
    expect(tooltips.some((t) => t.startsWith('Say "hello" [then] {braces} (parens) and #hash; semicolon; bold & ampersand'))).toBe(true);
    const long = parsed.nodes.find((n) => unescape(n.attributes.get('tooltip')).startsWith('Прочитать'))!;
    expect(String(long.attributes.get('label'))).toContain('…');
    expect(String(long.attributes.get('tooltip'))).toContain('многоточием в конце последней строки.');
  });

  it('quotes strings the DOT way', () => {
    expect(dotString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c\\nd"');
  });
});
