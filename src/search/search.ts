import MiniSearch, { type Options } from 'minisearch';
import type { SearchDoc, SearchKind } from './documents.js';
import { planQuery } from './query.js';
import type { Synonyms } from './synonyms.js';
import { indexTerms, termsOf } from './terms.js';

/** The searchable pieces and MiniSearch's inverted index over their text. */
export interface SearchIndex {
  docs: SearchDoc[];
  mini: MiniSearch<IndexedDoc>;
}

interface IndexedDoc {
  n: number;
  text: string;
}

const options: Options<IndexedDoc> = {
  idField: 'n',
  fields: ['text'],
  tokenize: indexTerms,
  processTerm: (term) => term,
  searchOptions: { tokenize: (term) => [term], processTerm: (term) => term, weights: { fuzzy: 0.55, prefix: 0.6 } },
};

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

export function buildIndex(docs: SearchDoc[]): SearchIndex {
  const mini = new MiniSearch<IndexedDoc>(options);
  mini.addAll(docs.map((d, n) => ({ n, text: d.text })));
  return { docs, mini };
}

/** The index as text, to be cached with the compiled graph. */
export function serializeIndex(index: SearchIndex): string {
  return JSON.stringify({ format: indexFormat, docs: index.docs, mini: index.mini.toJSON() });
}

const indexFormat = 'instr-search 1';

/** The index from serializeIndex, or null when the text is of another format or damaged. */
export function loadIndex(text: string): SearchIndex | null {
  try {
    const value = JSON.parse(text) as { format?: unknown; docs?: unknown; mini?: unknown };
    if (value.format !== indexFormat || !Array.isArray(value.docs) || typeof value.mini !== 'object' || value.mini === null) return null;
    const mini = MiniSearch.loadJS<IndexedDoc>(value.mini as Parameters<typeof MiniSearch.loadJS>[0], options);
    return { docs: value.docs as SearchDoc[], mini };
  } catch {
    return null;
  }
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
  const plan = planQuery(text, opts.synonyms);
  if (!plan) return [];
  const raw = index.mini.search(plan.query, { boostDocument: (n) => kindWeight[index.docs[n as number]!.kind] ?? 1 });
  const owners = new Map<string, { best: (typeof raw)[number]; bestScore: number; scores: number[]; words: Set<number> }>();
  for (const r of raw) {
    const doc = index.docs[r.id as number]!;
    const key = ownerKey(doc);
    let owner = owners.get(key);
    if (!owner) owners.set(key, (owner = { best: r, bestScore: -1, scores: [], words: new Set() }));
    // MiniSearch multiplies a score by the number of query terms matched; synonyms of one word
    // must count as that one word, so the multiplier becomes the number of words matched.
    const words = new Set<number>();
    for (const q of r.queryTerms) for (const w of plan.wordsOf.get(q) ?? []) words.add(w);
    const score = (r.score / Math.max(1, r.queryTerms.length)) * words.size;
    owner.scores.push(score);
    if (score > owner.bestScore) Object.assign(owner, { best: r, bestScore: score });
    for (const w of words) owner.words.add(w);
  }
  const ranked = [...owners.values()].map((o) => {
    const [a = 0, b = 0, c = 0] = [...o.scores].sort((x, y) => y - x);
    const coverage = o.words.size / plan.words;
    return { r: o.best, score: (a + 0.3 * b + 0.1 * c) * coverage ** 1.5 };
  });
  ranked.sort((x, y) => y.score - x.score || (x.r.id as number) - (y.r.id as number));
  return ranked.slice(0, opts.limit ?? ranked.length).map(({ r, score }) => {
    const doc = index.docs[r.id as number]!;
    return { doc, score: Math.round(score * 1000) / 1000, marks: marksIn(doc.text, new Set(r.terms)) };
  });
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
