import { stem, words } from '../../text/words.js';
import { defineRule, docsUrl } from '../rule.js';
import { vagueWords } from '../vague-words.js';
import { PhraseMatcher } from '../wording.js';

interface WordListChange {
  add?: string[];
  remove?: string[];
}

interface Options {
  ru: WordListChange;
  en: WordListChange;
}

const wordList = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 10000 };
const change = {
  type: 'object',
  additionalProperties: false,
  properties: { add: wordList, remove: wordList },
};

/**
 * General words that name no action a person can check (the seed's mistake 1): «Организовать
 * комфортную встречу», "ensure timely payment". Found in every inflected form, anywhere in the
 * prose of an instruction (not in code, links, comments or front matter).
 */
export const rule = defineRule<Options>({
  meta: {
    id: 'vague-wording',
    type: 'suggestion',
    description: 'general words such as «организовать», «обеспечить», "ensure", "as needed" instead of concrete actions',
    defaultSeverity: 'warn',
    docs: docsUrl('vague-wording'),
    schema: {
      ru: { ...change, description: 'Russian words and phrases (dictionary form) to add to or remove from the built-in list; every inflected form is found.' },
      en: { ...change, description: 'English words and phrases to add to or remove from the built-in list.' },
    },
    defaultOptions: { ru: {}, en: {} },
    messages: {
      vague: {
        ru: 'Общие слова «{{found}}»: непонятно, что именно делать. Напишите конкретные действия — кто, что, чем и к какому сроку делает (например, «встретить, предложить чай или кофе, проводить в переговорную» вместо «организовать комфортную встречу»)',
        en: 'Vague wording "{{found}}": it does not say what exactly to do. Name the concrete actions instead — who does what, with what, by when (e.g. "greet the client, offer tea or coffee, show them to the meeting room" instead of "ensure a comfortable visit")',
      },
    },
  },
  check(context) {
    const matcher = matcherFor(context.options);
    for (const doc of context.graph.documents) {
      const source = context.source(doc.file);
      if (!source) continue;
      for (const m of matcher.find(source.prose)) {
        const found = source.text.slice(m.offset, m.endOffset).replace(/\s+/g, ' ');
        context.report({ file: doc.file, at: { offset: m.offset, endOffset: m.endOffset }, messageId: 'vague', data: { found } });
      }
    }
  },
});

const cache = new Map<string, PhraseMatcher>();

/** The built-in lists with the options' additions and removals, compiled once per distinct options. */
function matcherFor(options: Readonly<Partial<Options>>): PhraseMatcher {
  const cacheKey = JSON.stringify([options.ru ?? {}, options.en ?? {}]);
  let matcher = cache.get(cacheKey);
  if (matcher) return matcher;
  const list: string[] = [];
  for (const lang of ['ru', 'en'] as const) {
    const change = options[lang];
    const removed = new Set((change?.remove ?? []).map(key));
    // entries are stemmed to compare them only when there is something to remove
    for (const entry of [...vagueWords[lang], ...(change?.add ?? [])]) if (removed.size === 0 || !removed.has(key(entry))) list.push(entry);
  }
  matcher = new PhraseMatcher(list);
  if (cache.size > 16) cache.clear();
  cache.set(cacheKey, matcher);
  return matcher;
}

/** Entries are the same when their words stem alike («Организовать» = «организовать»). */
function key(entry: string): string {
  return words(entry)
    .map((w) => stem(w.text))
    .join(' ');
}
