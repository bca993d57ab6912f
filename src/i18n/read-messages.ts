/**
 * What instr says about a file it could not read, decode or parse safely: the reading limits, the
 * encoding, the nesting guard (src/parse/guard.ts) and the parser's own limits. A file that was
 * decoded is spoken to in the language its text is written in (src/i18n/text-language.ts); one
 * that could not be read, in the screen's language (docs/screen-language.md).
 */
import { osErrorText } from './os-error-text.js';
import { resolveLanguage } from './language.js';

/** Why the nesting guard refused a text before parsing it; worded by readMessages().guard. */
export type GuardProblem =
  | { kind: 'front-matter-lines'; max: number }
  | { kind: 'nesting'; depth: number; max: number }
  | { kind: 'block-lines'; max: number }
  | { kind: 'file-lines'; max: number }
  | { kind: 'stretch-lines'; max: number; definition: boolean }
  | { kind: 'containers'; max: number }
  | { kind: 'container-depth'; depth: number; max: number }
  | { kind: 'inline-delimiters'; max: number }
  | { kind: 'list-items'; max: number };

/** Why a linked file (a template, a price list) cannot be shown. */
export type LinkedFileProblem = 'outside' | 'missing' | 'not-a-file';

/** Why bytes are not text; worded by readMessages().encoding. */
export type EncodingProblem = { kind: 'utf16' } | { kind: 'invalid-utf8'; offset: number } | { kind: 'nul' };

/** A size as the user gave it: MB with one decimal, KB below a tenth of a MB (a `--max-file-size 1KB` limit is not «0.0 MB»). */
const size = (bytes: number, units: { kb: string; mb: string; comma: boolean }) => {
  const text = bytes < 104858 ? `${Math.ceil(bytes / 1024)} ${units.kb}` : `${(bytes / 1048576).toFixed(1)} ${units.mb}`;
  return units.comma ? text.replace('.', ',') : text;
};
const mb = (bytes: number) => size(bytes, { kb: 'KB', mb: 'MB', comma: false });
const mbRu = (bytes: number) => size(bytes, { kb: 'КБ', mb: 'МБ', comma: true });

const en = {
  guard(p: GuardProblem): string {
    switch (p.kind) {
      case 'front-matter-lines':
        return `Front matter is longer than ${p.max} lines; keep long data out of it`;
      case 'nesting':
        return `Nesting ${p.depth} levels deep; at most ${p.max} are allowed (lists, quotes and indentation; instr --max-depth raises the limit)`;
      case 'block-lines':
        return `A block of more than ${p.max} lines without a blank line; split it with blank lines`;
      case 'file-lines':
        return `File has more than ${p.max} lines; split it into several files`;
      case 'stretch-lines':
        return `More than ${p.max} lines in one stretch the parser cannot cut; ${p.definition ? 'a link reference definition ([x]: url) makes the whole file one stretch' : 'put a heading at the left margin between the parts'}`;
      case 'containers':
        return `More than ${p.max} list items, block quotes and underlined headings in one stretch the parser cannot cut (it slows down with their square); separate them with a paragraph or a heading at the left margin after a blank line`;
      case 'container-depth':
        return `Container directives nested ${p.depth} deep; at most ${p.max} are allowed`;
      case 'inline-delimiters':
        return `More than ${p.max} emphasis, link or code delimiters or inline HTML openings (*, _, [, \`, <) in one paragraph; split it`;
      case 'list-items':
        return `A list with more than ${p.max} items (nested ones included); split it, e.g. with a heading or a paragraph between the parts`;
    }
  },
  notParsed: (why: string) => `${why}; the file was not parsed`,
  parseBudget: (work: number) =>
    `Parsing needed more work than a file of this size may take (${work} characters parsed); the file was not compiled (simplify the text from this line on, or split the file)`,
  tooDeepToCompile: 'File was not compiled: the file is nested too deeply to be compiled',
  compilerFailed: (detail: string) => `File was not compiled: the compiler failed (${detail}); please report it`,
  outOfMemory: 'Parsing the file ran out of memory; the file was not compiled (split it)',
  parseTimeout: (seconds: number) => `Parsing took longer than ${seconds} s and was stopped; the file was not compiled (simplify its nesting, or split it)`,
  encoding(p: EncodingProblem): string {
    switch (p.kind) {
      case 'utf16':
        return 'File is UTF-16 encoded; save it as UTF-8';
      case 'invalid-utf8':
        return `Invalid UTF-8 at byte offset ${p.offset}; save the file as UTF-8`;
      case 'nul':
        return 'NUL byte in text; this looks like a binary file, not Markdown';
    }
  },
  fileTooLarge: (size: number, limit: number) =>
    `File is ${mb(size)}; instruction files are limited to ${mb(limit)} (split it, or raise the limit with --max-file-size)`,
  grewOver: (limit: number) => `File grew over ${mb(limit)} while being read`,
  notRegular: 'Cannot read the file: it is not a regular file',
  cannotRead: (error: unknown) => `Cannot read the file: ${osErrorText(error, 'en')}`,
  leftOut: (size: number, limit: number) => `Left out: ${mb(size)} is over the ${mb(limit)} limit`,
  /** Why a file named on the command line (an answers file, a scenario) was not opened (UnsafePathError's reason). */
  unsafe: (reason: 'symlink' | 'not-a-file' | 'too-large'): string =>
    reason === 'symlink'
      ? 'it is a symbolic link, and instr does not follow links (name the file itself)'
      : reason === 'not-a-file'
        ? 'it is not a regular file'
        : 'it is larger than instr reads',
  linkedFile: (path: string, problem: LinkedFileProblem): string =>
    `${path}: ${problem === 'outside' ? 'outside the instructions folder' : problem === 'missing' ? 'no such file' : 'not a file'}`,
  journalNotWritten: (path: string, why: string) => `cannot write the journal ${path}: ${why}`,
  /** A file instr keeps (the journal) refused for where it lies; `english`: safe-open's own sentence. */
  unsafeKept: (_path: string, _reason: 'symlink' | 'not-a-file' | 'too-large', english: string): string => english,
};

