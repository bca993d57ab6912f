import { createHash } from 'node:crypto';
import type { TableEntry } from '../cache/file-cache.js';
import type { SearchDoc } from './documents.js';
import type { Postings } from './postings.js';

/**
 * The warm search's files (cache entries with a sealed table, src/cache/file-cache.ts): the index,
 * whose typed arrays are read straight into arrays of their own (no copy, nothing to parse but the
 * table), and each part's pieces, of which only the lines a result shows are read. The table holds
 * the sha256 of every array and of every piece; what is read is checked against it, so a damaged or
 * forged body is never used (the table itself is sealed with this machine's secret).
 */

const indexFormat = 'instr-search-warm 1';
const sectionNames = ['start', 'docs', 'tfs', 'fieldLength', 'kinds', 'owners'] as const;
type SectionName = (typeof sectionNames)[number];

interface IndexTable<Extra> {
  format: string;
  terms: string[];
  postings: number;
  pieces: number;
  sections: Record<SectionName, { offset: number; length: number; sha256: string }>;
  extra: Extra;
}

export interface WarmIndexFile<Extra> {
  postings: Postings;
  kinds: Uint8Array;
  owners: Uint32Array;
  extra: Extra;
}

export function encodeWarmIndex<Extra>(file: WarmIndexFile<Extra>): { table: Buffer; body: Uint8Array[] } {
  const { postings: p } = file;
  const arrays: Record<SectionName, ArrayBufferView> = {
    start: p.start,
    docs: p.docs,
    tfs: p.tfs,
    fieldLength: p.fieldLength,
    kinds: file.kinds,
    owners: file.owners,
  };
  const body: Uint8Array[] = [];
  const sections = {} as IndexTable<Extra>['sections'];
  let offset = 0;
  for (const name of sectionNames) {
    const a = arrays[name];
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    sections[name] = { offset, length: bytes.length, sha256: sha256(bytes) };
    const padding = align(bytes.length) - bytes.length;
    body.push(bytes, new Uint8Array(padding));
    offset += bytes.length + padding;
  }
  const table: IndexTable<Extra> = { format: indexFormat, terms: p.terms, postings: p.docs.length, pieces: p.fieldLength.length, sections, extra: file.extra };
  return { table: Buffer.from(JSON.stringify(table), 'utf8'), body };
}

/** The index of an entry, or null when it is of another format, truncated, inconsistent, or its arrays do not match the table's digests. */
export function decodeWarmIndex<Extra>(entry: TableEntry, kindCount: number): WarmIndexFile<Extra> | null {
  let table: IndexTable<Extra>;
  try {
    table = JSON.parse(entry.table.toString('utf8')) as IndexTable<Extra>;
  } catch {
    return null;
  }
  if (!isObject(table) || table.format !== indexFormat || !Array.isArray(table.terms) || !table.terms.every((t) => typeof t === 'string')) return null;
  const { terms, postings, pieces, sections } = table;
  if (!Number.isSafeInteger(postings) || !Number.isSafeInteger(pieces) || postings < 0 || pieces < 0 || !isObject(sections)) return null;
  const expected: Record<SectionName, number> = {
    start: 4 * (terms.length + 1),
    docs: 4 * postings,
    tfs: 2 * postings,
    fieldLength: 4 * pieces,
    kinds: pieces,
    owners: 4 * pieces,
  };
  const read: Partial<Record<SectionName, ArrayBuffer>> = {};
  for (const name of sectionNames) {
    const s = (sections as Record<string, unknown>)[name];
    if (!isObject(s) || typeof s['offset'] !== 'number' || !Number.isSafeInteger(s['offset']) || s['offset'] < 0) return null;
    if (s['length'] !== expected[name] || typeof s['sha256'] !== 'string') return null;
    const bytes = entry.read(s['offset'], expected[name]);
    if (!bytes || sha256(bytes) !== s['sha256']) return null;
    read[name] = bytes.buffer as ArrayBuffer;
  }
  const start = new Uint32Array(read.start!);
  const docs = new Uint32Array(read.docs!);
  const kinds = new Uint8Array(read.kinds!);
  if (start[0] !== 0 || start[terms.length] !== postings) return null;
  for (let t = 0; t < terms.length; t++) if (start[t]! > start[t + 1]!) return null;
  for (let j = 0; j < docs.length; j++) if (docs[j]! >= pieces) return null;
  for (let n = 0; n < kinds.length; n++) if (kinds[n]! >= kindCount) return null;
  return {
    postings: { terms, start, docs, tfs: new Uint16Array(read.tfs!), fieldLength: new Uint32Array(read.fieldLength!) },
    kinds,
    owners: new Uint32Array(read.owners!),
    extra: table.extra,
  };
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
