import { predecessors, type Predecessors } from '../../analyze/flow.js';
import { quote } from '../describe.js';
import { timePhrases, type TimePhrase } from '../time-phrases.js';
import { defineRule, docsUrl } from '../rule.js';

interface Options {
  dueTimes: boolean;
}

/**
 * A step or a question whose text sets a time — «в течение 2 часов», «через 2 рабочих дня»,
 * «к сроку», "within 2 hours" — with no ::wait right before it: the runner cannot know that time
 * must pass, so a newcomer answers at once or pauses by hand with nothing to remind them.
 * A step that says to do something later («через 2 рабочих дня», «в день срока», "in 3 working
 * days") and a question whether something happened within a time («в течение 2 часов?», «к сроку?»)
 * are hidden waits. A due time — a clock time («до 12:00»), «в течение 30 минут» in a step, «до
 * конца срока» — says how fast to act, not that time must pass; checked only with `dueTimes`.
 * A question about ability («может принять в течение 15 минут?») is answered now. Quoted speech
 * is what someone says and is left alone. Nodes right after a wait (or after the steps that
 * follow one) and a step right before a wait (setting it up) are fine.
 */
export const rule = defineRule<Options>({
  meta: {
    id: 'hidden-wait',
    type: 'suggestion',
    description: 'a step or question sets a time («в течение 2 часов», «через 2 рабочих дня», "within 2 hours") but no ::wait comes before it',
    defaultSeverity: 'warn',
    docs: docsUrl('hidden-wait'),
    schema: {
      dueTimes: { type: 'boolean', description: 'Also report due times: clock times («до 12:00», "by noon") and «в течение …» in steps.' },
    },
    defaultOptions: { dueTimes: false },
    messages: {
      hidden: {
        ru: '{{what}} {{text}} задаёт время («{{phrase}}»), но перед ним нет ожидания. Добавьте перед ним ::wait[Что должно произойти]{timeout={{timeout}}} с шагами на случай, когда время вышло, или срок deadline=… у задачи',
        en: '{{what}} {{text}} sets a time ("{{phrase}}") but no wait comes before it. Add ::wait[What must happen]{timeout={{timeout}}} before it, with steps for when the time runs out, or a deadline=… on the task',
      },
    },
  },
  check(context) {
    // who leads to each node, as numbers: the flow index's edges turned round, shared by the graph's analyses
    const preds = predecessors(context.index);
    const nodes = preds.nodes;
    const dueTimes = context.options.dueTimes;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.kind !== 'step' && node.kind !== 'decision') continue;
      if (followsWait(i, preds) || (node.kind === 'step' && nextIsWait(i, preds))) continue;
      const text = node.kind === 'step' ? node.text : node.question;
      const phrase = timePhrases(unquoted(text)).find((p) => dueTimes || (node.kind === 'step' ? isLater(p) : !isDueTime(p) && !asksAbility(text)));
      if (!phrase) continue;
      const what = node.kind === 'decision' ? { ru: 'Вопрос', en: 'Question' } : { ru: 'Шаг', en: 'Step' };
      context.report({
        file: node.position.file,
        at: node.position,
        messageId: 'hidden',
        data: { what, text: { ru: quote(text, 'ru'), en: quote(text) }, phrase: phrase.text, timeout: phrase.span ?? '…' },
      });
    }
  },
});

/** A wait, or steps straight after one (each with a single way in), comes before node number `at`. */
function followsWait(at: number, { nodes, start, pred }: Predecessors): boolean {
  for (let i = 0; i < 6; i++) {
    const from = start[at]!;
    const to = start[at + 1]!;
    for (let k = from; k < to; k++) if (nodes[pred[k]!]!.kind === 'wait') return true;
    if (to - from !== 1 || nodes[pred[from]!]!.kind !== 'step') return false;
    at = pred[from]!;
  }
  return false;
}

/** A step's one edge (to its next node, when that exists) leads to a wait. */
function nextIsWait(at: number, { nodes, succStart, succ }: Predecessors): boolean {
  return succStart[at + 1]! > succStart[at]! && nodes[succ[succStart[at]!]!]!.kind === 'wait';
}

/** «через 2 дня», «в день срока», "in 3 days", "after 2 hours": do it later. */
function isLater(p: TimePhrase): boolean {
  return /^(через|in|after)\s/iu.test(p.text) || /в\s+день\s+срока/iu.test(p.text);
}

/** A clock time or «до конца …»: how fast to act, not a wait. */
function isDueTime(p: TimePhrase): boolean {
  return /\d:\d\d|noon|midday|\bam\b|\bpm\b|до\s+конца|by\s+the\s+end/iu.test(p.text);
}

/** «может», «можно», "can": a question about ability, answered now. */
function asksAbility(text: string): boolean {
  return /(?<![\p{L}])(мож(ет|ем|ете|ешь|но|ут)|can|could)(?![\p{L}])/iu.test(text);
}

/** The text with quoted speech blanked out (same length, so offsets stay). */
function unquoted(text: string): string {
  return text.replace(/«[^»]*»|“[^”]*”|"[^"]*"/g, (q) => ' '.repeat(q.length));
}
