import { stem, words } from '../../text/words.js';
import type { LintConfig } from '../config-types.js';
import { docsUrl, type Rule } from '../rule.js';
import { vagueWords } from '../vague-words.js';
import { PhraseMatcher } from '../wording.js';

/**
 * General words that name no action a person can check (the seed's mistake 1): «Организовать
 * комфортную встречу», "ensure timely payment". Found in every inflected form, anywhere in the
 * prose of an instruction (not in code, links, comments or front matter).
 */
export const rule: Rule = {
  meta: {
    id: 'vague-wording',
    description: 'general words such as «организовать», «обеспечить», "ensure", "as needed" instead of concrete actions',
    defaultSeverity: 'warn',
    docs: docsUrl('vague-wording'),
  },
  check(context) {
    const matcher = matcherFor(context.config);
    for (const doc of context.graph.documents) {
      const source = context.source(doc.file);
      if (!source) continue;
      for (const m of matcher.find(source.prose)) {
        const found = source.text.slice(m.offset, m.endOffset).replace(/\s+/g, ' ');
        const message =
          context.lang(doc.file) === 'ru'
            ? `Общие слова «${found}»: непонятно, что именно делать. Напишите конкретные действия — кто, что, чем и к какому сроку делает (например, «встретить, предложить чай или кофе, проводить в переговорную» вместо «организовать комфортную встречу»)`
            : `Vague wording "${found}": it does not say what exactly to do. Name the concrete actions instead — who does what, with what, by when (e.g. "greet the client, offer tea or coffee, show them to the meeting room" instead of "ensure a comfortable visit")`;
        context.report({ file: doc.file, at: { offset: m.offset, endOffset: m.endOffset }, message });
      }
    }
  },
};

const cache = new WeakMap<LintConfig, PhraseMatcher>();

/** The built-in lists with the config's additions and removals, compiled once per config. */
export function matcherFor(config: LintConfig): PhraseMatcher {
  let matcher = cache.get(config);
  if (matcher) return matcher;
  const list: string[] = [];
  for (const lang of ['ru', 'en'] as const) {
    const change = config.vagueWords[lang];
    const removed = new Set((change?.remove ?? []).map(key));
    for (const entry of [...vagueWords[lang], ...(change?.add ?? [])]) if (!removed.has(key(entry))) list.push(entry);
  }
  matcher = new PhraseMatcher(list);
  cache.set(config, matcher);
  return matcher;
}

/** Entries are the same when their words stem alike («Организовать» = «организовать»). */
function key(entry: string): string {
  return words(entry)
    .map((w) => stem(w.text))
    .join(' ');
}
