import { describe, expect, it } from 'vitest';
import type { TableEntry } from '../cache/file-cache.js';
import type { SearchDoc } from './documents.js';
import { bestFirst, buildIndex, search, searchKinds, searchLoading, type SearchIndex } from './search.js';
import { compileSynonyms } from './synonyms.js';
import { decodeWarmIndex, encodeWarmIndex } from './warm-file.js';

/** A table entry over bytes in memory, counting what is read. */
function entryOf(table: Buffer, body: readonly Uint8Array[]): TableEntry & { bytesRead: () => number } {
  const whole = Buffer.concat(body);
  let bytesRead = 0;
  return {
    table,
    read(offset, length) {
      if (offset + length > whole.length) return null;
      bytesRead += length;
      return new Uint8Array(whole.subarray(offset, offset + length));
    },
    readInto(offset, target) {
      if (offset + target.length > whole.length) return false;
      bytesRead += target.length;
      target.set(whole.subarray(offset, offset + target.length));
      return true;
    },
    close() {},
    bytesRead: () => bytesRead,
  };
}

/** Seeded (printed on failure through the test names): the same pieces every run. */
const seed = 20261127;
function random(s: number): () => number {
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** Consonants only: each word is its own stem. */
const letters = 'bcdfghjklmnpqrtvwxz';
const word = (i: number) => `kq${letters[i % letters.length]}${letters[Math.floor(i / letters.length)]}`;

/** Enough pieces for many blocks of postings: 3 000 pieces of 3 to 12 words out of 361. */
function pieces(): SearchDoc[] {
  const next = random(seed);
  const words = Array.from({ length: letters.length ** 2 }, (_, i) => word(i));
  return Array.from({ length: 3000 }, (_, n) => {
    const text = Array.from({ length: 3 + Math.floor(next() * 10) }, () => words[Math.floor(next() ** 2 * words.length)]).join(' ');
    return {
      kind: searchKinds[n % searchKinds.length]!,
      id: `p${n}`,
      task: `t${n % 700}`,
      section: null,
      title: `T${n % 700}`,
      text,
      file: 'a.md',
      line: n,
      lang: 'ru',
    };
  });
}

const none = compileSynonyms([]);

function stored(index: SearchIndex) {
  const { table, body } = encodeWarmIndex({ postings: index.postings, kinds: index.kinds, owners: index.owners, extra: null });
  return { table, body };
}

describe('the warm index: postings read by block as the query needs them', () => {
  const docs = pieces();
  const memory = buildIndex(docs);
  const queries = [word(0), `${word(40)} ${word(41)}`, word(300), word(360), `${word(1)} ${word(20)} ${word(200)}`, 'kq'];

  it(`answers every query as the index in memory does, reading a part of the postings (seed ${seed})`, async () => {
    const { table, body } = stored(memory);
    const entry = entryOf(table, body);
    const file = decodeWarmIndex<null>(entry, searchKinds.length)!;
    expect(file).not.toBeNull();
    const warm: SearchIndex = { postings: file.postings, kinds: file.kinds, owners: file.owners, ownerCount: file.ownerCount, docs: memory.docs };
    const afterTable = entry.bytesRead();
    expect(await searchLoading(warm, word(0), { synonyms: none, limit: 7 })).toEqual(search(memory, word(0), { synonyms: none, limit: 7 }));
    // One term: its block of the postings, not all of them.
    const postingBytes = memory.postings.docs.byteLength + memory.postings.tfs.byteLength;
    expect(entry.bytesRead() - afterTable).toBeGreaterThan(0);
    expect(entry.bytesRead() - afterTable).toBeLessThan(postingBytes / 3);
    for (const q of queries) expect(await searchLoading(warm, q, { synonyms: none })).toEqual(search(memory, q, { synonyms: none }));
  });

  it('never uses a block whose bytes do not match its digest: the query gives up (and the index is rebuilt)', async () => {
    const { table, body } = stored(memory);
    const t = memory.postings.terms.indexOf(word(360));
    expect(t).toBeGreaterThan(0);
    const parsed = JSON.parse(table.toString('utf8')) as { sections: { docs: { offset: number } } };
    const whole = Buffer.concat(body);
    // The first piece number of that term's postings, one bit changed (a piece that exists, so only the digest can tell).
    whole[parsed.sections.docs.offset + 4 * memory.postings.start[t]!]! ^= 1;
    const file = decodeWarmIndex<null>(entryOf(table, [whole]), searchKinds.length)!;
    expect(file).not.toBeNull();
    const warm: SearchIndex = { postings: file.postings, kinds: file.kinds, owners: file.owners, ownerCount: file.ownerCount, docs: memory.docs };
    expect(await searchLoading(warm, word(360), { synonyms: none })).toBeNull();
    // Blocks that were not changed are still read and answer as before.
    expect(await searchLoading(warm, word(0), { synonyms: none })).toEqual(search(memory, word(0), { synonyms: none }));
  });

  it('refuses a table of another shape, blocks out of order, or an entry cut short', () => {
    const { table, body } = stored(memory);
    const parsed = JSON.parse(table.toString('utf8')) as { blocks: Array<{ term: number }>; ownerCount: number };
    expect(parsed.blocks.length).toBeGreaterThan(3);
    const withTable = (change: (t: typeof parsed) => void) => {
      const copy = structuredClone(parsed);
      change(copy);
      return decodeWarmIndex(entryOf(Buffer.from(JSON.stringify(copy)), body), searchKinds.length);
    };
    expect(withTable(() => undefined)).not.toBeNull();
    expect(withTable((t) => void (t.blocks[2]!.term = t.blocks[1]!.term))).toBeNull();
    expect(withTable((t) => void (t.blocks[0]!.term = 1))).toBeNull();
    expect(withTable((t) => void (t.ownerCount = 3))).toBeNull(); // owners beyond the count
    expect(decodeWarmIndex(entryOf(table, [Buffer.concat(body).subarray(0, 100)]), searchKinds.length)).toBeNull();
  });
});

describe('bestFirst: the start of a full sort', () => {
  it('gives the same order as sorting all, ties broken by piece number, for any limit', () => {
    const next = random(seed);
    for (const count of [0, 1, 2, 5, 37, 1000]) {
      const scores = new Float64Array(count).map(() => Math.floor(next() * 20) / 4);
      const pieces = new Uint32Array(count).map((_, i) => (i * 7919) % 10007);
      const all = [...Array(count).keys()].sort((i, j) => scores[j]! - scores[i]! || pieces[i]! - pieces[j]!);
      for (const limit of [1, 3, 10, count, count + 5]) expect(bestFirst(scores, pieces, limit)).toEqual(all.slice(0, limit));
    }
  });
});
