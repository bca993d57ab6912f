import { flowSuccessors, unreachableHeads, unreachableNodes } from '../../analyze/flow.js';
import type { GraphIndex } from '../../graph/query.js';
import { described, plural } from '../describe.js';
import { defineRule, docsUrl } from '../rule.js';

/** A node no run reaches: text after an `::end` or a `::goto`, or after a decision whose every branch leaves. */
export const rule = defineRule({
  meta: {
    id: 'unreachable',
    type: 'problem',
    description: 'a step or directive that no run of any task can reach',
    defaultSeverity: 'error',
    docs: docsUrl('unreachable'),
    schema: {},
    defaultOptions: {},
    messages: {
      unreachable: {
        ru: 'Недостижимое место: {{node}}{{more}}. Сюда не попадает ни одно прохождение, потому что поток перед ним заканчивается или уходит переходом. Перенесите его в ветку, уберите ::end / ::goto перед ним или удалите его',
        en: 'Unreachable {{node}}{{more}}: no run gets here, because the flow before it ends or jumps away. Move it into a branch, remove the ::end / ::goto before it, or delete it',
      },
    },
  },
  check(context) {
    const lost = unreachableNodes(context.index);
    if (lost.length === 0) return;
    const lostIds = new Set(lost.map((n) => n.id));
    for (const head of unreachableHeads(context.index, lost)) {
      const n = countFollowing(head.id, lostIds, context.index);
      const more = n > 0 ? { ru: ` (и ещё ${n} ${plural(n, 'узел', 'узла', 'узлов')} после него)`, en: ` (and ${n} more after it)` } : '';
      context.report({ file: head.position.file, at: head.position, messageId: 'unreachable', data: { node: described(head), more } });
    }
  },
});

function countFollowing(start: string, lost: Set<string>, index: GraphIndex): number {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const node = index.node(stack.pop()!);
    if (!node) continue;
    for (const id of flowSuccessors(node)) {
      if (!lost.has(id) || seen.has(id)) continue;
      seen.add(id);
      stack.push(id);
    }
  }
  return seen.size - 1;
}
