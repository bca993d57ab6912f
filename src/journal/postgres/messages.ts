/** What the team journal says on screen, in the instruction's language. */
import { resolveLanguage } from '../../i18n/language.js';
export interface ServerMessages {
  unreachable: (label: string, detail: string, file: string) => string;
  uploaded: (count: number, label: string) => string;
  offlineRead: (label: string, detail: string, file: string) => string;
  /** The run's lock was taken by another machine while this one was cut off (postgres/run-claim.ts). */
  runTaken: (run: string, label: string, file: string) => string;
  /** An inbox capture whose draft file is on another machine. */
  onServer: string;
}

const en: ServerMessages = {
  unreachable: (label, detail, file) =>
    `The team journal ${label} cannot be reached (${detail}). The run goes on: every answer is kept in ${file} and uploaded by \`instr journal push\` or the next command that reaches the server.`,
  uploaded: (count, label) => `${count} event(s) recorded on this machine uploaded to ${label}.`,
  offlineRead: (label, detail, file) => `The team journal ${label} cannot be reached (${detail}); showing this machine's journal ${file} only.`,
  runTaken: (run, label, file) =>
    `The run ${run} is now being continued on another machine (the team journal ${label} holds it). This machine's answers stay in ${file} and are not uploaded by this run; compare the two before going on.`,
  onServer: "in the team journal; the file is on the runner's machine",
};

const ru: ServerMessages = {
  unreachable: (label, detail, file) =>
    `Общий журнал ${label} недоступен (${detail}). Работа продолжается: каждый ответ сохраняется в ${file} и будет отправлен командой \`instr journal push\` или следующей командой, которая достучится до сервера.`,
  uploaded: (count, label) => `Записей, сделанных на этом компьютере, отправлено в ${label}: ${count}.`,
  offlineRead: (label, detail, file) => `Общий журнал ${label} недоступен (${detail}); показан только журнал этого компьютера ${file}.`,
  runTaken: (run, label, file) =>
    `Прохождение ${run} теперь продолжают на другом компьютере (его держит общий журнал ${label}). Ответы этого компьютера остаются в ${file}, и это прохождение их не отправляет; сверьте оба, прежде чем продолжать.`,
  onServer: 'в общем журнале; файл — на компьютере того, кто его записал',
};

export function serverMessages(lang: string | undefined): ServerMessages {
  return resolveLanguage(lang) === 'ru' ? ru : en;
}
