/**
 * The one language resolver: every message catalogue, date format and duration asks it which of
 * the languages instr speaks a tag means. A tag's primary subtag decides (ru, ru-RU, RU, ru_RU are
 * Russian); anything else, or nothing, is English.
 */
export type Language = 'en' | 'ru';

export const languages: readonly Language[] = ['en', 'ru'];

export function resolveLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'ru' ? 'ru' : 'en';
}

/** Whether a tag names a language instr has messages for (for `--lang`, which refuses the rest). */
export function isSupportedLanguage(tag: string): boolean {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (languages as readonly string[]).includes(primary);
}
