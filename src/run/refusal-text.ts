/**
 * What the engine refuses (run/engine.ts returns a code and its values, with an English text for
 * logs and scenario reports), worded for the person running the instruction, in its language.
 */
import { resolveLanguage } from '../i18n/language.js';
import type { Refusal, RefusalCode } from './engine.js';

type Texts = Record<RefusalCode, string>;

const en: Texts = {
  finished: 'The run is {status}; only "back" is possible',
  unclearEmpty: 'An "unclear" note must say what is unclear',
  skipNeedsReason: 'Skipping a step needs a reason',
  notAnOption: '"{answer}" is not an option of "{question}"; options: {options}',
  needsValue: 'The checkpoint "{text}" needs a value: {value}',
  noTimeoutSteps: 'The wait "{event}" has no steps for when its time runs out',
  timeoutNotYet: 'The time for "{event}" has not run out yet: it runs out at {at} (the instruction\'s local time); answer that it happened, or wait',
  notATime: '"{at}" is not a time',
  afterNow: '"{event}" cannot have happened at {at}, after now ({now})',
  wrongAnswer: 'This {kind} takes {expected}, not "{answer}"',
  nothingBack: 'Nothing to go back to: this is the first step',
  notBeenAt: 'The run has not been at "{to}"; cannot go back to it',
};

const ru: Texts = {
  finished: 'Прохождение уже закончено ({status}); можно только вернуться назад',
  unclearEmpty: 'В вопросе «непонятно» напишите, что именно непонятно',
  skipNeedsReason: 'Чтобы пропустить шаг, назовите причину',
  notAnOption: '«{answer}» — не вариант решения «{question}»; варианты: {options}',
  needsValue: 'Для контрольной точки «{text}» нужно значение: {value}',
  noTimeoutSteps: 'У ожидания «{event}» нет шагов на случай, когда время вышло',
  timeoutNotYet: 'Время ожидания «{event}» ещё не вышло: оно выйдет {at} (местное время инструкции); ответьте, что событие произошло, или ждите',
  notATime: '«{at}» — не время',
  afterNow: '«{event}» не могло произойти в {at}: это позже, чем сейчас ({now})',
  wrongAnswer: 'Здесь ({kind}) можно ответить только: {expected}; «{answer}» не подходит',
  nothingBack: 'Назад некуда: это первый шаг',
  notBeenAt: 'Прохождение не было в «{to}»; вернуться туда нельзя',
};

const statuses: Record<'en' | 'ru', Record<string, string>> = {
  en: { done: 'done', cancelled: 'cancelled', failed: 'failed' },
  ru: { done: 'выполнено', cancelled: 'отменено', failed: 'не удалось' },
};

const kinds: Record<'en' | 'ru', Record<string, string>> = {
  en: { step: 'step', decision: 'decision', checkpoint: 'checkpoint', escalation: 'escalation', wait: 'wait' },
  ru: { step: 'шаг', decision: 'решение', checkpoint: 'контрольная точка', escalation: 'подключение', wait: 'ожидание' },
};

const answers: Record<'en' | 'ru', Record<string, string>> = {
  en: {},
  ru: {
    done: 'сделано',
    skip: 'пропустить',
    unclear: 'непонятно',
    choose: 'выбрать вариант',
    confirm: 'подтвердить',
    ack: 'принято',
    arrived: 'произошло',
    timeout: 'время вышло',
    back: 'назад',
  },
};

export function refusalText(refusal: Refusal, lang: string | undefined): string {
  const language = resolveLanguage(lang);
  const args: Record<string, string> = { ...refusal.args };
  if (args['status'] !== undefined) args['status'] = statuses[language][args['status']] ?? args['status'];
  if (args['kind'] !== undefined) args['kind'] = kinds[language][args['kind']] ?? args['kind'];
  const word = (w: string) => answers[language][w] ?? w;
  if (args['expected'] !== undefined)
    args['expected'] = args['expected']
      .split(',')
      .map((w) => (language === 'ru' ? `«${word(w)}»` : `"${w}"`))
      .join(', ');
  if (args['answer'] !== undefined && refusal.code === 'wrongAnswer') args['answer'] = word(args['answer']);
  const template = (language === 'ru' ? ru : en)[refusal.code];
  return template.replace(/\{(\w+)\}/g, (m, key: string) => args[key] ?? m);
}
