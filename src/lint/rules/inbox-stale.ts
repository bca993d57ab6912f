import { lstat, readdir } from 'node:fs/promises';
import { readRegularFile } from '../../fs/safe-open.js';
import { dirname, join } from 'node:path';
import { addDuration, isValidDate, parseDuration } from '../../compile/durations.js';
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
      maxAge: { type: 'string', pattern: '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$', description: 'How old an inbox draft may get, an ISO 8601 duration (default P14D).' },
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
    const dir = join(context.root, 'inbox');
    let names: string[];
    if ((await lstat(dir).catch(() => null))?.isSymbolicLink()) return;
    try {
      names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => e.name);
    } catch {
      return;
    }
    const today = new Date(`${context.today}T00:00:00.000Z`);
    if (Number.isNaN(today.getTime())) return;
    for (const name of names.sort()) {
      const captured = await capturedOn(join(dir, name), name);
      if (!captured) continue;
      const due = addDuration(new Date(`${captured}T00:00:00.000Z`), maxAge);
      if (today <= due) continue;
      const days = Math.round((today.getTime() - new Date(`${captured}T00:00:00.000Z`).getTime()) / 86_400_000);
      const file = `inbox/${name}`;
      const limit = { ru: formatDuration(context.options.maxAge, 'ru'), en: formatDuration(context.options.maxAge, 'en') };
      context.report({ file, at: { line: 1, column: 1 }, messageId: 'stale', data: { captured, days, daysWord: { ru: plural(days, 'день', 'дня', 'дней'), en: 'days' }, limit } });
    }
  },
});

/** The capture date: from the `instr-inbox` header's `captured`, else from the file name. */
async function capturedOn(path: string, name: string): Promise<string | null> {
  try {
    const head = (await readRegularFile(path, 1 << 20, { base: dirname(path) })).toString('utf8').slice(0, 4096);
    const m = /^<!--\s*instr-inbox\s+(\{.*?\})\s*-->/.exec(head.replace(/^\uFEFF/, ''));
    if (m) {
      const header = JSON.parse(m[1]!) as { captured?: unknown };
      const day = typeof header.captured === 'string' ? header.captured.slice(0, 10) : '';
      if (isValidDate(day)) return day;
    }
  } catch {
    // an unreadable or malformed header: fall back to the name
  }
  const fromName = name.slice(0, 10);
  return isValidDate(fromName) ? fromName : null;
}
