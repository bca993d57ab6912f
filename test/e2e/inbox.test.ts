import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-inbox-e2e-'));
const root = join(temp, 'instructions');
cpSync('test/fixtures/agenda', root, { recursive: true });
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function draft(name: string, meta: Record<string, string>, title: string): void {
  mkdirSync(join(root, 'inbox'), { recursive: true });
  writeFileSync(
    join(root, 'inbox', name),
    `<!-- instr-inbox ${JSON.stringify(meta)} -->\n### ${title} {#draft-${name.slice(-7, -3)}}\n\n::when[${title}]\n\n1. Перезвонили клиенту.\n`,
  );
}

describe('instr inbox', () => {
  it('says when the inbox is empty', async () => {
    const result = await runCli(['inbox'], { cwd: temp });
    expect(result).toMatchObject({ code: 0, stdout: 'Черновиков во входящих нет.\n' });
  });

  it('lists drafts oldest first with age, task, author and file; the compiler ignores them', async () => {
    const now = Date.now();
    const daysAgo = (n: number) => new Date(now - n * 86_400_000).toISOString();
    draft(
      '2026-11-27-request-a1b2.md',
      { captured: daysAgo(1), run: 'r1', task: 'mail', node: 'open-mailbox', user: 'anna', lang: 'ru' },
      'Клиент прислал письмо на личный ящик',
    );
    draft('2026-11-01-general-ffff.md', { captured: daysAgo(21), run: 'r2', user: 'boris', lang: 'ru' }, 'Отключили свет \u001b[31mв офисе');
    const result = await runCli(['inbox'], { cwd: temp });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Ситуации, которых нет в инструкциях (2)');
    expect(lines[2]).toMatch(/^ {2}\d{4}-\d{2}-\d{2} {2}21 день +общее +Отключили свет в офисе$/);
    expect(lines[3]).toContain('boris · instructions/inbox/2026-11-01-general-ffff.md');
    expect(lines[4]).toMatch(/1 день +mail +Клиент прислал письмо на личный ящик$/);
    expect(result.stdout).not.toContain('\u001b');
    expect((await runCli(['compile', 'instructions', '--quiet'], { cwd: temp })).code).toBe(0);
  });

  it('gives JSON, and warns on stderr about a file in the inbox that is not a draft', async () => {
    writeFileSync(join(root, 'inbox', 'notes.md'), 'some notes\n');
    const result = await runCli(['inbox', 'instructions', '--format', 'json'], { cwd: temp });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { drafts: Array<{ file: string; task: string | null; ageDays: number }>; problems: Array<{ file: string }> };
    expect(out.drafts.map((d) => [d.file, d.task, d.ageDays])).toEqual([
      ['instructions/inbox/2026-11-01-general-ffff.md', null, 21],
      ['instructions/inbox/2026-11-27-request-a1b2.md', 'mail', 1],
    ]);
    expect(out.problems).toEqual([{ file: 'instructions/inbox/notes.md', code: 'notDraft', message: expect.stringContaining('not an inbox draft') }]);
    // said in the instructions' language (the first instruction here is Russian); the JSON keeps a code and the English text
    expect(result.stderr).toContain('instructions/inbox/notes.md: не черновик: в первой строке нет заголовка');
    expect((await runCli(['inbox', '--format', 'xml'], { cwd: temp })).code).toBe(2);
  });
});
