import { ruleTester } from './support/rule-tester.js';
import { rule as deadEnd } from '../src/lint/rules/dead-end.js';
import { rule as emptyBranch } from '../src/lint/rules/empty-branch.js';
import { rule as missingTrigger } from '../src/lint/rules/missing-trigger.js';
import { rule as noExitLoop } from '../src/lint/rules/no-exit-loop.js';
import { rule as placeholder } from '../src/lint/rules/placeholder.js';
import { rule as requiredSections } from '../src/lint/rules/required-sections.js';
import { rule as staleReview } from '../src/lint/rules/stale-review.js';
import { rule as stepHasNoAction } from '../src/lint/rules/step-has-no-action.js';
import { rule as unreachable } from '../src/lint/rules/unreachable.js';
import { rule as vagueWording } from '../src/lint/rules/vague-wording.js';

/** A task in a tasks section, in Russian or English, around `body`. */
const ru = (body: string) => `## Задачи {.tasks}\n\n### Проверить документы {#docs}\n\n::when[Клиент прислал документы]\n\n${body}\n`;
const en = (body: string) => `## Tasks {.tasks}\n\n### Check the documents {#docs}\n\n::when[A client sent documents]\n\n${body}\n`;
// Lines of the code before `body` in ru()/en(): the body starts on line 7.

ruleTester(emptyBranch, {
  valid: [
    ru('::decision[Все документы на месте?]\n- Да\n  1. Передать бухгалтеру.\n- Нет\n  1. Написать клиенту, чего не хватает.'),
    en('::decision[All there?]\n- Yes\n  1. Pass them to the accountant.\n- No\n  1. Write to the client what is missing.'),
  ],
  invalid: [
    {
      code: ru('::decision[Все документы на месте?]\n- Да\n- Нет\n  1. Написать клиенту, чего не хватает.\n\n1. Передать документы бухгалтеру.'),
      errors: [{ messageId: 'emptyOption', line: 8 }],
    },
    {
      code: en('::decision[All there?]\n- Yes\n- No\n\n1. Pass them to the accountant.'),
      errors: [
        { messageId: 'allEmpty', line: 8 },
        { messageId: 'allEmpty', line: 9 },
      ],
    },
  ],
});

ruleTester(deadEnd, {
  valid: [ru('1. Передать документы бухгалтеру.'), { code: en('1. Pass them on.\n\n::end[Passed on]'), options: { requireExplicitEnd: true } }],
  invalid: [
    { code: ru('::decision[Все документы на месте?]\n- Да\n- Нет\n  1. Написать клиенту, чего не хватает.'), errors: [{ messageId: 'emptyOption', line: 8 }] },
    { code: en('1. Pass them on.'), options: { requireExplicitEnd: true }, errors: [{ messageId: 'runsOut', line: 7 }] },
  ],
});

ruleTester(unreachable, {
  valid: [ru('1. Передать документы бухгалтеру.\n\n::end[Переданы]')],
  invalid: [
    { code: ru('::end[Переданы]\n\n1. Записать в CRM.'), errors: [{ messageId: 'unreachable', line: 9 }] },
    { code: en('::goto[#docs]\n\n1. Write it down.'), errors: [{ messageId: 'unreachable', line: 9 }] },
  ],
});

ruleTester(noExitLoop, {
  valid: [en('1. Ask again.\n\n::decision[Answered?]\n- Yes\n  ::end[Answered]\n- No\n  ::goto[#docs]')],
  invalid: [{ code: en('1. Ask again.\n\n::goto[#docs]'), errors: [{ messageId: 'loop', line: 7 }] }],
});

