/**
 * What instr says about a run continued on two machines while both were offline
 * (src/journal/postgres/fork.ts): on the screen of the upload that found it, and in the report.
 */
import { resolveLanguage } from './language.js';

interface ForkMessages {
  /** Said by the upload that stored this machine's records as a fork. */
  forked: (run: string, from: number, fork: string, file: string) => string;
  reportTitle: string;
  /** One fork in the report: the fork, the run it forks, from which record. */
  reportLine: (fork: string, run: string, from: number) => string;
  reportAdvice: string;
}

const en: ForkMessages = {
  forked: (run, from, fork, file) =>
    `The run ${run} was also continued on another machine while this one was offline: from its record ${from} on, the two machines recorded different things. Nothing is dropped: the team journal keeps the other machine's records in ${run}, and this machine's from there on as the run ${fork} (which begins as ${run} did). \`instr report\` lists both; agree with the other person which one is right and go on in that one only. ${file} on this machine keeps its own version under ${run}.`,
  reportTitle: 'Runs continued on two machines at once (offline): both kept',
  reportLine: (fork, run, from) => `${fork} forks ${run} from its record ${from}: the second machine's records`,
  reportAdvice: 'Compare each pair, agree which one is right, and go on in that one only.',
};

const ru: ForkMessages = {
  forked: (run, from, fork, file) =>
    `Прохождение ${run} продолжали и на другом компьютере, пока этот был без связи: с записи ${from} компьютеры записали разное. Ничего не потеряно: в общем журнале записи другого компьютера остались в ${run}, а записи этого с того места сохранены как прохождение ${fork} (его начало — как у ${run}). \`instr report\` показывает оба; договоритесь, какое из них верное, и продолжайте только его. В ${file} на этом компьютере осталась своя версия под ${run}.`,
  reportTitle: 'Прохождения, продолженные на двух компьютерах сразу (без связи): сохранены оба',
  reportLine: (fork, run, from) => `${fork} — ответвление ${run} с записи ${from}: записи второго компьютера`,
  reportAdvice: 'Сверьте каждую пару, договоритесь, какое прохождение верное, и продолжайте только его.',
};

export function forkMessages(lang: string | undefined): ForkMessages {
  return resolveLanguage(lang) === 'ru' ? ru : en;
}
