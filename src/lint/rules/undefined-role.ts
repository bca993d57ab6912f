import { nodeList } from '../../analyze/flow.js';
import { belongsToSomeoneElse, insideRanges, quotedRanges, titleStems } from '../../analyze/role-mentions.js';
import { nodeText } from '../../graph/node-text.js';
import type { Position } from '../../graph/types.js';
import { someWord, stem, words } from '../../text/words.js';
import { defineRule, docsUrl } from '../rule.js';

interface Options {
  words: string[];
}

/** Words that name a boss without saying who: the newcomer cannot tell whom to write to. */
const roleLikeWords: Readonly<Record<'ru' | 'en', readonly string[]>> = {
  ru: ['руководитель', 'руководство', 'начальник', 'начальство', 'шеф', 'босс', 'управляющий', 'заведующий'],
  en: ['boss', 'supervisor', 'superior'],
};

/**
 * A role-like word («руководитель», "boss") in a task that no role of the front matter is called
 * by. A defined role's contacts are shown with the step; an undefined one leaves the newcomer
 * asking who is meant. Quoted words (what to say) and someone else's role («директор клиента»)
 * are not counted. Option `words`: more role-like words.
 */
export const rule = defineRule<Options>({
  meta: {
    id: 'undefined-role',
    type: 'suggestion',
    description: 'a role-like word such as «руководитель» that no role in the front matter is called by',
    defaultSeverity: 'warn',
    docs: docsUrl('undefined-role'),
    schema: {
      words: {
        type: 'array',
        maxItems: 200,
        items: { type: 'string', minLength: 1, maxLength: 100 },
        description: 'More role-like words, besides «руководитель», «начальник», "boss", "supervisor".',
      },
    },
    defaultOptions: { words: [] },
    messages: {
      undefined: {
        ru: '«{{word}}» — такой роли нет в разделе roles в начале файла, и новичок не знает, кому писать. Назовите роль, которая там есть ({{known}}), или добавьте роль с именем и контактами',
        en: '"{{word}}" is not a role of the front matter (roles), so a newcomer cannot tell whom to contact. Name a role that is there ({{known}}), or add the role with a name and contacts',
      },
    },
  },
  check(context) {
    const extra = context.options.words;
    const roleLike = new Set([...roleLikeWords.ru, ...roleLikeWords.en, ...extra].map((w) => stem(w)));
    // tasks and nodes by file, in graph order, once: scanning the whole graph for every document was quadratic on large folders
    const tasksOf = groupBy(context.graph.tasks, (t) => t.file);
    const nodesOf = groupBy(nodeList(context.index), (n) => n.position.file);
    for (const doc of context.graph.documents) {
      const defined = new Set(Object.values(doc.roles).flatMap((role) => titleStems(role)));
      const titles = Object.values(doc.roles).map((r) => r.title);
      const known = titles.length ? { ru: titles.map((t) => `«${t}»`).join(', '), en: titles.map((t) => `"${t}"`).join(', ') } : { ru: 'ни одной', en: 'none' };
      const check = (text: string, at: Position) => {
        // most texts have no role-like word: asked word by word first, without a list of words and stems
        if (!someWord(text, (start, end) => roleLike.has(stem(text.slice(start, end))))) return;
        const list = words(text);
        const stems = list.map((w) => stem(w.text));
        let quoted: Array<[number, number]> | undefined;
        for (let i = 0; i < list.length; i++) {
          const s = stems[i]!;
          if (!roleLike.has(s) || defined.has(s)) continue;
          // the quotes are looked for only in a text with a role-like word (most texts have none)
          quoted ??= quotedRanges(text);
          if (
            insideRanges(list[i]!.offset, quoted) ||
            belongsToSomeoneElse(text, list, stems, i, i + 1) ||
            inAddress(text, list[i]!.offset, list[i]!.text.length)
          )
            continue;
          context.report({ file: doc.file, at, messageId: 'undefined', data: { word: list[i]!.text, known } });
          return;
        }
      };
      for (const task of tasksOf.get(doc.file) ?? []) {
        if (task.trigger) check(task.trigger.text, task.trigger.position);
      }
      for (const node of nodesOf.get(doc.file) ?? []) {
        check(nodeText(node), node.position);
        if (node.kind === 'decision') for (const option of node.options) check(option.label, option.position);
      }
    }
  },
});

/** Part of an e-mail address, a link or a handle: manager@example.ru, @boss_bot. */
function inAddress(text: string, offset: number, length: number): boolean {
  const before = text[offset - 1] ?? ' ';
  const after = text[offset + length] ?? ' ';
  return /[@./_:]/.test(before) || /[@/_]/.test(after) || (after === '.' && /\w/.test(text[offset + length + 1] ?? ''));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
