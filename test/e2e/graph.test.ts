import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromDot } from 'ts-graphviz';
import { afterAll, describe, expect, it } from 'vitest';
import { mermaidParse } from '../support/mermaid-parser.js';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-graph-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const fixture = 'test/fixtures/diff/base';

describe('instr graph', () => {
  it('draws one task, found by id or by words of its title, as Mermaid that Mermaid parses', async () => {
    const byId = await runCli(['graph', 'request', fixture]);
    expect(byId.code).toBe(0);
    expect(byId.stdout.startsWith('flowchart TD\n')).toBe(true);
    expect(byId.stdout).toContain('{"Задача входит в тариф клиента?"}');
    expect(byId.stdout).not.toContain('Заказать технику');
    expect((await runCli(['graph', 'заявки клиентов', fixture])).stdout).toBe(byId.stdout);
    await mermaidParse(byId.stdout);
  });

  it('draws every task as DOT clusters with jumps between them, into a file with --out', async () => {
    const out = join(temp, 'all.dot');
    const result = await runCli(['graph', fixture, '--format', 'dot', '--out', out]);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    const parsed = fromDot(readFileSync(out, 'utf8'));
    expect(parsed.subgraphs.map((s) => String(s.get('label')))).toEqual([
      'Обработать заявку клиента #request',
      'Выставить счёт #invoice',
      'Заказать технику #equipment',
      'Клиент недоволен #unhappy',
    ]);
    expect(parsed.edges.filter((e) => e.attributes.get('style') === 'dashed')).toHaveLength(2);
  });

  it('keeps hostile labels inside their quotes in both formats', async () => {
    const mermaid = await runCli(['graph', 'test/fixtures/diff/hostile']);
    expect(mermaid.code).toBe(0);
    await mermaidParse(mermaid.stdout);
    const dot = await runCli(['graph', 'hostile', 'test/fixtures/diff/hostile', '-f', 'dot']);
    expect(dot.code).toBe(0);
    expect(fromDot(dot.stdout).nodes.length).toBeGreaterThan(5);
  });

  it('exits 2 for an unknown task or format, with help for every option', async () => {
    const unknown = await runCli(['graph', 'nosuchtask', fixture]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Ничего не называется «nosuchtask». Есть:');
    expect(unknown.stderr).toMatch(/request +Обработать заявку клиента \(задача\)/);
    expect((await runCli(['graph', '--format', 'png', fixture])).code).toBe(2);
    const help = await runCli(['graph', '--help']);
    for (const option of ['--format', '--out', '--lang']) expect(help.stdout).toContain(option);
  });
});
