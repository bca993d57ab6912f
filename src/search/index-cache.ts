import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { FileCache } from '../cache/file-cache.js';
import { readBuildHash, toolFingerprint } from '../cache/fingerprint.js';
import type { Graph } from '../graph/types.js';
import { searchDocuments, type TemplateFile } from './documents.js';
import { buildIndex, loadIndex, serializeIndex, type SearchIndex } from './search.js';

let fingerprint: string | undefined;

/** The search code itself: a rebuilt instr never reads an index an older one wrote. */
function searchFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256').update(toolFingerprint());
  // In the build, toolFingerprint() already covers all of the code, search included.
  for (const dir of readBuildHash() === null ? ['./', '../text/'] : []) {
    const url = new URL(dir, import.meta.url);
    for (const name of readdirSync(url)
      .filter((n) => /\.(js|ts)$/.test(n) && !n.endsWith('.test.ts'))
      .sort())
      hash
        .update(name)
        .update('\0')
        .update(readFileSync(new URL(name, url)));
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/**
 * The search index of a compiled graph: read from the cache when the same files (and templates)
 * were indexed before, else built and written there. The graph is a pure function of its files'
 * bytes, so their hashes are the key.
 */
export async function searchIndexFor(graph: Graph, templates: TemplateFile[], cache: FileCache | null): Promise<SearchIndex> {
  const key = cache?.combinedKey([
    `search ${searchFingerprint()}`,
    ...graph.documents.map((d) => `file ${d.file}\0${d.hash}`),
    ...templates.map((t) => `template ${t.path}\0${createHash('sha256').update(t.text).digest('hex')}`),
  ]);
  if (cache && key) {
    const text = await cache.getText(key);
    const loaded = text === null ? null : loadIndex(text);
    if (loaded) return loaded;
  }
  const index = buildIndex(searchDocuments(graph, templates));
  if (cache && key) await cache.setText(key, serializeIndex(index));
  return index;
}
