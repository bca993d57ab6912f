import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs module without types
import { writeInstructions } from '../../bench/generate.mjs';
import { binPath, scale, tempFolder } from './hostile-helpers.js';

/** Worker threads exist only in the build (dist/bundle/worker.js), so this imports the build. */
type Api = typeof import('../../src/api.js');
const dist = join(dirname(dirname(binPath)), 'dist/bundle/api.js');
const { compilePaths } = (await import(pathToFileURL(dist).href)) as Api;

const folder = tempFolder('workers');
afterAll(() => folder.cleanup());
const generate = writeInstructions as (dir: string, o: { files: number; bytesPerFile: number; seed?: number }) => number;

describe('parsing in worker threads', () => {
  const dir = join(folder.dir, 'three');
  mkdirSync(dir);
  // test:slow parses 300 KB in the workers; by default 75 KB, through the same code
  generate(dir, { files: 3, bytesPerFile: scale(25_000, 100_000), seed: 3 });

  it('gives exactly the graph and diagnostics of a single thread', async () => {
    // No parse deadline here: on a loaded machine the default one could stop a parse, and this test is about equality.
    const noDeadline = 3_600_000;
    const single = await compilePaths([dir], { cwd: folder.dir, cache: false, workers: 0, parseTimeoutMs: noDeadline });
    const parallel = await compilePaths([dir], { cwd: folder.dir, cache: false, workers: 2, parseTimeoutMs: noDeadline });
    expect(single.graph.tasks.length).toBeGreaterThan(scale(12, 50));
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(single));
  });

  it('stops a parse that runs past its deadline, reports it per file, and does not cache it', async () => {
    const cacheDir = join(folder.dir, 'cache');
    const r = await compilePaths([dir], { cwd: folder.dir, cacheDir, workers: 2, parseTimeoutMs: 1 });
    const timeouts = r.diagnostics.filter((d) => d.rule === 'parse-timeout');
    // the generated instructions are Russian: so is what is said about them
    expect(timeouts.map((d) => d.file).sort()).toEqual(['three/part-001.md', 'three/part-002.md', 'three/part-003.md']);
    expect(timeouts[0]).toMatchObject({ line: 1, column: 1, severity: 'error', message: expect.stringContaining('Разбор шёл дольше') });
    let entries: string[] = [];
    try {
      entries = readdirSync(cacheDir).filter((n) => n.endsWith('.json'));
    } catch {
      // no folder: nothing cached, as it should be
    }
    expect(entries).toEqual([]);
  });

  it('a file whose parse outgrows the worker heap gets a diagnostic; the process and the other files go on', async () => {
    // The default cap is 2 GB (src/compile/worker-pool.ts); 16 MB is too little for 40 000 tiny
    // paragraphs (120 KB), enough for a small instruction.
    const big = join(folder.dir, 'heap');
    mkdirSync(big);
    writeFileSync(join(big, 'dense.md'), `---\nid: dense\ntitle: Dense\nlang: en\n---\n\n${`# h\n\n${'a\n\n'.repeat(1000)}`.repeat(40)}`);
    generate(join(big, 'small'), { files: 1, bytesPerFile: 2_000, seed: 6 });
    const r = await compilePaths([big], { cwd: folder.dir, cache: false, workers: 1, parseTimeoutMs: 3_600_000, workerHeapMb: 16 });
    expect(r.diagnostics.filter((d) => d.rule === 'too-large')).toEqual([
      expect.objectContaining({ file: 'heap/dense.md', line: 1, column: 1, severity: 'error', message: expect.stringContaining('ran out of memory') }),
    ]);
    expect(r.graph.tasks.length).toBeGreaterThan(0);
    expect(r.graph.tasks.every((t) => t.file === 'small/part-001.md')).toBe(true);
  });
});
