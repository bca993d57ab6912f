/**
 * Why the team journal's PostgreSQL server could not be used, in the screen's language. The
 * driver's and the server's own sentences are English (and may name the host, never the
 * password: the detail given here is already scrubbed); a known failure is said in our words with
 * its code, and an unknown one in a sentence of ours with its code, quoting the scrubbed detail.
 */
import { resolveLanguage } from './language.js';

type Known =
  | 'refused'
  | 'noHost'
  | 'timeout'
  | 'unreachable'
  | 'broken'
  | 'password'
  | 'notAllowed'
  | 'noDatabase'
  | 'noRights'
  | 'tooMany'
  | 'stopping'
  | 'certificate'
  | 'noSsl';

const en: Record<Known, string> & {
  other: (detail: string, code: string) => string;
  schemaNewer: (current: string, known: string) => string;
  schemaNotSetUp: (current: string, latest: string) => string;
} = {
  refused: 'the server refuses connections',
  noHost: 'there is no such host',
  timeout: 'the server did not answer in time',
  unreachable: 'the network does not reach the server',
  broken: 'the connection to the server broke',
  password: 'the password is wrong',
  notAllowed: 'the server does not let this user in',
  noDatabase: 'the database does not exist',
  noRights: 'the user may not do this',
  tooMany: 'the server has too many connections',
  stopping: 'the server is shutting down or starting up',
  certificate: 'the server’s certificate is not trusted',
  noSsl: 'the server does not accept SSL connections',
  other: (detail, code) => `the server answered with an error${code ? ` (${code})` : ''}: ${detail}`,
  schemaNewer: (current, known) => `the journal's schema is version ${current}, newer than this instr knows (${known}): update instr`,
  schemaNotSetUp: (current, latest) =>
    `the journal's tables are not set up (schema version ${current} of ${latest}) and this role may not create them: run \`instr journal migrate\` once as the database owner`,
};

const ru: typeof en = {
  refused: 'сервер не принимает подключения',
  noHost: 'такого адреса сервера нет',
  timeout: 'сервер не ответил вовремя',
  unreachable: 'сеть не доходит до сервера',
  broken: 'связь с сервером оборвалась',
  password: 'неверный пароль',
  notAllowed: 'сервер не пускает этого пользователя',
  noDatabase: 'такой базы данных нет',
  noRights: 'у пользователя нет на это прав',
  tooMany: 'у сервера слишком много подключений',
  stopping: 'сервер останавливается или запускается',
  certificate: 'сертификату сервера нет доверия',
  noSsl: 'сервер не принимает подключения по SSL',
  // the server's own text (English, from PostgreSQL or the driver) is quoted, as what someone else said
  other: (detail, code) => `сервер ответил ошибкой${code ? ` с кодом ${code}` : ''}; его текст: «${detail}»`,
  schemaNewer: (current, known) => `схема общего журнала — версии ${current}, новее, чем знает этот instr (${known}): обновите instr`,
  schemaNotSetUp: (current, latest) =>
    `таблицы общего журнала не созданы (версия схемы ${current} из ${latest}), а этой роли нельзя их создать: один раз выполните instr journal migrate от имени владельца базы`,
};

/** A failure by its code (a system error's, or PostgreSQL's SQLSTATE), else by the driver's or server's English words. */
function known(code: string, message: string): Known | null {
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return 'noHost';
  if (code === 'ETIMEDOUT' || /timeout/i.test(message)) return 'timeout';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'unreachable';
  if (code === 'ECONNRESET' || code === 'EPIPE' || /Connection terminated|Connection ended/i.test(message)) return 'broken';
  if (code === '28P01') return 'password';
  if (code === '28000') return 'notAllowed';
  if (code === '3D000') return 'noDatabase';
  if (code === '42501') return 'noRights';
  if (code === '53300') return 'tooMany';
  if (/^57P0[123]$/.test(code)) return 'stopping';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/.test(code)) return 'certificate';
  if (/does not support SSL/i.test(message)) return 'noSsl';
  if (!code) {
    // a message without its error object (the background upload passes only the text)
    const system = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EPIPE)\b/.exec(message)?.[1];
    if (system) return known(system, '');
    if (/password authentication failed/i.test(message)) return 'password';
    if (/no pg_hba\.conf entry|role "[^"]*" does not exist/i.test(message)) return 'notAllowed';
    if (/database "[^"]*" does not exist/i.test(message)) return 'noDatabase';
    if (/permission denied/i.test(message)) return 'noRights';
    if (/too many clients|too many connections/i.test(message)) return 'tooMany';
    if (/the database system is (shutting down|starting up)/i.test(message)) return 'stopping';
  }
  return null;
}

/** `error`: a JournalServerError (scrubbed message, code) or any error whose message holds no secret. */
export function serverErrorText(error: { message: string; code?: string | undefined }, lang: string | undefined): string {
  const t = resolveLanguage(lang) === 'ru' ? ru : en;
  const code = error.code ?? '';
  // migrate.ts's own refusals (the detail alone reaches here from the background upload)
  const newer = /schema is version (\d+), newer than this instr knows \((\d+)\)/.exec(error.message);
  if (newer) return t.schemaNewer(newer[1]!, newer[2]!);
  const notSetUp = /tables are not set up \(schema version (\d+) of (\d+)\)/.exec(error.message);
  if (notSetUp) return t.schemaNotSetUp(notSetUp[1]!, notSetUp[2]!);
  const kind = known(code, error.message);
  if (kind === null) return t.other(error.message, code);
  const shown = code || /\b(E[A-Z]{4,}[A-Z_]*)\b/.exec(error.message)?.[1];
  return shown ? `${t[kind]} (${shown})` : t[kind];
}

/**
 * A journal address that cannot be used (PostgresStore's constructor: a URL the driver cannot
 * read, a `service=` no service file names). `message` holds no password (connection.ts scrubs
 * it); `label` is the address with its password masked.
 */
export function journalAddressText(message: string, label: string, lang: string | undefined): string {
  if (resolveLanguage(lang) !== 'ru') return message;
  const service = /^no service "([^"]*)" in (.*)$/.exec(message);
  if (service) return `службы «${service[1]}» нет ни в одном файле служб (${service[2]!.split(' or ').join(', ')})`;
  return `адрес общего журнала ${label} не подходит: нужен вид postgres://пользователь@сервер:порт/база`;
}
