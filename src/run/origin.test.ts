import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Graph } from '../graph/types.js';
import { contentHash, gitRevision, newRunId } from './origin.js';

const outside = mkdtempSync(join(tmpdir(), 'instr-origin-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

function graphOf(docs: Array<[string, string]>): Graph {
  return {
    format: 'instr-graph',
    version: 1,
    tasks: [],
    nodes: {},
    documents: docs.map(([file, hash]) => ({ file, hash, id: file, title: file, lang: 'en', roles: {}, sections: [], comments: [] })),
  };
}

describe('run origin', () => {
  it("hashes the documents' hashes regardless of their order, and changes when one changes", () => {
    const a = contentHash(
      graphOf([
        ['a.md', '1'],
        ['b.md', '2'],
      ]),
    );
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(
      contentHash(
        graphOf([
          ['b.md', '2'],
          ['a.md', '1'],
        ]),
      ),
    ).toBe(a);
    expect(
      contentHash(
        graphOf([
          ['a.md', '1'],
          ['b.md', '3'],
        ]),
      ),
    ).not.toBe(a);
  });

  it('makes time-sortable run ids', () => {
    expect(newRunId(new Date('2026-11-27T10:15:00.123Z'), 'a1b2c3')).toBe('20261127T101500Z-a1b2c3');
    expect(newRunId(new Date('2026-11-27T10:15:00Z'))).toMatch(/^20261127T101500Z-[0-9a-f]{6}$/);
  });

  it('reads the git revision inside a work tree and gives null outside one', async () => {
    expect(await gitRevision(outside)).toBeNull();
    const inside = await gitRevision(fileURLToPath(new URL('../../', import.meta.url)));
    expect(inside === null || /^[0-9a-f]{40}$/.test(inside)).toBe(true);
  });

  // Regression: origin.ts ran its own execFileSync('git'); it now goes through git/git.ts.
  it('reads the commit of a fresh repository through the git helper', async () => {
    const repo = join(outside, 'repo');
    mkdirSync(repo);
    const g = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
    g('init', '--quiet');
    writeFileSync(join(repo, 'a.md'), 'a\n');
    g('add', 'a.md');
    g('commit', '--quiet', '-m', 'a');
    expect(await gitRevision(repo)).toBe(g('rev-parse', 'HEAD').trim());
    // git is not started outside a repository, but every place git finds one is still asked:
    // a folder below the work tree, a bare repository, and GIT_DIR pointing elsewhere.
    const head = g('rev-parse', 'HEAD').trim();
    mkdirSync(join(repo, 'deep', 'er'), { recursive: true });
    expect(await gitRevision(join(repo, 'deep', 'er'))).toBe(head);
    const bare = join(outside, 'bare.git');
    execFileSync('git', ['clone', '--quiet', '--bare', repo, bare]);
    expect(await gitRevision(bare)).toBe(head);
    const away = join(outside, 'away');
    mkdirSync(away);
    process.env['GIT_DIR'] = join(repo, '.git');
    try {
      expect(await gitRevision(away)).toBe(head);
    } finally {
      delete process.env['GIT_DIR'];
    }
    expect(await gitRevision(away)).toBeNull();
  });
});
