/**
 * What linking the files of a folder finds (ids used twice across files, jumps and promises that
 * lead nowhere, roles no front matter defines), in the language of the file the finding is in.
 */
import { resolveLanguage } from '../i18n/language.js';

const en = {
  documentIdTwice: (id: string, other: string) => `Instruction id "${id}" is also used by ${other}`,
  idTwice: (id: string, where: string) => `Duplicate id "${id}"; it is already used in ${where}`,
  jumpOutside: (file: string) => `Jump to "${file}", which is outside the instructions folder; a jump can only reach the files compiled together`,
  jumpNowhere: (target: string, suggestion: string | null) =>
    `Jump to "#${target}", which no task or node has as its id${suggestion ? `; did you mean "#${suggestion}"?` : ''}`,
  jumpOtherFile: (target: string, where: string, written: string) => `"#${target}" is in ${where}, not in ${written}`,
  keptByNothing: (kept: string) => `The promise is kept by "${kept}", which no node has as its id (write {#${kept}} on the step that keeps it)`,
  unknownRole: (role: string, defined: string[]) =>
    `Role "${role}" is not defined in the front matter's roles${defined.length ? ` (defined: ${defined.join(', ')})` : ''}`,
};

const ru: typeof en = {
  documentIdTwice: (id, other) => `Id инструкции «${id}» уже занят файлом ${other}`,
  idTwice: (id, where) => `Id «${id}» повторяется: он уже есть в ${where}`,
  jumpOutside: (file) => `Переход к «${file}» ведёт за папку инструкций; переход достаёт только до файлов, которые компилируются вместе`,
  jumpNowhere: (target, suggestion) => `Переход к «#${target}», но такого id нет ни у задачи, ни у шага${suggestion ? `; может быть, «#${suggestion}»?` : ''}`,
  jumpOtherFile: (target, where, written) => `«#${target}» находится в ${where}, а не в ${written}`,
  keptByNothing: (kept) => `Обещание выполняет «${kept}», но такого id нет ни у одного шага (допишите {#${kept}} шагу, который его выполняет)`,
  unknownRole: (role, defined) => `Роли «${role}» нет в «roles» титульного блока${defined.length ? ` (есть: ${defined.join(', ')})` : ''}`,
};

export type LinkMessages = typeof en;

export function linkMessages(lang: string | undefined): LinkMessages {
  return resolveLanguage(lang) === 'ru' ? ru : en;
}
