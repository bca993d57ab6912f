import { relative, sep } from 'node:path';
import type { FileCache } from '../cache/file-cache.js';
import { defaultMaxFileBytes, discover } from '../compile/discover.js';
import { readRegularFileInto } from '../fs/safe-open.js';
import { defaultGuardLimits, type GuardLimits } from '../parse/guard.js';
import { readWarmIndex, searchFingerprint, sha256, type SearchMeta } from './index-cache.js';
import type { SearchIndex } from './search.js';
import { readTemplate } from './templates.js';

export interface WarmOptions {
  cwd: string;
  guard?: GuardLimits;
  maxFileBytes?: number;
}

/**
 * `instr search` without compiling: the instructions' bytes are hashed (as the compile cache keys
 * them), and an index stored under that key by an earlier search (with what the search needs of
 * the graph) is used when every template it indexed is unchanged too. `key` is null when a file
 * cannot be read as the compiler would read it (the compiler then reports it); `found` is null
 * when nothing usable is stored: the caller compiles and stores the index under `key`. The index
 * found reads its postings as the query needs them: the caller closes it when the query is done.
 */
export async function openWarmSearch(
  paths: string[],
  cache: FileCache,
  options: WarmOptions,
): Promise<{ key: string | null; root: string; found: { index: SearchIndex; meta: SearchMeta; close: () => void } | null }> {
  const { root, files } = await discover(paths.length ? paths : ['instructions'], options.cwd);
  const guard = options.guard ?? defaultGuardLimits;
  const maxBytes = options.maxFileBytes ?? defaultMaxFileBytes;
  const keys: string[] = [];
  // One buffer for every file, the size of the largest: reading 10 MB into fresh memory costs more
  // than hashing it (every new page is a fault), and the bytes are not needed after hashing.
  let buffer: Buffer = Buffer.allocUnsafe(0);
  for (const file of files) {
    const path = relative(root, file).split(sep).join('/');
    try {
      const bytes = readRegularFileInto(file, maxBytes, buffer);
      if (bytes === null) return { key: null, root, found: null };
      buffer = bytes.buffer;
      keys.push(cache.key(path, bytes.read, guard));
    } catch {
      return { key: null, root, found: null };
    }
  }
  const key = sha256(`search-warm\0${searchFingerprint()}\0${maxBytes}\0${keys.join('\n')}`);
  const found = readWarmIndex(cache, key);
  if (!found) return { key, root, found: null };
  for (const t of found.meta.templates) {
    const text = await readTemplate(root, t.path);
    if ((text === null ? null : sha256(text)) !== t.hash) {
      found.close();
      return { key, root, found: null };
    }
  }
  return { key, root, found };
}
