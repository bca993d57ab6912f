/**
 * `instr test`'s problems with a scenario file, in the screen's language (docs/screen-language.md),
 * each at the scenario file's line and column: reading it, its YAML, its keys and values (the
 * schema), and what its tasks, answers and expected paths name in the instructions. The YAML and
 * schema libraries' own sentences never reach a Russian screen.
 */
import { osErrorText } from './os-error-text.js';
import { resolveLanguage } from './language.js';
import { yamlProblemRu } from './yaml-problem.js';
import { schemaTypesRu } from './schema-type-names.js';

/** Where in a scenario file a value is: the whole file, or scenario N and the keys below it. */
export type ScenarioPlace = { scenario?: number; keys: Array<string | number> };

/** One schema problem of a value, from ajv's keyword and parameters. */
export type SchemaProblem =
  | { kind: 'answer'; key: string; commaSplit: boolean }
  | { kind: 'unknown-key'; key: string; expected: 'top' | 'scenario' | 'expect' | 'answers' | null }
  | { kind: 'not-a-file-mapping' }
  | { kind: 'type'; type: string }
  | { kind: 'enum'; values: string[] }
  | { kind: 'required'; key: string }
  | { kind: 'min-items'; limit: number }
  | { kind: 'max-items'; limit: number }
  | { kind: 'other'; keyword: string; english: string | undefined };

const en = {
  tooLarge: 'Scenario file is larger than 1 MB; scenario files are limited to 1 MB (split it)',
  symlink:
    'Scenario file is a symbolic link (or lies behind one); instr does not follow links in the scenarios folder: name the file on the command line if you mean it',
  notRegular: 'Scenario file is not a regular file',
  cannotRead: (error: unknown) => `Cannot read the scenario file: ${osErrorText(error, 'en')}`,
  tooLong: (max: number) => `Scenario file is longer than ${max} lines; split it`,
  notYaml: (_code: string, english: string) => english,
  duplicate: (key: string) => `Map keys must be unique: "${key}" is already defined in this mapping`,
  aliases: (english: string) => `Cannot expand the YAML: ${english}`,
  tags: (binary: boolean): string =>
    binary ? 'YAML tags such as !!binary are not allowed' : 'YAML tags such as !!omap, !!pairs and !!set are not allowed; write a plain mapping or list',
  place(p: ScenarioPlace): string {
    if (p.scenario === undefined) return p.keys.length ? p.keys.join(' › ') : 'The file';
    return `scenario ${p.scenario + 1}${p.keys.length ? ` › ${p.keys.join(' › ')}` : ''}`;
  },
  schema(where: string, p: SchemaProblem, place: ScenarioPlace): string {
    switch (p.kind) {
      case 'answer':
        return `The answer to "${p.key}" in ${where} must be an option's label or id, true or false, a value, {skip: reason} or {unclear: note} (or a list of these)${p.commaSplit ? '; inside {…} a text with a comma must be quoted: {skip: "…, …"}' : ''}`;
      case 'unknown-key':
        return `Unknown key "${p.key}"${place.scenario === undefined && place.keys.length === 0 ? '' : ` in ${where}`}${p.expected ? `; ${expectedEn[p.expected]}` : ''}`;
      case 'not-a-file-mapping':
        return 'A scenario file is a YAML mapping: "task: <id>" (optional) and "scenarios:" with a list of scenarios';
      case 'type':
        return `${where} ${p.type === 'object' ? 'must be a mapping (key: value lines)' : `must be ${p.type}`}`;
      case 'enum':
        return `${where} must be equal to one of the allowed values: ${p.values.join(', ')}`;
      case 'required':
        return `${where} must have required property '${p.key}'`;
      case 'min-items':
        return `${where} must NOT have fewer than ${p.limit} items`;
      case 'max-items':
        return `${where} must NOT have more than ${p.limit} items`;
      case 'other':
        return `${where} ${p.english ?? 'is invalid'}`;
    }
  },
  noTask: (name: string) => `Scenario "${name}" names no task; add "task: <id>" to it or at the top of the file`,
  unknownTask: (id: string, known: string) => `No task "${id}" in the instructions; known: ${known}`,
  notAnswerable: (key: string, kind: string) =>
    `"${key}" is ${kind === 'escalation' || kind === 'end' ? 'an' : 'a'} ${kind}; only decisions, checkpoints, steps and waits take answers`,
  noPrompt: (key: string) => `No decision, checkpoint, step or wait "${key}" in the instructions`,
  mixedKinds: (key: string, nodes: string) => `"${key}" names nodes of different kinds (${nodes}); use a node id`,
  answeredTwice: (key: string, other: string) => `"${key}" answers the same prompt as "${other}"; keep one of them (a list answers successive visits)`,
  noPathNode: (list: string, text: string) =>
    `expect.${list}: no node "${text}" in the instructions (give a node id, or the text of a step, decision, checkpoint, wait, escalation or end)`,
  noPromise: (text: string) => `expect.promises: no ::promise "${text}" in the instructions (give its id or its text)`,
  decisionAnswer: (value: string) => `A decision's answer is the label or id of one of its options, not ${value}`,
  notAnOption: (value: string, question: string, options: string) => `"${value}" is not an option of "${question}"; options: ${options}`,
  checkpointAnswer: 'A checkpoint is answered with true, false or the value it asks for',
  checkpointValue: (text: string, value: string) => `The checkpoint "${text}" asks for a value (${value}); give the value instead of true`,
  waitAnswer:
    'A wait is answered with true (the event happened), false (the run stops and waits) or timeout (its timeout steps; [timeout, true] to go on after them)',
  stepAnswer: 'A step is answered with done, {skip: reason} or {unclear: note}',
};

