import { supportedLanguages } from '../i18n/messages.js';
import { fill, showMessages } from '../i18n/show-messages.js';
import { ExitError, exitCodes } from './errors.js';
import { safe } from './io.js';

/** `--lang de`: a usage error naming the languages there are, rather than English in silence. */
export function checkLangOption(lang: unknown): void {
  if (typeof lang !== 'string') return;
  const base = lang.toLowerCase().split('-')[0] ?? '';
  const supported = supportedLanguages();
  if (supported.includes(base)) return;
  throw new ExitError(fill(showMessages('en').unsupportedLang, { lang: safe(lang), list: supported.join(', ') }), exitCodes.usage);
}
