import { usageMessages, type UsageMessages } from '../i18n/usage-messages.js';
import { ExitError, exitCodes } from './errors.js';

/**
 * A usage error (exit 2) worded from the usage catalogue. With `lang` it is said in that language
 * (the command knows its instruction's); without, main() says it in the screen's language, found
 * by the rule in screen-language.ts, as for an error of the command line itself.
 */
export class UsageError extends ExitError {
  constructor(
    readonly say: (t: UsageMessages) => string,
    readonly lang?: string,
  ) {
    super(say(usageMessages(lang)), exitCodes.usage);
  }
}
