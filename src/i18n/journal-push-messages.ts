/** What `instr journal push` and `instr journal migrate` say, in the screen's language (docs/screen-language.md). */
import { resolveLanguage } from './language.js';

const en = {
  noServer: 'no team journal is configured: set INSTR_JOURNAL=postgres://… or journal: in instr.config.yaml (see docs/team-journal.md)',
  cannotReach: (label: string, why: string) => `cannot reach the team journal ${label}: ${why}`,
  noFile: (file: string) => `no journal file ${file}`,
  counts: (uploaded: number, already: number, unreadable: number) =>
    `${uploaded} uploaded, ${already} already there${unreadable ? `, ${unreadable} unreadable line${unreadable === 1 ? '' : 's'} skipped` : ''}`,
  nothingNew: 'nothing new to upload: every record made on this computer is already on the server',
  stopped: (counts: string, why: string) => `stopped after ${counts}: ${why}. Run \`instr journal push\` again: nothing is sent twice.`,
  schema: (label: string, version: number) => `${label}: journal schema version ${version}`,
};

const ru: typeof en = {
  noServer: 'общий журнал не настроен: задайте INSTR_JOURNAL=postgres://… или journal: в instr.config.yaml (см. docs/team-journal.md)',
  cannotReach: (label, why) => `общий журнал ${label} недоступен: ${why}`,
  noFile: (file) => `файла журнала нет: ${file}`,
  counts: (uploaded, already, unreadable) =>
    `отправлено: ${uploaded}, уже были на сервере: ${already}${unreadable ? `, пропущено нечитаемых строк: ${unreadable}` : ''}`,
  nothingNew: 'отправлять нечего: всё, что записано на этом компьютере, уже на сервере',
  stopped: (counts, why) => `отправка остановилась (${counts}): ${why}. Запустите \`instr journal push\` ещё раз: ничего не отправится дважды.`,
  schema: (label, version) => `${label}: версия схемы журнала ${version}`,
};

export type JournalPushMessages = typeof en;

export function journalPushMessages(lang: string | undefined): JournalPushMessages {
  return resolveLanguage(lang) === 'ru' ? ru : en;
}
