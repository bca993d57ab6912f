import { nodeList } from '../../analyze/flow.js';
import { quote } from '../describe.js';
import { docsUrl, type Rule } from '../rule.js';

/**
 * An option with nothing in it that goes straight on after the decision: choosing it does the
 * same as not asking. (An empty option with nothing after the decision is a dead-end.)
 */
export const rule: Rule = {
  meta: {
    id: 'empty-branch',
    description: 'a decision option with no steps of its own',
    defaultSeverity: 'warn',
    docs: docsUrl('empty-branch'),
  },
  check(context) {
    for (const node of nodeList(context.index)) {
      if (node.kind !== 'decision' || node.join == null) continue;
      const empty = node.options.filter((o) => o.next === node.join);
      if (empty.length === 0) continue;
      const all = empty.length === node.options.length;
      const ru = context.lang(node.position.file) === 'ru';
      for (const option of empty) {
        const message = ru
          ? all
            ? `Все варианты решения ${quote(node.question, 'ru')} пустые, так что ответ ничего не меняет; добавьте в варианты шаги или уберите решение`
            : `В варианте ${quote(option.label, 'ru')} решения ${quote(node.question, 'ru')} нет шагов: он сразу идёт дальше, к тому, что после решения. Напишите, что делать (шаг, ::goto или ::end), или сделайте из решения шаг, если разницы нет`
          : all
            ? `Every option of decision ${quote(node.question)} is empty, so the answer changes nothing; add steps to the options or remove the decision`
            : `Option ${quote(option.label)} of decision ${quote(node.question)} has no steps: it goes straight on with what follows the decision. Say what to do (e.g. a step, ::goto or ::end), or write the option as a step if nothing differs`;
        context.report({ file: node.position.file, at: option.position, message });
      }
    }
  },
};
