import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import { defaultGuardLimits } from '../parse/guard.js';
import { basename } from 'node:path';
import { cacheDir, decodeEntry, encodeEntry, openFileCache } from './file-cache.js';
import { cacheSecret } from './secret.js';

const fixture = fileURLToPath(new URL('../../test/fixtures/compile/request.md', import.meta.url));
let work: string;
let cache: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'instr-cache-'));
  cache = join(work, 'cache');
  cpSync(fixture, join(work, 'request.md'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const compile = (extra: { cache?: boolean } = {}) => compilePaths(['request.md'], { cwd: work, cacheDir: cache, ...extra });
const entries = () =>
  readdirSync(cache)
    .filter((n) => n.endsWith('.json'))
    .map((n) => join(cache, n));

const nameOf = (path: string) => basename(path, '.json');

/** Rewrites an entry's body and signs it with this machine's secret, as a newer compiler would have written it. */
function doctor(path: string, change: (body: Record<string, unknown>) => void): void {
  const raw = readFileSync(path, 'utf8');
  const body = JSON.parse(raw.slice(raw.indexOf('\n') + 1)) as Record<string, unknown>;
  change(body);
  writeFileSync(path, encodeEntry(JSON.stringify(body), cacheSecret(cache)!, nameOf(path)));
}

describe('the cache of compiled files', () => {
  it('lives in the user cache folder (never the working tree), or INSTR_CACHE_DIR', () => {
    expect(cacheDir('/w', {}, () => '/home/u')).toBe(join('/home/u', '.cache', 'instr'));
    expect(cacheDir('/w', { XDG_CACHE_HOME: '/x' }, () => '/home/u')).toBe(join('/x', 'instr'));
    expect(cacheDir('/w', { XDG_CACHE_HOME: 'relative' }, () => '/home/u')).toBe(join('/home/u', '.cache', 'instr'));
    expect(cacheDir('/w', { INSTR_CACHE_DIR: 'c', XDG_CACHE_HOME: '/x' })).toBe(join('/w', 'c'));
  });

  it('ignores an entry signed with a plain checksum or another secret (a forged entry), and one of the wrong shape', async () => {
    const cold = await compile();
    const [entry] = entries();
    const raw = readFileSync(entry!, 'utf8');
    const body = raw.slice(raw.indexOf('\n') + 1).replace(/"title":"[^"]*"/, '"title":"Forged"');
    writeFileSync(entry!, encodeEntry(body, Buffer.alloc(32, 1), nameOf(entry!)));
    expect((await compile()).graph).toEqual(cold.graph);
    writeFileSync(
      entry!,
      encodeEntry(JSON.stringify({ file: 'x', document: null, tasks: [1], nodes: {}, diagnostics: [] }), cacheSecret(cache)!, nameOf(entry!)),
    );
    expect((await compile()).graph).toEqual(cold.graph);
  });

  it('stores one entry per file and serves it on the next run instead of parsing', async () => {
    const cold = await compile();
    expect(entries()).toHaveLength(1);
    doctor(entries()[0]!, (body) => {
      (body['tasks'] as Array<{ title: string }>)[0]!.title = 'From the cache';
    });
    const warm = await compile();
    expect(warm.graph.tasks[0]!.title).toBe('From the cache');
    expect(cold.graph.tasks[0]!.title).not.toBe('From the cache');
    // --no-cache: neither read nor written
    const fresh = await compile({ cache: false });
    expect(fresh.graph).toEqual(cold.graph);
  });

  it('gives the same graph and diagnostics warm as cold, with the display path of this run', async () => {
    writeFileSync(join(work, 'request.md'), `${readFileSync(fixture, 'utf8')}\n### No id here\n`);
    const cold = await compile();
    const warm = await compile();
    expect(warm).toEqual(cold);
    expect(warm.diagnostics.length).toBeGreaterThan(0);
    expect(warm.diagnostics.every((d) => d.file === 'request.md')).toBe(true);
  });

  it('detects a truncated or garbled entry and rebuilds it', async () => {
    const cold = await compile();
    const [entry] = entries();
    const good = readFileSync(entry!, 'utf8');
    for (const broken of [good.slice(0, good.length / 2), good.replace('"request"', '"requesx"'), '', 'instr-cache 1 00\n{}', '\u0000'.repeat(100)]) {
      writeFileSync(entry!, broken);
      expect(decodeEntry(broken, cacheSecret(cache)!, nameOf(entry!))).toBeNull();
      expect(await compile()).toEqual(cold);
      expect(readFileSync(entry!, 'utf8')).toBe(good);
    }
  });

  it('keys entries by content, path, guard limits and tool', () => {
    const c = openFileCache(cache);
    const bytes = new TextEncoder().encode('text');
    const key = c.key('a.md', bytes, defaultGuardLimits);
    expect(c.key('a.md', new TextEncoder().encode('text'), defaultGuardLimits)).toBe(key);
    expect(c.key('b.md', bytes, defaultGuardLimits)).not.toBe(key);
    expect(c.key('a.md', new TextEncoder().encode('texT'), defaultGuardLimits)).not.toBe(key);
    expect(c.key('a.md', bytes, { ...defaultGuardLimits, maxDepth: 3 })).not.toBe(key);
  });

  it('is safe when runs race: every result is complete and no temporary file is left', async () => {
    const runs = await Promise.all(Array.from({ length: 8 }, () => compile()));
    for (const r of runs) expect(r.graph).toEqual(runs[0]!.graph);
    expect(readdirSync(cache).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    for (const e of entries()) expect(decodeEntry(readFileSync(e, 'utf8'), cacheSecret(cache)!, nameOf(e))).not.toBeNull();
  });

  it('an unwritable cache folder only costs speed', async () => {
    writeFileSync(join(work, 'not-a-folder'), '');
    const r = await compilePaths(['request.md'], { cwd: work, cacheDir: join(work, 'not-a-folder', 'cache') });
    expect(r.graph.tasks.length).toBeGreaterThan(0);
  });
});

describe('table entries (a sealed table, a body read in parts)', () => {
  const key = 'a'.repeat(64);
  const write = async () => {
    const c = openFileCache(cache);
    await c.setTable(key, Buffer.from('the table'), [Buffer.from('0123'), Buffer.from('456789')]);
    return c;
  };

  it('gives back the table and any part of the body, and nothing past its end', async () => {
    const c = await write();
    const entry = c.openTable(key)!;
    expect(entry.table.toString()).toBe('the table');
    expect(Buffer.from(entry.read(2, 5)!).toString()).toBe('23456');
    expect(entry.read(8, 3)).toBeNull();
    entry.close();
    expect(c.openTable('b'.repeat(64))).toBeNull();
  });

  it('refuses a table sealed with a plain checksum, changed, moved to another key, or cut short', async () => {
    const c = await write();
    const path = join(cache, `${key}.tab`);
    const stored = readFileSync(path);
    const line = stored.subarray(0, stored.indexOf(10)).toString('latin1');
    const refused = (bytes: Buffer | string, name = key) => {
      writeFileSync(join(cache, `${name}.tab`), bytes);
      return c.openTable(name) === null;
    };
    const { createHash } = await import('node:crypto');
    const plain = createHash('sha256').update(key).update('\0').update('the table').digest('hex');
    expect(refused(`instr-cache 2 ${plain} 9\nthe table0123456789`)).toBe(true);
    expect(refused(stored.toString('latin1').replace('the table', 'THE table'))).toBe(true);
    expect(refused(stored, 'c'.repeat(64))).toBe(true);
    expect(refused(stored.subarray(0, line.length + 5))).toBe(true);
    expect(refused(`${line.replace(/ 9$/, ' 99')}\nthe table`)).toBe(true);
    // The body is not sealed: whoever reads it checks it against digests kept in the table (src/search/warm-file.ts).
    expect(refused(stored.toString('latin1').replace('0123', 'abcd'))).toBe(false);
  });
});
