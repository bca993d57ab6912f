/**
 * The language of an instruction's text when its front matter could not be read (so its `lang`
 * is not known): the `lang:` line as written, else Russian for a text in Cyrillic. Messages about
 * a broken file are then in the language its author writes in.
 */
export function textLanguage(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const head = text.slice(0, 4096);
  const lang = /^lang:[ \t]*["']?([A-Za-z]{2})\b/m.exec(head)?.[1];
  if (lang) return lang.toLowerCase();
  return /[\u0400-\u04ff]/.test(head) ? 'ru' : undefined;
}
