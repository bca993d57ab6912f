import { flowSuccessors, unreachableHeads, unreachableNodes } from '../../analyze/flow.js';
import { describeNode, plural } from '../describe.js';
import { docsUrl, type Rule } from '../rule.js';

/** A node no run reaches: text after an `::end` or a `::goto`, or after a decision whose every branch leaves. */
export const rule: Rule = {
  meta: {
    id: 'unreachable',
    description: 'a step or directive that no run of any task can reach',
    defaultSeverity: 'error',
    docs: docsUrl('unreachable'),
  },
  check(context) {
    const lost = unreachableNodes(context.index);
    if (lost.length === 0) return;
    const lostIds = new Set(lost.map((n) => n.id));
    for (const head of unreachableHeads(context.index, lost)) {
      const more = countFollowing(head.id, lostIds, context);
      const file = head.position.file;
      const message =
        context.lang(file) === 'ru'
          ? `Недостижимое место: ${describeNode(head, 'ru')}${more > 0 ? ` (и ещё ${more} ${plural(more, 'узел', 'узла', 'узлов')} после него)` : ''}. Сюда не попадает ни одно прохождение, потому что поток перед ним заканчивается или уходит переходом. Перенесите его в ветку, уберите ::end / ::goto перед ним или удалите его`
          : `Unreachable ${describeNode(head)}${more > 0 ? ` (and ${more} more after it)` : ''}: no run gets here, because the flow before it ends or jumps away. Move it into a branch, remove the ::end / ::goto before it, or delete it`;
      context.report({ file, at: head.position, message });
    }
  },
};

function countFollowing(start: string, lost: Set<string>, context: Parameters<Rule['check']>[0]): number {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const node = context.index.node(stack.pop()!);
    if (!node) continue;
    for (const id of flowSuccessors(node)) {
      if (!lost.has(id) || seen.has(id)) continue;
      seen.add(id);
      stack.push(id);
    }
  }
  return seen.size - 1;
}
