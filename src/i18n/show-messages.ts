/**
 * Words of `instr show` and of the candidate lists every command prints when a query names
 * several things or none. Same language rule as messages.ts: Russian, else English.
 */
import { resolveLanguage } from './language.js';
const en = {
  ambiguous: '"{q}" matches several things; name one by its id:',
  notFound: 'Nothing is called "{q}".',
  known: 'There are:',
  nearest: 'Nearest:',
  nearestSeveral: 'Found by search:',
  kindTask: 'task',
  kindSituation: 'situation',
  kindSection: 'section',
  kindDocument: 'instruction',
  kindFile: 'file',
  kindRole: 'role',
  roleIn: 'Defined in',
  roleOwns: 'Keeps these instructions current',
  roleMentions: 'Tasks and steps that name this role',
  roleNoMentions: 'No task or step names this role.',
  sections: 'Sections',
  tasks: 'Tasks',
  role: 'Role',
  owner: 'Owner',
  intro: 'Introduction',
  linkedFiles: 'Linked files',
  unsupportedLang: 'Unsupported language "{lang}" for --lang; supported: {list}',
  showHint: 'Show one with: instr show ID',
};

export type ShowMessages = Record<keyof typeof en, string>;

const ru: ShowMessages = {
  ambiguous: '«{q}» подходит к нескольким; укажите одно по id:',
  notFound: 'Ничего не называется «{q}».',
  known: 'Есть:',
  nearest: 'Ближайшее:',
  nearestSeveral: 'Нашлось поиском:',
  kindTask: 'задача',
  kindSituation: 'ситуация',
  kindSection: 'раздел',
  kindDocument: 'инструкция',
  kindFile: 'файл',
  kindRole: 'роль',
  roleIn: 'Описана в',
  roleOwns: 'Отвечает за актуальность инструкций',
  roleMentions: 'Задачи и шаги, где упоминается эта роль',
  roleNoMentions: 'Ни одна задача и ни один шаг не упоминают эту роль.',
  sections: 'Разделы',
  tasks: 'Задачи',
  role: 'Должность',
  owner: 'Ответственный',
  intro: 'Введение',
  linkedFiles: 'Файлы по ссылкам',
  unsupportedLang: 'Язык «{lang}» для --lang не поддерживается; есть: {list}',
  showHint: 'Показать одно: instr show ID',
};

export function showMessages(lang: string | undefined): ShowMessages {
  return resolveLanguage(lang) === 'ru' ? ru : en;
}

/** `{name}` placeholders filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}
