/**
 * The UI's message catalogues. The language is the instruction's (`lang` in its front matter),
 * overridable with --lang; anything but Russian falls back to English.
 */
const en = {
  trigger: 'When',
  schedule: 'Schedule',
  deadline: 'Deadline',
  task: 'task',
  situation: 'situation',
  tasks: 'Tasks',
  situations: 'Situations',
  step: 'Step',
  decision: 'Decision',
  option: 'Option',
  goto: 'Go to',
  gotoReturn: 'Do, then come back',
  end: 'End',
  endDone: 'Done',
  escalate: 'Bring in',
  checkpoint: 'Checkpoint',
  checkpointValue: 'value',
  wait: 'Wait for',
  waitDeadline: 'then finish within',
  waitTimeout: 'chase after',
  afterTrigger: 'after the trigger',
  taskDone: 'The task is done.',
  noTasks: 'No tasks found.',
  unknownTask: 'No task or situation with the id',
  file: 'File',
  reviewed: 'reviewed',
  contacts: 'contacts',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const ru: Messages = {
  trigger: 'Когда',
  schedule: 'Расписание',
  deadline: 'Срок',
  task: 'задача',
  situation: 'ситуация',
  tasks: 'Задачи',
  situations: 'Ситуации',
  step: 'Шаг',
  decision: 'Решение',
  option: 'Вариант',
  goto: 'Перейти к',
  gotoReturn: 'Выполнить и вернуться',
  end: 'Конец',
  endDone: 'Готово',
  escalate: 'Подключить',
  checkpoint: 'Контрольная точка',
  checkpointValue: 'значение',
  wait: 'Ждать',
  waitDeadline: 'затем выполнить в течение',
  waitTimeout: 'напомнить через',
  afterTrigger: 'с момента обращения',
  taskDone: 'Задача выполнена.',
  noTasks: 'Задачи не найдены.',
  unknownTask: 'Нет задачи или ситуации с id',
  file: 'Файл',
  reviewed: 'проверено',
  contacts: 'контакты',
};

const catalogues: Record<string, Messages> = { en, ru };

export function messages(lang: string | undefined): Messages {
  const base = (lang ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  return catalogues[base] ?? en;
}

export function supportedLanguages(): string[] {
  return Object.keys(catalogues);
}
