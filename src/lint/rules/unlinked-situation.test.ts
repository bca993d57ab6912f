import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { rule } from './unlinked-situation.js';

describe('unlinked-situation', () => {
  it("reports an option and a trigger that claim another task's situation without a link, in Russian", async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/unlinked-situation/invalid-ru.md'], { lang: 'ru' });
    expect(found.map((d) => d.line)).toEqual([16, 31]);
    expect(found[0]!.message).toContain(
      'Вариант «Грозит расторгнуть договор и уйти к другому бухгалтеру» описывает ту же ситуацию, что и «Когда» задачи «Клиент хочет уйти» (#client-leaving)',
    );
    expect(found[0]!.message).toContain('::goto[#client-leaving]');
    expect(found[1]!.message).toContain('«Когда» задачи «Подключить директора»');
  });
  it('reports the same in English', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/unlinked-situation/invalid-en.md']);
    expect(found.map((d) => d.line)).toEqual([16]);
    expect(found[0]!.message).toContain(
      'Option "To terminate the contract and move to another accountant" describes the same situation as the trigger of "A client wants to leave" (#client-leaving)',
    );
  });
  it('accepts a branch that jumps there, tasks linked either way, and a negative option', async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/unlinked-situation/valid.md'])).toEqual([]);
  });
});
