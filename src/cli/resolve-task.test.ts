import { Chalk } from 'chalk';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { main } from './main.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-resolve-task-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const answers = join(temp, 'answers.yaml');
writeFileSync(answers, '{}\n');

async function stderrOf(argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const io: Io = { out: () => {}, err: (t) => void (err += t), color: new Chalk({ level: 0 }), isTTY: false, columns: 80, cwd: process.cwd() };
  const saved = process.exitCode;
  try {
    return { code: await main(['node', 'instr', ...argv], io), err };
  } finally {
    process.exitCode = saved;
  }
}

// Regression: `instr run` resolved a task with its own code and messages, `graph`/`show` with
// cli/resolve-task.ts; both now pick with pickTask and word the failure with taskQueryError.
describe('a task named on the command line', () => {
  for (const query of ['loop', 'zebra']) {
    it(`"${query}": run and graph stop with the same message and exit 2`, async () => {
      const graph = await stderrOf(['graph', query, 'test/fixtures/run']);
      const run = await stderrOf(['run', query, 'test/fixtures/run', '--answers', answers]);
      expect(graph.code).toBe(2);
      expect(run.code).toBe(2);
      expect(run.err).toBe(graph.err);
      expect(run.err).toContain(query === 'loop' ? 'matches several things' : 'Nothing is called');
    });
  }
});
