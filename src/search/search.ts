import type { SearchDoc, SearchKind } from './documents.js';
import { DamagedIndexError, QueryEngine } from './engine.js';
import { buildPostings, type Postings } from './postings.js';
import { planQuery } from './query.js';
import type { Synonyms } from './synonyms.js';
import { termsOf } from './terms.js';

/** The pieces of an index, read whole (in memory) or a file at a time when a result needs them (see index-cache.ts). */
export interface DocStore {
  readonly size: number;
  /** A piece; it must have been loaded. */
  get(n: number): SearchDoc;
  /** Makes pieces available to get(); false when they cannot be read (the stored index is then rebuilt). */
  load(ns: readonly number[]): Promise<boolean>;
}

/** The searchable pieces and an inverted index over their text. */
export interface SearchIndex {
  postings: Postings;
  /** Kind of each piece, as its position in searchKinds. */
  kinds: Uint8Array;
  /** The task, section or template each piece belongs to, as a number: one result per owner. */
  owners: Uint32Array;
  /** 1 + the largest owner number, when known without a pass over owners (a stored index). */
  ownerCount?: number;
  docs: DocStore;
}

/** Every kind, in a fixed order: stored indexes keep kinds as positions in this list. */
export const searchKinds: readonly SearchKind[] = [
  'task',
  'situation',
  'trigger',
  'schedule',
  'description',
  'step',
  'decision',
  'option',
  'checkpoint',
  'escalation',
  'end',
  'wait',
  'section',
  'template',
];

/** How much a match counts by where it is: a title or a trigger says what a task is for. */
const kindWeight: Record<SearchKind, number> = {
  task: 3,
  situation: 3,
  trigger: 2.5,
  schedule: 1,
  description: 1.2,
  decision: 1.3,
  option: 1.1,
  step: 1,
  checkpoint: 1,
  escalation: 1.2,
  end: 1,
  wait: 0.9,
  section: 1.3,
  template: 0.7,
};

/** Pieces kept in memory. */
export function memoryDocs(docs: readonly SearchDoc[]): DocStore {
  return { size: docs.length, get: (n) => docs[n]!, load: async () => true };
}

const kindAt = new Map(searchKinds.map((k, i) => [k, i]));
const stepKind = kindAt.get('step')!;

/**
 * Kinds and owners of pieces, in order. A piece mostly has the owner of the piece before it (a
 * task's pieces come one after another), which is told by comparing the two, not by a key. When
 * `texts` is given, each piece's text is put there on the way: a large folder's pieces are spread
 * over a large heap, and each first look at one costs a cache miss, so they are read in one pass.
 */
export function kindsAndOwners(docs: readonly SearchDoc[], texts?: string[]): { kinds: Uint8Array; owners: Uint32Array } {
  const ownerAt = new Map<string, number>();
  const kinds = new Uint8Array(docs.length);
  const owners = new Uint32Array(docs.length);
  let before: SearchDoc | undefined;
  let owner = 0;
  for (let n = 0; n < docs.length; n++) {
    const d = docs[n]!;
    if (texts) texts[n] = d.text;
    kinds[n] = kindAt.get(d.kind) ?? stepKind;
    if (before === undefined || !sameOwner(d, before)) {
      const key = ownerKey(d);
      const known = ownerAt.get(key);
      if (known === undefined) ownerAt.set(key, (owner = ownerAt.size));
      else owner = known;
    }
    owners[n] = owner;
    before = d;
  }
  return { kinds, owners };
}

/** An index of pieces held in memory (tests, and a search without a cache). */
export function buildIndex(docs: SearchDoc[]): SearchIndex {
  const texts = new Array<string>(docs.length);
  const { kinds, owners } = kindsAndOwners(docs, texts);
  return { postings: buildPostings(texts), kinds, owners, docs: memoryDocs(docs) };
}

const engines = new WeakMap<SearchIndex, QueryEngine>();

/** Weight of each kind, by its position in searchKinds. */
const kindBoost = new Float64Array(searchKinds.map((k) => kindWeight[k] ?? 1));

