import type { Query } from 'minisearch';
import { expand, type Synonyms } from './synonyms.js';
import { termsOf, type Term } from './terms.js';

/** A query as MiniSearch runs it, and which query word each index term stands for. */
export interface PlannedQuery {
  query: Query;
  /** Number of query words that count (stop words left out unless the query has nothing else). */
  words: number;
  /** Index term → the query words it stands for (its own stem, a hyphen part, a synonym). */
  wordsOf: Map<string, Set<number>>;
}

/** Synonyms count a little less than the word the user typed. */
const synonymBoost = 0.5;

/**
 * Each word of the query is looked up by its stem. Longer words also match as the start of a
 * word (someone typing «аптек») and with one typo (two for long words); a short word — three
 * letters or fewer, or a stem under five letters for typos — only matches itself, so «ты» never
 * finds «чаты» and «кричит» never finds «крик». Words are combined with OR; ranking rewards
 * results that cover more of them (see search.ts). A word that is a word of the index is taken as
 * typed whole: it brings in the synonym groups of its own stem, not of the longer words it starts
 * («скан» is not the start of «скандалит»).
 */
export function planQuery(text: string, synonyms: Synonyms, isWord: (stem: string) => boolean = () => false): PlannedQuery | null {
  const all = termsOf(text);
  const content = all.filter((t) => !t.stop);
  const onlyStop = content.length === 0;
  const used = dedupe(onlyStop ? all : content);
  if (used.length === 0) return null;
  const queryStems = new Set(used.flatMap((t) => t.stems));
  const wordsOf = new Map<string, Set<number>>();
  const note = (stem: string, i: number) => {
    let set = wordsOf.get(stem);
    if (!set) wordsOf.set(stem, (set = new Set()));
    set.add(i);
  };
  const queries: Query[] = used.map((term, i) => {
    const alternatives: Query[] = [];
    const own = term.stems[0]!;
    note(own, i);
    alternatives.push(leaf(own, onlyStop ? 0 : term.lower.length));
    if (term.stems.length > 1) {
      const parts = term.stems.slice(1);
      parts.forEach((p) => note(p, i));
      alternatives.push({ combineWith: 'AND', queries: parts.map((p) => leaf(p, p.length)) });
    }
    if (!onlyStop) {
      for (const phrase of expand(synonyms, own, queryStems, !isWord(own))) {
        phrase.forEach((p) => note(p, i));
        const sub = phrase.map((p) => leaf(p, p.length + 2, false));
        alternatives.push({ combineWith: 'AND', queries: sub, boost: { text: synonymBoost } });
      }
    }
    return alternatives.length === 1 ? alternatives[0]! : { combineWith: 'OR', queries: alternatives };
  });
  return { query: { combineWith: 'OR', queries }, words: used.length, wordsOf };
}

/** One index term, with the prefix and typo tolerance its length allows. */
function leaf(stem: string, wordLength: number, typos = true): Query {
  const prefix = wordLength > 3 && stem.length >= 4;
  const fuzzy = typos && wordLength >= 6 && stem.length >= 5 ? (wordLength >= 10 && stem.length >= 8 ? 2 : 1) : 0;
  return { combineWith: 'OR', queries: [stem], prefix, fuzzy };
}

function dedupe(terms: Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((t) => !seen.has(t.stems[0]!) && (seen.add(t.stems[0]!), true));
}
