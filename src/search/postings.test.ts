import { describe, expect, it } from 'vitest';
import type { SearchDoc } from './documents.js';
import { buildPostings } from './postings.js';
import { kindsAndOwners, searchKinds } from './search.js';
import { termsOf } from './terms.js';

/** A seeded generator (the seed is printed with any failure). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** The postings as counted term by term with strings, sorted at the end: what buildPostings() must give. */
function reference(texts: readonly string[]) {
  const byTerm = new Map<string, number[]>();
  const fieldLength = new Uint32Array(texts.length);
  texts.forEach((text, n) => {
    const counts = new Map<string, number>();
    for (const t of termsOf(text)) for (const term of t.stems) if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
    fieldLength[n] = counts.size;
    for (const [term, tf] of counts) {
      if (!byTerm.has(term)) byTerm.set(term, []);
      byTerm.get(term)!.push(n, tf);
    }
  });
  const terms = [...byTerm.keys()].sort();
  const start = new Uint32Array(terms.length + 1);
  const docs: number[] = [];
  const tfs: number[] = [];
  terms.forEach((t, i) => {
    start[i] = docs.length;
    const list = byTerm.get(t)!;
    for (let j = 0; j < list.length; j += 2) {
      docs.push(list[j]!);
      tfs.push(Math.min(list[j + 1]!, 65535));
    }
  });
  start[terms.length] = docs.length;
  return { terms, start, docs: new Uint32Array(docs), tfs: new Uint16Array(tfs), fieldLength };
}

describe('buildPostings', () => {
  it('gives the postings of a term-by-term count (seeded random pieces: word forms, case, ё, hyphens, stop words, digits, other scripts)', () => {
    const seed = 2811;
    const next = random(seed);
    const vocabulary = [
      'Клиент',
      'клиента',
      'КЛИЕНТУ',
      'клиентов',
      'счёт',
      'счет',
      'Счета',
      'ИТ-подрядчик',
      'по-русски',
      'и',
      'не',
      'в',
      'e-mail',
      'don’t',
      "client's",
      'Printers',
      'printer',
      '3-НДФЛ',
      '2026',
      'x86',
      'ёлки',
      'Ёлки',
      'naïve',
      'Ελλάδα',
      '中文',
      '𝒜bc',
      'то-то',
      'из-за',
      'Подготовить',
      'подготовка',
    ];
    const glue = [' ', ', ', ' — ', ' «', '» ', '. ', '\n', ' (', ') ', '-', ' ’'];
    const texts = Array.from({ length: 400 }, () =>
      Array.from({ length: Math.floor(next() * 25) }, () => vocabulary[Math.floor(next() * vocabulary.length)]! + glue[Math.floor(next() * glue.length)]!).join(
        '',
      ),
    );
    texts.push('', '—', 'и и и', 'клиент '.repeat(70_000));
    expect(buildPostings(texts), `seed ${seed}`).toEqual(reference(texts));
  });
});

describe('kindsAndOwners', () => {
  it('numbers owners in the order first met, whether or not a piece follows one of its owner', () => {
    const seed = 1128;
    const next = random(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const docs: SearchDoc[] = Array.from({ length: 600 }, () => {
      const kind = pick(searchKinds);
      return {
        kind,
        id: pick(['a.md', 'b.md', 't1', 't2']),
        task: kind === 'section' ? null : pick(['t1', 't2', 't3', '', null]),
        section: pick(['s1', 's2', '', null]),
        title: '',
        text: '',
        file: pick(['a.md', 'b.md']),
        line: 1,
        lang: 'ru',
      };
    });
    // runs of pieces of one owner, as searchDocuments() makes them
    for (let i = 1; i < docs.length; i++) if (next() < 0.6) docs[i] = { ...docs[i - 1]!, kind: docs[i - 1]!.kind === 'template' ? 'template' : 'step' };
    const keyOf = (d: SearchDoc) => (d.kind === 'template' ? `template\0${d.id}` : d.task ? `task\0${d.task}` : `section\0${d.file}\0${d.section ?? ''}`);
    const numbers = new Map<string, number>();
    for (const d of docs) if (!numbers.has(keyOf(d))) numbers.set(keyOf(d), numbers.size);
    const { kinds, owners } = kindsAndOwners(docs);
    expect([...owners], `seed ${seed}`).toEqual(docs.map((d) => numbers.get(keyOf(d))));
    expect([...kinds]).toEqual(docs.map((d) => searchKinds.indexOf(d.kind)));
  });
});
