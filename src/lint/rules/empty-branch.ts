import { nodeList } from '../../analyze/flow.js';
import { quoted } from '../describe.js';
import { defineRule, docsUrl } from '../rule.js';

/**
 * An option with nothing in it that goes straight on after the decision: choosing it does the
 * same as not asking. (An empty option with nothing after the decision is a dead-end.)
 */
export const rule = defineRule({
  meta: {
    id: 'empty-branch',
    type: 'problem',
    description: 'a decision option with no steps of its own',
    defaultSeverity: 'warn',
    docs: docsUrl('empty-branch'),
    schema: {},
    defaultOptions: {},
    messages: {
      allEmpty: {
        ru: 'Все варианты решения {{decision}} пустые, так что ответ ничего не меняет; добавьте в варианты шаги или уберите решение',
        en: 'Every option of decision {{decision}} is empty, so the answer changes nothing; add steps to the options or remove the decision',
      },
      emptyOption: {
        ru: 'В варианте {{option}} решения {{decision}} нет шагов: он сразу идёт дальше, к тому, что после решения. Напишите, что делать (шаг, ::goto или ::end), или сделайте из решения шаг, если разницы нет',
        en: 'Option {{option}} of decision {{decision}} has no steps: it goes straight on with what follows the decision. Say what to do (e.g. a step, ::goto or ::end), or write the option as a step if nothing differs',
      },
    },
  },
  check(context) {
    for (const node of nodeList(context.index)) {
      if (node.kind !== 'decision' || node.join == null) continue;
      const empty = node.options.filter((o) => o.next === node.join);
      if (empty.length === 0) continue;
      const all = empty.length === node.options.length;
      for (const option of empty) {
        context.report({
          file: node.position.file,
          at: option.position,
          messageId: all ? 'allEmpty' : 'emptyOption',
          data: { option: quoted(option.label), decision: quoted(node.question) },
        });
      }
    }
  },
});
