import type { Postings } from './postings.js';

/**
 * Postings (and, for a whole index, each piece's kind and owner) as bytes: a length-prefixed JSON
 * header with the terms and whatever the caller adds, then the typed arrays, 4-byte aligned.
 * Reading copies the arrays out; there is nothing to parse but the header.
 */
export interface IndexFile<Extra> {
  postings: Postings;
  kinds: Uint8Array | null;
  owners: Uint32Array | null;
  extra: Extra;
}

const format = 'instr-search-postings 1';

export function encodeIndexFile<Extra>(file: IndexFile<Extra>): Buffer {
  const { postings: p, kinds, owners } = file;
  const header = Buffer.from(
    JSON.stringify({
      format,
      terms: p.terms,
      postings: p.docs.length,
      pieces: p.fieldLength.length,
      kinds: kinds !== null,
      owners: owners !== null,
      extra: file.extra,
    }),
    'utf8',
  );
  const padded = align(4 + header.length);
  const parts: Uint8Array[] = [new Uint8Array(new Uint32Array([header.length]).buffer), header, new Uint8Array(padded - 4 - header.length)];
  const add = (a: ArrayBufferView) => parts.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), new Uint8Array(align(a.byteLength) - a.byteLength));
  add(p.start);
  add(p.docs);
  add(p.fieldLength);
  if (owners) add(owners);
  add(p.tfs);
  if (kinds) add(kinds);
  return Buffer.concat(parts);
}

/** The file's contents, or null when it is of another format, truncated or inconsistent. */
export function decodeIndexFile<Extra>(bytes: Uint8Array, kindCount: number): IndexFile<Extra> | null {
  try {
    if (bytes.length < 4) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = view.getUint32(0, true);
    if (4 + headerLength > bytes.length) return null;
    const header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 4, headerLength).toString('utf8')) as {
      format?: unknown;
      terms?: unknown;
      postings?: unknown;
      pieces?: unknown;
      kinds?: unknown;
      owners?: unknown;
      extra?: unknown;
    };
    const { terms, postings, pieces } = header;
    if (header.format !== format || !Array.isArray(terms) || !terms.every((t) => typeof t === 'string')) return null;
    if (!Number.isInteger(postings) || !Number.isInteger(pieces)) return null;
    let at = align(4 + headerLength);
    const take = <T>(make: (buffer: ArrayBuffer) => T, bytesOf: number): T | null => {
      if (at + bytesOf > bytes.length) return null;
      const copy = new Uint8Array(bytesOf); // aligned, and not a view of Node's pooled buffer
      copy.set(bytes.subarray(at, at + bytesOf));
      at = align(at + bytesOf);
      return make(copy.buffer);
    };
    const termCount = terms.length;
    const postingCount = postings as number;
    const pieceCount = pieces as number;
    const start = take((b) => new Uint32Array(b), 4 * (termCount + 1));
    const docs = take((b) => new Uint32Array(b), 4 * postingCount);
    const fieldLength = take((b) => new Uint32Array(b), 4 * pieceCount);
    const owners = header.owners === true ? take((b) => new Uint32Array(b), 4 * pieceCount) : null;
    const tfs = take((b) => new Uint16Array(b), 2 * postingCount);
    const kinds = header.kinds === true ? take((b) => new Uint8Array(b), pieceCount) : null;
    if (!start || !docs || !fieldLength || !tfs || (header.owners === true && !owners) || (header.kinds === true && !kinds)) return null;
    if (start[0] !== 0 || start[termCount] !== postingCount) return null;
    for (let t = 0; t < termCount; t++) if (start[t]! > start[t + 1]!) return null;
    for (let j = 0; j < docs.length; j++) if (docs[j]! >= pieceCount) return null;
    if (kinds) for (let n = 0; n < kinds.length; n++) if (kinds[n]! >= kindCount) return null;
    return { postings: { terms: terms as string[], start, docs, tfs, fieldLength }, kinds, owners, extra: header.extra as Extra };
  } catch {
    return null;
  }
}

function align(n: number): number {
  return (n + 3) & ~3;
}
