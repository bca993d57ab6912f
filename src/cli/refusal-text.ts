/**
 * Errors no command caught that refuse the input as given: git's (instr diff with revisions) and
 * a file instr keeps refused for where it lies (a symbolic link, a FIFO: the journal, for example).
 * They are said in the screen's language (docs/screen-language.md); null for any other error.
 */
import { relative } from 'node:path';
import { UnsafePathError } from '../fs/safe-open.js';
import { GitError } from '../git/git-error.js';
import { gitProblemText } from '../i18n/git-messages.js';
import { readMessages } from '../i18n/read-messages.js';
import { screenLanguage } from './screen-language.js';

export async function refusalText(error: unknown, args: readonly string[], cwd: string): Promise<string | null> {
  if (!(error instanceof GitError) && !(error instanceof UnsafePathError)) return null;
  const lang = await screenLanguage(args, cwd);
  if (error instanceof GitError) return gitProblemText(error.problem, lang);
  return readMessages(lang).unsafeKept(relative(cwd, error.path) || error.path, error.reason, error.message);
}
