import { defineRule, docsUrl } from '../rule.js';

interface Options {
  allowSchedule: boolean;
}

/** A task or situation that does not say when to do it: no `::when` (and, for a task, no `::schedule`). */
export const rule = defineRule<Options>({
  meta: {
    id: 'missing-trigger',
    type: 'problem',
    description: 'a task or situation without ::when (a task may have a ::schedule instead)',
    defaultSeverity: 'error',
    docs: docsUrl('missing-trigger'),
    schema: {
      allowSchedule: { type: 'boolean', description: 'A task with a ::schedule needs no ::when (default true).' },
    },
    defaultOptions: { allowSchedule: true },
    messages: {
      task: {
        ru: 'В задаче «{{id}}» не сказано, когда она начинается; добавьте под заголовок строку вроде ::when[Клиент написал в чат]{{orSchedule}}',
        en: 'Task "{{id}}" does not say when it starts; add a line such as ::when[A client wrote in the chat] under its heading{{orSchedule}}',
      },
      situation: {
        ru: 'В ситуации «{{id}}» не сказано, когда она начинается; добавьте под заголовок строку вроде ::when[Клиент написал в чат]',
        en: 'Situation "{{id}}" does not say when it starts; add a line such as ::when[A client wrote in the chat] under its heading',
      },
    },
  },
  check(context) {
    const allowSchedule = context.options.allowSchedule;
    for (const task of context.graph.tasks) {
      if (task.trigger) continue;
      if (allowSchedule && task.kind === 'task' && task.schedules.length > 0) continue;
      if (task.kind === 'situation') context.report({ file: task.file, at: task.position, messageId: 'situation', data: { id: task.id } });
      else
        context.report({
          file: task.file,
          at: task.position,
          messageId: 'task',
          data: { id: task.id, orSchedule: allowSchedule ? { ru: ' (или ::schedule)', en: ' (or a ::schedule)' } : '' },
        });
    }
  },
});
