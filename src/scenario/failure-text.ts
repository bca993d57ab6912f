/**
 * Why a scenario failed, in the report's language. A failure is data (a code and its
 * parameters); the words are chosen when it is shown, so JSON output keeps the code too.
 */
import { resolveLanguage } from '../i18n/language.js';
export type FailureCode =
  | 'no-answer-decision'
  | 'no-answer-checkpoint'
  | 'not-an-option'
  | 'bad-step-answer'
  | 'bad-checkpoint-answer'
  | 'engine-refused'
  | 'loops'
  | 'too-many-prompts'
  | 'status'
  | 'outcome'
  | 'path-differs'
  | 'path-ended'
  | 'path-went-on'
  | 'includes-before'
  | 'includes-never'
  | 'excluded'
  | 'unused-answer'
  | 'unused-answers'
  | 'bad-time'
  | 'promise-missing'
  | 'promise-state'
  | 'promise-due';

export type FailureParams = Record<string, string | number>;

type Catalogue = Record<FailureCode, (p: FailureParams) => string>;

const en: Catalogue = {
  'no-answer-decision': (p) => `No answer for the decision «${p['question']}»; options: ${p['options']}`,
  'no-answer-checkpoint': (p) => `No answer for the checkpoint «${p['text']}», which asks for: ${p['asks']}`,
  'not-an-option': (p) => `«${p['value']}» is not an option of «${p['question']}»; options: ${p['options']}`,
  'bad-step-answer': (p) => `The step «${p['text']}» takes done, {skip: reason} or {unclear: note}, not ${p['value']}`,
  'bad-checkpoint-answer': (p) => `The checkpoint «${p['text']}» takes true, false or a value`,
  'engine-refused': (p) => `The run refused the answer to «${p['text']}»: ${p['error']}`,
  loops: (p) =>
    `The scenario loops: it comes back to «${p['text']}» with the same answers and would go round forever; give a list of answers to the decision that repeats`,
  'too-many-prompts': (p) => `The scenario was stopped after ${p['count']} prompts (now at «${p['text']}»)`,
  status: (p) => `Expected status ${p['expected']}, got ${p['actual']}${p['outcome'] ? ` («${p['outcome']}»)` : ''}`,
  outcome: (p) => `Expected the outcome «${p['expected']}», got ${p['actual'] ? `«${p['actual']}»` : 'none'}`,
  'path-differs': (p) => `Path, item ${p['index']}: expected «${p['expected']}», got ${p['actual']}`,
  'path-ended': (p) =>
    `Path, item ${p['index']}: expected «${p['expected']}», but the run ended${p['last'] ? ` after ${p['last']}` : ' before its first step'}`,
  'path-went-on': (p) => `Path, item ${p['index']}: expected the run to end, but it went on to ${p['actual']}`,
  'includes-before': (p) => `Expected «${p['expected']}» after «${p['previous']}», but the run went through it before`,
  'includes-never': (p) => `Expected the run to go through «${p['expected']}»${p['previous'] ? ` after «${p['previous']}»` : ''}, but it never did`,
  excluded: (p) => `The run went through ${p['actual']}, which the scenario excludes`,
  'unused-answer': (p) => `The answer to «${p['key']}» was never asked for: the run did not get there`,
  'unused-answers': (p) => `«${p['key']}» has ${p['given']} answers, but the run asked only ${p['used']} times`,
  'bad-time': (p) => `The answer to «${p['text']}» moves the clock to «${p['value']}», which is not a moment after ${p['now']}`,
  'promise-missing': (p) => `Expected the promise «${p['expected']}», but the run made none such`,
  'promise-state': (p) => `The promise «${p['expected']}» is ${p['actual']}, not ${p['state']}`,
  'promise-due': (p) => `The promise «${p['expected']}» is due ${p['actual']}, not ${p['due']}`,
};

const statusRu: Record<string, string> = { done: 'выполнено', cancelled: 'отменено', failed: 'не удалось', waiting: 'ожидание', paused: 'на паузе' };
const st = (s: string | number | undefined): string => `${s} (${statusRu[String(s)] ?? s})`;

const ru: Catalogue = {
  'no-answer-decision': (p) => `Нет ответа на решение «${p['question']}»; варианты: ${p['options']}`,
  'no-answer-checkpoint': (p) => `Нет ответа для контрольной точки «${p['text']}», она спрашивает: ${p['asks']}`,
  'not-an-option': (p) => `«${p['value']}» — не вариант решения «${p['question']}»; варианты: ${p['options']}`,
  'bad-step-answer': (p) => `Шаг «${p['text']}» принимает done, {skip: причина} или {unclear: вопрос}, а не ${p['value']}`,
  'bad-checkpoint-answer': (p) => `Контрольная точка «${p['text']}» принимает true, false или значение`,
  'engine-refused': (p) => `Прохождение не приняло ответ на «${p['text']}»: ${p['error']}`,
  loops: (p) =>
    `Сценарий зациклился: он возвращается к «${p['text']}» с теми же ответами и будет ходить по кругу; дайте список ответов для повторяющегося решения`,
  'too-many-prompts': (p) => `Сценарий остановлен после ${p['count']} вопросов (сейчас «${p['text']}»)`,
  status: (p) => `Ожидался статус ${st(p['expected'])}, получен ${st(p['actual'])}${p['outcome'] ? ` («${p['outcome']}»)` : ''}`,
  outcome: (p) => `Ожидался итог «${p['expected']}», получен ${p['actual'] ? `«${p['actual']}»` : 'никакой'}`,
  'path-differs': (p) => `Путь, пункт ${p['index']}: ожидалось «${p['expected']}», получено ${p['actual']}`,
  'path-ended': (p) =>
    `Путь, пункт ${p['index']}: ожидалось «${p['expected']}», но прохождение закончилось${p['last'] ? ` после ${p['last']}` : ' до первого шага'}`,
  'path-went-on': (p) => `Путь, пункт ${p['index']}: ожидался конец, но прохождение продолжилось: ${p['actual']}`,
  'includes-before': (p) => `Ожидалось «${p['expected']}» после «${p['previous']}», но прохождение было там раньше`,
  'includes-never': (p) => `Ожидалось, что прохождение дойдёт до «${p['expected']}»${p['previous'] ? ` после «${p['previous']}»` : ''}, но оно не дошло`,
  excluded: (p) => `Прохождение прошло через ${p['actual']}, а сценарий это исключает`,
  'unused-answer': (p) => `Ответ на «${p['key']}» не понадобился: прохождение туда не дошло`,
  'unused-answers': (p) => `Для «${p['key']}» дано ответов: ${p['given']}, а вопрос был задан только ${p['used']} раз(а)`,
  'bad-time': (p) => `Ответ на «${p['text']}» переводит часы на «${p['value']}», а это не момент после ${p['now']}`,
  'promise-missing': (p) => `Ожидалось обещание «${p['expected']}», но прохождение такого не дало`,
  'promise-state': (p) => `Обещание «${p['expected']}»: ${p['actual']}, а ожидалось ${p['state']}`,
  'promise-due': (p) => `Срок обещания «${p['expected']}» — ${p['actual']}, а ожидалось ${p['due']}`,
};

export function failureText(code: FailureCode, params: FailureParams, lang: string | undefined): string {
  return (resolveLanguage(lang) === 'ru' ? ru : en)[code](params);
}
