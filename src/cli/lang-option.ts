import { isSupportedLanguage, languages } from '../i18n/language.js';
import { UsageError } from './usage-error.js';
import { terminalSafe } from '../text/terminal-safe.js';

/** `--lang de`: a usage error naming the languages there are, rather than English in silence. */
export function checkLangOption(lang: unknown): void {
  if (typeof lang !== 'string') return;
  if (isSupportedLanguage(lang)) return;
  // no lang given: said in the instructions' language (an unsupported --lang is passed over)
  throw new UsageError((t) => t.unsupportedLang(terminalSafe(lang), languages));
}
