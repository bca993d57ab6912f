/**
 * Usage errors: a flag's value, a path that does not exist, the command line itself (an unknown
 * option or command, a missing argument). In the screen's language (docs/screen-language.md);
 * flags, commands and values are quoted as typed.
 */
import { osErrorText } from './os-error-text.js';
import { resolveLanguage } from './language.js';

const q = (s: string | number) => `"${s}"`;
const list = (items: readonly string[]) => items.map(q).join(', ');

const en = {
  wholeNumber: (flag: string, min: number, max: number, value: string) => `${flag} must be a whole number from ${min} to ${max}, not ${q(value)}`,
  wholeNumberFrom0: (flag: string, value: string) => `${flag} must be a whole number, e.g. 0, not ${q(value)}`,
  isoDate: (flag: string, value: string) => `${flag} must be a date YYYY-MM-DD, not ${q(value)}`,
  dateTime: (source: string, value: string) =>
    `${source} must be a date and time such as 2026-11-27T17:30 (in the instruction's time zone) or 2026-11-27T14:30:00Z, not ${q(value)}`,
  oneOf: (flag: string, allowed: readonly string[], value: string) => `${flag} must be one of ${allowed.join(', ')}, not ${q(value)}`,
  sinceAfterUntil: (since: string, until: string) => `--since ${since} is after --until ${until}`,
  size: (value: string) => `--max-file-size must be a number of bytes or e.g. 5MB, 512KB, not ${q(value)}`,
  unsupportedLang: (value: string, supported: readonly string[]) => `Unsupported language ${q(value)} for --lang; supported: ${supported.join(', ')}`,
  roleUnknown: (role: string, roles: readonly string[]) => `--role ${q(role)}: no instruction is for this role; roles: ${list(roles)}`,
  roleNone: (role: string) => `--role ${q(role)}: no instruction names a role (front matter role:)`,
  searchWords: 'give the words to search for, e.g. instr search client shouts',
  unknownRules: (rules: readonly string[], known: readonly string[]) => `Unknown rule ${list(rules)}; the rules are: ${known.join(', ')}`,
  noSuchPath: (path: string) => `No such file or folder: ${path}`,
  noInstructionsHere: '; run instr in the folder that holds instructions/, or name the files or folders to use',
  noScenario: (path: string) => `No such scenario file: ${path}`,
  noFolder: (path: string) => `No such folder: ${path}`,
  cannotWrite: (file: string, error: unknown) => `Cannot write ${file}: ${osErrorText(error, 'en')}`,
  diffTwoFolders: (base: string) => `To compare folders give two: instr diff ${base} NEW_FOLDER (or a git revision to compare the working tree with)`,
  configInvalid: 'the config file is not valid (its schema: schemas/config.schema.json)',
  unknownOption: (flag: string) => `unknown option ${flag}`,
  unknownCommand: (name: string) => `unknown command ${q(name)}`,
  didYouMean: (names: readonly string[]) => `Did you mean ${names.join(' or ')}?`,
  missingArgument: (name: string) => `missing the argument ${name}`,
  optionNeedsValue: (flags: string) => `the option ${flags} needs a value`,
  tooManyArguments: (command: string, expected: number, got: number) => `too many arguments for ${command}: it takes ${expected}, got ${got}`,
  invalidValue: (flags: string, value: string, allowed: readonly string[]) => `${flags} must be one of ${allowed.join(', ')}, not ${q(value)}`,
  commandLine: (text: string) => `the command line is not valid: ${text}`,
  seeHelp: (command: string) => `See: ${command} --help`,
};

export type UsageMessages = typeof en;

const ru: UsageMessages = {
  wholeNumber: (flag, min, max, value) => `${flag} должен быть целым числом от ${min} до ${max}, а не «${value}»`,
  wholeNumberFrom0: (flag, value) => `${flag} должен быть целым числом, например 0, а не «${value}»`,
  isoDate: (flag, value) => `${flag} должен быть датой ГГГГ-ММ-ДД, а не «${value}»`,
  dateTime: (source, value) =>
    `${source} должен быть датой и временем, например 2026-11-27T17:30 (в часовом поясе инструкции) или 2026-11-27T14:30:00Z, а не «${value}»`,
  oneOf: (flag, allowed, value) => `${flag} должен быть одним из: ${allowed.join(', ')}, а не «${value}»`,
  sinceAfterUntil: (since, until) => `--since ${since} позже, чем --until ${until}`,
  size: (value) => `--max-file-size — это число байт или, например, 5MB, 512KB, а не «${value}»`,
  unsupportedLang: (value, supported) => `Язык «${value}» для --lang не поддерживается; есть: ${supported.join(', ')}`,
  roleUnknown: (role, roles) => `--role «${role}»: ни одна инструкция не написана для этой роли; роли: ${roles.map((r) => `«${r}»`).join(', ')}`,
  roleNone: (role) => `--role «${role}»: ни в одной инструкции не указана роль (role: во front matter)`,
  searchWords: 'назовите слова для поиска, например: instr search клиент кричит',
  unknownRules: (rules, known) => `Нет правила ${rules.map((r) => `«${r}»`).join(', ')}; правила: ${known.join(', ')}`,
  noSuchPath: (path) => `Нет такого файла или папки: ${path}`,
  noInstructionsHere: '; запустите instr в папке, где лежит instructions/, или назовите файлы и папки с инструкциями',
  noScenario: (path) => `Нет такого файла сценария: ${path}`,
  noFolder: (path) => `Нет такой папки: ${path}`,
  cannotWrite: (file, error) => `Не удалось записать ${file}: ${osErrorText(error, 'ru')}`,
  diffTwoFolders: (base) => `Чтобы сравнить папки, назовите обе: instr diff ${base} НОВАЯ_ПАПКА (или ревизию git, с которой сравнить рабочую копию)`,
  configInvalid: 'файл настроек задан неверно (его схема: schemas/config.schema.json)',
  unknownOption: (flag) => `неизвестный параметр ${flag}`,
  unknownCommand: (name) => `неизвестная команда «${name}»`,
  didYouMean: (names) => `Может быть, ${names.join(' или ')}?`,
  missingArgument: (name) => `не хватает аргумента ${name}`,
  optionNeedsValue: (flags) => `у параметра ${flags} должно быть значение`,
  tooManyArguments: (command, expected, got) => `слишком много аргументов для ${command}: нужно ${expected}, дано ${got}`,
  invalidValue: (flags, value, allowed) => `${flags} должен быть одним из: ${allowed.join(', ')}, а не «${value}»`,
  commandLine: (text) => `командная строка задана неверно: ${text}`,
  seeHelp: (command) => `Справка: ${command} --help`,
};

export function usageMessages(lang: string | undefined): UsageMessages {
  return resolveLanguage(lang) === 'ru' ? ru : en;
}
