import { loops } from '../../analyze/flow.js';
import { described, plural } from '../describe.js';
import { defineRule, docsUrl } from '../rule.js';

/** A cycle of jumps that no option, end or step leaves: a run that enters it never finishes. */
export const rule = defineRule({
  meta: {
    id: 'no-exit-loop',
    type: 'problem',
    description: 'a loop that no option, ::end or step leaves',
    defaultSeverity: 'error',
    docs: docsUrl('no-exit-loop'),
    schema: {},
    defaultOptions: {},
    messages: {
      loop: {
        ru: 'Цикл без выхода: {{first}} и далее по кругу ({{count}} {{nodes}}: {{lines}}) — прохождение никогда не закончится, потому что ни один вариант, ::end или шаг не выводит из цикла. Добавьте решение с вариантом, который выходит из цикла, или ::end',
        en: 'A run that reaches {{first}} goes round a loop forever ({{count}} {{nodes}}: {{lines}}): no option, ::end or step leads out of it. Add a decision with an option that leaves the loop, or an ::end',
      },
    },
  },
  check(context) {
    for (const loop of loops(context.index)) {
      if (loop.hasExit) continue;
      const first = loop.nodes[0]!;
      const lines = [...new Set(loop.nodes.map((n) => `${n.position.file}:${n.position.line}`))].slice(0, 6).join(', ');
      const n = loop.nodes.length;
      const nodes = { ru: plural(n, 'узел', 'узла', 'узлов'), en: n === 1 ? 'node' : 'nodes' };
      context.report({ file: first.position.file, at: first.position, messageId: 'loop', data: { first: described(first), count: n, nodes, lines } });
    }
  },
});
