import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compilePaths } from '../src/compile/compile.js';
import { searchDocuments } from '../src/search/documents.js';
import { buildIndex, search } from '../src/search/search.js';
import { compileSynonyms } from '../src/search/synonyms.js';
import { readTemplates } from '../src/search/templates.js';

interface Case {
  query: string;
  expect: string;
}

/**
 * Newcomers' queries (test/fixtures/search/queries.yaml) against the bundled instructions: the
 * answer must be among the first three results. Prints the hit rate.
 */
describe('search quality on the bundled instructions', () => {
  it('finds the answer to every newcomer query in the top 3', async () => {
    const cases = parse(readFileSync('test/fixtures/search/queries.yaml', 'utf8')) as Case[];
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const { graph, root } = await compilePaths(['instructions'], { cwd: process.cwd(), cache: false });
    const index = buildIndex(searchDocuments(graph, await readTemplates(graph, root)));
    const synonyms = compileSynonyms(graph.documents.flatMap((d) => d.synonyms ?? []));
    const misses: string[] = [];
    for (const c of cases) {
      const top = search(index, c.query, { synonyms, limit: 3 }).map((h) => h.doc.task ?? h.doc.section ?? h.doc.id);
      if (!top.includes(c.expect)) misses.push(`«${c.query}»: expected ${c.expect}, got ${top.join(', ') || 'nothing'}`);
    }
    const hits = cases.length - misses.length;
    console.log(`search quality: ${hits}/${cases.length} queries answered in the top 3 (${((100 * hits) / cases.length).toFixed(1)}%)`);
    expect(misses).toEqual([]);
  });
});
