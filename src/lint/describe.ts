import type { Node } from '../graph/types.js';
import type { Lang, Localized } from './rule.js';

/** A short quote for messages: «Позвонить клиенту…» / "Call the client…" (at most 60 characters). */
export function quote(text: string, lang: Lang = 'en', max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return lang === 'ru' ? `«${cut}»` : `"${cut}"`;
}

/** What a node is, for messages: `step "…"` / `шаг «…»`, `::goto[#x]`. */
export function describeNode(node: Node, lang: Lang = 'en'): string {
  const ru = lang === 'ru';
  switch (node.kind) {
    case 'step':
      return `${ru ? 'шаг' : 'step'} ${quote(node.text, lang)}`;
    case 'decision':
      return `${ru ? 'решение' : 'decision'} ${quote(node.question, lang)}`;
    case 'jump':
      return `::goto[#${node.target}]`;
    case 'end':
      return `::end[${node.outcome}]`;
    case 'escalation':
      return `::escalate[${node.reason}]`;
    case 'checkpoint':
      return `${ru ? 'контрольная точка' : 'checkpoint'} ${quote(node.text, lang)}`;
    case 'wait':
      return `::wait[${node.event}]`;
  }
}

/** Russian plural: plural(5, 'шаг', 'шага', 'шагов') → «шагов». */
export function plural(n: number, one: string, few: string, many: string): string {
  const form = new Intl.PluralRules('ru').select(n);
  return form === 'one' ? one : form === 'few' ? few : many;
}

/** `describeNode` in every language, for a message's data. */
export function described(node: Node): Localized {
  return { ru: describeNode(node, 'ru'), en: describeNode(node, 'en') };
}

/** `quote` in every language, for a message's data. */
export function quoted(text: string): Localized {
  return { ru: quote(text, 'ru'), en: quote(text, 'en') };
}
