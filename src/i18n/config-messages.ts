/**
 * The config file's (instr.config.yaml) problems, in the screen's language (docs/screen-language.md),
 * each at its file:line:column. The YAML and schema libraries' own sentences stay out of Russian.
 */
import { osErrorText } from './os-error-text.js';
import { resolveLanguage } from './language.js';
import { schemaTypesRu } from './schema-type-names.js';

const en = {
  tooLarge: 'Config file is larger than 1 MB',
  notRegular: 'Cannot read the config file: it is not a regular file (a symbolic link, a folder or a pipe)',
  journalUnreadable: (file: string) => `${file}: "journal" cannot be read: write a file path or a postgres:// address`,
  cannotRead: (error: unknown) => `Cannot read the config file: ${osErrorText(error, 'en')}`,
  tooLong: (max: number) => `The config is longer than ${max} lines`,
  notYaml: (detail: string, _tab: boolean) => `Not valid YAML: ${detail}`,
  duplicate: (key: string) => `Not valid YAML: Map keys must be unique ("${key}" is repeated)`,
  aliases: (detail: string) => `The config could not be read: ${detail}`,
  tags: (binary: boolean): string =>
    binary ? 'YAML tags such as !!binary are not allowed' : 'YAML tags such as !!omap, !!pairs and !!set are not allowed; write a plain mapping or list',
  /** `path`: the setting's keys (empty: the whole file). */
  where: (path: string[]) => (path.length ? `"${path.join('.')}"` : 'the config'),
  ruleSetting: (where: string) => `${where} must be off, warn or error, or [severity, {options}]`,
  unknownRule: (key: string) => `Unknown rule "${key}"; the rules are listed in docs/commands/lint.md`,
  moved: (key: string, to: string) => `"${key}" is now an option of a rule: ${to}`,
  unknownKey: (key: string, where: string) => `Unknown key "${key}" in ${where}`,
  oneOf: (where: string, values: string) => `${where} must be one of: ${values}`,
  duration: (where: string) => `${where} must be an ISO 8601 duration such as P14D or P2W`,
  type: (where: string, type: string) => `${where} must be ${type}`,
  other: (where: string, message: string | undefined, _keyword: string) => `${where} ${message ?? 'is invalid'}`,
};

const ru: typeof en = {
  tooLarge: 'Файл настроек больше 1 МБ',
  notRegular: 'Файл настроек не прочитать: это не обычный файл (ссылка, папка или канал)',
  journalUnreadable: (file) => `${file}: «journal» не прочитать: укажите путь к файлу или адрес postgres://`,
  cannotRead: (error) => `Файл настроек не прочитать: ${osErrorText(error, 'ru')}`,
  tooLong: (max) => `В файле настроек больше ${max} строк`,
  notYaml: (_detail, tab) =>
    tab ? 'Табуляция в отступе: делайте отступы пробелами' : 'Это не YAML, который instr может прочитать: проверьте отступы, двоеточия и кавычки',
  duplicate: (key) => `Ключ «${key}» повторяется: оставьте один`,
  aliases: () => 'В файле настроек больше ссылок (*имя), чем разрешено; выпишите значения',
  tags: (binary) =>
    binary
      ? 'Теги YAML вроде !!binary не допускаются'
      : 'Теги YAML вроде !!omap, !!pairs и !!set не допускаются; пишите обычный набор «ключ: значение» или список',
  where: (path) => (path.length ? `«${path.join('.')}»` : 'файл настроек'),
  ruleSetting: (where) => `${where}: нужно off, warn или error либо [уровень, {параметры}]`,
  unknownRule: (key) => `Неизвестное правило «${key}»; правила перечислены в docs/commands/lint.md`,
  moved: (key, to) => `«${key}» теперь параметр правила: ${to}`,
  unknownKey: (key, where) => `Неизвестный ключ «${key}» в ${where === 'файл настроек' ? 'файле настроек' : where}`,
  oneOf: (where, values) => `${where}: нужно одно из: ${values}`,
  duration: (where) => `${where}: нужна длительность ISO 8601, например P14D или P2W`,
  type: (where, type) => `${where}: нужен тип ${schemaTypesRu[type] ?? type}`,
  other: (where, _message, keyword) => `${where}: значение не подходит (${keyword})`,
};

export type ConfigMessages = typeof en;

export function configMessages(lang: string | undefined): ConfigMessages {
  return resolveLanguage(lang) === 'ru' ? ru : en;
}
