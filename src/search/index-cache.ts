import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { FileCache } from '../cache/file-cache.js';
import { readBuildHash, toolFingerprint } from '../cache/fingerprint.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Graph } from '../graph/types.js';
import { linkedTemplates, searchDocuments, type SearchDoc, type TemplateFile } from './documents.js';
import { gapSection } from './gap.js';
import { decodeIndexFile, encodeIndexFile } from './index-file.js';
import { buildPostings, mergePostings, type Postings } from './postings.js';
import { decodeWarmIndex, encodePieces, encodeWarmIndex, piecesReader } from './warm-file.js';
import { kindsAndOwners, memoryDocs, searchKinds, type DocStore, type SearchIndex } from './search.js';

let fingerprint: string | undefined;

/** The search code itself: a rebuilt instr never reads an index an older one wrote. */
export function searchFingerprint(): string {
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

/** What `instr search` needs of the compiled graph besides the index, kept with an index keyed by the files' bytes. */
export interface SearchMeta {
  /** Language of the first instruction. */
  lang: string | null;
  /** Compile errors (their files are not searched; the search says so). */
  errors: number;
  /** The "not in the instruction" section, by the language asked for (null: none asked). */
  gaps: Array<{ lang: string | null; gap: { title: string; file: string; line: number } | null }>;
  /** Synonym groups of the instructions' front matter. */
  synonyms: string[][];
  /** Every template the graph links to, with the sha256 of its text (null: missing or unreadable); checked before the index is used. */
  templates: Array<{ path: string; hash: string | null }>;
  /** Each instruction's file and id: a section is shown by `instr show <id>:<section>` when there are several. */
  documents: Array<{ file: string; id: string }>;
}

/** A stored index keyed by the files' bytes: its meta and where its pieces are (one text entry per part). */
interface WarmExtra {
  meta: SearchMeta;
  parts: Array<{ key: string; count: number }>;
}

export function metaOf(graph: Graph, diagnostics: readonly Diagnostic[], templates: readonly TemplateFile[]): SearchMeta {
  const langs = [null, ...new Set(graph.documents.map((d) => d.lang))];
  const read = new Map(templates.map((t) => [t.path, sha256(t.text)]));
  return {
    lang: graph.documents[0]?.lang ?? null,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    gaps: langs.map((lang) => {
      const found = gapSection(graph, lang ?? undefined);
      return { lang, gap: found ? { title: found.section.title, file: found.file, line: found.section.position.line } : null };
    }),
    synonyms: graph.documents.flatMap((d) => d.synonyms ?? []),
    templates: [...linkedTemplates(graph).keys()].sort().map((path) => ({ path, hash: read.get(path) ?? null })),
    documents: graph.documents.map((d) => ({ file: d.file, id: d.id })),
  };
}

/** A part of the index: the pieces of one instruction file, or of the templates. Indexed and cached on its own. */
interface Part {
  key: string;
  docs: SearchDoc[];
}

/** Pieces grouped by file (templates together, last), each group keyed by its content: an unchanged file is not indexed again. */
function partsOf(docs: readonly SearchDoc[]): Part[] {
  const groups = new Map<string, SearchDoc[]>();
  for (const d of docs) {
    const name = d.kind === 'template' ? '\u{10FFFF}templates' : d.file;
    let group = groups.get(name);
    if (!group) groups.set(name, (group = []));
    group.push(d);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => ({ key: sha256(`search-part\0${searchFingerprint()}\0${JSON.stringify(group)}`), docs: group }));
}

export interface IndexOptions {
  /** Also store the index under this key, with the meta, for searches that do not compile (see warm.ts). */
  warm?: { key: string; meta: SearchMeta };
  /** Write every part's pieces again (a warm search found one missing). */
  rewritePieces?: boolean;
}

/**
 * The search index of a compiled graph. Each file's pieces are indexed once per content and kept in
 * the cache (postings and pieces); the whole index is merged from them and kept too, so the same
 * files (and templates) are not merged again.
 */
export async function searchIndexFor(graph: Graph, templates: TemplateFile[], cache: FileCache | null, options: IndexOptions = {}): Promise<SearchIndex> {
  const parts = partsOf(searchDocuments(graph, templates));
  const docs = parts.flatMap((p) => p.docs);
  if (!cache) return { postings: mergePostings(parts.map((p) => buildPostings(p.docs.map((d) => d.text)))), ...kindsAndOwners(docs), docs: memoryDocs(docs) };
  const wholeKey = sha256(`search-whole\0${parts.map((p) => p.key).join('\n')}`);
  let whole = decodeIndexFile<null>((await cache.getBytes(wholeKey)) ?? new Uint8Array(), searchKinds.length);
  if (!whole || whole.postings.fieldLength.length !== docs.length || !whole.kinds || !whole.owners) {
    const postings = mergePostings(await Promise.all(parts.map((p) => partPostings(p, cache, options.rewritePieces === true))));
    whole = { postings, ...kindsAndOwners(docs), extra: null };
    await cache.setBytes(wholeKey, encodeIndexFile(whole));
  } else if (options.rewritePieces) for (const p of parts) await writePieces(cache, p);
  if (options.warm) {
    const extra: WarmExtra = { meta: options.warm.meta, parts: parts.map((p) => ({ key: p.key, count: p.docs.length })) };
    const { table, body } = encodeWarmIndex<WarmExtra>({ postings: whole.postings, kinds: whole.kinds!, owners: whole.owners!, extra });
    await cache.setTable(options.warm.key, table, body);
  }
  return { postings: whole.postings, kinds: whole.kinds!, owners: whole.owners!, docs: memoryDocs(docs) };
}

async function partPostings(part: Part, cache: FileCache, rewritePieces: boolean): Promise<Postings> {
  const stored = decodeIndexFile<null>((await cache.getBytes(part.key)) ?? new Uint8Array(), searchKinds.length);
  if (stored && stored.postings.fieldLength.length === part.docs.length) {
    if (rewritePieces) await writePieces(cache, part);
    return stored.postings;
  }
  const postings = buildPostings(part.docs.map((d) => d.text));
  await cache.setBytes(part.key, encodeIndexFile({ postings, kinds: null, owners: null, extra: null }));
  await writePieces(cache, part);
  return postings;
}

/** A part's pieces, kept for warm searches: they read only the pieces of their results. */
async function writePieces(cache: FileCache, part: Part): Promise<void> {
  const { table, body } = encodePieces(part.docs);
  await cache.setTable(piecesKey(part.key), table, body);
}

function piecesKey(partKey: string): string {
  return sha256(`search-pieces\0${partKey}`);
}

/** Bytes of an index as stored (its postings, kinds and owners; the pieces' text is stored apart). */
export function storedIndexBytes(index: SearchIndex): number {
  return encodeIndexFile({ postings: index.postings, kinds: index.kinds, owners: index.owners, extra: null }).length;
}

/**
 * A stored index keyed by the files' bytes, with its meta; null when absent, forged or damaged. Its
 * postings are read as a query needs them: close() it when the query is done.
 */
export function readWarmIndex(cache: FileCache, key: string): { index: SearchIndex; meta: SearchMeta; close: () => void } | null {
  const entry = cache.openTable(key);
  if (!entry) return null;
  let file;
  try {
    file = decodeWarmIndex<WarmExtra>(entry, searchKinds.length);
  } catch {
    file = null;
  }
  if (!file || !isWarmExtra(file.extra) || file.extra.parts.reduce((sum, p) => sum + p.count, 0) !== file.postings.fieldLength.length) {
    entry.close();
    return null;
  }
  const { parts, meta } = file.extra;
  return {
    index: { postings: file.postings, kinds: file.kinds, owners: file.owners, ownerCount: file.ownerCount, docs: cachedDocs(cache, parts) },
    meta,
    close: () => entry.close(),
  };
}

/** Pieces read from the cache when a result needs them: only their own lines, each checked against its digest. */
function cachedDocs(cache: FileCache, parts: WarmExtra['parts']): DocStore {
  const starts: number[] = [];
  let size = 0;
  for (const p of parts) {
    starts.push(size);
    size += p.count;
  }
  const parsed = new Map<number, SearchDoc>();
  const partOf = (n: number) => {
    let lo = 0;
    let hi = parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= n) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    size,
    get(n) {
      const doc = parsed.get(n);
      if (!doc) throw new Error(`search piece ${n} was not loaded`);
      return doc;
    },
    async load(ns) {
      const wanted = new Map<number, number[]>();
      for (const n of ns) {
        if (parsed.has(n)) continue;
        if (!(n >= 0 && n < size)) return false;
        const k = partOf(n);
        wanted.set(k, [...(wanted.get(k) ?? []), n]);
      }
      for (const [k, pieces] of wanted) {
        const entry = cache.openTable(piecesKey(parts[k]!.key));
        if (!entry) return false;
        try {
          const read = piecesReader(entry, parts[k]!.count);
          if (!read) return false;
          for (const n of pieces) {
            const doc = read(n - starts[k]!);
            if (!isSearchDoc(doc)) return false;
            parsed.set(n, doc);
          }
        } finally {
          entry.close();
        }
      }
      return true;
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const stringOrNull = (v: unknown) => v === null || typeof v === 'string';

function isSearchDoc(v: unknown): v is SearchDoc {
  return (
    isObject(v) &&
    searchKinds.includes(v['kind'] as SearchDoc['kind']) &&
    typeof v['id'] === 'string' &&
    stringOrNull(v['task']) &&
    stringOrNull(v['section']) &&
    typeof v['title'] === 'string' &&
    typeof v['text'] === 'string' &&
    typeof v['file'] === 'string' &&
    Number.isInteger(v['line']) &&
    typeof v['lang'] === 'string'
  );
}

function isWarmExtra(v: unknown): v is WarmExtra {
  if (!isObject(v) || !isObject(v['meta']) || !Array.isArray(v['parts'])) return false;
  const m = v['meta'];
  return (
    v['parts'].every((p) => isObject(p) && typeof p['key'] === 'string' && /^[0-9a-f]{64}$/.test(p['key']) && Number.isInteger(p['count'])) &&
    stringOrNull(m['lang']) &&
    Number.isInteger(m['errors']) &&
    Array.isArray(m['gaps']) &&
    m['gaps'].every(
      (g) =>
        isObject(g) &&
        stringOrNull(g['lang']) &&
        (g['gap'] === null ||
          (isObject(g['gap']) && typeof g['gap']['title'] === 'string' && typeof g['gap']['file'] === 'string' && Number.isInteger(g['gap']['line']))),
    ) &&
    Array.isArray(m['synonyms']) &&
    m['synonyms'].every((g) => Array.isArray(g) && g.every((w) => typeof w === 'string')) &&
    Array.isArray(m['templates']) &&
    m['templates'].every((t) => isObject(t) && typeof t['path'] === 'string' && stringOrNull(t['hash'])) &&
    Array.isArray(m['documents']) &&
    m['documents'].every((d) => isObject(d) && typeof d['file'] === 'string' && typeof d['id'] === 'string')
  );
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}
