import { docsUrl, type Rule } from '../rule.js';

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

/** The four sections of a job instruction (configurable with `requiredSections`). */
export const rule: Rule = {
  meta: {
    id: 'required-sections',
    description: 'an instruction without one of the required sections (schedule, tasks, situations, norms)',
    defaultSeverity: 'warn',
    docs: docsUrl('required-sections'),
  },
  check(context) {
    for (const doc of context.graph.documents) {
      const kinds = new Set(doc.sections.map((s) => s.kind));
      for (const kind of context.config.requiredSections) {
        if (kinds.has(kind as never)) continue;
        const lang = context.lang(doc.file);
        const example = examples[lang][kind] ?? `## … {.${kind}}`;
        const message =
          lang === 'ru'
            ? `В инструкции «${doc.id}» нет раздела .${kind}; добавьте заголовок второго уровня с этим классом, например «${example}»`
            : `Instruction "${doc.id}" has no .${kind} section; add a level-2 heading with that class, e.g. "${example}"`;
        context.report({ file: doc.file, at: doc.position ?? { line: 1, column: 1 }, message });
      }
    }
  },
};
