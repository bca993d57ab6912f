/**
 * The language of a screen when no instruction has been read yet: an error of the command line
 * itself (commander's), or a flag's value checked before the instructions are compiled. The rule
 * (docs/screen-language.md) gives the same answer as the one used once they are read:
 *
 *   1. `--lang`, when it names a language instr speaks;
 *   2. the language of the instructions the command is given (the files and folders named on
 *      the command line, else ./instructions): the first instruction in file order, as
 *      compiling them would, read from its `lang:` line (or Cyrillic text);
 *   3. the environment's locale: LC_ALL, then LC_MESSAGES, then LANG;
 *   4. English.
 */
import { resolve } from 'node:path';
import { discover } from '../compile/discover.js';
import { exists } from '../fs/exists.js';
import { openRegular } from '../fs/safe-open.js';
import { isSupportedLanguage, resolveLanguage, type Language } from '../i18n/language.js';
import { textLanguage } from '../i18n/text-language.js';
import { localeLanguage } from '../i18n/locale-language.js';

/** The value of the last `--lang X` or `--lang=X` on the command line. */
function langArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const [i, arg] of argv.entries()) {
    if (arg === '--') break;
    if (arg === '--lang' && i + 1 < argv.length) found = argv[i + 1];
    else if (arg.startsWith('--lang=')) found = arg.slice('--lang='.length);
  }
  return found;
}

/** The screen's language for `instr …args` (args without the node and script paths) run in `cwd`. */
export async function screenLanguage(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Language> {
  const flag = langArgument(args);
  if (flag !== undefined && isSupportedLanguage(flag)) return resolveLanguage(flag);
  const fromFiles = await instructionsLanguage(args, cwd);
  if (fromFiles) return resolveLanguage(fromFiles);
  return resolveLanguage(localeLanguage(env));
}

/** The `lang` of the first instruction among the paths on the command line (else ./instructions), unread when there is none. */
async function instructionsLanguage(args: readonly string[], cwd: string): Promise<string | undefined> {
  const named = args.filter((a) => !a.startsWith('-'));
  for (const paths of [named, ['instructions']]) {
    let files: string[];
    try {
      // a word that is no path (a task, a command, a flag's value) is left out
      const existing = [];
      for (const p of paths) if (await exists(resolve(cwd, p))) existing.push(p);
      if (existing.length === 0) continue;
      ({ files } = await discover(existing, cwd));
    } catch {
      continue;
    }
    for (const file of files.slice(0, 20)) {
      const lang = textLanguage(await head(file));
      if (lang) return lang;
    }
  }
  return undefined;
}

/** The first 4 KB of a regular file (never a FIFO or a device named on the command line). */
async function head(file: string): Promise<string | undefined> {
  try {
    const { handle } = await openRegular(file);
    try {
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}
