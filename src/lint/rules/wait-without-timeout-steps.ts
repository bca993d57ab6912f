import { nodeList } from '../../analyze/flow.js';
import { quoted } from '../describe.js';
import { defineRule, docsUrl } from '../rule.js';

/**
 * A wait with a timeout says how long to wait but not what to do when the time runs out: the
 * reminder fires and the newcomer has nothing to send, and no one to send it to.
 */
export const rule = defineRule({
  meta: {
    id: 'wait-without-timeout-steps',
    type: 'suggestion',
    description: 'a ::wait with a timeout but no steps for when the time runs out',
    defaultSeverity: 'warn',
    docs: docsUrl('wait-without-timeout-steps'),
    schema: {},
    defaultOptions: {},
    messages: {
      missing: {
        ru: 'У ожидания {{event}} есть timeout={{timeout}}, но не сказано, что делать, когда время вышло. Добавьте сразу под ним пункт «- Время вышло, …» и с отступом шаги: что отправить и кому',
        en: 'The wait {{event}} has timeout={{timeout}} but does not say what to do when the time runs out. Add right under it an item "- The time ran out, …" with the steps indented under it: what to send, and to whom',
      },
    },
  },
  check(context) {
    for (const node of nodeList(context.index)) {
      if (node.kind !== 'wait' || node.timeout === undefined) continue;
      if (node.onTimeout && node.onTimeout.next !== node.id) continue;
      context.report({ file: node.position.file, at: node.position, messageId: 'missing', data: { event: quoted(node.event), timeout: node.timeout } });
    }
  },
});
