import { readFile, stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { cacheDir, openFileCache } from '../cache/file-cache.js';
import type { Graph } from '../graph/types.js';
import { ConfigError, findConfigFile, parseConfig } from '../lint/config.js';
import { searchIndexFor } from '../search/index-cache.js';
import type { SearchIndex } from '../search/search.js';
import { compileSynonyms, type Synonyms } from '../search/synonyms.js';
import { readTemplates } from '../search/templates.js';
import { ExitError, exitCodes } from './errors.js';
import type { Io } from './io.js';

/** What a search needs: the index (cached with the compiled files) and the firm's synonyms. */
export async function openSearch(graph: Graph, root: string, io: Io, config?: string): Promise<{ index: SearchIndex; synonyms: Synonyms }> {
  const groups: string[][] = graph.documents.flatMap((d) => d.synonyms ?? []);
  groups.push(...(await configSynonyms(io, config)));
  const cache = process.env['INSTR_NO_CACHE'] === '1' ? null : openFileCache(cacheDir(io.cwd));
  const index = await searchIndexFor(graph, await readTemplates(graph, root), cache);
  return { index, synonyms: compileSynonyms(groups) };
}

/** `synonyms` of instr.config.yaml (the same file lint reads); a broken config is exit 2. */
async function configSynonyms(io: Io, explicit?: string): Promise<string[][]> {
  const file = await findConfigFile(io.cwd, explicit);
  if (file === null) return [];
  const display = relative(io.cwd, file) || file;
  try {
    let text: string;
    try {
      if ((await stat(file)).size > 1024 * 1024) throw new ConfigError([{ file: display, line: 1, column: 1, message: 'Config file is larger than 1 MB' }]);
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      throw new ConfigError([
        { file: display, line: 1, column: 1, message: `Cannot read the config file: ${(error as NodeJS.ErrnoException).code ?? String(error)}` },
      ]);
    }
    return (parseConfig(text, display) as { synonyms?: string[][] }).synonyms ?? [];
  } catch (error) {
    if (error instanceof ConfigError) throw new ExitError(error.message, exitCodes.usage);
    throw error;
  }
}