ruleTester(missingTrigger, {
  valid: [
    ru('1. Передать документы бухгалтеру.'),
    '## Tasks {.tasks}\n\n### Morning check {#morning}\n\n::schedule[Every weekday]{rrule="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" time="09:00"}\n\n1. Open the chats.\n',
  ],
  invalid: [
    { code: '## Задачи {.tasks}\n\n### Проверить документы {#docs}\n\n1. Передать документы бухгалтеру.\n', errors: [{ messageId: 'task', line: 3 }] },
    { code: '## What to do if {.situations}\n\n### A client is angry {#angry}\n\n1. Listen.\n', errors: [{ messageId: 'situation', line: 3 }] },
    {
      code: '## Tasks {.tasks}\n\n### Morning check {#morning}\n\n::schedule[Every weekday]{rrule="FREQ=WEEKLY;BYDAY=MO" time="09:00"}\n\n1. Open the chats.\n',
      options: { allowSchedule: false },
      errors: [{ messageId: 'task', line: 3 }],
    },
  ],
});

ruleTester(placeholder, {
  valid: [ru('1. Если задача входит в тариф, поставить её бухгалтеру.'), en('1. Send the invoice.')],
  invalid: [
    { code: ru('1. Если входит в тариф, то…'), errors: [{ messageId: 'breaksOff', line: 7 }] },
    { code: en('1. TODO: write the greeting.'), errors: [{ messageId: 'placeholder', line: 7 }] },
  ],
});

ruleTester(vagueWording, {
  valid: [
    ru('1. Когда клиент пришёл в офис, встретить его и предложить чай или кофе.'),
    { code: ru('1. Организовать встречу.'), options: { ru: { remove: ['организовать'] } }, name: 'a word removed by the options' },
  ],
  invalid: [
    {
      code: ru('1. Организовать комфортную встречу клиента в офисе.'),
      errors: [
        { messageId: 'vague', line: 7 },
        { messageId: 'vague', line: 7 },
      ],
    },
    { code: en('1. Ensure the client is happy.'), errors: [{ messageId: 'vague', line: 7 }] },
    {
      code: ru('1. Провести встречу.'),
      options: { ru: { add: ['провести'] } },
      errors: [{ messageId: 'vague', line: 7 }],
      name: 'a word added by the options',
    },
  ],
});

ruleTester(stepHasNoAction, {
  valid: [ru('1. Позвонить клиенту.'), en('1. Call the client.')],
  invalid: [
    { code: ru('1. Тариф клиента в CRM.'), errors: [{ messageId: 'noVerb', line: 7 }] },
    { code: en('1. The invoice is sent.'), errors: [{ messageId: 'startsWith', line: 7 }] },
  ],
});

const sections = {
  ru: '## Режим работы {.schedule}\n\nС 9:00 до 18:00.\n\n## Задачи {.tasks}\n\n### Проверить документы {#docs}\n\n::when[Клиент прислал документы]\n\n1. Передать документы бухгалтеру.\n\n## Что делать, если {.situations}\n\n## Нормы общения {.norms}\n\nОбращаться на «вы».\n',
};

ruleTester(requiredSections, {
  valid: [sections.ru, { code: ru('1. Передать документы бухгалтеру.'), options: { sections: ['tasks'] } }],
  invalid: [
    { code: ru('1. Передать документы бухгалтеру.'), errors: [{ messageId: 'missing' }, { messageId: 'missing' }, { messageId: 'missing' }] },
    { code: en('1. Pass them on.'), options: { sections: ['tasks', 'norms'] }, errors: [{ messageId: 'missing' }] },
  ],
});

const frontMatter = (reviewed: string) => `---\nid: inline\ntitle: Inline\nlang: ru\nreviewed: ${reviewed}\nreview: P6M\n---\n`;

ruleTester(staleReview, {
  valid: [frontMatter('2026-10-01') + ru('1. Передать документы бухгалтеру.'), ru('1. Передать документы бухгалтеру.')],
  invalid: [
    { code: frontMatter('2025-01-01') + ru('1. Передать документы бухгалтеру.'), errors: [{ messageId: 'documentOverdue', line: 5 }] },
    { code: en('1. Pass them on.'), options: { requireReview: true }, errors: [{ messageId: 'noReview' }] },
  ],
});
