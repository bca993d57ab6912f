import { loops } from '../../analyze/flow.js';
import { describeNode, plural } from '../describe.js';
import { docsUrl, type Rule } from '../rule.js';

/** A cycle of jumps that no option, end or step leaves: a run that enters it never finishes. */
export const rule: Rule = {
  meta: {
    id: 'no-exit-loop',
    description: 'a loop that no option, ::end or step leaves',
    defaultSeverity: 'error',
    docs: docsUrl('no-exit-loop'),
  },
  check(context) {
    for (const loop of loops(context.index)) {
      if (loop.hasExit) continue;
      const first = loop.nodes[0]!;
      const lines = [...new Set(loop.nodes.map((n) => `${n.position.file}:${n.position.line}`))].slice(0, 6).join(', ');
      const n = loop.nodes.length;
      const message =
        context.lang(first.position.file) === 'ru'
          ? `Цикл без выхода: ${describeNode(first, 'ru')} и далее по кругу (${n} ${plural(n, 'узел', 'узла', 'узлов')}: ${lines}) — прохождение никогда не закончится, потому что ни один вариант, ::end или шаг не выводит из цикла. Добавьте решение с вариантом, который выходит из цикла, или ::end`
          : `A run that reaches ${describeNode(first)} goes round a loop forever (${n} node${n === 1 ? '' : 's'}: ${lines}): no option, ::end or step leads out of it. Add a decision with an option that leaves the loop, or an ::end`;
      context.report({ file: first.position.file, at: first.position, message });
    }
  },
};