function engineOf(index: SearchIndex): QueryEngine {
  let engine = engines.get(index);
  if (!engine) engines.set(index, (engine = new QueryEngine(index.postings, index.kinds, kindBoost)));
  return engine;
}

/** A result: the best matching piece of one task, section or template. */
export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** [start, end) UTF-16 ranges of doc.text that matched. */
  marks: Array<[number, number]>;
}

export interface SearchOptions {
  synonyms: Synonyms;
  limit?: number;
}

/**
 * Best first, one result per task, section or template: its best matching piece. A task's score
 * is its best piece's, plus a little of its next two, times the share of the query's words the
 * task covers anywhere — «бухгалтер ошибся, клиент недоволен» ranks the complaint, which has all
 * four, above tasks that only mention the accountant.
 */
export function search(index: SearchIndex, text: string, opts: SearchOptions): SearchHit[] {
  return hitsOf(index, rank(index, text, opts));
}

/** search() for an index whose pieces are read from the cache as results need them; null when they cannot be read. */
export async function searchLoading(index: SearchIndex, text: string, opts: SearchOptions): Promise<SearchHit[] | null> {
  let ranked: Ranked[];
  try {
    ranked = rank(index, text, opts);
  } catch (error) {
    if (error instanceof DamagedIndexError) return null;
    throw error;
  }
  return (await index.docs.load(ranked.map((r) => r.n))) ? hitsOf(index, ranked) : null;
}

interface Ranked {
  n: number;
  score: number;
  match: string[];
}

/**
 * What each owner (task, section, template) matched, by owner number: its best piece, the three
 * best scores of its pieces, and which query words its pieces matched (a bit per word).
 */
class Owners {
  readonly seen: number[] = [];
  readonly best: Int32Array;
  readonly bestScore: Float64Array;
  readonly top0: Float64Array;
  readonly top1: Float64Array;
  readonly top2: Float64Array;
  readonly lastSet: Int32Array;
  /** Bits of the query words matched, when the query has at most 32; else a set per owner. */
  readonly words: Uint32Array | null;
  readonly wordSets: Array<Set<number>>;

  constructor(count: number, queryWords: number) {
    this.best = new Int32Array(count);
    this.bestScore = new Float64Array(count);
    this.top0 = new Float64Array(count);
    this.top1 = new Float64Array(count);
    this.top2 = new Float64Array(count);
    this.lastSet = new Int32Array(count).fill(-1);
    this.words = queryWords <= 32 ? new Uint32Array(count) : null;
    this.wordSets = [];
  }

  /** Number of query words an owner's pieces matched. */
  wordCount(o: number): number {
    if (this.words === null) return this.wordSets[o]!.size;
    let bits = this.words[o]!;
    let count = 0;
    for (; bits !== 0; bits &= bits - 1) count++;
    return count;
  }
}

function ownerCount(index: SearchIndex): number {
  let count = index.ownerCount ?? ownerCounts.get(index);
  if (count === undefined) {
    count = 0;
    for (const o of index.owners) if (o >= count) count = o + 1;
    ownerCounts.set(index, count);
  }
  return count;
}

const ownerCounts = new WeakMap<SearchIndex, number>();

