import { reviewStatus } from '../../analyze/staleness.js';
import { formatDuration } from '../../i18n/duration.js';
import { plural } from '../describe.js';
import { defineRule, docsUrl } from '../rule.js';

interface Options {
  requireReview: boolean;
}

/** An instruction or a task whose last review is older than its review period. */
export const rule = defineRule<Options>({
  meta: {
    id: 'stale-review',
    type: 'suggestion',
    description: 'the reviewed date is older than the review period (per instruction and per task)',
    defaultSeverity: 'warn',
    docs: docsUrl('stale-review'),
    schema: {
      requireReview: { type: 'boolean', description: 'Also report instructions with no reviewed date or review period (strict).' },
    },
    defaultOptions: { requireReview: false },
    strictOptions: { requireReview: true },
    messages: {
      documentOverdue: {
        ru: 'Инструкцию «{{document}}» последний раз пересматривали {{reviewed}}, а пересмотреть нужно было {{dueOn}} (раз в {{period}}), {{days}} {{daysWord}} назад. Пересмотрите её и обновите «reviewed:»',
        en: 'Instruction "{{document}}" was last reviewed on {{reviewed}} and was due for review on {{dueOn}} (every {{period}}), {{days}} {{daysWord}} ago. Review it and update "reviewed:"',
      },
      noReview: {
        ru: 'В заголовке инструкции «{{document}}» нет {{missing}}, поэтому никто не вспомнит её пересмотреть',
        en: 'Instruction "{{document}}" has no {{missing}} in its front matter, so nobody is reminded to review it',
      },
      taskOverdue: {
        ru: 'Задачу «{{task}}» последний раз пересматривали {{reviewed}}, а пересмотреть нужно было {{dueOn}}, {{days}} {{daysWord}} назад. Пересмотрите её и обновите reviewed= в заголовке',
        en: 'Task "{{task}}" was last reviewed on {{reviewed}} and was due for review on {{dueOn}}, {{days}} {{daysWord}} ago. Review it and update reviewed= in its heading',
      },
    },
  },
  check(context) {
    const status = reviewStatus(context.graph, context.today);
    const requireReview = context.options.requireReview;
    for (const doc of status.documents) {
      const source = context.source(doc.file);
      const line = source ? frontMatterLine(source.text, 'reviewed') : null;
      const at = line ?? doc.position ?? { line: 1, column: 1 };
      if (doc.overdue) {
        const n = doc.daysOverdue;
        const period = { ru: formatDuration(doc.period!, 'ru'), en: formatDuration(doc.period!, 'en') };
        context.report({
          file: doc.file,
          at,
          messageId: 'documentOverdue',
          data: { document: doc.document, reviewed: doc.reviewed ?? '', dueOn: doc.dueOn ?? '', period, days: n, daysWord: daysWord(n) },
        });
      } else if (requireReview && (doc.reviewed === null || doc.period === null)) {
        const missing = doc.reviewed === null ? { ru: 'даты «reviewed:»', en: '"reviewed:" date' } : { ru: 'периода «review:»', en: '"review:" period' };
        context.report({ file: doc.file, at, messageId: 'noReview', data: { document: doc.document, missing } });
      }
    }
    for (const task of status.tasks) {
      if (!task.own || !task.overdue) continue;
      const n = task.daysOverdue;
      context.report({
        file: task.file,
        at: task.position,
        messageId: 'taskOverdue',
        data: { task: task.task, reviewed: task.reviewed ?? '', dueOn: task.dueOn ?? '', days: n, daysWord: daysWord(n) },
      });
    }
  },
});

function daysWord(n: number): { ru: string; en: string } {
  return { ru: plural(n, 'день', 'дня', 'дней'), en: n === 1 ? 'day' : 'days' };
}

/** Where `key:` is in the front matter, if it is there. */
function frontMatterLine(text: string, key: string): { line: number; column: number } | null {
  if (!text.startsWith('---')) return null;
  const end = text.indexOf('\n---', 3);
  const head = end === -1 ? text : text.slice(0, end);
  const lines = head.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  return i === -1 ? null : { line: i + 1, column: 1 };
}
