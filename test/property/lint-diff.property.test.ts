import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compilePaths } from '../../src/compile/compile.js';
import { diffGraphs } from '../../src/diff/diff-graphs.js';
import { resolveConfig } from '../../src/lint/config.js';
import { lintCompiled } from '../../src/lint/linter.js';
import { instructionMarkdown } from './markdown-arbitrary.js';
import { propertyRuns } from '../support/scale.js';

const dir = mkdtempSync(join(tmpdir(), 'instr-property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function compileOnDisk(text: string) {
  writeFileSync(join(dir, 'doc.md'), text);
  return compilePaths(['doc.md'], { cwd: dir, cache: false });
}

describe('lint and diff, on random instruction-like Markdown', () => {
  it('lint never throws and no rule fails: only diagnostics', async () => {
    const config = resolveConfig({});
    await fc.assert(
      fc.asyncProperty(instructionMarkdown, async (text) => {
        const compiled = await compileOnDisk(text);
        const diagnostics = await lintCompiled(compiled, { config, today: '2026-11-27', cwd: dir });
        for (const d of diagnostics) {
          expect(d.rule).not.toBe('rule-error');
          expect(d.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: propertyRuns(80) },
    );
  });

  it('the diff of a graph with itself is empty', async () => {
    await fc.assert(
      fc.asyncProperty(instructionMarkdown, async (text) => {
        const { graph } = await compileOnDisk(text);
        const diff = diffGraphs(graph, structuredClone(graph), { base: { label: 'a' }, head: { label: 'b' } });
        expect(diff.changed).toBe(false);
        expect(diff.tasks).toEqual([]);
        expect(diff.documents).toEqual([]);
      }),
      { numRuns: propertyRuns(80) },
    );
  });
});
