import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openFileCache } from '../../src/cache/file-cache.js';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { openWarmSearch } from '../../src/search/warm.js';

/**
 * A warm `instr search` answers from an index stored under the instructions' bytes without
 * compiling them (src/search/warm.ts). These tests check that it is right, not that it is fast:
 * the timings are in `npm run bench`.
 */
const temp = mkdtempSync(join(tmpdir(), 'instr-search-warm-'));
const saved = process.env['INSTR_CACHE_DIR'];
let dir = '';
let cacheFolder = '';

afterAll(() => {
  if (saved === undefined) delete process.env['INSTR_CACHE_DIR'];
  else process.env['INSTR_CACHE_DIR'] = saved;
  rmSync(temp, { recursive: true, force: true });
});

const file = (id: string, title: string, step: string) =>
  `---\nid: ${id}\ntitle: ${title}\nlang: en\n---\n\n## Tasks {.tasks}\n\n### ${title} {#${id}}\n\n1. ${step}\n2. Write down what was done.\n`;

beforeEach(() => {
  dir = mkdtempSync(join(temp, 'case-'));
  cacheFolder = join(dir, '.cache');
  process.env['INSTR_CACHE_DIR'] = cacheFolder;
  mkdirSync(join(dir, 'instructions/templates'), { recursive: true });
  writeFileSync(join(dir, 'instructions/copier.md'), file('copier', 'Fix the copier', 'Call the technician about the paper jam.'));
  writeFileSync(join(dir, 'instructions/invoice.md'), file('invoice', 'Send an invoice', 'Send the client the [price list](templates/prices.md).'));
  writeFileSync(join(dir, 'instructions/keys.md'), file('keys', 'Hand over the keys', 'Give the keys to the cleaner.'));
  writeFileSync(join(dir, 'instructions/templates/prices.md'), '# Price list\n\nA tax return costs 100.\n');
});

function captured(): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    color: new Chalk({ level: 0 }),
    isTTY: false,
    columns: 100,
    cwd: dir,
    stdout: () => out,
    stderr: () => err,
  };
}

