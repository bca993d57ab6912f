import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-run-e2e-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const fixture = 'test/fixtures/run';

function files(name: string, answers: string) {
  const journal = join(temp, `${name}.jsonl`);
  const file = join(temp, `${name}.yaml`);
  writeFileSync(file, answers);
  return { journal, file };
}

function events(journal: string): Array<Record<string, unknown>> {
  return parseJournal(readFileSync(journal, 'utf8')).events as unknown as Array<Record<string, unknown>>;
}

const requestAnswers = [
  '"Понятно, что именно нужно сделать и к какому сроку?": Да, понятно',
  'urgency: Нет, обычный срок',
  'in-tariff: Нет, не входит',
  'agrees-to-pay: Да, согласен',
  'invoice-payer: Компании клиента',
  '"Реквизиты в карточке клиента совпадают с договором": Да, совпадают',
  '"Счёт выставлен и отправлен клиенту": СЧ-2026-117',
  'extra-paid: true',
  'accountant-confirmed: true',
  'request-due-day: true',
  'client-replied: true',
  '"Клиенту сообщён срок выполнения заявки": true',
  '"Бухгалтер выполнил задачу к сроку?": Да, выполнил',
  '"Клиент подтвердил, что получил результат": yes',
].join('\n');

describe('instr run --answers (scripted)', () => {
  it('takes a decision by the letter `instr show` prints before its option (friend test round 4)', async () => {
    const { journal, file } = files('letters', ['"Понятно, что именно нужно сделать и к какому сроку?": a', 'urgency: 5.a', 'in-tariff: b)'].join('\n'));
    const r = await runCli(['run', 'request', '--answers', file, '--journal', journal, '--user', 'ci', '--about', 'x']);
    // a, 5.a and b) were taken: the run stops only at the question of branch 8.b, «Клиент согласен оплатить?»
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"agrees-to-pay" (Клиент согласен оплатить?)');
  });

  it('takes a step keyed by its text as `instr show` prints it, a link’s «(instr show …)» included (friend test round 10)', async () => {
    const shown =
      '"Поздороваться по имени и отчеству, а если отчества у клиента нет — по имени, и поблагодарить за заявку. Фразы — в скрипте приветствия (instr show greeting-script).": { skip: поздоровался коллега }';
    const { journal, file } = files('shown-link', [shown, requestAnswers].join('\n'));
    const r = await runCli(['run', 'request', '--answers', file, '--journal', journal, '--user', 'ci', '--about', 'x']);
    expect(r.stderr).not.toContain('нет такого id или текста');
    expect(r.code, r.stderr).toBe(0);
    expect(events(journal)).toContainEqual(expect.objectContaining({ type: 'step', action: 'skip', reason: 'поздоровался коллега' }));
  });

  it('takes «время вышло» at a wait, and a suspended scripted run prints the steps done so far (friend test round 4)', async () => {
    const lines = ['"Понятно, что именно нужно сделать и к какому сроку?": Да, понятно', 'urgency: Нет, обычный срок', 'in-tariff: Да, входит'];
    const afterTimeout = [
      '"Бухгалтер подтвердил срок в CRM": время вышло',
      'accountant-took-task: Да, взял',
      '"Клиенту сообщён срок выполнения заявки": true',
      'request-due-day: нет',
    ];
    const { journal, file } = files('suspended', [...lines, ...afterTimeout].join('\n'));
    const first = files('suspended-first', lines.join('\n'));
    const at = ['--now', '2026-11-27T10:00'];
    const waiting = await runCli(['run', 'request', '--answers', first.file, '--journal', journal, '--user', 'ci', '--about', 'ООО Тест', ...at, '--json']);
    const run = (JSON.parse(waiting.stdout) as { run: string }).run;
    // the wait's timeout is 2 working hours: at 12:30 it has run out
    const r = await runCli(['run', '--resume', run, '--answers', file, '--journal', journal, '--now', '2026-11-27T12:30']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('8.a.3 ✓ Написать бухгалтеру в рабочий чат «Баланс — офис»');
    // the promise to name the deadline by 12:00 of the next working day is given before the wait
    expect(r.stdout).toMatch(/8\.a\.5 🤝 Назвать клиенту срок выполнения заявки — обещание дано/);
    // the timeout's own steps call the accountant and go on to telling the client (friend test round 5): no false «да» at the wait
    expect(r.stdout).toMatch(/8\.a\.6\.t\.1 ✓ Позвонить бухгалтеру на рабочий телефон/);
    expect(r.stdout).toMatch(/8\.a\.6\.t\.2 ◆ Бухгалтер взял задачу и назвал срок\? → Да, взял/);
    expect(r.stdout).toMatch(/8\.a\.8 ✓ Написать клиенту срок выполнения/);
    expect(r.stdout).not.toMatch(/8\.a\.7 ✓ Перенести срок/);
    expect(r.stdout).toContain('⏳ Прохождение отложено до события: Наступил день срока по заявке, 12:00');
    const unknown = files(
      'unknown-word',
      '"Понятно, что именно нужно сделать и к какому сроку?": Да, понятно\nurgency: Нет, обычный срок\nin-tariff: Да, входит\naccountant-confirmed: может быть\n',
    );
    const refused = await runCli(['run', 'request', '--answers', unknown.file, '--journal', unknown.journal, '--user', 'ci', '--about', 'x', ...at]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('ожидание принимает «да» (уже произошло)');
    expect(refused.stderr).toContain('«может быть»');
  });

  it('walks the bundled request task to the end and prints the path as JSON; the journal has every event', async () => {
    const { journal, file } = files('request', requestAnswers);
    const r = await runCli(['run', 'request', '--answers', file, '--json', '--journal', journal, '--user', 'ci']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      status: string;
      outcome: string | null;
      path: Array<{ kind: string; answer?: string; target?: string }>;
      checkpoints: unknown[];
    };
    expect(out.status).toBe('done');
    expect(out.path.filter((p) => p.kind === 'decision').map((p) => p.answer)).toEqual([
      'Да, понятно',
      'Нет, обычный срок',
      'Нет, не входит',
      'Да, согласен',
      'Компании клиента',
      'Да, совпадают',
      'Да, выполнил',
    ]);
    expect(out.path.filter((p) => p.kind === 'jump').map((p) => p.target)).toEqual(['invoice', 'assign-accountant']);
    expect(out.checkpoints).toHaveLength(3);
    const ev = events(journal);
    expect(ev[0]).toMatchObject({
      v: 1,
      seq: 0,
      type: 'start',
      task: 'request',
      user: 'ci',
      scripted: true,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(ev.at(-1)).toMatchObject({ type: 'end', status: 'done' });
    // The payment, the accountant's confirmation, the day the request is due, the client's reply.
    expect(ev.filter((e) => e.type === 'wait')).toHaveLength(4);
    expect(ev.filter((e) => e.type === 'resume')).toHaveLength(4);
  });

  it('shows a relative link in the task description as a path that exists, and the journal outside the folder as an absolute path (friend-test stumbles)', async () => {
    const { journal, file } = files('visit-links', '');
    const r = await runCli(['run', 'office-visit', '--answers', file, '--journal', journal]);
    // the description links the office administrator's instruction, which sits beside it
    expect(r.stdout).toContain('(instructions/office-administrator.md)');
    expect(r.stdout).not.toContain('✗');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`журнал: ${journal}`);
  });

  it('finds the task by words of its title and ends a cancelled branch with its outcome', async () => {
    const { journal, file } = files('cancel', 'in-tariff: no\nagree: refuse\n');
    const r = await runCli(['run', 'handle request', fixture, '--answers', file, '--json', '--journal', journal]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ task: 'request', status: 'cancelled', outcome: 'The client refused' });
  });

  it('a missing answer exits 2 naming the decision, its options and the line to write; the run is paused and continues with more answers (friend test round 5)', async () => {
    const { journal, file } = files('missing', 'greet: { skip: already greeted }\n');
    const r = await runCli(['run', 'request', fixture, '--answers', file, '--journal', journal, '--now', '2026-11-27T10:00:00Z']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"in-tariff" (Is it in the tariff?); options: a) Yes; b) No');
    expect(r.stderr).toContain('Write the answer into an answers file, for example:\n  "Is it in the tariff?": "Yes"');
    // the path so far is printed, and the run is paused, not cancelled
    expect(r.stdout).toMatch(/Greet/);
    expect(events(journal).at(-1)).toMatchObject({ type: 'pause' });
    const run = String(events(journal)[0]!.run);
    expect(r.stderr).toContain(`instr run --resume ${run} --answers MORE.yaml`);
    const more = files('missing-more', 'in-tariff: no\nagree: refuse\n');
    const again = await runCli(['run', fixture, '--resume', run, '--answers', more.file, '--journal', journal, '--json', '--now', '2026-11-27T10:05:00Z']);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ run, status: 'cancelled', outcome: 'The client refused' });
  });

  it('rejects a key that names nothing, an unknown option and an unknown task with exit 2', async () => {
    const typo = files('typo', 'in-tarif: yes\n');
    expect(await runCli(['run', 'request', fixture, '--answers', typo.file, '--journal', typo.journal])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('"in-tarif"'),
    });
    const bad = files('bad', 'in-tariff: maybe\n');
    expect(await runCli(['run', 'request', fixture, '--answers', bad.file, '--journal', bad.journal])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('"maybe" is not an option'),
    });
    expect(await runCli(['run', 'nonsense', fixture, '--answers', bad.file, '--journal', bad.journal])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Nothing is called "nonsense". There are:\n {2}request +Handle a request \(task\)/),
    });
  });

  it('suspends at a wait, then --resume continues the run from the journal; a torn last line is reported, not fatal', async () => {
    const { journal, file } = files('wait', 'in-tariff: no\nagree: pay\ninvoice-number: INV-9\nconfirmed: true\n');
    const first = await runCli(['run', 'request', fixture, '--answers', file, '--journal', journal, '--json']);
    expect(first.code).toBe(0);
    const suspended = JSON.parse(first.stdout) as { run: string; status: string; node: string };
    expect(suspended).toMatchObject({ status: 'waiting', node: 'paid' });
    appendFileSync(journal, '{"v":1,"run":"torn","se');
    const list = await runCli(['run', fixture, '--resume', '--answers', file, '--journal', journal]);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain(suspended.run);
    const paid = files('paid', 'paid: true\ninvoice-number: INV-9\nconfirmed: true\n');
    const second = await runCli(['run', fixture, '--resume', suspended.run, '--answers', paid.file, '--journal', journal, '--json']);
    expect(second.stderr).toMatch(/:\d+: the last record is torn/);
    expect(second.code).toBe(0);
    const done = JSON.parse(second.stdout) as { run: string; status: string; path: Array<{ node: string }> };
    expect(done).toMatchObject({ run: suspended.run, status: 'done' });
    expect(done.path.map((p) => p.node)).toContain('greet');
    const run = events(journal).filter((e) => e.run === suspended.run);
    expect(run.map((e) => e.seq)).toEqual(run.map((_, i) => i));
    expect(await runCli(['run', fixture, '--resume', suspended.run, '--answers', paid.file, '--journal', journal])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('finished'),
    });
    // without --answers and without a terminal, a finished run still says it is finished (friend test round 11)
    expect(await runCli(['run', fixture, '--resume', suspended.run, '--journal', journal])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('finished'),
    });
    // and an open one says what to do: give the answers
    const open = JSON.parse((await runCli(['run', 'request', fixture, '--answers', file, '--journal', journal, '--json'])).stdout) as { run: string };
    expect(await runCli(['run', fixture, '--resume', open.run, '--journal', journal])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('stdin is not a terminal'),
    });
  });

  it('a run resumed after the instruction changed continues when its steps remain, and refuses when one is gone', async () => {
    const dir = join(temp, 'changing');
    cpSync(fixture, dir, { recursive: true });
    const md = join(dir, 'flow.md');
    const original = readFileSync(md, 'utf8');
    const { journal, file } = files('changing', 'in-tariff: no\nagree: pay\ninvoice-number: INV-9\nconfirmed: true\npaid: true\n');
    const pause = files('changing-wait', 'in-tariff: no\nagree: pay\n');
    const first = JSON.parse((await runCli(['run', 'request', dir, '--answers', pause.file, '--journal', journal, '--json'])).stdout) as { run: string };
    writeFileSync(md, original.replace('1. Issue the invoice. {#issue}', '1. Issue the invoice in the accounting system. {#issue}'));
    const ok = await runCli(['run', dir, '--resume', first.run, '--answers', file, '--journal', journal, '--json', '--lang', 'en']);
    expect(ok.stderr).toContain('The instruction changed since this run started; every step it went through is still there');
    expect(ok.code).toBe(0);
    const second = JSON.parse((await runCli(['run', 'request', dir, '--answers', pause.file, '--journal', journal, '--json'])).stdout) as { run: string };
    writeFileSync(md, original.replace("2. Check the request against the client's **tariff**.\n", ''));
    const refused = await runCli(['run', dir, '--resume', second.run, '--answers', file, '--journal', journal, '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cannot continue: the instruction no longer has the step "request\.s[0-9a-f]+"/);
  });

  it('prints no escape sequence from the instruction, and speaks English with --lang en', async () => {
    const dir = join(temp, 'hostile');
    const esc = '\u001b';
    cpSync(fixture, dir, { recursive: true });
    const md = join(dir, 'flow.md');
    writeFileSync(
      md,
      readFileSync(md, 'utf8')
        .replace('1. Greet the client. {#greet}', `1. Greet ${esc}[2J${esc}]0;pwned\u0007the client. {#greet}`)
        .replace('- No {#no}', `- No ${esc}[31mway {#no}`),
    );
    const { journal, file } = files('hostile', 'in-tariff: no\nagree: refuse\n');
    const r = await runCli(['run', 'request', dir, '--answers', file, '--journal', journal, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(esc);
    expect(r.stdout).not.toContain('\u0007');
    expect(r.stdout).toContain('Greet');
    expect(r.stdout).toMatch(/Status: cancelled · Outcome: The client refused/);
    expect(r.stdout).toContain('→ No');
  });

  it('stops with a clear message, not a stack trace, when the journal cannot be written (a folder, a full disk)', async () => {
    const { file } = files('nowrite', 'in-tariff: yes\nconfirmed: true\n');
    const folder = join(temp, 'journal-is-a-folder');
    mkdirSync(folder);
    const r = await runCli(['run', 'request', fixture, '--answers', file, '--journal', folder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot write the journal ${folder}: it is a folder, not a file (EISDIR)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    if (existsSync('/dev/full')) {
      const full = await runCli(['run', 'request', fixture, '--answers', file, '--journal', '/dev/full']);
      expect(full).toMatchObject({ code: 1, stderr: expect.stringContaining('ENOSPC') });
    }
  });
});
