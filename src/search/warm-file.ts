import { createHash } from 'node:crypto';
import type { TableEntry } from '../cache/file-cache.js';
import type { SearchDoc } from './documents.js';
import type { Postings } from './postings.js';

/**
 * The warm search's files (cache entries with a sealed table, src/cache/file-cache.ts): the index,
 * whose typed arrays are read straight into arrays of their own (no copy, nothing to parse but the
 * table), and each part's pieces, of which only the lines a result shows are read. The table holds
 * the sha256 of every array and of every piece, which is checked before what was read is used (the
 * table itself is sealed with this machine's secret), so a damaged or forged body is never used.
 *
 * The postings (most of the index: 5 MB of the 10 MB bench folder's 5.6 MB) are read only where a
 * query needs them: they are cut into blocks of whole terms, each with its own digest, and a block
 * is read (and checked) when the query first looks up one of its terms.
 */

const indexFormat = 'instr-search-warm 2';
/** Arrays read whole. */
const sectionNames = ['start', 'fieldLength', 'kinds', 'owners', 'docs', 'tfs'] as const;
type SectionName = (typeof sectionNames)[number];
/** A block of postings holds whole terms, and at least this many postings unless it is the last. */
const blockPostings = 4096;

interface IndexTable<Extra> {
  format: string;
  terms: string[];
  postings: number;
  pieces: number;
  /** Sum of fieldLength (the engine's average field length, without a pass over every piece). */
  fieldLengthSum: number;
  /** 1 + the largest owner number. */
  ownerCount: number;
  /** Arrays read whole have a digest; docs and tfs are read by block. */
  sections: Record<SectionName, { offset: number; length: number; sha256?: string }>;
  /** Block b holds the postings of terms blocks[b].term .. blocks[b + 1].term (the last, up to the end); sha256 of its docs, then its tfs. */
  blocks: Array<{ term: number; sha256: string }>;
  extra: Extra;
}

export interface WarmIndexFile<Extra> {
  postings: Postings;
  kinds: Uint8Array;
  owners: Uint32Array;
  ownerCount: number;
  extra: Extra;
}

const wholeSections: readonly SectionName[] = ['start', 'fieldLength', 'kinds', 'owners'];

export function encodeWarmIndex<Extra>(file: Omit<WarmIndexFile<Extra>, 'ownerCount'>): { table: Buffer; body: Uint8Array[] } {
  const { postings: p } = file;
  const arrays: Record<SectionName, ArrayBufferView> = {
    start: p.start,
    fieldLength: p.fieldLength,
    kinds: file.kinds,
    owners: file.owners,
    docs: p.docs,
    tfs: p.tfs,
  };
  const body: Uint8Array[] = [];
  const sections = {} as IndexTable<Extra>['sections'];
  let offset = 0;
  for (const name of sectionNames) {
    const bytes = bytesOf(arrays[name]);
    sections[name] = { offset, length: bytes.length, ...(wholeSections.includes(name) ? { sha256: sha256(bytes) } : {}) };
    const padding = align(bytes.length) - bytes.length;
    body.push(bytes, new Uint8Array(padding));
    offset += bytes.length + padding;
  }
  const blocks: IndexTable<Extra>['blocks'] = [];
  for (let t = 0; t < p.terms.length; ) {
    const first = t;
    while (t < p.terms.length && p.start[t]! - p.start[first]! < blockPostings) t++;
    const from = p.start[first]!;
    const to = p.start[t]!;
    blocks.push({ term: first, sha256: blockDigest(p.docs.subarray(from, to), p.tfs.subarray(from, to)) });
  }
  let fieldLengthSum = 0;
  for (const length of p.fieldLength) fieldLengthSum += length;
  let ownerCount = 0;
  for (const o of file.owners) if (o >= ownerCount) ownerCount = o + 1;
  const table: IndexTable<Extra> = {
    format: indexFormat,
    terms: p.terms,
    postings: p.docs.length,
    pieces: p.fieldLength.length,
    fieldLengthSum,
    ownerCount,
    sections,
    blocks,
    extra: file.extra,
  };
  return { table: Buffer.from(JSON.stringify(table), 'utf8'), body };
}

/**
 * The index of an entry, or null when it is of another format, truncated, inconsistent, or its
 * arrays do not match the table's digests. Its postings are read block by block as the query asks
 * for them (Postings.ensure): the entry must stay open until the query is done.
 */
