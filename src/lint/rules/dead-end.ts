import { brokenEdges, nodesReachedByTasks, runOutsAmong } from '../../analyze/flow.js';
import { described, quoted } from '../describe.js';
import { defineRule, docsUrl } from '../rule.js';

interface Options {
  requireExplicitEnd: boolean;
}

/**
 * A path that stops without an end, a jump or a wait:
 * - always: an option with nothing in it when nothing follows the decision (choosing it ends
 *   the task with nothing done and no outcome), and a link to a node that does not exist;
 * - with `requireExplicitEnd` (the strict preset): every path whose flow just runs out.
 */
export const rule = defineRule<Options>({
  meta: {
    id: 'dead-end',
    type: 'problem',
    description: 'a path that stops without an ::end, a ::goto or a ::wait',
    defaultSeverity: 'error',
    docs: docsUrl('dead-end'),
    schema: {
      requireExplicitEnd: { type: 'boolean', description: 'Report every path that runs out of steps without ::end, ::goto or ::wait (strict).' },
    },
    defaultOptions: { requireExplicitEnd: false },
    strictOptions: { requireExplicitEnd: true },
    messages: {
      brokenEdge: {
        ru: 'Поток обрывается: {{from}} ведёт к «{{to}}», которого нет',
        en: 'The flow stops after {{from}}: it leads to "{{to}}", which does not exist',
      },
      emptyOption: {
        ru: 'Вариант {{option}} ({{decision}}) никуда не ведёт: в нём нет шагов и после решения ничего нет, так что выбравший его заканчивает задачу, ничего не сделав. Напишите, что делать, или закончите его ::end[итог] или ::goto[#задача]',
        en: 'Option {{option}} of {{decision}} leads nowhere: it has no steps and nothing follows the decision, so choosing it ends the task with nothing done. Add what to do, or end it with ::end[outcome] or ::goto[#task]',
      },
      runsOut: {
        ru: 'После этого места ({{node}}) поток заканчивается, и не сказано, чем кончилась задача; добавьте ::end[итог], ::goto[#задача] или ::wait[событие]',
        en: 'The flow runs out after {{node}} without saying how the task ends; add ::end[outcome], ::goto[#task] or ::wait[event]',
      },
    },
  },
  check(context) {
    const strict = context.options.requireExplicitEnd;
    for (const { from, edge } of brokenEdges(context.index)) {
      context.report({ file: from.position.file, at: from.position, messageId: 'brokenEdge', data: { from: described(from), to: edge.to ?? '' } });
    }
    // One walk from every task's entry, shared with the unreachable rule.
    for (const stop of runOutsAmong(nodesReachedByTasks(context.index))) {
      const node = stop.node;
      if (node.kind === 'decision' && stop.option !== undefined) {
        const option = node.options.find((o) => o.id === stop.option)!;
        context.report({
          file: node.position.file,
          at: option.position,
          messageId: 'emptyOption',
          data: { option: quoted(option.label), decision: described(node) },
        });
      } else if (strict) {
        context.report({ file: node.position.file, at: node.position, messageId: 'runsOut', data: { node: described(node) } });
      }
    }
  },
});
