import { cpSync, mkdtempSync, rmSync } from 'node:fs';
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
    writeDraft(dir, { captured: '2026-11-27T10:00:00Z', run: null, task: 'request', node: null, user: 'anna', lang: 'ru', description, actions: ['Позвонила директору', 'Забрала документы'], decidedBy: 'Директор', result: 'Документы в офисе' }, 'ab12');
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
});