function rank(index: SearchIndex, text: string, opts: SearchOptions): Ranked[] {
  const engine = engineOf(index);
  const plan = planQuery(text, opts.synonyms, (stem) => engine.has(stem));
  if (!plan) return [];
  const result = engine.search(plan.query);
  const wordsOfSet = new Map<number, number[]>();
  const owners = new Owners(ownerCount(index), plan.words);
  const { best, bestScore, top0, top1, top2, lastSet, words: wordBits, wordSets } = owners;
  const { owners: ownerOf } = index;
  const { score: scoreOf } = result;
  let lastPieceSet = -1;
  let words: number[] = [];
  for (const n of result.pieces) {
    const set = result.setOf(n);
    if (set !== lastPieceSet) {
      let known = wordsOfSet.get(set);
      if (!known) {
        const found = new Set<number>();
        for (const q of result.sources(n)) for (const w of plan.wordsOf.get(q) ?? []) found.add(w);
        wordsOfSet.set(set, (known = [...found]));
      }
      words = known;
      lastPieceSet = set;
    }
    // A piece's score is the sum over the query terms it matched; synonyms of one word must count as
    // that one word, so it is scaled by the number of query words matched (as MiniSearch scales by terms).
    const score = scoreOf[n]! * words.length;
    const o = ownerOf[n]!;
    if (lastSet[o] === -1) {
      owners.seen.push(o);
      best[o] = n;
      bestScore[o] = -1;
      if (wordBits === null) wordSets[o] = new Set();
    }
    if (score > top0[o]!) {
      top2[o] = top1[o]!;
      top1[o] = top0[o]!;
      top0[o] = score;
    } else if (score > top1[o]!) {
      top2[o] = top1[o]!;
      top1[o] = score;
    } else if (score > top2[o]!) top2[o] = score;
    if (score > bestScore[o]! || (score === bestScore[o]! && n < best[o]!)) {
      best[o] = n;
      bestScore[o] = score;
    }
    if (set !== lastSet[o]) {
      if (wordBits !== null) for (const w of words) wordBits[o]! |= 1 << w;
      else for (const w of words) wordSets[o]!.add(w);
    }
    lastSet[o] = set;
  }
  const { seen } = owners;
  const scores = new Float64Array(seen.length);
  const pieces = new Uint32Array(seen.length);
  seen.forEach((o, i) => {
    const coverage = owners.wordCount(o) / plan.words;
    scores[i] = (top0[o]! + 0.3 * top1[o]! + 0.1 * top2[o]!) * coverage ** 1.5;
    pieces[i] = best[o]!;
  });
  return bestFirst(scores, pieces, opts.limit ?? seen.length).map((i) => ({ n: pieces[i]!, score: scores[i]!, match: result.derived(pieces[i]!) }));
}

/**
 * The `limit` best of the owners (higher score first, then the lower piece number), best first: the
 * start of a full sort, found with a heap of `limit` entries instead (a common query matches tens of
 * thousands of owners, of which ten are shown).
 */
export function bestFirst(scores: Float64Array, pieces: Uint32Array, limit: number): number[] {
  const before = (i: number, j: number) => scores[i]! > scores[j]! || (scores[i] === scores[j] && pieces[i]! < pieces[j]!);
  const count = scores.length;
  const k = Math.max(0, Math.min(limit, count));
  // A heap whose root is the worst of those kept.
  const heap: number[] = [];
  const down = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && before(heap[worst]!, heap[left]!)) worst = left;
      if (right < heap.length && before(heap[worst]!, heap[right]!)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (let i = 0; i < count && k > 0; i++) {
    if (heap.length < k) {
      heap.push(i);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!before(heap[parent]!, heap[at]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (before(i, heap[0]!)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((i, j) => (before(i, j) ? -1 : before(j, i) ? 1 : 0));
}

function hitsOf(index: SearchIndex, ranked: readonly Ranked[]): SearchHit[] {
  return ranked.map(({ n, match, score }) => {
    const doc = index.docs.get(n);
    return { doc, score: Math.round(score * 1000) / 1000, marks: marksIn(doc.text, new Set(match)) };
  });
}

/** Whether two pieces have the same ownerKey(), told without making it. */
function sameOwner(a: SearchDoc, b: SearchDoc): boolean {
  if (a.kind === 'template' || b.kind === 'template') return a.kind === b.kind && a.id === b.id;
  if (a.task || b.task) return a.task === b.task;
  return a.file === b.file && (a.section ?? '') === (b.section ?? '');
}

function ownerKey(doc: SearchDoc): string {
  if (doc.kind === 'template') return `template\0${doc.id}`;
  if (doc.task) return `task\0${doc.task}`;
  return `section\0${doc.file}\0${doc.section ?? ''}`;
}

/** Where the words whose index terms matched are in the text. */
function marksIn(text: string, matched: ReadonlySet<string>): Array<[number, number]> {
  const marks: Array<[number, number]> = [];
  for (const t of termsOf(text)) if (t.stems.some((s) => matched.has(s))) marks.push([t.word.offset, t.word.offset + t.word.text.length]);
  return marks;
}
