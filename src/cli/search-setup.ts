import { relative } from 'node:path';
import { cacheDir, openFileCache, type FileCache } from '../cache/file-cache.js';
import type { Graph } from '../graph/types.js';
import { findConfigFile } from '../lint/config-file.js';
import { searchIndexFor, type IndexOptions } from '../search/index-cache.js';
import type { SearchIndex } from '../search/search.js';
import type { TemplateFile } from '../search/documents.js';
import { compileSynonyms, type Synonyms } from '../search/synonyms.js';
import { readTemplates } from '../search/templates.js';
import { ExitError, exitCodes } from './errors.js';
import type { Io } from './io.js';
import { screenLanguage } from './screen-language.js';

/** What a search needs: the index (cached with the compiled files) and the firm's synonyms. */
export async function openSearch(
  graph: Graph,
  root: string,
  io: Io,
  config?: string,
  options: IndexOptions & { templates?: TemplateFile[] } = {},
): Promise<{ index: SearchIndex; synonyms: Synonyms }> {
  const groups: string[][] = graph.documents.flatMap((d) => d.synonyms ?? []);
  groups.push(...(await configSynonyms(io, config, graph.documents[0]?.lang)));
  const index = await searchIndexFor(graph, options.templates ?? (await readTemplates(graph, root)), searchCache(io), options);
  return { index, synonyms: compileSynonyms(groups) };
}

/** The cache the index is kept in: the compile cache's folder; none with --no-cache or INSTR_NO_CACHE=1. */
export function searchCache(io: Io): FileCache | null {
  return process.env['INSTR_NO_CACHE'] === '1' || io.compile?.cache === false ? null : openFileCache(cacheDir(io.cwd));
}

/** `synonyms` of instr.config.yaml (the same file lint reads); a broken config is exit 2, said in the screen's language (`lang`: the instructions'). */
export async function configSynonyms(io: Io, explicit?: string, lang?: string): Promise<string[][]> {
  const file = await findConfigFile(io.cwd, explicit);
  if (file === null) return [];
  // The YAML parser and the schema only when there is a config (a warm search loads neither).
  const { ConfigError, readConfigFile } = await import('../lint/config.js');
  const display = relative(io.cwd, file) || file;
  const read = async (language: string | undefined): Promise<string[][]> => (await readConfigFile(file, display, language)).synonyms ?? [];
  try {
    return await read(undefined);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // said again in the screen's language, worked out only now that there is something to say
    const language = io.compile?.lang ?? lang ?? (await screenLanguage([], io.cwd));
    const worded = await read(language).then(
      () => error,
      (again: unknown) => (again instanceof ConfigError ? again : error),
    );
    throw new ExitError(worded.message, exitCodes.usage);
  }
}
