import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instr, tempFolder } from '../hostile/hostile-helpers.js';

const folder = tempFolder('cache-e2e');
afterAll(() => folder.cleanup());
const doc = '---\nid: doc\ntitle: Doc\nlang: en\n---\n\n## Tasks {.tasks}\n\n### Do it {#do-it}\n\n1. Greet the client.\n';
const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : []);

describe('the cache, through the real binary', () => {
  it('is written under .instr/cache by default, and --no-cache neither reads nor writes it', () => {
    folder.write('doc.md', doc);
    const own = join(folder.dir, '.instr', 'cache');
    const env = { INSTR_CACHE_DIR: '' };
    expect(instr(folder.dir, ['--no-cache', 'compile', 'doc.md', '--quiet'], env).code).toBe(0);
    expect(entries(own)).toEqual([]);
    const cold = instr(folder.dir, ['compile', 'doc.md'], env);
    expect(entries(own)).toHaveLength(1);
    const warm = instr(folder.dir, ['compile', 'doc.md'], env);
    expect(warm.stdout).toBe(cold.stdout);
    // A garbled entry is rebuilt, with the same output.
    const entry = join(own, entries(own)[0]!);
    writeFileSync(entry, readFileSync(entry, 'utf8').slice(0, 100));
    expect(instr(folder.dir, ['compile', 'doc.md'], env).stdout).toBe(cold.stdout);
    expect(readFileSync(entry, 'utf8').length).toBeGreaterThan(100);
  });

  it('an edited file is compiled afresh', () => {
    folder.write('doc.md', doc);
    const before = instr(folder.dir, ['list', 'doc.md']);
    folder.write('doc.md', doc.replace('Do it', 'Do it now'));
    const after = instr(folder.dir, ['list', 'doc.md']);
    expect(before.stdout).toContain('Do it');
    expect(after.stdout).toContain('Do it now');
  });
});
