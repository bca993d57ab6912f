/**
 * Errors no command caught that refuse the input as given: git's (instr diff with revisions) and
 * a file instr keeps refused for where it lies (a symbolic link, a FIFO: the journal, for example),
 * and a config file whose `journal:` cannot be read (said as lint says it, at line and column).
 * They are said in the screen's language (docs/screen-language.md); null for any other error.
 */
import { relative } from 'node:path';
import { UnsafePathError } from '../fs/safe-open.js';
import { GitError } from '../git/git-error.js';
import { JournalConfigError } from '../journal/choose.js';
import { gitProblemText } from '../i18n/git-messages.js';
import { readMessages } from '../i18n/read-messages.js';
import { configMessages } from '../i18n/config-messages.js';
import { screenLanguage } from './screen-language.js';

export async function refusalText(error: unknown, args: readonly string[], cwd: string): Promise<string | null> {
  if (!(error instanceof GitError) && !(error instanceof UnsafePathError) && !(error instanceof JournalConfigError)) return null;
  const lang = await screenLanguage(args, cwd);
  if (error instanceof JournalConfigError) return journalConfigText(error.file, cwd, lang);
  if (error instanceof GitError) return gitProblemText(error.problem, lang);
  return readMessages(lang).unsafeKept(relative(cwd, error.path) || error.path, error.reason, error.message);
}

/** What is wrong with the config file, as `instr lint` says it; the schema's place for `journal:` when the file is otherwise sound. */
async function journalConfigText(file: string, cwd: string, lang: string): Promise<string> {
  const display = relative(cwd, file) || file;
  const { ConfigError, readConfigFile } = await import('../lint/config.js');
  try {
    await readConfigFile(file, display, lang);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return configMessages(lang).journalUnreadable(display);
}
