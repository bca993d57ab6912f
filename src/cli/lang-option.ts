import { isSupportedLanguage, languages } from '../i18n/language.js';
import { fill, showMessages } from '../i18n/show-messages.js';
import { ExitError, exitCodes } from './errors.js';
import { terminalSafe } from '../text/terminal-safe.js';

/** `--lang de`: a usage error naming the languages there are, rather than English in silence. */
export function checkLangOption(lang: unknown): void {
  if (typeof lang !== 'string') return;
  if (isSupportedLanguage(lang)) return;
  throw new ExitError(fill(showMessages('en').unsupportedLang, { lang: terminalSafe(lang), list: languages.join(', ') }), exitCodes.usage);
}
