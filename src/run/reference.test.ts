import { describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import { nodeReferences, referenceSections } from './reference.js';
import { page, pagerCommand } from './pager.js';

describe('what a run lets one open', () => {
  it('a step that links a template offers that file; the document offers its reference sections, not its task lists', async () => {
    const { graph } = await compilePaths(['instructions/client-manager.md'], { cwd: process.cwd() });
    const greet = Object.values(graph.nodes).find((n) => n.task === 'request' && n.kind === 'step' && n.markdown.includes('скрипте приветствия'))!;
    expect(nodeReferences(graph, greet)).toEqual([{ kind: 'file', path: 'templates/greeting-script.md', label: 'скрипте приветствия' }]);
    const sections = referenceSections(graph.documents[0]).map((s) => s.kind ?? s.title);
    expect(sections).toEqual(['Где что находится', 'gaps', 'schedule', 'norms']);
  });
});

describe('the pager', () => {
  const long = `${Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n')}\n`;
  it('prints when stdout is not a terminal, when the text fits, or with PAGER=cat', () => {
    const printed: string[] = [];
    const out = (s: string) => void printed.push(s);
    expect(page(long, { isTTY: false, rows: 40, env: {}, out })).toBe(false);
    expect(page('short\n', { isTTY: true, rows: 40, env: {}, out })).toBe(false);
    expect(page(long, { isTTY: true, rows: 40, env: { PAGER: 'cat' }, out })).toBe(false);
    expect(printed).toEqual([long, 'short\n', long]);
  });
  it('falls back to printing when the pager cannot be started', () => {
    const printed: string[] = [];
    expect(page(long, { isTTY: true, rows: 40, env: { PAGER: 'instr-no-such-pager-here' }, out: (s) => void printed.push(s) })).toBe(false);
    expect(printed).toEqual([long]);
  });
  it('takes $PAGER as a command and its arguments, without a shell; less by default', () => {
    expect(pagerCommand({})).toEqual({ command: 'less', args: [] });
    expect(pagerCommand({ PAGER: 'less -R; rm -rf /' })).toEqual({ command: 'less', args: ['-R;', 'rm', '-rf', '/'] });
    expect(pagerCommand({ PAGER: 'cat' })).toBeNull();
  });
});
