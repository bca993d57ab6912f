import { describe, expect, it } from 'vitest';
import { timePhrases } from '../time-phrases.js';
import { verifyRule } from '../rule-tester.js';
import { rule } from './hidden-wait.js';

const fixture = ['test/fixtures/lint/hidden-wait/ru.md'];

describe('time phrases', () => {
  it('finds Russian and English phrases in their word forms, with the span they name', () => {
    const found = (t: string) => timePhrases(t).map((p) => [p.text, p.span]);
    expect(found('Бухгалтер подтвердил срок в течение 2 часов?')).toEqual([['в течение 2 часов', 'PT2H']]);
    expect(found('Позвонить через 2 рабочих дня')).toEqual([['через 2 рабочих дня', '2wd']]);
    expect(found('ответить в течение 2 рабочих часов')).toEqual([['в течение 2 рабочих часов', '2wh']]);
    expect(found('Клиент ответил в течение рабочего дня?')).toEqual([['в течение рабочего дня', '1wd']]);
    expect(found('в течение одной минуты')).toEqual([['в течение одной минуты', 'PT1M']]);
    expect(found('Бухгалтер выполнил задачу к сроку?')).toEqual([['к сроку', null]]);
    expect(found('Перенести ответы до 12:00')).toEqual([['до 12:00', null]]);
    expect(found('Reply within 2 hours and call back by noon')).toEqual([
      ['within 2 hours', 'PT2H'],
      ['by noon', null],
    ]);
    expect(found('Call again in 3 working days')).toEqual([['in 3 working days', '3wd']]);
    expect(found('Позвонить клиенту и спросить')).toEqual([]);
  });
});

describe('hidden-wait', () => {
  it('flags the question and the later step, not the quoted speech, the clock time or what follows a wait', async () => {
    const found = await verifyRule(rule, fixture);
    expect(found.map((d) => d.line)).toEqual([15, 22]);
    expect(found[0]!.message).toContain('timeout=PT2H');
    expect(found[1]!.message).toContain('timeout=2wd');
  });
  it('flags due times too with dueTimes', async () => {
    const found = await verifyRule(rule, fixture, { config: { rules: { 'hidden-wait': ['warn', { dueTimes: true }] } } });
    expect(found.map((d) => d.line)).toEqual([15, 19, 22]);
  });
});