async function instr(...args: string[]) {
  const io = captured();
  const code = await main(['node', 'instr', ...args], io);
  process.exitCode = 0;
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const entries = (ext: string) =>
  readdirSync(cacheFolder)
    .filter((n) => n.endsWith(ext))
    .sort();

async function warmKey(): Promise<string> {
  const { key } = await openWarmSearch(['instructions'], openFileCache(cacheFolder), { cwd: dir });
  return key!;
}

describe('instr search: the index keyed by the files (warm search)', () => {
  it('answers warm exactly as cold, and without compiling: no compiled file is read again', async () => {
    const cold = await instr('search', '--json', 'client', 'technician', 'keys');
    expect(cold.code).toBe(0);
    expect((JSON.parse(cold.stdout) as unknown[]).length).toBe(3);
    // Remove what the compiler cached: a search that compiled would write it again.
    for (const name of entries('.json')) unlinkSync(join(cacheFolder, name));
    const warm = await instr('search', '--json', 'client', 'technician', 'keys');
    expect(warm).toEqual(cold);
    expect(entries('.json')).toEqual([]);
    const text = await instr('search', 'tax', 'return');
    expect(text.stdout).toContain('instr show templates/prices.md');
    expect(await instr('--no-cache', 'search', '--json', 'client', 'technician', 'keys')).toEqual(cold);
  });

  it('indexes again only the file that changed', async () => {
    await instr('search', 'copier');
    const before = new Set([...entries('.bin'), ...entries('.tab')]);
    const tableMtime = Object.fromEntries(entries('.tab').map((n) => [n, statSync(join(cacheFolder, n)).mtimeMs]));
    writeFileSync(join(dir, 'instructions/keys.md'), file('keys', 'Hand over the keys', 'Give the keys to the night watchman.'));
    const after = await instr('search', '--json', 'watchman');
    expect((JSON.parse(after.stdout) as Array<{ task: string }>)[0]!.task).toBe('keys');
    // The changed file's part and the merged index; the changed file's pieces and the index under the new files' key.
    expect(entries('.bin').filter((n) => !before.has(n))).toHaveLength(2);
    expect(entries('.tab').filter((n) => !before.has(n))).toHaveLength(2);
    const rewritten = entries('.tab').filter((n) => tableMtime[n] !== undefined && statSync(join(cacheFolder, n)).mtimeMs !== tableMtime[n]);
    expect(rewritten).toEqual([]);
  });

  it('answers for the files as they are after one is renamed, grows or shrinks', async () => {
    await instr('search', 'keys');
    renameSync(join(dir, 'instructions/keys.md'), join(dir, 'instructions/handover.md'));
    const renamed = JSON.parse((await instr('search', '--json', 'keys')).stdout) as Array<{ file: string }>;
    expect(renamed[0]!.file).toBe('instructions/handover.md');
    // Each file is hashed in a buffer reused from the one before: a longer file after a shorter one, then a shorter one again.
    writeFileSync(join(dir, 'instructions/copier.md'), file('copier', 'Fix the copier', `Call the technician. ${'Check the tray. '.repeat(200)}`));
    expect(JSON.parse((await instr('search', '--json', 'tray')).stdout)[0].task).toBe('copier');
    writeFileSync(join(dir, 'instructions/copier.md'), file('copier', 'Fix the copier', 'Call the technician.'));
    expect((await instr('search', 'tray')).code).toBe(1);
  });

  it('does not use the stored index when a template it indexed changed', async () => {
    expect((await instr('search', 'discount')).code).toBe(1);
    writeFileSync(join(dir, 'instructions/templates/prices.md'), '# Price list\n\nNo discount on a tax return.\n');
    const r = await instr('search', '--json', 'discount');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Array<{ kind: string }>)[0]!.kind).toBe('template');
  });

  it('ignores a forged, tampered or truncated index and builds it again', async () => {
    const cold = await instr('search', '--json', 'copier');
    const key = await warmKey();
    const path = join(cacheFolder, `${key}.tab`);
    const stored = readFileSync(path);
    const newline = stored.indexOf(10);
    const tableLength = Number(/ (\d+)$/.exec(stored.subarray(0, newline).toString('latin1'))![1]);
    const table = stored.subarray(newline + 1, newline + 1 + tableLength);
    const rest = stored.subarray(newline + 1);
    const again = async (bytes: Buffer) => {
      writeFileSync(path, bytes);
      expect(await instr('search', '--json', 'copier')).toEqual(cold);
      expect(readFileSync(path)).toEqual(stored);
    };
    // What a pull request could write: the right key and table, sealed with a plain checksum instead of this machine's secret.
    const plain = createHash('sha256').update(key).update('\0').update(table).digest('hex');
    await again(Buffer.concat([Buffer.from(`instr-cache 2 ${plain} ${tableLength}\n`), rest]));
    // A byte of the body (the first term's postings) changed after sealing: its digest in the table no longer matches.
    const body = Buffer.from(stored);
    body[newline + 1 + tableLength + 4] = body[newline + 1 + tableLength + 4]! ^ 1;
    await again(body);
    // A byte of the table changed (a term).
    const tampered = Buffer.from(stored);
    tampered[newline + 40] = tampered[newline + 40]! ^ 1;
    await again(tampered);
    // Cut short, in the body and in the table.
    await again(stored.subarray(0, stored.length - 9)); // more than the padding after the last array
    await again(stored.subarray(0, newline + 10));
  });

  it('never uses postings whose block does not match its digest, and builds the index again', async () => {
    const cold = await instr('search', '--json', 'copier');
    const path = join(cacheFolder, `${await warmKey()}.tab`);
    const stored = readFileSync(path);
    const newline = stored.indexOf(10);
    const tableLength = Number(/ (\d+)$/.exec(stored.subarray(0, newline).toString('latin1'))![1]);
    const table = JSON.parse(stored.subarray(newline + 1, newline + 1 + tableLength).toString('utf8')) as {
      terms: string[];
      sections: Record<'start' | 'docs', { offset: number }>;
    };
    const body = newline + 1 + tableLength;
    const t = table.terms.indexOf('copier');
    expect(t).toBeGreaterThanOrEqual(0);
    // The first piece number of the term's postings, one bit changed: only the block's digest can tell.
    const first = stored.readUInt32LE(body + table.sections.start.offset + 4 * t);
    const damaged = Buffer.from(stored);
    damaged[body + table.sections.docs.offset + 4 * first]! ^= 1;
    writeFileSync(path, damaged);
    expect(await instr('search', '--json', 'copier')).toEqual(cold);
    expect(readFileSync(path)).toEqual(stored);
  });

  it('never shows a piece whose stored text was changed, and reads it again', async () => {
    const cold = await instr('search', '--json', 'technician');
    expect(cold.stdout).toContain('Call the technician');
    const key = await warmKey();
    const pieces = entries('.tab').filter((n) => n !== `${key}.tab` && readFileSync(join(cacheFolder, n)).includes('technician'));
    expect(pieces).toHaveLength(1);
    const path = join(cacheFolder, pieces[0]!);
    const stored = readFileSync(path);
    // The same length, so that only the piece's digest can tell.
    writeFileSync(path, Buffer.from(stored.toString('latin1').replace('technician', 'TECHNICIAN'), 'latin1'));
    const r = await instr('search', '--json', 'technician');
    expect(r).toEqual(cold);
    expect(r.stdout).not.toContain('TECHNICIAN');
    expect(readFileSync(path)).toEqual(stored);
  });

  it('rebuilds when the pieces a result needs are gone from the cache', async () => {
    const cold = await instr('search', '--json', 'copier');
    const key = await warmKey();
    const pieces = () => entries('.tab').filter((n) => n !== `${key}.tab`);
    expect(pieces().length).toBeGreaterThan(0);
    for (const name of pieces()) unlinkSync(join(cacheFolder, name));
    expect(await instr('search', '--json', 'copier')).toEqual(cold);
    expect(pieces().length).toBeGreaterThan(0);
    expect(await instr('search', '--json', 'copier')).toEqual(cold);
  });

  it('keeps reporting compile errors and the gap procedure from the stored index', async () => {
    writeFileSync(
      join(dir, 'instructions/broken.md'),
      '---\nid: broken\ntitle: Broken\nlang: en\n---\n\n## Tasks {.tasks}\n\n### Jump {#jump}\n\n1. Go on.\n   ::jump[#nowhere]\n',
    );
    const cold = await instr('search', 'nothing-like-this');
    expect(cold.code).toBe(1);
    const warm = await instr('search', 'nothing-like-this');
    expect(warm).toEqual(cold);
  });
});
