import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/** `instr show` of a role from the front matter: who it is, how to reach them, where the instructions name them. */
describe('instr show ROLE (in-process)', () => {
  it('shows «главный бухгалтер» as the role, not the nearest task, with contacts and the steps that name it', async () => {
    const r = await runCli(['show', 'главный бухгалтер'], { columns: 100 });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Главный бухгалтер — Марина Олеговна Петрова #chief-accountant · роль');
    expect(lines.slice(1, 4)).toEqual(['  телефон: +7 900 222-33-44', '  почта: chief@example.ru', '  Telegram: @petrova_chief']);
    // the same person in both bundled instructions is one role
    expect(r.stdout).toContain(
      'Описана в: Должностная инструкция клиентского менеджера (client-manager.md), Должностная инструкция администратора офиса (office-administrator.md)',
    );
    expect(r.stdout).toContain('Задачи и шаги, где упоминается эта роль');
    // an escalation to the role and a step that names it, numbered as `instr show TASK` numbers them
    expect(r.stdout).toMatch(
      /\n {2}urgent-issue {2}Срочный вопрос клиента · client-manager\.md\n {4}Шаг 4: Позвонить главному бухгалтеру и пересказать вопрос\. Если она не взяла трубку[^\n]*\n {4}Шаг 5: ⚑ Подключить: Срочный вопрос клиента\n/,
    );
    expect(r.stdout).toMatch(/receive-delivery {2}Принять курьера или документы клиента · office-administrator\.md/);
    // a trigger that names the role is listed as «Когда»
    expect(r.stdout).toMatch(/call-director {2}Нужно подключить директора[^\n]*\n {4}Когда: [^\n]*главный бухгалтер не ответила/);
    expect(r.stdout).not.toMatch(/phone:|email:|Step |Known/);
  });

  it('finds the role in another word form, by its id, by the person’s name and by a contact', async () => {
    const first = (await runCli(['show', 'главного бухгалтера'])).stdout.split('\n')[0];
    expect(first).toBe('Главный бухгалтер — Марина Олеговна Петрова #chief-accountant · роль');
    for (const query of ['chief-accountant', 'Марина Олеговна Петрова', '@petrova_chief', 'chief@example.ru']) {
      const r = await runCli(['show', query]);
      expect(r.code, query).toBe(0);
      expect(r.stdout.split('\n')[0], query).toBe(first);
    }
    // an instruction's id still names the instruction, and the role of that name is reached through its instruction
    expect((await runCli(['show', 'client-manager'])).stdout).toMatch(/^Должностная инструкция клиентского менеджера #client-manager/);
    const role = await runCli(['show', 'office-administrator:client-manager']);
    expect(role.stdout.split('\n')[0]).toBe('Клиентский менеджер — Ольга Александровна Смирнова #client-manager · роль');
  });

  it('lists the candidates when a word names several roles and tasks, and fails on an unknown name without a loose match', async () => {
    const several = await runCli(['show', 'бухгалтер']);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('«бухгалтер» подходит к нескольким; укажите одно по id:');
    expect(several.stderr).toMatch(/chief-accountant +Главный бухгалтер — Марина Олеговна Петрова \(роль, client-manager\.md, office-administrator\.md\)/);
    const unknown = await runCli(['show', 'неизвестныйчеловек']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Ничего не называется «неизвестныйчеловек». Есть:');
    expect(unknown.stderr).toMatch(/chief-accountant +Главный бухгалтер[^\n]*\(роль/);
    expect(unknown.stdout).toBe('');
  });

  it('speaks English for an English instruction, and prints JSON for a machine', async () => {
    const r = await runCli(['show', 'director', 'test/fixtures/run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Director — Anna Smith #boss · role\n {2}phone: \+1 555 0100\n {2}email: boss@example\.com\n/);
    expect(r.stdout).toContain('Keeps these instructions current: flow');
    expect(r.stdout).toMatch(/invoice {2}Issue an invoice · flow\.md\n {4}Step 2: ⚑ Bring in: The amount is over 100 000/);
    const json = JSON.parse((await runCli(['show', 'boss', 'test/fixtures/run', '--json'])).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ kind: 'role', role: 'boss', title: 'Director', name: 'Anna Smith', documents: ['flow'], owner: ['flow'] });
    expect(json['mentions']).toContainEqual(expect.objectContaining({ task: 'invoice', number: '2', escalation: true }));
  });
});
