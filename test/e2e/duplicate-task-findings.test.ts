/**
 * Nothing the author wrote vanishes silently: a task left out because its id is taken (in its own
 * file or in another) still has its roles and jumps checked, so their mistakes are reported; and
 * what linking finds is said in the language of the file it is in.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compilePaths } from '../../src/compile/compile.js';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-dup-findings-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const head = (id: string, lang: 'ru' | 'en') =>
  `---\nid: ${id}\ntitle: ${id}\nlang: ${lang}\nowner: boss\nroles:\n  boss:\n    title: ${lang === 'ru' ? 'Начальник' : 'Boss'}\n---\n\n## Tasks {.tasks}\n\n`;

function folder(): string {
  const dir = mkdtempSync(join(temp, 'f-'));
  writeFileSync(
    join(dir, 'a.md'),
    `${head('a', 'ru')}### Первая {#t1}\n\n::when[Клиент пришёл]\n\n1. Сделать.\n\n### Вторая {#t1}\n\n::when[Клиент ушёл]\n\n1. Сделать другое.\n2. ::escalate[Позвать]{role=ghost}\n`,
  );
  writeFileSync(
    join(dir, 'b.md'),
    `${head('b', 'ru')}### Снова первая {#t1}\n\n::when[Клиент позвонил]\n\n1. Ответить.\n2. ::escalate[Позвать]{role=nobody}\n3. ::goto[#nowhere]\n`,
  );
  writeFileSync(join(dir, 'c.md'), `${head('c', 'en')}### Third {#t3}\n\n::when[A client wrote]\n\n1. Answer.\n2. ::escalate[Call]{role=stranger}\n`);
  return dir;
}

describe('a task left out for a repeated id still has its roles and jumps checked', () => {
  it('reports them, each in its file’s language, next to the repeated id', async () => {
    const dir = folder();
    const r = await runCli(['lint', '.', '--no-cache', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as Array<{ file: string; line: number; rule: string; message: string }>).map(
      (d) => `${d.file}:${d.line} ${d.rule} ${d.message}`,
    );
    const at = (prefix: string) => findings.filter((f) => f.startsWith(prefix));
    // the repeated id in the same file, and the role in the task it leaves out
    expect(at('a.md:19 duplicate-id')).toHaveLength(1);
    expect(at('a.md:24 unknown-role')).toEqual(['a.md:24 unknown-role Роли «ghost» нет в «roles» титульного блока (есть: boss)']);
    // the repeated id in another file, and the role and jump of the task it leaves out
    expect(at('b.md:13 duplicate-id')).toEqual(['b.md:13 duplicate-id Id «t1» повторяется: он уже есть в a.md:13:1']);
    expect(at('b.md:18 unknown-role')).toEqual(['b.md:18 unknown-role Роли «nobody» нет в «roles» титульного блока (есть: boss)']);
    expect(at('b.md:19 dangling-jump')).toHaveLength(1);
    expect(at('b.md:19 dangling-jump')[0]).toContain('Переход к «#nowhere», но такого id нет ни у задачи, ни у шага');
    // an English file's finding stays English
    expect(at('c.md:18 unknown-role')).toEqual(['c.md:18 unknown-role Role "stranger" is not defined in the front matter\'s roles (defined: boss)']);
  });

  it('the graph keeps the first task of the id, and no node of the ones left out', async () => {
    const { graph } = await compilePaths(['.'], { cwd: folder(), cache: false, workers: 0 });
    expect(graph.tasks.filter((t) => t.id === 't1').map((t) => `${t.file} ${t.title}`)).toEqual(['a.md Первая']);
    const texts = Object.values(graph.nodes).map((n) => (n.kind === 'step' ? n.markdown : n.kind === 'escalation' ? n.role : n.id));
    expect(texts).not.toContain('Сделать другое.');
    expect(texts).not.toContain('ghost');
    expect(texts).not.toContain('nobody');
    expect(texts).toContain('stranger');
  });
});
