import { docsUrl, type Rule } from '../rule.js';

/** A task or situation that does not say when to do it: no `::when` (and, for a task, no `::schedule`). */
export const rule: Rule = {
  meta: {
    id: 'missing-trigger',
    description: 'a task or situation without ::when (a task may have a ::schedule instead)',
    defaultSeverity: 'error',
    docs: docsUrl('missing-trigger'),
  },
  check(context) {
    const allowSchedule = context.options['allowSchedule'] !== false;
    for (const task of context.graph.tasks) {
      if (task.trigger) continue;
      if (allowSchedule && task.kind === 'task' && task.schedules.length > 0) continue;
      const orSchedule = task.kind === 'task' && allowSchedule;
      const message =
        context.lang(task.file) === 'ru'
          ? `${task.kind === 'situation' ? 'В ситуации' : 'В задаче'} «${task.id}» не сказано, когда она начинается; добавьте под заголовок строку вроде ::when[Клиент написал в чат]${orSchedule ? ' (или ::schedule)' : ''}`
          : `${task.kind === 'situation' ? 'Situation' : 'Task'} "${task.id}" does not say when it starts; add a line such as ::when[A client wrote in the chat] under its heading${orSchedule ? ' (or a ::schedule)' : ''}`;
      context.report({ file: task.file, at: task.position, message });
    }
  },
};
