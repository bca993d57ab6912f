import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBenchInstruction, writeJournal } from '../../bench/report.js';
import { compilePaths } from '../compile/compile.js';
import type { Graph } from '../graph/types.js';
import { buildReport } from './build.js';
import { loadRuns } from './load-runs.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-scale-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function timeReport(graph: Graph, path: string): Promise<{ ms: number; runs: number }> {
  let best = Infinity;
  let runs = 0;
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const loaded = await loadRuns(path);
    const report = buildReport(graph, loaded.runs.values(), { since: '2026-01-01', until: '2026-11-27', today: '2026-11-27', journal: { path, missing: false, stats: loaded.stats } });
    best = Math.min(best, performance.now() - t);
    runs = report.tasks.reduce((n, x) => n + x.started, 0) + report.scriptedRuns;
  }
  return { ms: best, runs };
}

describe('the report on a large journal', () => {
  it('takes time in proportion to the number of runs (5 000 runs vs 1 000)', async () => {
    const { graph } = await compilePaths([writeBenchInstruction(temp)]);
    const small = join(temp, 'small.jsonl');
    const large = join(temp, 'large.jsonl');
    writeJournal(small, graph, 1000, 7);
    writeJournal(large, graph, 5000, 7);
    await timeReport(graph, small); // warm up the JIT and the zone caches
    const a = await timeReport(graph, small);
    const b = await timeReport(graph, large);
    expect(a.runs).toBe(1000);
    expect(b.runs).toBe(5000);
    // Linear is 5×; a quadratic fold would be 25×. Generous: CI machines are noisy.
    expect(b.ms / Math.max(a.ms, 1)).toBeLessThan(15);
    expect(b.ms).toBeLessThan(5000);
  });
});
