import { describe, expect, it } from 'vitest';
import { promiseDueText } from './promise-due-text.js';

describe('promiseDueText (friend test round 5: show printed «срок: next-workday 12:00»)', () => {
  it('words a time of day, the next working day and a span in Russian', () => {
    expect(promiseDueText({ due: 'next-workday 12:00' }, 'ru')).toBe('до 12:00 следующего рабочего дня');
    expect(promiseDueText({ due: 'today 18:00' }, 'ru')).toBe('сегодня до 18:00');
    expect(promiseDueText({ due: '2wh' }, 'ru')).toBe('за 2 рабочих часа');
  });

  it('words an after rule, in English too; what it cannot read stays as written', () => {
    expect(promiseDueText({ due: '18:00', after: '15:00 -> next-workday 12:00' }, 'ru')).toBe(
      'сегодня до 18:00; если позже 15:00 — до 12:00 следующего рабочего дня',
    );
    expect(promiseDueText({ due: 'today 18:00', after: '15:00 -> next-workday 12:00' }, 'en')).toBe(
      'today by 18:00; if made after 15:00: by 12:00 on the next working day',
    );
    expect(promiseDueText({ due: 'soonish' }, 'en')).toBe('soonish');
    expect(promiseDueText({ due: '2wh', after: 'later' }, 'en')).toBe('within 2 working hours; later');
  });
});
