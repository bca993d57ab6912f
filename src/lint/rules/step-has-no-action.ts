import { nodeList } from '../../analyze/flow.js';
import { words } from '../../text/words.js';
import { quoted } from '../describe.js';
import { defineRule, docsUrl } from '../rule.js';

/**
 * A step that states no action a person can do. A heuristic, tuned to be quiet on real text:
 * - Russian: no word of the step looks like an infinitive («позвонить», «отнести», «помочь») or
 *   a polite imperative («позвоните», «отправьте»), so the step is a statement or a noun phrase
 *   («Тариф клиента в CRM», «Встреча с клиентом»);
 * - English: after an optional leading "If/When … ," the step starts with an article, a pronoun,
 *   or an -ing / -ed form ("The invoice is sent", "Sending the invoice") rather than a verb.
 */
export const rule = defineRule({
  meta: {
    id: 'step-has-no-action',
    type: 'suggestion',
    description: 'a step that names no action (no verb such as «позвонить», "call")',
    defaultSeverity: 'warn',
    docs: docsUrl('step-has-no-action'),
    schema: {},
    defaultOptions: {},
    messages: {
      noVerb: {
        ru: 'Шаг {{step}} не содержит глагола, который говорит, что сделать. Начните его с действия, например «Позвонить клиенту …»; если это примечание, перенесите его под предыдущий шаг',
        en: 'Step {{step}} has no verb that says what to do. Start it with what to do, e.g. "Call the client …"; if it is a note, put it under the step before',
      },
      startsWith: {
        ru: 'Шаг {{step}} начинается со слова «{{first}}», а не с того, что сделать. Начните его с действия, например «Позвонить клиенту …»; если это примечание, перенесите его под предыдущий шаг',
        en: 'Step {{step}} starts with "{{first}}", not with what to do. Start it with what to do, e.g. "Call the client …"; if it is a note, put it under the step before',
      },
    },
  },
  check(context) {
    for (const node of nodeList(context.index)) {
      if (node.kind !== 'step') continue;
      const text = node.text;
      const problem = mostlyCyrillic(text) ? russianProblem(text) : englishProblem(text);
      if (!problem) continue;
      if (problem.first !== undefined)
        context.report({ file: node.position.file, at: node.position, messageId: 'startsWith', data: { step: quoted(text), first: problem.first } });
      else context.report({ file: node.position.file, at: node.position, messageId: 'noVerb', data: { step: quoted(text) } });
    }
  },
});

const russianInfinitive = /(?:ть|ти|чь)(?:ся|сь)?$/;
const russianImperative = /(?:[иьй]те)(?:сь)?$/;
// Nouns and adverbs with a verb-like ending.
const russianNotVerbs = /(?:ость|есть|сть|пути|почти|сети|части|чести|ночь|дочь|мощь|помощь|вещь|речь|печь)$/;
const russianVerbsInSt = new Set(['учесть', 'прочесть', 'класть', 'сесть', 'красть', 'съесть', 'надеть', 'отнести', 'вести']);

/** Why a step names no action: no verb at all, or this first word. */
interface Problem {
  first?: string;
}

/** At least as many Cyrillic letters as Latin ones (counted without building match lists). */
function mostlyCyrillic(text: string): boolean {
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return cyrillic >= latin;
}

// Whether a word (as written) looks like a Russian verb, worked out once per distinct word;
// bounded so a hostile text of random words cannot grow it without end.
const russianVerbWords = new Map<string, boolean>();
const wordPattern = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

function isRussianVerb(word: string): boolean {
  let verb = russianVerbWords.get(word);
  if (verb !== undefined) return verb;
  const lower = word.toLowerCase();
  verb = russianVerbsInSt.has(lower) || (!russianNotVerbs.test(lower) && (russianInfinitive.test(lower) || russianImperative.test(lower)));
  if (russianVerbWords.size >= 100_000) russianVerbWords.clear();
  russianVerbWords.set(word, verb);
  return verb;
}

function russianProblem(text: string): Problem | null {
  // the words of text/words.ts, without building the list
  wordPattern.lastIndex = 0;
  for (let m = wordPattern.exec(text); m !== null; m = wordPattern.exec(text)) if (isRussianVerb(m[0])) return null;
  return {};
}

const englishNotActions = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'its',
  'their',
  'his',
  'her',
  'our',
  'my',
  'there',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'nothing',
  'everything',
  'all',
  'each',
]);
const englishLead = /^(?:if|when|once|after|before|while|as soon as|until|unless)\b[^,]*,\s*/i;
const englishSkip = new Set(['please', 'then', 'also', 'always', 'never', 'immediately', 'first', 'next', 'finally', 'now', 'do', "don't", 'not']);

function englishProblem(text: string): Problem | null {
  const rest = text.replace(englishLead, '');
  const list = words(rest).map((w) => w.text.toLowerCase());
  const first = list.find((w) => !englishSkip.has(w));
  if (first === undefined) return {};
  if (englishNotActions.has(first)) return { first };
  if ((/ing$/.test(first) && first.length > 5) || (/ed$/.test(first) && !/eed$/.test(first) && first.length > 4)) return { first };
  return null;
}
