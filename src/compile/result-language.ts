import { readRegularFileSync } from '../fs/safe-open.js';
import { join } from 'node:path';
import { textLanguage } from '../i18n/text-language.js';
import type { CompileResult } from './compile.js';

/**
 * The language to speak about a compile result in: its first instruction's, else the language of
 * the first file's text (an instruction whose front matter failed still says `lang: ru`).
 */
export function resultLanguage(result: Pick<CompileResult, 'graph' | 'root' | 'files'>): string | undefined {
  const lang = result.graph.documents[0]?.lang;
  if (lang) return lang;
  const first = result.files[0];
  return first === undefined ? undefined : fileLanguage(result.root, first);
}

/** The language a file's text is written in (its `lang:` line, else Cyrillic: Russian); undefined when unknown or unreadable. */
export function fileLanguage(root: string, file: string): string | undefined {
  return textLanguage(readHead(join(root, file)));
}

function readHead(path: string): string | undefined {
  try {
    // a regular file only (never a FIFO that would block, nor through a symlink); the start is enough
    return readRegularFileSync(path, 8 * 1024 * 1024)
      .subarray(0, 4096)
      .toString('utf8');
  } catch {
    return undefined;
  }
}
