import { reviewStatus } from '../../analyze/staleness.js';
import { formatDuration } from '../../i18n/duration.js';
import { plural } from '../describe.js';
import { docsUrl, type Rule } from '../rule.js';

/** An instruction or a task whose last review is older than its review period. */
export const rule: Rule = {
  meta: {
    id: 'stale-review',
    description: 'the reviewed date is older than the review period (per instruction and per task)',
    defaultSeverity: 'warn',
    docs: docsUrl('stale-review'),
  },
  check(context) {
    const status = reviewStatus(context.graph, context.today);
    const requireReview = context.options['requireReview'] === true;
    for (const doc of status.documents) {
      const source = context.source(doc.file);
      const line = source ? frontMatterLine(source.text, 'reviewed') : null;
      const at = line ?? doc.position ?? { line: 1, column: 1 };
      const ru = context.lang(doc.file) === 'ru';
      if (doc.overdue) {
        const n = doc.daysOverdue;
        const message = ru
          ? `Инструкцию «${doc.document}» последний раз пересматривали ${doc.reviewed}, а пересмотреть нужно было ${doc.dueOn} (раз в ${formatDuration(doc.period!, 'ru')}), ${n} ${plural(n, 'день', 'дня', 'дней')} назад. Пересмотрите её и обновите «reviewed:»`
          : `Instruction "${doc.document}" was last reviewed on ${doc.reviewed} and was due for review on ${doc.dueOn} (every ${formatDuration(doc.period!, 'en')}), ${n} day${n === 1 ? '' : 's'} ago. Review it and update "reviewed:"`;
        context.report({ file: doc.file, at, message });
      } else if (requireReview && (doc.reviewed === null || doc.period === null)) {
        const message = ru
          ? `В заголовке инструкции «${doc.document}» нет ${doc.reviewed === null ? 'даты «reviewed:»' : 'периода «review:»'}, поэтому никто не вспомнит её пересмотреть`
          : `Instruction "${doc.document}" has no ${doc.reviewed === null ? '"reviewed:" date' : '"review:" period'} in its front matter, so nobody is reminded to review it`;
        context.report({ file: doc.file, at, message });
      }
    }
    for (const task of status.tasks) {
      if (!task.own || !task.overdue) continue;
      const n = task.daysOverdue;
      const message =
        context.lang(task.file) === 'ru'
          ? `Задачу «${task.task}» последний раз пересматривали ${task.reviewed}, а пересмотреть нужно было ${task.dueOn}, ${n} ${plural(n, 'день', 'дня', 'дней')} назад. Пересмотрите её и обновите reviewed= в заголовке`
          : `Task "${task.task}" was last reviewed on ${task.reviewed} and was due for review on ${task.dueOn}, ${n} day${n === 1 ? '' : 's'} ago. Review it and update reviewed= in its heading`;
      context.report({ file: task.file, at: task.position, message });
    }
  },
};

/** Where `key:` is in the front matter, if it is there. */
function frontMatterLine(text: string, key: string): { line: number; column: number } | null {
  if (!text.startsWith('---')) return null;
  const end = text.indexOf('\n---', 3);
  const head = end === -1 ? text : text.slice(0, end);
  const lines = head.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  return i === -1 ? null : { line: i + 1, column: 1 };
}
