import { UsageError } from '../usage-error.js';
import { exists } from '../../fs/exists.js';
import { join, relative, resolve } from 'node:path';
import { exitCodes } from '../errors.js';
import { type Io } from '../io.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { configSynonyms, openSearch, searchCache } from '../search-setup.js';
import { jsonText } from '../../render/json-text.js';
import { metaOf, type SearchMeta } from '../../search/index-cache.js';
import { searchMessages } from '../../search/messages.js';
import { search, searchLoading, type SearchHit } from '../../search/search.js';
import { compileSynonyms } from '../../search/synonyms.js';
import { readTemplates } from '../../search/templates.js';
import { openWarmSearch } from '../../search/warm.js';
import { snippet } from '../../search/snippet.js';

export interface SearchFlags {
  json?: boolean;
  limit?: string;
  lang?: string;
  config?: string;
}

export async function searchCommand(args: string[], flags: SearchFlags, io: Io): Promise<number> {
  const { words, paths } = await splitArgs(args, io.cwd);
  const limit = flags.limit === undefined ? 10 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError((t) => t.wholeNumber('--limit', 1, 1000, terminalSafe(flags.limit ?? '')));
  const query = words.join(' ');
  if (!/[\p{L}\p{N}]/u.test(query)) throw new UsageError((t) => t.searchWords);
  const found = await findHits(words.join(' '), paths, flags, limit, io);
  const { hits, root, meta } = found;
  const lang = flags.lang ?? meta.lang ?? undefined;
  const t = searchMessages(lang);
  if (meta.errors > 0) io.err(`instr: ${meta.errors} ${t.incomplete}\n`);
  const fileOf = (file: string) => relative(io.cwd, join(root, file)) || file;
  if (flags.json) {
    io.out(
      jsonText(
        hits.map((h) => ({
          kind: h.doc.kind,
          id: h.doc.id,
          task: h.doc.task,
          section: h.doc.section,
          title: h.doc.title,
          text: h.doc.text,
          file: fileOf(h.doc.file),
          line: h.doc.line,
          score: h.score,
        })),
      ),
    );
    return hits.length > 0 ? exitCodes.ok : exitCodes.findings;
  }
  if (hits.length === 0) {
    io.out(`${t.nothingFound} «${terminalSafe(query)}».\n${t.seeList}\n`);
    const gap = (meta.gaps.find((g) => g.lang === (lang ?? null)) ?? meta.gaps.find((g) => g.lang === null))?.gap;
    io.out(gap ? `${t.gapProcedure} «${terminalSafe(gap.title)}»: ${fileOf(gap.file)}:${gap.line}\n` : `${t.gapFallback}\n`);
    return exitCodes.findings;
  }
  const extra = paths.length === 1 && paths[0] === 'instructions' ? '' : ` ${paths.map(shellWord).join(' ')}`;
  // A section is shown by `instr show <instruction>:<section>` when several instructions are compiled
  // (`instr show norms` alone asks which instruction's norms are meant).
  const documentOf = new Map(meta.documents.map((d) => [d.file, d.id]));
  const sectionTarget = (file: string, section: string) => (documentOf.size > 1 && documentOf.has(file) ? `${documentOf.get(file)}:${section}` : section);
  hits.forEach((hit, i) => io.out(renderHit(hit, i + 1, io, searchMessages(flags.lang ?? hit.doc.lang), fileOf, extra, sectionTarget)));
  return exitCodes.ok;
}

/**
 * The hits, and what the output needs of the graph. A warm search does not compile: the index stored
 * under the files' bytes is used when nothing changed (src/search/warm.ts); otherwise the files are
 * compiled, and the index is built (only changed files indexed again) and stored under that key.
 */
async function findHits(
  query: string,
  paths: string[],
  flags: SearchFlags,
  limit: number,
  io: Io,
): Promise<{ hits: SearchHit[]; root: string; meta: SearchMeta }> {
  const cache = searchCache(io);
  const warm = cache ? await openWarmSearch(paths, cache, { cwd: io.cwd, guard: io.compile?.guard }).catch(() => null) : null;
  if (warm?.found) {
    const { found } = warm;
    try {
      const synonyms = compileSynonyms([...found.meta.synonyms, ...(await configSynonyms(io, flags.config))]);
      const hits = await searchLoading(found.index, query, { synonyms, limit });
      if (hits) return { hits, root: warm.root, meta: found.meta };
    } finally {
      found.close();
    }
  }
  const { loadInstructions } = await import('../load.js'); // the compiler: not loaded by a warm search
  const { graph, root, diagnostics } = await loadInstructions(paths, io, { requireClean: false });
  const templates = await readTemplates(graph, root);
  const meta = metaOf(graph, diagnostics, templates);
  // A parse that ran out of time or memory is not a property of the files: such an index is not kept under their bytes.
  const transient = diagnostics.some((d) => d.rule === 'parse-timeout' || d.rule === 'internal-error' || d.rule === 'too-large');
  const { index, synonyms } = await openSearch(graph, root, io, flags.config, {
    templates,
    warm: warm?.key && !transient ? { key: warm.key, meta } : undefined,
    rewritePieces: warm?.found !== null && warm?.found !== undefined,
  });
  return { hits: search(index, query, { synonyms, limit }), root, meta };
}

function renderHit(
  hit: SearchHit,
  n: number,
  io: Io,
  t: ReturnType<typeof searchMessages>,
  fileOf: (f: string) => string,
  extra: string,
  sectionTarget: (file: string, section: string) => string,
): string {
  const c = io.color;
  const { doc } = hit;
  const where = doc.task ? `#${doc.task}` : doc.section ? `#${doc.section}` : '';
  const mark = c.level > 0 ? (s: string) => c.bold.yellow(s) : (s: string) => `[${s}]`;
  const lines = [`${c.dim(`${n}.`)} ${c.bold(terminalSafe(doc.title))} ${c.dim(where)}`];
  lines.push(
    `   ${c.cyan(t.kinds[doc.kind])}: ${snippet(doc.text, hit.marks, 160)
      .map((p) => (p.marked ? mark(terminalSafe(p.text)) : terminalSafe(p.text)))
      .join('')}`,
  );
  lines.push(`   ${c.dim(`${fileOf(doc.file)}:${doc.line}`)}`);
  if (doc.task && doc.kind !== 'template')
    lines.push(`   ${c.green(`instr run ${doc.task}${extra}`)}  ${c.dim('·')}  ${c.green(`instr show ${doc.task}${extra}`)}`);
  // a template: show the file itself (the task that links it is named above, after #)
  else if (doc.kind === 'template') lines.push(`   ${c.green(`instr show ${shellWord(doc.id)}${extra}`)}`);
  else if (doc.task) lines.push(`   ${c.green(`instr show ${doc.task}${extra}`)}`);
  else if (doc.section) lines.push(`   ${c.green(`instr show ${shellWord(sectionTarget(doc.file, doc.section))}${extra}`)}`);
  return `${lines.join('\n')}\n\n`;
}

/** Trailing arguments that name an existing file or folder are the instructions; the rest are the words. */
async function splitArgs(args: string[], cwd: string): Promise<{ words: string[]; paths: string[] }> {
  const paths: string[] = [];
  let end = args.length;
  while (end > 1 && (await exists(resolve(cwd, args[end - 1]!)))) paths.unshift(args[--end]!);
  return { words: args.slice(0, end), paths: paths.length > 0 ? paths : ['instructions'] };
}

function shellWord(word: string): string {
  return /^[\w./:-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
