/** The CLI's own lines around the findings (summaries, limits), in the instruction's language. */
import { resolveLanguage } from './language.js';

const en = {
  errorsFirst: (n: number) => `${n} error${n === 1 ? '' : 's'} in the instructions; fix them first (instr lint shows every problem)`,
  moreWarnings: (n: number, max: number) => `${n} warning${n === 1 ? '' : 's'}, more than --max-warnings ${max}`,
  diffErrors: (n: number, side: 'base' | 'head', label: string) =>
    `${n} error${n === 1 ? '' : 's'} in the ${side} (${label}); what did not compile is left out of the comparison`,
  journalUnreadableLines: (file: string, n: number, lines: string) => `${file}: ${n} unreadable line${n === 1 ? '' : 's'} skipped (line ${lines})`,
  journalCannotRead: (file: string, detail: string) => `Cannot read the journal ${file}: ${detail}`,
  journalMissing: (file: string) => `No journal at ${file}`,
  userSchedulesOnly: (user: string, roles: readonly string[]) =>
    `--user ${user}: schedules are checked in the instructions ${user} has runs in; the schedules of ${roles.join(', ')}: with --role`,
  runDamaged: (run: string, file: string) => `cannot continue the run ${run}: its start record in ${file} is damaged (it needs task, title and lang as text)`,
  internalError: 'internal error:',
  internalErrorHint: 'This is a bug in instr. Run again with INSTR_DEBUG=1 for the stack trace and report it.',
};

const ru: typeof en = {
  errorsFirst: (n) => `В инструкциях ${n} ${plural(n, 'ошибка', 'ошибки', 'ошибок')}; сначала исправьте их (instr lint покажет все проблемы)`,
  moreWarnings: (n, max) => `${n} ${plural(n, 'предупреждение', 'предупреждения', 'предупреждений')} — больше, чем --max-warnings ${max}`,
  diffErrors: (n, side, label) =>
    `${n} ${plural(n, 'ошибка', 'ошибки', 'ошибок')} в ${side === 'base' ? 'прежней' : 'новой'} версии (${label}); то, что не скомпилировалось, в сравнение не вошло`,
  journalUnreadableLines: (file, n, lines) =>
    `${file}: ${plural(n, 'пропущена нечитаемая строка', 'пропущены нечитаемые строки', 'пропущено нечитаемых строк')}: ${n} (${lines})`,
  journalCannotRead: (file, detail) => `Не удалось прочитать журнал ${file}: ${detail}`,
  journalMissing: (file) => `Журнала нет: ${file}`,
  userSchedulesOnly: (user, roles) =>
    `--user ${user}: расписания проверены в тех инструкциях, по которым у ${user} есть прогоны; расписания других (${roles.join(', ')}) — с --role`,
  runDamaged: (run, file) => `Нельзя продолжить прохождение ${run}: его первая запись в ${file} повреждена (в ней должны быть task, title и lang)`,
  internalError: 'внутренняя ошибка:',
  internalErrorHint: 'Это ошибка в instr. Запустите команду ещё раз с INSTR_DEBUG=1, чтобы увидеть трассировку стека, и сообщите о ней.',
};

function plural(n: number, one: string, few: string, many: string): string {
  const form = new Intl.PluralRules('ru').select(n);
  return form === 'one' ? one : form === 'few' ? few : many;
}

export function cliMessages(lang: string | undefined): typeof en {
  return resolveLanguage(lang) === 'ru' ? ru : en;
}
