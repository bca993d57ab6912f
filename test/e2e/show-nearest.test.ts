import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-nearest-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('nothing by that name: the nearest things, not the catalogue (friend test round 5)', () => {
  it('show: a synonym of the front matter names the director; a phrase finds the section by search', async () => {
    const boss = await runCli(['show', 'руководитель']);
    expect(boss.code).toBe(2);
    expect(boss.stderr).toContain('Ничего не называется «руководитель». Ближайшее: Директор — Ирина Викторовна Соколова — instr show director');
    expect(boss.stderr).not.toContain('Есть:');
    const lawyer = await runCli(['show', 'клиент просит посоветовать юриста']);
    expect(lawyer.code).toBe(2);
    expect(lawyer.stderr).toContain('Ближайшее: Нормы общения — instr show client-manager:norms');
    // the command it names opens the section
    const opened = await runCli(['show', 'client-manager:norms']);
    expect(opened.code).toBe(0);
    expect(opened.stdout).toContain('Нормы общения');
    const printer = await runCli(['show', 'принтер']);
    expect(printer.stderr).toMatch(/Нашлось поиском:\n {2}.+ — instr (show|run) /);
    expect(printer.stderr.split('\n').length).toBeLessThan(9);
  });

  it('run: words that name no task point to the nearest thing; nothing found at all still lists the tasks', async () => {
    const answers = join(temp, 'empty.yaml');
    writeFileSync(answers, '{}\n');
    const journal = join(temp, 'j.jsonl');
    const r = await runCli(['run', 'клиент просит посоветовать юриста', '--answers', answers, '--journal', journal]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Ближайшее: Нормы общения — instr show client-manager:norms');
    const none = await runCli(['run', 'zzzqqq', '--answers', answers, '--journal', journal]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Ничего не называется «zzzqqq». Есть:');
  });
});