const ru: typeof en = {
  guard(p) {
    switch (p.kind) {
      case 'front-matter-lines':
        return `Титульный блок длиннее ${p.max} строк; длинные данные держите вне его`;
      case 'nesting':
        return `Вложенность в ${p.depth} уровней; можно не больше ${p.max} (списки, цитаты и отступы; instr --max-depth поднимает предел)`;
      case 'block-lines':
        return `Блок длиннее ${p.max} строк без пустой строки; разделите его пустыми строками`;
      case 'file-lines':
        return `В файле больше ${p.max} строк; разделите его на несколько файлов`;
      case 'stretch-lines':
        return `Больше ${p.max} строк подряд, которые разборщик не может разрезать; ${p.definition ? 'определение ссылки ([x]: url) делает весь файл одним куском' : 'поставьте между частями заголовок у левого края'}`;
      case 'containers':
        return `Больше ${p.max} пунктов списков, цитат и подчёркнутых заголовков в куске, который разборщик не может разрезать (его работа растёт с их квадратом); разделите их абзацем или заголовком у левого края после пустой строки`;
      case 'container-depth':
        return `Блоки ::: вложены на ${p.depth} уровней; можно не больше ${p.max}`;
      case 'inline-delimiters':
        return `В одном абзаце больше ${p.max} знаков выделения, ссылок, кода или начал HTML (*, _, [, \`, <); разделите абзац`;
      case 'list-items':
        return `В списке больше ${p.max} пунктов (вместе с вложенными); разделите его, например заголовком или абзацем между частями`;
    }
  },
  notParsed: (why) => `${why}; файл не разобран`,
  parseBudget: (work) =>
    `Разбор потребовал больше работы, чем положено файлу такого размера (разобрано знаков: ${work}); файл не скомпилирован (упростите текст начиная с этой строки или разделите файл)`,
  tooDeepToCompile: 'Файл не скомпилирован: вложенность слишком глубока для компиляции',
  compilerFailed: (detail) => `Файл не скомпилирован: сбой компилятора (${detail}); сообщите о нём`,
  outOfMemory: 'При разборе файла кончилась память; файл не скомпилирован (разделите его)',
  parseTimeout: (seconds) => `Разбор шёл дольше ${seconds} с и был остановлен; файл не скомпилирован (упростите вложенность или разделите файл)`,
  encoding(p) {
    switch (p.kind) {
      case 'utf16':
        return 'Файл в кодировке UTF-16; сохраните его в UTF-8';
      case 'invalid-utf8':
        return `Неверный байт UTF-8 (смещение ${p.offset}); сохраните файл в UTF-8`;
      case 'nul':
        return 'В тексте байт NUL; похоже, это двоичный файл, а не Markdown';
    }
  },
  fileTooLarge: (size, limit) =>
    `Размер файла ${mbRu(size)}; файл инструкции — не больше ${mbRu(limit)} (разделите его или поднимите предел флагом --max-file-size)`,
  grewOver: (limit) => `Файл вырос больше ${mbRu(limit)}, пока его читали`,
  notRegular: 'Файл не прочитать: это не обычный файл',
  cannotRead: (error) => `Файл не прочитать: ${osErrorText(error, 'ru')}`,
  leftOut: (size, limit) => `Не сравнивается: ${mbRu(size)} — больше предела ${mbRu(limit)}`,
  unsafe: (reason) =>
    reason === 'symlink'
      ? 'это символическая ссылка, а instr не переходит по ссылкам (укажите сам файл)'
      : reason === 'not-a-file'
        ? 'это не обычный файл'
        : 'он больше, чем instr читает',
  linkedFile: (path, problem) => `${path}: ${problem === 'outside' ? 'файл вне папки инструкций' : problem === 'missing' ? 'такого файла нет' : 'это не файл'}`,
  journalNotWritten: (path, why) => `Не удалось записать журнал ${path}: ${why}`,
  unsafeKept: (path, reason) =>
    reason === 'symlink'
      ? `${path} — символическая ссылка; instr не переходит по ссылкам к файлам, которые ведёт (уберите ссылку)`
      : reason === 'not-a-file'
        ? `${path} — не обычный файл`
        : `${path} больше, чем instr читает`,
};

export type ReadMessages = typeof en;

export function readMessages(lang: string | undefined): ReadMessages {
  return resolveLanguage(lang) === 'ru' ? ru : en;
}
