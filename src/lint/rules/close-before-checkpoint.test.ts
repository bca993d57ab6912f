import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './close-before-checkpoint.js';

describe('close-before-checkpoint', () => {
  it('reports closing a case, or setting it «Выполнено», before its checkpoint, in Russian', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/close-before-checkpoint/invalid-ru.md'], { lang: 'ru' });
    expect(found.map((d) => d.line)).toEqual([14, 23]);
    expect(found[0]!.message).toContain(
      'шаг «Закрыть заявку в CRM.» закрывает дело раньше, чем подтверждена контрольная точка «Клиент подтвердил, что получил результат» (строка 16)',
    );
  });
  it('reports "Close the ticket" before its checkpoint, in English', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/close-before-checkpoint/invalid-en.md']);
    expect(found.map((d) => d.line)).toEqual([14]);
    expect(found[0]!.message).toContain('step "Close the ticket in the CRM." closes the case before checkpoint "The client confirmed the result" (line 16)');
  });
  it('accepts closing after the checkpoint, a refusal that ends the task, and the word in a quote', async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/close-before-checkpoint/valid.md'])).toEqual([]);
  });
});