const expectedEn = {
  top: 'expected: task, scenarios',
  scenario: 'expected: name, task, answers, expect, now',
  expect: 'expected: status, outcome, path, path-includes, path-excludes, promises',
  answers: 'an answer is a label, true/false, a value, {skip: reason} or {unclear: note}',
};

const expectedRu: typeof expectedEn = {
  top: 'ожидаются: task, scenarios',
  scenario: 'ожидаются: name, task, answers, expect, now',
  expect: 'ожидаются: status, outcome, path, path-includes, path-excludes, promises',
  answers: 'ответ — это название варианта, true/false, значение, {skip: причина} или {unclear: вопрос}',
};

const kindsRu: Record<string, string> = {
  step: 'шаг',
  decision: 'решение',
  checkpoint: 'проверка',
  wait: 'ожидание',
  escalation: 'передача другому человеку (::escalate)',
  end: 'конец задачи (:end)',
  jump: 'переход (::goto)',
};

const ru: typeof en = {
  tooLarge: 'Файл сценариев больше 1 МБ; файлы сценариев — не больше 1 МБ (разделите его)',
  symlink:
    'Файл сценариев — символическая ссылка (или лежит за ней); instr не переходит по ссылкам в папке сценариев: укажите файл в командной строке, если он нужен',
  notRegular: 'Файл сценариев — не обычный файл',
  cannotRead: (error) => `Файл сценариев не прочитать: ${osErrorText(error, 'ru')}`,
  tooLong: (max) => `В файле сценариев больше ${max} строк; разделите его`,
  notYaml: (code) => capitalised(yamlProblemRu(code)),
  duplicate: (key) => `Ключ «${key}» повторяется в этом наборе: оставьте один`,
  aliases: () => 'В файле больше ссылок (*имя), чем разрешено; выпишите значения',
  tags: (binary) =>
    binary
      ? 'Теги YAML вроде !!binary не допускаются'
      : 'Теги YAML вроде !!omap, !!pairs и !!set не допускаются; пишите обычный набор «ключ: значение» или список',
  place(p) {
    if (p.scenario === undefined) return p.keys.length ? p.keys.join(' › ') : 'Файл';
    return `сценарий ${p.scenario + 1}${p.keys.length ? ` › ${p.keys.join(' › ')}` : ''}`;
  },
  schema(where, p, place) {
    switch (p.kind) {
      case 'answer':
        return `Ответ на «${p.key}» (${where}) — это название или id варианта, true или false, значение, {skip: причина} или {unclear: вопрос} (или список из них)${p.commaSplit ? '; внутри {…} текст с запятой берите в кавычки: {skip: "…, …"}' : ''}`;
      case 'unknown-key':
        return `Неизвестный ключ «${p.key}»${place.scenario === undefined && place.keys.length === 0 ? '' : ` (${where})`}${p.expected ? `; ${expectedRu[p.expected]}` : ''}`;
      case 'not-a-file-mapping':
        return 'Файл сценариев — это набор YAML «ключ: значение»: «task: <id>» (можно опустить) и «scenarios:» со списком сценариев';
      case 'type':
        return `${where}: нужен ${schemaTypesRu[p.type] ?? p.type}`;
      case 'enum':
        return `${where}: нужно одно из: ${p.values.join(', ')}`;
      case 'required':
        return `${where}: не хватает ключа «${p.key}»`;
      case 'min-items':
        return `${where}: нужно не меньше ${p.limit} (список не может быть пустым)`;
      case 'max-items':
        return `${where}: можно не больше ${p.limit}`;
      case 'other':
        return `${where}: значение не подходит (${p.keyword})`;
    }
  },
  noTask: (name) => `Сценарий «${name}» не называет задачу; добавьте «task: <id>» в него или в начало файла`,
  unknownTask: (id, known) => `Задачи «${id}» в инструкциях нет; есть: ${known}`,
  notAnswerable: (key, kind) => `«${key}» — ${kindsRu[kind] ?? kind}; ответы принимают только решения, проверки, шаги и ожидания`,
  noPrompt: (key) => `Решения, проверки, шага или ожидания «${key}» в инструкциях нет`,
  mixedKinds: (key, nodes) => `«${key}» называет узлы разных видов (${nodes}); укажите id узла`,
  answeredTwice: (key, other) => `«${key}» отвечает на тот же вопрос, что и «${other}»; оставьте один (список отвечает на повторные заходы)`,
  noPathNode: (list, text) =>
    `expect.${list}: узла «${text}» в инструкциях нет (укажите id узла или текст шага, решения, проверки, ожидания, передачи или конца)`,
  noPromise: (text) => `expect.promises: обещания ::promise «${text}» в инструкциях нет (укажите его id или текст)`,
  decisionAnswer: (value) => `Ответ на решение — название или id одного из его вариантов, а не ${value}`,
  notAnOption: (value, question, options) => `«${value}» — не вариант решения «${question}»; варианты: ${options}`,
  checkpointAnswer: 'На проверку отвечают true, false или значением, которое она спрашивает',
  checkpointValue: (text, value) => `Проверка «${text}» спрашивает значение (${value}); укажите его вместо true`,
  waitAnswer:
    'На ожидание отвечают true (событие случилось), false (прогон останавливается и ждёт) или timeout (шаги по истечении срока; [timeout, true] — продолжить после них)',
  stepAnswer: 'На шаг отвечают done, {skip: причина} или {unclear: вопрос}',
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export type ScenarioMessages = typeof en;

export function scenarioMessages(lang: string | undefined): ScenarioMessages {
  return resolveLanguage(lang) === 'ru' ? ru : en;
}
