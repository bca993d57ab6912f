import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration.js';
import { waitDeadlineText, waitTimeoutText } from './wait-text.js';

describe('a wait in words a newcomer acts on (friend test: «срок после события; ждать не дольше» was not understood)', () => {
  it('says how long to wait and what to do when it has not happened, in Russian', () => {
    expect(waitTimeoutText('P3D', 'ru')).toBe('если за 3 дня этого не случилось — выяснить, в чём дело: повестка напомнит');
    expect(waitTimeoutText('2wh', 'ru', true)).toBe('если за 2 рабочих часа этого не случилось — шаги ниже');
    expect(waitTimeoutText('P1W', 'ru', 'Время вышло, оплаты нет')).toBe('если за 1 неделю этого не случилось — шаги «Время вышло, оплаты нет»');
    expect(waitDeadlineText('P1W', 'ru')).toBe('когда случилось — следующие шаги сделать за 1 неделю после события');
  });

  it('and in English', () => {
    expect(waitTimeoutText('P3D', 'en')).toBe('if it has not happened within 3 days — find out why: the agenda will remind you');
    expect(waitTimeoutText('1wd', 'en', 'Time is up')).toBe('if it has not happened within 1 working day — the steps "Time is up"');
    expect(waitDeadlineText('P1W', 'en')).toBe('once it has happened — the next steps within 1 week of it');
  });

  it('puts a Russian duration in the accusative after «за»: only the feminine singular forms change', () => {
    expect(formatDuration('P1W', 'ru', 'accusative')).toBe('1 неделю');
    expect(formatDuration('P21W', 'ru', 'accusative')).toBe('21 неделю');
    expect(formatDuration('P2W', 'ru', 'accusative')).toBe('2 недели');
    expect(formatDuration('PT1M', 'ru', 'accusative')).toBe('1 минуту');
    expect(formatDuration('P1DT1M', 'ru', 'accusative')).toBe('1 день 1 минуту');
    expect(formatDuration('1wd', 'ru', 'accusative')).toBe('1 рабочий день');
    expect(formatDuration('P1W', 'ru')).toBe('1 неделя');
    expect(formatDuration('P1W', 'en', 'accusative')).toBe('1 week');
  });
});
