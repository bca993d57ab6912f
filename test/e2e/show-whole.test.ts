import { describe, expect, it } from 'vitest';
import { runCli as runMain } from '../support/cli.js';

/** `instr show` reaches every part of an instruction: tasks, sections, the whole document, linked files. */
describe('instr show (in-process)', () => {
  it('shows a section found by its class, its id or its heading in another word form', async () => {
    const byClass = await runMain(['show', 'norms', 'instructions/client-manager.md']);
    expect(byClass.code).toBe(0);
    expect(byClass.stdout).toContain('Нормы общения');
    expect(byClass.stdout).toContain('«Добрый день, Анна Сергеевна!»');
    const byId = await runMain(['show', 'normy-obscheniya', 'instructions/client-manager.md']);
    expect(byId.stdout).toBe(byClass.stdout);
    const byWords = await runMain(['show', 'нормами общения', 'instructions/client-manager.md']);
    expect(byWords.code).toBe(0);
    expect(byWords.stdout).toBe(byClass.stdout);
    const gaps = await runMain(['show', 'gaps', 'instructions/client-manager.md']);
    expect(gaps.stdout.replace(/\s+/g, ' ')).toContain('что случилось, что сделали, кто принял решение');
  });

  it('shows a document as its contents: sections and the tasks in each', async () => {
    const result = await runMain(['show', 'client-manager'], { columns: 100 });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Должностная инструкция клиентского менеджера');
    expect(result.stdout).toMatch(/Разделы\n/);
    expect(result.stdout).toMatch(/Нормы общения \.norms/);
    expect(result.stdout).toMatch(/\n {4}request +Обработать заявку клиента\n/);
    expect(result.stdout).not.toContain('Receive a courier');
  });

  it('never picks one of several matches: lists them in the instruction language and exits 2', async () => {
    const result = await runMain(['show', 'клиент']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('«клиент» подходит к нескольким; укажите одно по id:');
    expect(result.stderr).toMatch(/conflict +Конфликт с клиентом \(ситуация, client-manager\.md\)/);
    const none = await runMain(['show', 'zzzz', 'instructions/client-manager.md']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Ничего не называется «zzzz». Есть:');
    expect(none.stderr).not.toContain('Known');
  });

  it('names a section that two instructions share as instruction:id, and shows it by that name', async () => {
    const both = await runMain(['show', 'norms']);
    expect(both.code).toBe(2);
    // one id per section everywhere (friend test round 5): the class, as search prints it, with the full command
    expect(both.stderr).toMatch(/instr show client-manager:norms +Нормы общения \(раздел, client-manager\.md\)/);
    expect(both.stderr).toMatch(/instr show office-administrator:norms +Нормы общения \(раздел, office-administrator\.md\)/);
    const search = await runMain(['search', 'посоветовать', 'юриста']);
    expect(search.stdout).toContain('instr show client-manager:norms');
    const contents = await runMain(['show', 'client-manager'], { columns: 100 });
    expect(contents.stdout).toMatch(/\n {2}norms +Нормы общения \.norms\n/);
    expect(contents.stdout).toMatch(/\n {2}schedule +Режим работы \.schedule\n/);
    const one = await runMain(['show', 'client-manager:norms']);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe((await runMain(['show', 'norms', 'instructions/client-manager.md'])).stdout);
    expect((await runMain(['show', 'office-administrator:normy-obscheniya'])).stdout).toContain('office-administrator.md');
  });

  it('prints a linked template with its table laid out in columns', async () => {
    const result = await runMain(['show', 'price-list'], { columns: 80 });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Прайс-лист на работы вне тарифа');
    const lines = result.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('Работа'))!;
    expect(header).toMatch(/^Работа +Цена, ₽ +Срок после оплаты$/);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(result.stdout).not.toContain('|---');
    const byPath = await runMain(['show', 'templates/greeting-script.md']);
    expect(byPath.code).toBe(0);
  });
});