export function decodeWarmIndex<Extra>(entry: TableEntry, kindCount: number): WarmIndexFile<Extra> | null {
  let table: IndexTable<Extra>;
  try {
    table = JSON.parse(entry.table.toString('utf8')) as IndexTable<Extra>;
  } catch {
    return null;
  }
  if (!isObject(table) || table.format !== indexFormat || !Array.isArray(table.terms) || !table.terms.every((t) => typeof t === 'string')) return null;
  const { terms, postings, pieces, sections, blocks, fieldLengthSum, ownerCount } = table;
  if (!Number.isSafeInteger(postings) || !Number.isSafeInteger(pieces) || postings < 0 || pieces < 0 || !isObject(sections)) return null;
  if (!Number.isSafeInteger(fieldLengthSum) || !Number.isSafeInteger(ownerCount) || fieldLengthSum < 0 || ownerCount < 0) return null;
  // Blocks start at term 0 and go up, one at least when there are terms.
  if (!Array.isArray(blocks) || !blocks.every((b) => isObject(b) && Number.isSafeInteger(b['term']) && typeof b['sha256'] === 'string')) return null;
  if ((blocks.length === 0) !== (terms.length === 0) || (blocks.length > 0 && blocks[0]!.term !== 0)) return null;
  for (let b = 1; b < blocks.length; b++) if (!(blocks[b]!.term > blocks[b - 1]!.term && blocks[b]!.term < terms.length)) return null;
  const expected: Record<SectionName, number> = {
    start: 4 * (terms.length + 1),
    fieldLength: 4 * pieces,
    kinds: pieces,
    owners: 4 * pieces,
    docs: 4 * postings,
    tfs: 2 * postings,
  };
  const at = {} as Record<SectionName, number>;
  const read: Partial<Record<SectionName, ArrayBuffer>> = {};
  for (const name of sectionNames) {
    const s = (sections as Record<string, unknown>)[name];
    if (!isObject(s) || typeof s['offset'] !== 'number' || !Number.isSafeInteger(s['offset']) || s['offset'] < 0) return null;
    if (s['length'] !== expected[name]) return null;
    at[name] = s['offset'];
    if (!wholeSections.includes(name)) continue;
    if (typeof s['sha256'] !== 'string') return null;
    const bytes = entry.read(s['offset'], expected[name]);
    if (!bytes || sha256(bytes) !== s['sha256']) return null;
    read[name] = bytes.buffer as ArrayBuffer;
  }
  const start = new Uint32Array(read.start!);
  const kinds = new Uint8Array(read.kinds!);
  const owners = new Uint32Array(read.owners!);
  if (start[0] !== 0 || start[terms.length] !== postings) return null;
  for (let t = 0; t < terms.length; t++) if (start[t]! > start[t + 1]!) return null;
  // One pass over the pieces: kinds and owners in range, and the field lengths add up to the sum kept.
  const fieldLength = new Uint32Array(read.fieldLength!);
  let sum = 0;
  for (let n = 0; n < pieces; n++) {
    if (kinds[n]! >= kindCount || owners[n]! >= ownerCount) return null;
    sum += fieldLength[n]!;
  }
  if (sum !== fieldLengthSum) return null;
  // Zeroed arrays of the full size: the pages of blocks never read are never touched.
  const docs = new Uint32Array(postings);
  const tfs = new Uint16Array(postings);
  /** Block of each term, found by binary search over the blocks' first terms. */
  const blockOf = (t: number): number => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid]!.term <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const state = new Uint8Array(blocks.length); // 0 not read, 1 read and checked, 2 damaged
  const ensure = (t: number): boolean => {
    if (!(t >= 0 && t < terms.length)) return false;
    const b = blockOf(t);
    if (state[b] === 0) state[b] = readBlock(b) ? 1 : 2;
    return state[b] === 1;
  };
  const readBlock = (b: number): boolean => {
    const from = start[blocks[b]!.term]!;
    const to = start[b + 1 < blocks.length ? blocks[b + 1]!.term : terms.length]!;
    const docBytes = bytesOf(docs.subarray(from, to));
    const tfBytes = bytesOf(tfs.subarray(from, to));
    try {
      if (!entry.readInto(at.docs + 4 * from, docBytes) || !entry.readInto(at.tfs + 2 * from, tfBytes)) return false;
    } catch {
      return false;
    }
    if (blockDigest(docs.subarray(from, to), tfs.subarray(from, to)) !== blocks[b]!.sha256) return false;
    for (let j = from; j < to; j++) if (docs[j]! >= pieces) return false;
    return true;
  };
  return {
    postings: { terms, start, docs, tfs, fieldLength, fieldLengthSum, ensure },
    kinds,
    owners,
    ownerCount,
    extra: table.extra,
  };
}

function blockDigest(docs: Uint32Array, tfs: Uint16Array): string {
  return createHash('sha256').update(bytesOf(docs)).update(bytesOf(tfs)).digest('hex');
}

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

const piecesFormat = 0x31706973; // "sip1"

/** A part's pieces: a table of where each piece's JSON is in the body and its sha256, then the pieces. */
export function encodePieces(docs: readonly SearchDoc[]): { table: Buffer; body: Uint8Array[] } {
  const lines = docs.map((d) => Buffer.from(JSON.stringify(d), 'utf8'));
  const table = Buffer.alloc(8 + 4 * (lines.length + 1) + 32 * lines.length);
  table.writeUInt32LE(piecesFormat, 0);
  table.writeUInt32LE(lines.length, 4);
  let offset = 0;
  lines.forEach((line, i) => {
    table.writeUInt32LE(offset, 8 + 4 * i);
    createHash('sha256')
      .update(line)
      .digest()
      .copy(table, 8 + 4 * (lines.length + 1) + 32 * i);
    offset += line.length;
  });
  table.writeUInt32LE(offset, 8 + 4 * lines.length);
  return { table, body: lines };
}

/** Reads pieces of an entry written by encodePieces(); null when the entry does not hold `count` pieces. */
export function piecesReader(entry: TableEntry, count: number): ((i: number) => unknown) | null {
  const { table } = entry;
  if (table.length !== 8 + 4 * (count + 1) + 32 * count || table.readUInt32LE(0) !== piecesFormat || table.readUInt32LE(4) !== count) return null;
  const digests = 8 + 4 * (count + 1);
  /** The piece's JSON value, or undefined when it cannot be read or does not match its digest. */
  return (i) => {
    if (!(i >= 0 && i < count)) return undefined;
    const from = table.readUInt32LE(8 + 4 * i);
    const to = table.readUInt32LE(8 + 4 * (i + 1));
    if (to < from) return undefined;
    const bytes = entry.read(from, to - from);
    if (
      !bytes ||
      !createHash('sha256')
        .update(bytes)
        .digest()
        .equals(table.subarray(digests + 32 * i, digests + 32 * (i + 1)))
    )
      return undefined;
    try {
      return JSON.parse(Buffer.from(bytes.buffer, 0, bytes.length).toString('utf8'));
    } catch {
      return undefined;
    }
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function align(n: number): number {
  return (n + 7) & ~7;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
