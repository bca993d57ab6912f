import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../hostile/hostile-helpers.js';
import { runCli } from '../support/cli.js';

const folder = tempFolder('cache-e2e');
afterAll(() => folder.cleanup());
const doc = '---\nid: doc\ntitle: Doc\nlang: en\n---\n\n## Tasks {.tasks}\n\n### Do it {#do-it}\n\n1. Greet the client.\n';
const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : []);

describe('the cache', () => {
  it('is written under the user cache folder by default (never the working tree), and --no-cache neither reads nor writes it', async () => {
    folder.write('doc.md', doc);
    const own = join(folder.dir, 'xdg', 'instr');
    const env = { INSTR_CACHE_DIR: '', XDG_CACHE_HOME: join(folder.dir, 'xdg') };
    expect((await runCli(['--no-cache', 'compile', 'doc.md', '--quiet'], { cwd: folder.dir, env })).code).toBe(0);
    expect(entries(own)).toEqual([]);
    const cold = await runCli(['compile', 'doc.md'], { cwd: folder.dir, env });
    expect(entries(own)).toHaveLength(1);
    const warm = await runCli(['compile', 'doc.md'], { cwd: folder.dir, env });
    expect(warm.stdout).toBe(cold.stdout);
    // A garbled entry is rebuilt, with the same output.
    const entry = join(own, entries(own)[0]!);
    writeFileSync(entry, readFileSync(entry, 'utf8').slice(0, 100));
    expect((await runCli(['compile', 'doc.md'], { cwd: folder.dir, env })).stdout).toBe(cold.stdout);
    expect(readFileSync(entry, 'utf8').length).toBeGreaterThan(100);
    expect(existsSync(join(folder.dir, '.instr', 'cache'))).toBe(false);
  });

  it('an edited file is compiled afresh', async () => {
    folder.write('doc.md', doc);
    const before = await runCli(['list', 'doc.md'], { cwd: folder.dir });
    folder.write('doc.md', doc.replace('Do it', 'Do it now'));
    const after = await runCli(['list', 'doc.md'], { cwd: folder.dir });
    expect(before.stdout).toContain('Do it');
    expect(after.stdout).toContain('Do it now');
  });
});
