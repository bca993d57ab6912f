import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catFileBatch } from './cat-file-batch.js';

const dir = mkdtempSync(join(tmpdir(), 'instr-cat-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir } }).trim();
git('init', '-q');
const store = (name: string, bytes: Buffer) => {
  writeFileSync(join(dir, name), bytes);
  return git('hash-object', '-w', name);
};

describe('catFileBatch', () => {
  it('returns every object in the order asked, byte for byte, with null for a missing one', async () => {
    // Bytes that look like the batch format's own headers and line ends must come through unchanged.
    const big = Buffer.alloc(3 * 1024 * 1024 + 7, 0x0a);
    big.write('0000 blob 12\nmissing\n', 1000);
    const objects = [store('empty', Buffer.alloc(0)), store('big', big), store('text', Buffer.from('---\nid: a\n')), '0'.repeat(40)];
    const got = await catFileBatch([...objects, objects[2]!], dir);
    expect(got.map((b) => b?.length ?? null)).toEqual([0, big.length, 10, null, 10]);
    expect(got[1]!.equals(big)).toBe(true);
    expect(got[4]!.toString('utf8')).toBe('---\nid: a\n');
  });

  it('accepts object ids only, so nothing can be read as a revision expression', async () => {
    await expect(catFileBatch(['HEAD'], dir)).rejects.toThrow(/not an object id/);
    await expect(catFileBatch(['a'.repeat(40) + '\nHEAD'], dir)).rejects.toThrow(/not an object id/);
    expect(await catFileBatch([], dir)).toEqual([]);
  });

  it("fails with git's reason outside a repository", async () => {
    await expect(catFileBatch(['a'.repeat(40)], tmpdir())).rejects.toThrow(/git cat-file --batch ended with code/);
  });
});
