import type { SearchKind } from './documents.js';
import { resolveLanguage } from '../i18n/language.js';

/** The search's own words, in the instruction's language (Russian, else English). */
const en = {
  kinds: {
    task: 'task',
    situation: 'situation',
    trigger: 'when',
    schedule: 'schedule',
    description: 'about the task',
    step: 'step',
    decision: 'decision',
    option: 'answer',
    checkpoint: 'checkpoint',
    escalation: 'escalation',
    end: 'end',
    wait: 'wait',
    section: 'section',
    template: 'template',
  } satisfies Record<SearchKind, string>,
  nothingFound: 'Nothing found for',
  seeList: 'See every task and situation: instr list',
  gapProcedure: 'If the situation is not in the instruction, follow',
  gapFallback: 'If the situation is not in the instruction, decide with your manager, and note what happened: in instr run, choose "Not in the instruction…".',
  inTask: 'in',
  run: 'run',
  show: 'show',
  open: 'open',
  incomplete: 'errors in the instructions: what failed to compile is not searched (instr lint shows them)',
  nothingMenu: 'Nothing found. Clear the search to see everything, or choose:',
  menuList: 'Show the list of all tasks (instr list)',
  menuGap: 'The situation is not in the instruction',
};

export type SearchMessages = typeof en;

const ru: SearchMessages = {
  kinds: {
    task: 'задача',
    situation: 'ситуация',
    trigger: 'когда',
    schedule: 'по графику',
    description: 'о задаче',
    step: 'шаг',
    decision: 'решение',
    option: 'ответ',
    checkpoint: 'проверка',
    escalation: 'кого подключить',
    end: 'итог',
    wait: 'ожидание',
    section: 'раздел',
    template: 'шаблон',
  },
  nothingFound: 'Ничего не найдено по запросу',
  seeList: 'Все задачи и ситуации: instr list',
  gapProcedure: 'Если ситуации нет в инструкции, действуйте по разделу',
  gapFallback: 'Если ситуации нет в инструкции, решите вопрос с руководителем и запишите, что случилось: в instr run выберите «Нет в инструкции…».',
  inTask: 'в',
  run: 'пройти',
  show: 'посмотреть',
  open: 'открыть',
  incomplete: 'ошибки в инструкциях: то, что не скомпилировалось, не ищется (instr lint покажет их)',
  nothingMenu: 'Ничего не найдено. Сотрите запрос, чтобы увидеть всё, или выберите:',
  menuList: 'Показать список всех задач (instr list)',
  menuGap: 'Ситуации нет в инструкции',
};

export function searchMessages(lang: string | undefined): SearchMessages {
  return resolveLanguage(lang) === 'ru' ? ru : en;
}
