/**
 * What is wrong in a firm's days-off file or in a dates table, in the instruction's language;
 * the YAML library's English never reaches the screen (a YAML mistake is told at its line).
 */
import { resolveLanguage } from '../i18n/language.js';

const en = {
  notYaml: (file: string) => `${file}: not valid YAML`,
  firmKeys: (file: string) => `${file}: expected the keys days-off, working-days and shortened-days`,
  firmUnknownKey: (file: string, key: string) => `${file}: unknown key "${key}"; expected days-off, working-days or shortened-days`,
  firmNotMapping: (file: string, key: string) => `${file}: "${key}" must map dates (YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD) to a reason`,
  firmNotDate: (file: string, when: string, key: string) => `${file}: "${when}" under ${key} is not a date or range YYYY-MM-DD..YYYY-MM-DD`,
  firmTooLong: (file: string, when: string, key: string) => `${file}: "${when}" under ${key} spans more than a year`,
  tableOutside: (file: string) => `${file}: a dates table must be inside the instructions folder`,
  tableUnreadable: (file: string) => `${file}: the dates table cannot be read`,
  tableNotList: (file: string) => `${file}: expected a list of rows with date, title and who`,
  row: (file: string, n: number) => `${file}, row ${n}`,
  rowNotMapping: (at: string) => `${at}: expected date, title and who`,
  rowUnknownKey: (at: string, key: string) => `${at}: unknown key "${key}"; expected date, title, who`,
  rowDate: (at: string, when: string) => `${at}: "date: ${when}" is not a yearly date such as "11-21", "21 ноября" or "третье воскресенье июня"`,
  rowTitle: (at: string) => `${at}: a row needs a title`,
};

const ru: typeof en = {
  notYaml: (file) => `${file}: это не корректный YAML`,
  firmKeys: (file) => `${file}: ожидаются ключи days-off, working-days и shortened-days`,
  firmUnknownKey: (file, key) => `${file}: неизвестный ключ «${key}»; допустимы days-off, working-days и shortened-days`,
  firmNotMapping: (file, key) => `${file}: в «${key}» должны быть даты (ГГГГ-ММ-ДД или ГГГГ-ММ-ДД..ГГГГ-ММ-ДД) с причиной`,
  firmNotDate: (file, when, key) => `${file}: «${when}» в ${key} — не дата и не промежуток ГГГГ-ММ-ДД..ГГГГ-ММ-ДД`,
  firmTooLong: (file, when, key) => `${file}: «${when}» в ${key} длиннее года`,
  tableOutside: (file) => `${file}: таблица дат должна лежать в папке инструкций`,
  tableUnreadable: (file) => `${file}: таблицу дат не удалось прочитать`,
  tableNotList: (file) => `${file}: ожидается список строк с date, title и who`,
  row: (file, n) => `${file}, строка ${n}`,
  rowNotMapping: (at) => `${at}: ожидаются date, title и who`,
  rowUnknownKey: (at, key) => `${at}: неизвестный ключ «${key}»; допустимы date, title, who`,
  rowDate: (at, when) => `${at}: «date: ${when}» — не ежегодная дата вроде «11-21», «21 ноября» или «третье воскресенье июня»`,
  rowTitle: (at) => `${at}: у строки должно быть название (title)`,
};

export type CalendarMessages = typeof en;

export function calendarMessages(lang: string | undefined): CalendarMessages {
  return resolveLanguage(lang) === 'ru' ? ru : en;
}

/** `days-off.yaml:3:5`: the file and where the YAML library stopped, when it says. */
export function yamlPlace(file: string, error: unknown): string {
  const pos = (error as { linePos?: Array<{ line: number; col: number }> } | null)?.linePos?.[0];
  return pos ? `${file}:${pos.line}:${pos.col}` : file;
}
