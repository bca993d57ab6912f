import { brokenEdges, reachableFromTasks, runOuts } from '../../analyze/flow.js';
import { describeNode, quote } from '../describe.js';
import { docsUrl, type Rule } from '../rule.js';

/**
 * A path that stops without an end, a jump or a wait:
 * - always: an option with nothing in it when nothing follows the decision (choosing it ends
 *   the task with nothing done and no outcome), and a link to a node that does not exist;
 * - with `requireExplicitEnd` (the strict preset): every path whose flow just runs out.
 */
export const rule: Rule = {
  meta: {
    id: 'dead-end',
    description: 'a path that stops without an ::end, a ::goto or a ::wait',
    defaultSeverity: 'error',
    docs: docsUrl('dead-end'),
  },
  check(context) {
    const strict = context.options['requireExplicitEnd'] === true;
    for (const { from, edge } of brokenEdges(context.index)) {
      const ru = context.lang(from.position.file) === 'ru';
      const message = ru ? `Поток обрывается: ${describeNode(from, 'ru')} ведёт к «${edge.to}», которого нет` : `The flow stops after ${describeNode(from)}: it leads to "${edge.to}", which does not exist`;
      context.report({ file: from.position.file, at: from.position, message });
    }
    // One walk from every task's entry, shared with the unreachable rule.
    const reached = reachableFromTasks(context.index);
    for (const stop of runOuts(context.index, reached)) {
      const node = stop.node;
      const ru = context.lang(node.position.file) === 'ru';
      if (node.kind === 'decision' && stop.option !== undefined) {
        const option = node.options.find((o) => o.id === stop.option)!;
        context.report({
          file: node.position.file,
          at: option.position,
          message: ru
            ? `Вариант ${quote(option.label, 'ru')} (${describeNode(node, 'ru')}) никуда не ведёт: в нём нет шагов и после решения ничего нет, так что выбравший его заканчивает задачу, ничего не сделав. Напишите, что делать, или закончите его ::end[итог] или ::goto[#задача]`
            : `Option ${quote(option.label)} of ${describeNode(node)} leads nowhere: it has no steps and nothing follows the decision, so choosing it ends the task with nothing done. Add what to do, or end it with ::end[outcome] or ::goto[#task]`,
        });
      } else if (strict) {
        context.report({
          file: node.position.file,
          at: node.position,
          message: ru
            ? `После этого места (${describeNode(node, 'ru')}) поток заканчивается, и не сказано, чем кончилась задача; добавьте ::end[итог], ::goto[#задача] или ::wait[событие]`
            : `The flow runs out after ${describeNode(node)} without saying how the task ends; add ::end[outcome], ::goto[#task] or ::wait[event]`,
        });
      }
    }
  },
};
