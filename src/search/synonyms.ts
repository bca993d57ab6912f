import { termsOf } from './terms.js';

/** A phrase of a synonym group as index terms (stop words left out): «повышает голос» → [повыша, голос]. */
export type Phrase = string[];

/** Synonym groups, ready for query expansion. */
export interface Synonyms {
  groups: Phrase[][];
}

/** Groups of words or phrases that mean the same to the firm: «орёт, кричит, повышает голос». */
export function compileSynonyms(groups: ReadonlyArray<ReadonlyArray<string>>): Synonyms {
  const out: Phrase[][] = [];
  for (const group of groups) {
    const phrases = group.map(phraseTerms).filter((p) => p.length > 0);
    if (phrases.length > 1) out.push(phrases);
  }
  return { groups: out };
}

function phraseTerms(text: string): Phrase {
  const terms = termsOf(text);
  const content = terms.filter((t) => !t.stop);
  return (content.length > 0 ? content : terms).map((t) => t.stems[0]!);
}

/**
 * The phrases a query word stands for through the synonym groups, the word's own phrase left
 * out. A group applies when one of its one-word phrases is the word (same stem, or, when `partial`,
 * the word is the start of it: «бесплат» for «бесплатно»), or when every word of one of its phrases
 * is in the query.
 */
export function expand(synonyms: Synonyms, stem: string, queryStems: ReadonlySet<string>, partial = true): Phrase[] {
  const out: Phrase[] = [];
  for (const group of synonyms.groups) {
    const hit = group.find((p) =>
      p.length === 1 ? p[0] === stem || (partial && stem.length >= 4 && p[0]!.startsWith(stem)) : p.includes(stem) && p.every((s) => queryStems.has(s)),
    );
    if (!hit) continue;
    for (const phrase of group) if (phrase !== hit && !out.some((o) => o.join(' ') === phrase.join(' '))) out.push(phrase);
  }
  return out;
}
