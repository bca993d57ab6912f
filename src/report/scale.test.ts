import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBenchInstruction, writeJournal } from '../../bench/report.js';
import { compilePaths } from '../compile/compile.js';
import type { Graph } from '../graph/types.js';
import { buildReport } from './build.js';
import { loadRuns } from '../journal/load-runs.js';
import { scale } from '../../test/support/scale.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-scale-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Counts the runs the report sees; the time it takes is measured by `npm run bench:report`, not here. */
async function countRuns(graph: Graph, path: string): Promise<{ runs: number; events: number }> {
  const loaded = await loadRuns(path);
  const report = buildReport(graph, loaded.runs.values(), {
    since: '2026-01-01',
    until: '2026-11-27',
    today: '2026-11-27',
    journal: { path, missing: false, stats: loaded.stats },
  });
  return { runs: report.tasks.reduce((n, x) => n + x.started, 0), events: loaded.stats?.events ?? 0 };
}

describe('the report on a large journal', () => {
  // 1 000 and 5 000 runs under test:slow; 200 and 1 000 by default, through the same code
  const [few, many] = [scale(200, 1000), scale(1000, 5000)];
  it(`counts every run of a ${many}-run journal, reading each event once`, async () => {
    const { graph } = await compilePaths([writeBenchInstruction(temp)]);
    const small = join(temp, 'small.jsonl');
    const large = join(temp, 'large.jsonl');
    writeJournal(small, graph, few, 7);
    writeJournal(large, graph, many, 7);
    const a = await countRuns(graph, small);
    const b = await countRuns(graph, large);
    expect(a.runs).toBe(few);
    expect(b.runs).toBe(many);
    // Work in proportion to the runs: the same generator gives five times the events, each read once.
    expect(b.events / a.events).toBeGreaterThan(4);
    expect(b.events / a.events).toBeLessThan(6);
  });
});
