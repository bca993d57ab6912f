import { nodeList } from '../../analyze/flow.js';
import { insideRanges, quotedRanges } from '../../analyze/role-mentions.js';
import { outgoing } from '../../graph/query.js';
import type { CheckpointNode, Node, StepNode } from '../../graph/types.js';
import { someWord, stem, words } from '../../text/words.js';
import { describeNode } from '../describe.js';
import { defineRule, docsUrl } from '../rule.js';

interface Options {
  words: string[];
}

/** Verbs that close a case: the step says the work is over. */
const closingVerbs = ['закрыть', 'закройте', 'закрывать', 'завершить', 'завершите', 'close', 'closes', 'finish'];
/** A status set in quotes that means the same: «Выполнено», "Done". */
const closedStatuses = ['выполнено', 'закрыто', 'завершено', 'done', 'closed', 'completed'];

/**
 * A step that closes the case («Закрыть заявку в CRM», «статус «Выполнено»») placed before a
 * checkpoint of the same task that is still to be confirmed («Клиент подтвердил, что получил
 * результат»): whoever follows the order closes first and checks afterwards. Option `words`:
 * more closing verbs.
 */
export const rule = defineRule<Options>({
  meta: {
    id: 'close-before-checkpoint',
    type: 'problem',
    description: 'a step that closes the case comes before a checkpoint that should confirm it',
    defaultSeverity: 'error',
    docs: docsUrl('close-before-checkpoint'),
    schema: {
      words: {
        type: 'array',
        maxItems: 200,
        items: { type: 'string', minLength: 1, maxLength: 100 },
        description: 'More verbs that close a case, besides «закрыть», «завершить», "close", "finish".',
      },
    },
    defaultOptions: { words: [] },
    messages: {
      closesEarly: {
        ru: '{{step}} закрывает дело раньше, чем подтверждена {{checkpoint}} (строка {{line}}): кто идёт по порядку, закроет, ещё не проверив. Поставьте этот шаг после контрольной точки',
        en: '{{step}} closes the case before {{checkpoint}} (line {{line}}) is confirmed: whoever follows the order closes before checking. Put this step after the checkpoint',
      },
    },
  },
  check(context) {
    const extra = context.options.words;
    const verbs = new Set([...closingVerbs, ...extra].map(stem));
    const statuses = new Set(closedStatuses.map(stem));
    for (const node of nodeList(context.index)) {
      if (node.kind !== 'step' || !closes(node, verbs, statuses)) continue;
      const checkpoint = checkpointAfter(node, context.index.node);
      if (!checkpoint) continue;
      context.report({
        file: node.position.file,
        at: node.position,
        messageId: 'closesEarly',
        data: {
          step: { ru: describeNode(node, 'ru'), en: describeNode(node) },
          checkpoint: { ru: describeNode(checkpoint, 'ru'), en: describeNode(checkpoint) },
          line: checkpoint.position.line,
        },
      });
    }
  },
});

function closes(step: StepNode, verbs: Set<string>, statuses: Set<string>): boolean {
  // most steps have neither a closing verb nor a status word: asked word by word first, without a list
  const either = (start: number, end: number) => {
    const s = stem(step.text.slice(start, end));
    return verbs.has(s) || statuses.has(s);
  };
  if (!someWord(step.text, either)) return false;
  const list = words(step.text);
  // the quotes are looked for only when a word could need them (most steps have none)
  let quoted: Array<[number, number]> | undefined;
  const inQuotes = (offset: number) => insideRanges(offset, (quoted ??= quotedRanges(step.text)));
  const stems = list.map((w) => stem(w.text));
  if (list.some((w, i) => verbs.has(stems[i]!) && !inQuotes(w.offset))) return true;
  // «поставить статус «Выполнено»», "set the status to "Done""
  const statusWord = stems.some((s) => s === 'статус' || s === 'status');
  return statusWord && list.some((w, i) => statuses.has(stems[i]!) && inQuotes(w.offset));
}

/** The first checkpoint of the same task that the flow can reach after the step (jumps to other tasks are not followed). */
function checkpointAfter(step: StepNode, node: (id: string | null | undefined) => Node | undefined): CheckpointNode | undefined {
  const seen = new Set<string>([step.id]);
  const queue: Array<string | null> = [step.next];
  while (queue.length > 0) {
    const id = queue.shift();
    if (id == null || seen.has(id)) continue;
    seen.add(id);
    const next = node(id);
    if (!next || next.task !== step.task) continue;
    if (next.kind === 'checkpoint') return next;
    for (const edge of outgoing(next)) if (edge.kind !== 'jump') queue.push(edge.to);
  }
  return undefined;
}
