import { defineRule, docsUrl } from '../rule.js';

const kinds = ['schedule', 'tasks', 'situations', 'norms'] as const;

const examples: Record<'ru' | 'en', Record<string, string>> = {
  ru: {
    schedule: '## Режим работы {.schedule}',
    tasks: '## Ежедневные задачи {.tasks}',
    situations: '## Что делать, если {.situations}',
    norms: '## Нормы общения {.norms}',
  },
  en: {
    schedule: '## Working hours {.schedule}',
    tasks: '## Daily tasks {.tasks}',
    situations: '## What to do if {.situations}',
    norms: '## Communication norms {.norms}',
  },
};

interface Options {
  sections: string[];
}

/** The four sections of a job instruction (which ones: the `sections` option). */
export const rule = defineRule<Options>({
  meta: {
    id: 'required-sections',
    type: 'problem',
    description: 'an instruction without one of the required sections (schedule, tasks, situations, norms)',
    defaultSeverity: 'warn',
    docs: docsUrl('required-sections'),
    schema: {
      sections: {
        type: 'array',
        items: { enum: [...kinds] },
        uniqueItems: true,
        description: 'The section kinds every instruction must have (default all four).',
      },
    },
    defaultOptions: { sections: [...kinds] },
    messages: {
      missing: {
        ru: 'В инструкции «{{document}}» нет раздела .{{kind}}; добавьте заголовок второго уровня с этим классом, например «{{example}}»',
        en: 'Instruction "{{document}}" has no .{{kind}} section; add a level-2 heading with that class, e.g. "{{example}}"',
      },
    },
  },
  check(context) {
    for (const doc of context.graph.documents) {
      const present = new Set<string>(doc.sections.map((s) => s.kind ?? ''));
      for (const kind of context.options.sections) {
        if (present.has(kind)) continue;
        const example = { ru: examples.ru[kind] ?? `## … {.${kind}}`, en: examples.en[kind] ?? `## … {.${kind}}` };
        context.report({ file: doc.file, at: doc.position ?? { line: 1, column: 1 }, messageId: 'missing', data: { document: doc.id, kind, example } });
      }
    }
  },
});
