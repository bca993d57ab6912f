import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instr, scale, stackTrace, tempFolder } from './hostile-helpers.js';

/**
 * `instr diff` between revisions of a repository with many instruction files: every blob is read
 * through one `git cat-file --batch` per revision (one process per file took ~13 s for 1,000
 * files; `npm run bench` measures it, this test checks the result).
 */
const folder = tempFolder('diff-many');
afterAll(() => folder.cleanup());

const files = scale(60, 300);
const doc = (i: number, step = `Step of file ${i}.`) =>
  `---\nid: doc-${i}\ntitle: Document ${i}\nlang: en\n---\n\n## Tasks {.tasks}\n\n### Task ${i} {#task-${i}}\n\n::when[Request ${i} arrives]\n\n1. ${step}\n2. Close it.\n`;

describe(`instr diff over ${files} files`, () => {
  const dir = folder.dir;
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: dir,
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  const write = (name: string, text: string | Buffer) => {
    mkdirSync(join(dir, 'instructions', name, '..'), { recursive: true });
    writeFileSync(join(dir, 'instructions', name), text);
  };

  it('reads every file of both revisions and reports exactly what changed', { timeout: 120_000 }, () => {
    git('init', '-q', '-b', 'main');
    for (let i = 0; i < files; i++) write(`part-${String(i).padStart(3, '0')}.md`, doc(i));
    write('notes.md', 'Not an instruction: no front matter.\n');
    write('empty.md', '');
    write('binary.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0x0a]));
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    write('part-007.md', doc(7, 'A changed step.'));
    const middle = files / 2;
    write(`part-${String(middle).padStart(3, '0')}.md`, doc(middle, 'Another changed step.'));
    rmSync(join(dir, 'instructions', `part-${String(files - 1).padStart(3, '0')}.md`));
    write('sub/new.md', doc(1000));
    git('add', '-A');
    git('commit', '-q', '-m', 'change');

    const r = instr(dir, ['--no-cache', 'diff', 'HEAD~1', 'HEAD', '--format', 'json']);
    expect(r.stderr).not.toMatch(stackTrace);
    const out = JSON.parse(r.stdout) as { changed: boolean; tasks: Array<{ id: string; status: string }> };
    expect(out.changed).toBe(true);
    expect(out.tasks.map((t) => `${t.id} ${t.status}`).sort()).toEqual(
      ['task-1000 added', `task-${middle} changed`, `task-${files - 1} removed`, 'task-7 changed'].sort(),
    );

    // The same revision on both sides: every file read, nothing changed.
    const same = instr(dir, ['--no-cache', 'diff', 'HEAD', 'HEAD', '--format', 'json']);
    expect(JSON.parse(same.stdout)).toMatchObject({ changed: false, tasks: [] });
  });
});
