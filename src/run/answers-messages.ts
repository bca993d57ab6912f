/**
 * What is wrong with an answers file (`instr run --answers FILE`) or with one of its answers, in
 * the instruction's language, at the file's line and column where there is one. The YAML
 * library's own messages are English sentences: they never reach the screen.
 */
import { resolveLanguage } from '../i18n/language.js';

type AnswersProblemCode =
  | 'tooLarge'
  | 'tooManyLines'
  | 'notYaml'
  | 'tab'
  | 'duplicate'
  | 'aliases'
  | 'notMapping'
  | 'unknownAnswer'
  | 'notCoveredWith'
  | 'keptWith'
  | 'answerShape'
  | 'gapNeedsWhat'
  | 'gapKey'
  | 'gapDone'
  | 'gapDecidedBy'
  | 'stepAnswer'
  | 'decisionAnswer'
  | 'checkpointAnswer'
  | 'checkpointWord'
  | 'optionNotDecision';

export interface AnswersProblem {
  code: AnswersProblemCode;
  args?: Record<string, string | number>;
  /** Where in the answers file (1-based), when the problem is at a place. */
  at?: { line: number; column: number };
}

const en: Record<AnswersProblemCode, string> = {
  tooLarge: 'the answers file is larger than {max} bytes',
  tooManyLines: 'the answers file is longer than {max} lines',
  notYaml: 'this is not YAML instr can read: write one line per prompt, "prompt id or text": answer',
  tab: 'a tab in the indentation: indent with spaces',
  duplicate: '"{key}" is answered twice: keep one answer for it',
  aliases: 'the answers file uses more aliases (*name) than allowed; write the answers out',
  notMapping: 'the answers file must be a mapping: prompt id or text → answer',
  unknownAnswer:
    '"{key}": unknown answer "{word}"; a step takes skip: reason or unclear: note, a decision unclear: question and option: the option, a promise step kept: true or a time, any prompt not-covered: what happened',
  notCoveredWith: '"{key}": not-covered ends the run, so it cannot go with skip or unclear',
  keptWith: '"{key}": kept: needs the promise given (the step done), so it cannot go with skip or not-covered',
  answerShape: '"{key}": the answer must be a word, a number, true/false or skip: reason',
  gapNeedsWhat: '"{key}": not-covered needs what happened: not-covered: { what: … }',
  gapKey: '"{key}": not-covered takes {list}, not "{word}"',
  gapDone: '"{key}": done is what was done: a line, or a list of up to 30 lines',
  gapDecidedBy: '"{key}": decided-by names who decided',
  stepAnswer: '"{key}": a step takes done, skip: reason or unclear: note, not "{value}"',
  decisionAnswer: '"{key}": a decision takes an option: its id, its text or its letter; or unclear: question, option: the option',
  optionNotDecision: '"{key}": option: answers a decision; a step takes done, skip: reason or unclear: note',
  checkpointAnswer: '"{key}": a checkpoint takes true, false or its value',
  checkpointWord: '"{key}": a checkpoint is confirmed (true, yes) or not (false, no), not "{value}"',
};

const ru: Record<AnswersProblemCode, string> = {
  tooLarge: 'файл ответов больше {max} байт',
  tooManyLines: 'в файле ответов больше {max} строк',
  notYaml: 'это не YAML, который instr может прочитать: пишите по строке на вопрос, «id или текст вопроса»: ответ',
  tab: 'в отступе табуляция: делайте отступы пробелами',
  duplicate: '«{key}» отвечен дважды: оставьте один ответ',
  aliases: 'в файле ответов больше ссылок (*имя), чем допустимо; напишите ответы полностью',
  notMapping: 'в файле ответов должны быть пары «id или текст вопроса: ответ»',
  unknownAnswer:
    '«{key}»: неизвестный ответ «{word}»; у шага бывает skip: причина или unclear: вопрос, у решения — unclear: вопрос и option: вариант, у шага-обещания — kept: true или время, у любого вопроса — not-covered: что случилось',
  notCoveredWith: '«{key}»: not-covered заканчивает прохождение, поэтому не сочетается со skip и unclear',
  keptWith: '«{key}»: kept: значит, что обещание дано (шаг сделан), поэтому не сочетается со skip и not-covered',
  answerShape: '«{key}»: ответом может быть слово, число, true/false или skip: причина',
  gapNeedsWhat: '«{key}»: в not-covered нужно написать, что случилось: not-covered: { what: … }',
  gapKey: '«{key}»: в not-covered бывают {list}, а не «{word}»',
  gapDone: '«{key}»: done — что сделано: строка или список до 30 строк',
  gapDecidedBy: '«{key}»: в decided-by напишите, кто решил',
  stepAnswer: '«{key}»: у шага бывает done, skip: причина или unclear: вопрос, а не «{value}»',
  decisionAnswer: '«{key}»: в решении выбирают вариант: его id, текст или букву; или unclear: вопрос, option: вариант',
  optionNotDecision: '«{key}»: option: — ответ на решение; у шага бывает done, skip: причина или unclear: вопрос',
  checkpointAnswer: '«{key}»: у контрольной точки бывает true, false или её значение',
  checkpointWord: '«{key}»: контрольная точка подтверждена (да, true) или нет (нет, false), а не «{value}»',
};

/** `answers.yaml:3:1: «greet»: …`: the problem in the language, after the file and its place. */
export function answersProblemText(problem: AnswersProblem, file: string, lang: string | undefined): string {
  const template = (resolveLanguage(lang) === 'ru' ? ru : en)[problem.code];
  const args = problem.args ?? {};
  const text = template.replace(/\{(\w+)\}/g, (m, name: string) => (name in args ? String(args[name]) : m));
  const place = problem.at ? `:${problem.at.line}:${problem.at.column}` : '';
  return `${file}${place}: ${text}`;
}
