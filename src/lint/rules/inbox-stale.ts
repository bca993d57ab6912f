import { addDuration, parseDuration } from '../../schedule/durations.js';
import { listDrafts } from '../../inbox/list.js';
import { formatDuration } from '../../i18n/duration.js';
import { plural } from '../describe.js';
import { defineRule, docsUrl } from '../rule.js';

interface Options {
  maxAge: string;
}

/**
 * Drafts in `<root>/inbox/` (situations captured by `instr run` that the instruction did not
 * cover) older than the `maxAge` option (default P14D): the seed's mistake 2, the instruction not being
 * updated after a new situation.
 */
export const rule = defineRule<Options>({
  meta: {
    id: 'inbox-stale',
    type: 'suggestion',
    description: 'an inbox draft (an uncovered situation captured during a run) older than maxAge',
    defaultSeverity: 'warn',
    docs: docsUrl('inbox-stale'),
    schema: {
      maxAge: {
        type: 'string',
        pattern: '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$',
        description: 'How old an inbox draft may get, an ISO 8601 duration (default P14D).',
      },
    },
    defaultOptions: { maxAge: 'P14D' },
    messages: {
      stale: {
        ru: 'Черновик из папки inbox, записанный {{captured}} ({{days}} {{daysWord}} назад), всё ещё не перенесён в инструкцию (срок: {{limit}}). Вставьте его в нужный раздел и удалите черновик — или просто удалите, если он не нужен',
        en: 'Inbox draft captured on {{captured}} ({{days}} days ago) is still waiting to be added to the instruction (limit: {{limit}}). Paste it into the right section and delete the draft, or delete it if it is not needed',
      },
    },
  },
  async check(context) {
    const maxAge = parseDuration(context.options.maxAge) ?? parseDuration('P14D')!;
    const today = new Date(`${context.today}T00:00:00.000Z`);
    if (Number.isNaN(today.getTime())) return;
    // Drafts as `instr inbox` lists them (one header parser, one age); a day's age is counted at its end.
    const { drafts } = await listDrafts(context.root, today.getTime() + 86_400_000);
    for (const draft of [...drafts].sort((a, b) => a.file.localeCompare(b.file))) {
      const captured = draft.captured.slice(0, 10);
      const due = addDuration(new Date(`${captured}T00:00:00.000Z`), maxAge);
      if (today <= due) continue;
      const days = draft.ageDays;
      const limit = { ru: formatDuration(context.options.maxAge, 'ru'), en: formatDuration(context.options.maxAge, 'en') };
      context.report({
        file: draft.file,
        at: { line: 1, column: 1 },
        messageId: 'stale',
        data: { captured, days, daysWord: { ru: plural(days, 'день', 'дня', 'дней'), en: 'days' }, limit },
      });
    }
  },
});
