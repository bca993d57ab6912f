/**
 * What an operating-system error means, in the user's language, with its code kept for searching:
 * «нет такого файла или папки (ENOENT)». Every message that says why a file could not be read or
 * written words the error here, never as a bare code.
 */
import { resolveLanguage } from './language.js';

const en: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EEXIST: 'it already exists',
  EBUSY: 'the file is busy',
  EIO: 'an input/output error of the disk',
};

const ru: Record<string, string> = {
  ENOENT: 'нет такого файла или папки',
  EACCES: 'нет прав доступа',
  EPERM: 'операция не разрешена',
  EISDIR: 'это папка, а не файл',
  ENOTDIR: 'часть пути — не папка',
  ELOOP: 'слишком много символических ссылок',
  ENAMETOOLONG: 'слишком длинное имя',
  ENOSPC: 'на диске нет места',
  EDQUOT: 'исчерпана квота диска',
  EROFS: 'файловая система только для чтения',
  EMFILE: 'слишком много открытых файлов',
  ENFILE: 'слишком много открытых файлов',
  EEXIST: 'уже существует',
  EBUSY: 'файл занят',
  EIO: 'ошибка ввода-вывода диска',
};

/** The error in words: a known code as a phrase with the code, another code as is, else the message. */
export function osErrorText(error: unknown, lang?: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') {
    const phrase = (resolveLanguage(lang) === 'ru' ? ru : en)[code];
    return phrase ? `${phrase} (${code})` : code;
  }
  return error instanceof Error ? error.message : String(error);
}
