import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDraft } from '../../src/inbox/draft.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'instr-inbox-show-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('instr inbox show', () => {
  it('prints one draft whole, with who decided and how it ended', async () => {
    cpSync('instructions/client-manager.md', join(dir, 'client-manager.md'));
    const description = 'Клиент прислал документы курьером в субботу, офис закрыт, курьер ждёт у двери уже полчаса и просит расписаться';
    writeDraft(
      dir,
      {
        captured: '2026-11-27T10:00:00Z',
        run: null,
        task: 'request',
        node: null,
        user: 'anna',
        lang: 'ru',
        description,
        actions: ['Позвонила директору', 'Забрала документы'],
        decidedBy: 'Директор',
        result: 'Документы в офисе',
      },
      'ab12',
    );
    const r = await runCli(['inbox', 'show', 'ab12', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(description);
    expect(r.stdout).toContain('Решение принял(а): Директор.');
    expect(r.stdout).toContain('Чем закончилось: Документы в офисе');
    expect(r.stdout).toContain('2. Забрала документы');
    const none = await runCli(['inbox', 'show', 'zz99', dir]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Ничего не называется «zz99». Есть:');
    expect(none.stderr).toContain('draft-20261127-ab12');
  });

  it('lists the questions noted as unclear, with the task and the step as show numbers it, and shows one whole; the report lists what is not covered', async () => {
    const root = join(dir, 'questions');
    cpSync('instructions', root, { recursive: true });
    const { compilePaths } = await import('../../src/compile/compile.js');
    const { graph } = await compilePaths([join(root, 'client-manager.md')], { cwd: root });
    const greet = Object.values(graph.nodes).find((n) => n.task === 'request' && n.kind === 'step' && n.markdown.includes('Поздороваться'))!;
    const run = '20261127T090000Z-c0ffee';
    const base = { v: 1, run };
    const journal = join(dir, 'questions.jsonl');
    const lines = [
      {
        ...base,
        seq: 0,
        at: '2026-11-27T09:00:00Z',
        type: 'start',
        task: 'request',
        title: 'Обработать заявку клиента',
        file: 'client-manager.md',
        lang: 'ru',
        user: 'anna',
        revision: null,
        contentHash: 'h',
        scripted: false,
      },
      { ...base, seq: 1, at: '2026-11-27T09:01:00Z', type: 'unclear', node: greet.id, note: 'Как обращаться, если клиент не назвал отчество?' },
      {
        ...base,
        seq: 2,
        at: '2026-11-27T09:02:00Z',
        type: 'not-covered',
        node: greet.id,
        description: 'Клиент пишет по-английски',
        action: '',
        draft: 'inbox/x.md',
        decidedBy: 'Главный бухгалтер',
      },
      {
        ...base,
        seq: 3,
        at: '2026-11-27T09:03:00Z',
        type: 'end',
        node: null,
        status: 'cancelled',
        outcome: 'Клиент пишет по-английски',
        durationMs: 180000,
        notCovered: true,
      },
    ];
    writeFileSync(journal, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const listed = await runCli(['inbox', root, '--journal', journal]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Вопросы к владельцу инструкции (1)');
    expect(listed.stdout).toMatch(/request {2}Шаг 2\. Поздороваться по имени/);
    expect(listed.stdout).toContain('? Как обращаться, если клиент не назвал отчество?');
    expect(listed.stdout).toContain('anna · q-c0ffee-1');
    const json = JSON.parse((await runCli(['inbox', root, '--journal', journal, '--json'])).stdout) as { questions: Array<Record<string, unknown>> };
    expect(json.questions).toEqual([
      expect.objectContaining({
        id: 'q-c0ffee-1',
        task: 'request',
        step: '2',
        node: greet.id,
        note: 'Как обращаться, если клиент не назвал отчество?',
        user: 'anna',
      }),
    ]);
    const one = await runCli(['inbox', 'show', 'q-c0ffee-1', root, '--journal', journal]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('Обработать заявку клиента #request\nШаг 2. Поздороваться по имени и отчеству');
    expect(one.stdout).toContain('Вопрос: Как обращаться, если клиент не назвал отчество?');
    const oneJson = JSON.parse((await runCli(['inbox', 'show', 'q-c0ffee-1', root, '--journal', journal, '--json'])).stdout) as Record<string, unknown>;
    expect(oneJson).toMatchObject({ kind: 'question', id: 'q-c0ffee-1', step: '2' });
    const report = await runCli(['report', root, '--journal', journal, '--since', '2026-11-01', '--until', '2026-11-30']);
    expect(report.stdout).toMatch(/Непонятные шаги: что переписать\n {2}1× request 2\. Поздороваться/);
    expect(report.stdout).toMatch(
      /Ситуации, которых нет в инструкции: что добавить\n {2}\? Клиент пишет по-английски\n {4}request 2\. Поздороваться[^\n]*· решение принял\(а\): Главный бухгалтер · прохождение закончено здесь/,
    );
  });
});
