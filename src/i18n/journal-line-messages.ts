/**
 * Why a line of the local journal was skipped, in the screen's language: listed one by one when a
 * run resumes (the count line around them is in src/i18n/messages.ts).
 */
import { resolveLanguage } from './language.js';

/** Why a journal line was skipped (src/journal/reader.ts). */
export type SkippedLine =
  | { kind: 'not-a-record' }
  | { kind: 'torn-last' }
  | { kind: 'torn-inside' }
  | { kind: 'not-json' }
  | { kind: 'newer' }
  | { kind: 'out-of-order'; seq: number; run: string };

export function skippedLineText(why: SkippedLine, lang: string | undefined): string {
  const ru = resolveLanguage(lang) === 'ru';
  switch (why.kind) {
    case 'not-a-record':
      return ru ? 'это не запись журнала (нужны v: 1, run, seq, at, type); строка пропущена' : 'not a journal record (needs v: 1, run, seq, at, type); skipped';
    case 'torn-last':
      return ru
        ? 'последняя запись оборвана (процесс остановился, пока её писал); строка пропущена'
        : 'the last record is torn (the process stopped while writing it); skipped';
    case 'torn-inside':
      return ru
        ? 'запись оборвана прерванной записью (следующая запись продолжила строку); строка пропущена'
        : 'a record torn by an interrupted write (a later write continued after it); skipped';
    case 'not-json':
      return ru ? 'это не запись JSON; строка пропущена' : 'not a JSON record; skipped';
    case 'newer':
      return ru
        ? 'запись более нового формата журнала или неизвестного вида (обновите instr); строка пропущена'
        : 'a record of a newer journal format or of an unknown type; skipped';
    case 'out-of-order':
      return ru
        ? `seq ${why.seq} прогона ${why.run} не идёт после последней записи прогона (повторная или не на месте запись); строка пропущена`
        : `seq ${why.seq} of run ${why.run} is not after the run's last record (a repeated or misplaced write); skipped`;
  }
}
