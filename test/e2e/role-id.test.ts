import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-role-id-'));
const journal = join(temp, 'journal.jsonl');
copyFileSync('test/fixtures/report/journal.jsonl', journal);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('--role by id (friend test round 5)', () => {
  it('agenda and report take the role id and word forms of the title as well as the title', async () => {
    const byTitle = await runCli(['agenda', 'instructions', '--date', '2026-11-30', '--role', 'Клиентский менеджер', '--journal', journal]);
    for (const role of ['client-manager', 'клиентского менеджера']) {
      const r = await runCli(['agenda', 'instructions', '--date', '2026-11-30', '--role', role, '--journal', journal]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(byTitle.stdout);
    }
    const report = await runCli(['report', 'instructions', '--role', 'office-admin', '--format', 'json', '--journal', journal, '--today', '2026-11-27']);
    expect(report.code).toBe(0);
    const tasks = (JSON.parse(report.stdout) as { tasks: Array<{ task: string }> }).tasks.map((t) => t.task);
    expect(tasks).not.toContain('daily-check');
  });
});
