import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mermaidBlocks, mermaidParse } from '../support/mermaid-parser.js';
import { projectRoot, runCli } from '../support/cli.js';

const base = readFileSync(join(projectRoot, 'test/fixtures/diff/base/client.md'), 'utf8');
const temp = mkdtempSync(join(tmpdir(), 'instr-diff-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let repos = 0;
/** A git repository whose first commit holds instructions/client.md = the base fixture. */
function repository(): { dir: string; git: (...args: string[]) => string; write: (file: string, text: string) => void; commit: (message: string) => void } {
  const dir = join(temp, `repo${++repos}`);
  mkdirSync(join(dir, 'instructions'), { recursive: true });
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: temp,
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  const write = (file: string, text: string) => writeFileSync(join(dir, 'instructions', file), text);
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
  };
  git('init', '-q', '-b', 'main');
  write('client.md', base);
  commit('base');
  return { dir, git, write, commit };
}

const edit = (from: string, to: string, text = base) => {
  if (!text.includes(from)) throw new Error(`fixture does not contain: ${from}`);
  return text.replace(from, to);
};

interface JsonDiff {
  changed: boolean;
  summary: Record<string, number>;
  tasks: Array<{
    id: string;
    status: string;
    beforeTitle?: string;
    beforeFile?: string;
    file: string;
    fields: unknown[];
    nodes: Array<Record<string, unknown>>;
    paths: Array<Record<string, unknown>>;
  }>;
}

const json = async (args: string[], cwd: string): Promise<JsonDiff> => {
  const result = await runCli(['diff', ...args, '--format', 'json'], { cwd });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as JsonDiff;
};

describe('instr diff (in temporary git repositories)', () => {
  it('reports a step added in the middle as exactly one insertion, between two commits and against the working tree', async () => {
    const repo = repository();
    repo.write('client.md', edit('2. Сверить заявку с тарифом клиента.\n', '2. Сверить заявку с тарифом клиента.\n3. Уточнить у клиента срок.\n'));
    const worktree = await json(['main'], repo.dir);
    expect(worktree.tasks).toHaveLength(1);
    expect(worktree.tasks[0]!.nodes).toEqual([
      expect.objectContaining({ status: 'added', kind: 'step', after: expect.objectContaining({ text: 'Уточнить у клиента срок.' }) }),
    ]);
    repo.commit('add a step');
    const commits = await json(['HEAD~1', 'HEAD'], repo.dir);
    expect(commits.tasks).toEqual(worktree.tasks);
    expect(commits.summary).toMatchObject({ nodesAdded: 1, nodesRemoved: 0, nodesChanged: 0 });
    // The working tree was not touched by reading the old revision.
    expect(readFileSync(join(repo.dir, 'instructions/client.md'), 'utf8')).toContain('3. Уточнить у клиента срок.');
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('reports a relabelled option and a retargeted jump with the path that now leads elsewhere, as text', async () => {
    const repo = repository();
    repo.write('client.md', edit('  - Нет\n    ::goto[#invoice]\n', '  - Нет\n    ::goto[#unhappy]\n', edit('- Да, входит\n', '- Да, в тарифе\n')));
    repo.commit('relabel, retarget');
    const text = await runCli(['diff', 'HEAD~1', 'HEAD'], { cwd: repo.dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Изменения в инструкциях: HEAD~1 → HEAD');
    expect(text.stdout).toContain('~ вариант переименован: «Да, входит» → «Да, в тарифе»');
    expect(text.stdout).toContain('~ цель перехода: #invoice → #unhappy');
    expect(text.stdout).toContain(
      '«Клиент согласен оплатить?» = «Нет» → стало: Перейти к #unhappy (Клиент недоволен) (было: Перейти к #invoice (Выставить счёт))',
    );
  });

  it('reports a renamed task and a task moved to another file', async () => {
    const repo = repository();
    const start = base.indexOf('### Выставить счёт {#invoice}');
    const end = base.indexOf('### Заказать технику');
    const invoice = base.slice(start, end).replace('### Выставить счёт {#invoice}', '### Выставить счёт клиенту {#invoice}');
    repo.write('client.md', base.slice(0, start) + base.slice(end));
    repo.write('billing.md', `---\nid: billing\ntitle: Счета\nlang: ru\n---\n\n## Задачи {.tasks}\n\n${invoice}`);
    repo.commit('move invoice');
    const diff = await json(['HEAD~1', 'HEAD'], repo.dir);
    expect(diff.tasks).toEqual([
      expect.objectContaining({
        id: 'invoice',
        status: 'changed',
        title: 'Выставить счёт клиенту',
        beforeTitle: 'Выставить счёт',
        file: 'billing.md',
        beforeFile: 'client.md',
        nodes: [],
        paths: [],
      }),
    ]);
  });

  it('reports a changed schedule', async () => {
    const repo = repository();
    repo.write('client.md', edit('rrule="FREQ=MONTHLY;BYDAY=-1FR" time="10:00"', 'rrule="FREQ=MONTHLY;BYDAY=-2FR" time="10:00"'));
    repo.commit('schedule');
    const diff = await json(['HEAD~1'], repo.dir);
    expect(diff.tasks).toEqual([
      expect.objectContaining({
        id: 'equipment',
        fields: [
          {
            field: 'schedule',
            before: 'В последнюю пятницу каждого месяца (FREQ=MONTHLY;BYDAY=-1FR 10:00)',
            after: 'В последнюю пятницу каждого месяца (FREQ=MONTHLY;BYDAY=-2FR 10:00)',
          },
        ],
      }),
    ]);
  });

  it('writes a Markdown PR comment whose Mermaid diagrams Mermaid parses', async () => {
    const repo = repository();
    repo.write(
      'client.md',
      edit(
        '  - Нет\n    ::goto[#invoice]\n',
        '  - Нет\n    ::end[Клиент отказался]{status=cancelled}\n',
        edit('3. Записать заявку в CRM.\n', '3. Записать заявку и контакты клиента в CRM.\n'),
      ),
    );
    const result = await runCli(['diff', 'main', '--format', 'markdown'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('### Изменения в инструкциях: `main` → `рабочая копия`');
    expect(result.stdout).toContain('| Задачи | 0 | 0 | 1 |');
    expect(result.stdout).toContain('~ ведёт к: <del>#invoice</del> → <ins>«Клиент отказался» (cancelled)</ins>');
    const blocks = mermaidBlocks(result.stdout);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatch(/class n\d+,n\d+ changed/);
    await mermaidParse(blocks[0]!);
  });

  it('exits 0 with no changes, and with --exit-code 1 only when something changed', async () => {
    const repo = repository();
    expect(await runCli(['diff', 'main', '--exit-code'], { cwd: repo.dir })).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Инструкции не изменились.'),
    });
    repo.write('client.md', edit('Обращаться к клиенту на «вы».', 'Обращаться к клиенту на «вы» и по имени.'));
    expect((await runCli(['diff', 'main'], { cwd: repo.dir })).code).toBe(0);
    const changed = await runCli(['diff', 'main', '--exit-code'], { cwd: repo.dir });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('~ раздел «Нормы общения»');
  });

  it('compares two folders without git', async () => {
    const diff = await json(['test/fixtures/diff/base', 'test/fixtures/diff/changed'], projectRoot);
    expect(diff.summary).toMatchObject({ tasksChanged: 3, nodesAdded: 1, nodesChanged: 3, pathsChanged: 1 });
  });

  it('exits 2 with a clear message for an unknown revision and for a folder outside a repository', async () => {
    const repo = repository();
    const unknown = await runCli(['diff', 'no-such-branch'], { cwd: repo.dir });
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    // the instructions are Russian: so is the screen (docs/screen-language.md)
    expect(unknown.stderr).toContain('Ревизии «no-such-branch» нет');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    const outside = join(temp, 'not-a-repo');
    mkdirSync(join(outside, 'instructions'), { recursive: true });
    cpSync(join(projectRoot, 'test/fixtures/diff/base/client.md'), join(outside, 'instructions/client.md'));
    const result = await runCli(['diff', 'main'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: temp } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('не лежит в репозитории git');
    const english = await runCli(['diff', 'main', '--lang', 'en'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: temp } });
    expect(english.stderr).toContain('is not inside a git repository');
    expect((await runCli(['diff', 'main', '--format', 'yaml'], { cwd: repo.dir })).code).toBe(2);
  });
  // Regression: --max-depth reached the working tree's compile through process.env but not the
  // revision's, so a file too deep for the limit showed as removed; and the message about the
  // working tree carried the NUL of an internal placeholder.
  it('applies a global --max-depth to both sides, and names the working tree in plain words', async () => {
    const repo = repository();
    const deep =
      '---\nid: deep\ntitle: Deep\nlang: en\n---\n\n## Tasks {.tasks}\n\n### Deep {#deep}\n\n1. One\n   - two\n     - three\n       - four\n         - five\n';
    repo.write('deep.md', deep);
    repo.commit('deep');
    const limited = await runCli(['--max-depth', '3', 'diff', 'HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(limited.stderr).not.toContain('\0');
    // said in the folder's language (its first instruction is Russian; docs/screen-language.md)
    expect(limited.stderr).toContain('в прежней версии (HEAD)');
    expect(limited.stderr).toContain('в новой версии (working tree)');
    expect(limited.code).toBe(0);
    expect((JSON.parse(limited.stdout) as JsonDiff).changed).toBe(false);
    const text = await runCli(['--max-depth', '3', 'diff', 'HEAD'], { cwd: repo.dir });
    expect(text.stderr).not.toContain('\0');
  });
});

describe('.github/workflows/instructions.yml', () => {
  it('runs lint, the scenarios and the diff with commands and options the CLI has', async () => {
    const { parse } = await import('yaml');
    const workflow = parse(readFileSync(join(projectRoot, '.github/workflows/instructions.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown>; run?: string }> }>;
    };
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    const steps = Object.values(workflow.jobs)[0]!.steps;
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with).toMatchObject({ 'fetch-depth': 0 });
    const runs = steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs).toContain('npm ci');
    const instr = runs.filter((r) => r.startsWith('npx instr '));
    expect(instr.map((r) => r.split(' ')[2])).toEqual(['lint', 'test', 'diff']);
    expect(instr[2]).toContain('--format markdown >> "$GITHUB_STEP_SUMMARY"');
    for (const run of instr) {
      const command = run.split(' ')[2]!;
      const help = await runCli([command, '--help']);
      expect(help.code).toBe(0);
      for (const flag of run.match(/--[a-z-]+/g) ?? []) expect(help.stdout).toContain(flag);
    }
  });
});
