import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { afterAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

const root = mkdtempSync(join(tmpdir(), 'instr-md-'));
mkdirSync(join(root, 'templates'));
writeFileSync(join(root, 'templates', 'form.md'), '# form');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const plain = new Chalk({ level: 0 });
const ctx = { color: plain, root, cwd: root };
const pos = { file: 'x.md', line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };

describe('step Markdown for the terminal', () => {
  it('shows links with their target, template links as paths that exist', () => {
    const links = [
      { url: 'templates/form.md', text: 'the form', resolved: 'templates/form.md', position: pos },
      { url: 'templates/gone.md', text: 'gone', resolved: 'templates/gone.md', position: pos },
    ];
    const out = renderMarkdown('Fill in [the form](templates/form.md), see [site](https://example.com) and [gone](templates/gone.md).', { ...ctx, links });
    expect(out).toEqual(['Fill in the form (templates/form.md), see site (https://example.com) and gone (templates/gone.md ✗).']);
  });

  it('renders lists with markers and nesting, and emphasis with colour when allowed', () => {
    expect(renderMarkdown('- one\n- two\n  1. a\n  2. b', ctx)).toEqual(['• one', '• two', '  1. a', '  2. b']);
    const color = new Chalk({ level: 1 });
    expect(renderMarkdown('**bold** and _it_', { ...ctx, color })[0]).toBe(`${color.bold('bold')} and ${color.italic('it')}`);
  });

  it('neutralises escape sequences and control characters from the instruction', () => {
    const out = renderMarkdown('Clear \u001b[2J screen \u001b]0;title\u0007 and `code\u001b[1A`', ctx).join('\n');
    expect(out).not.toMatch(/\u001b|\u0007/);
    expect(out).toContain('Clear  screen');
  });
});
