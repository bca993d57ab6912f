import { describe, expect, it } from 'vitest';
import { timePhrases } from './time-phrases.js';

describe('timePhrases', () => {
  it('finds each kind of phrase, in any case, past the quick check for their words', () => {
    const texts: Array<[string, string]> = [
      ['Ответить В ТЕЧЕНИЕ 2 ЧАСОВ', 'В ТЕЧЕНИЕ 2 ЧАСОВ'],
      ['ответить в течение дня', 'в течение дня'],
      ['Перезвонить Через два рабочих дня', 'Через два рабочих дня'],
      ['Отправить счёт до 18:00', 'до 18:00'],
      ['Сдать К СРОКУ', 'К СРОКУ'],
      ['успеть до конца рабочего дня', 'до конца рабочего дня'],
      ['Reply WITHIN 2 hours', 'WITHIN 2 hours'],
      ['call back in 3 Working days', 'in 3 Working days'],
      ['send it By Noon', 'By Noon'],
      ['send it by 5pm', 'by 5pm'],
    ];
    for (const [text, phrase] of texts) expect(timePhrases(text).map((p) => p.text)).toEqual([phrase]);
  });
  it('finds every kind in one text, in order, each phrase once', () => {
    const text = 'Ответить в течение 2 часов, перезвонить через 3 рабочих дня, до 18:00 к сроку; reply within 2 hours, in 3 working days, by noon';
    expect(timePhrases(text).map((p) => [p.text, p.span])).toEqual([
      ['в течение 2 часов', 'PT2H'],
      ['через 3 рабочих дня', '3wd'],
      ['до 18:00', null],
      ['к сроку', null],
      ['within 2 hours', 'PT2H'],
      ['in 3 working days', '3wd'],
      ['by noon', null],
    ]);
  });
  it('finds none in a text without any of their words', () => {
    expect(timePhrases('Проверить счёт клиенту в системе 1С и отправить по электронной почте')).toEqual([]);
    expect(timePhrases('Check the invoice and send it')).toEqual([]);
  });
});
