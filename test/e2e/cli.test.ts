import { createReadStream, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const fixtures = 'test/fixtures/compile';
const temp = mkdtempSync(join(tmpdir(), 'instr-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('instr', () => {
  it('prints its version and help', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['compile', 'list', 'show']) expect(help.stdout).toContain(command);
    expect(await runCli(['compile', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('--out <file>') });
  });

  it('exits 2 on a usage error or a missing path, without a stack trace', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('неизвестная команда «frobnicate»'); // the language of ./instructions (docs/screen-language.md)
    const missing = await runCli(['compile', 'no/such/folder']);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('Нет такого файла или папки: no/such/folder') });
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('compiles a folder to graph JSON on stdout or into a file', async () => {
    const result = await runCli(['compile', `${fixtures}/multi`]);
    expect(result.code).toBe(0);
    const graph = JSON.parse(result.stdout) as { format: string; tasks: Array<{ id: string }> };
    expect(graph.format).toBe('instr-graph');
    expect(graph.tasks.map((t) => t.id)).toEqual(['start', 'finish']);
    const out = join(temp, 'graph.json');
    expect((await runCli(['compile', `${fixtures}/multi`, '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(graph);
  });

  it('writes into a pipe given as --out instead of replacing it with a file (as it would /dev/null)', async () => {
    const fifo = join(temp, 'graph.fifo');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const read = new Promise<void>((done, fail) => {
      createReadStream(fifo)
        .on('data', (c) => chunks.push(c as Buffer))
        .on('end', () => done())
        .on('error', fail);
    });
    expect((await runCli(['compile', `${fixtures}/multi`, '--out', fifo])).code).toBe(0);
    await read;
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { format: string }).format).toBe('instr-graph');
  });

  it('exits 1 with file:line:column diagnostics for broken instructions', async () => {
    const result = await runCli(['compile', `${fixtures}/broken-folder`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('test/fixtures/compile/broken-folder/broken.md:2:14  error');
    expect(result.stderr).toContain('test/fixtures/compile/broken-folder/good.md:15:1  error  Jump to "#missing-task"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists tasks for people and as JSON', async () => {
    const text = await runCli(['list', `${fixtures}/request.md`]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('request    Обработать заявку клиента');
    expect(text.stdout).toContain('Когда: Клиент написал в чат (Срок: 1 день)');
    expect(text.stdout).toContain('Расписание: В последнюю пятницу каждого месяца, 10:00');
    const json = JSON.parse((await runCli(['list', `${fixtures}/request.md`, '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(json[2]).toMatchObject({
      id: 'equipment',
      kind: 'task',
      schedules: [{ label: 'В последнюю пятницу каждого месяца', rrule: 'FREQ=MONTHLY;BYDAY=-1FR', time: '10:00' }],
    });
  });

  it('shows a task as a numbered checklist with nested branches, found by id or by words of its title', async () => {
    const byId = await runCli(['show', 'request', `${fixtures}/request.md`]);
    expect(byId.code).toBe(0);
    expect(byId.stdout).toContain('3. Задача входит в тариф клиента?');
    expect(byId.stdout).toContain('   a) Да, входит');
    expect(byId.stdout).toContain('3.b.2.b.1. ■ Конец: Клиент отказался');
    expect(byId.stdout).toContain('→ Выполнить и вернуться: «Выставить счёт» (#invoice)');
    const byWords = await runCli(['show', 'заявки', `${fixtures}/request.md`]);
    expect(byWords.stdout).toBe(byId.stdout);
    expect((await runCli(['show', 'nothing-like-this', `${fixtures}/request.md`])).code).toBe(2);
  });

  it('never prints terminal escape sequences from an instruction', async () => {
    const file = join(temp, 'escapes.md');
    writeFileSync(
      file,
      '---\nid: esc\ntitle: "Title \\e]0;pwned\\a"\nlang: en\n---\n## T {.tasks}\n### Clear \u001b[2J screen {#esc}\n::when[Bell \u0007 here]\n\n1. Step \u009b31m red \u001b]8;;http://x\u001b\\link\n',
    );
    for (const args of [
      ['list', file],
      ['show', 'esc', file],
    ]) {
      const result = await runCli(args);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });
});
