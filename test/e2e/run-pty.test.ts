/**
 * Interactive runs of the real binary through a pseudo-terminal (python3's pty module, no native
 * build): arrow keys and Enter in the menus, Ctrl-C, then --resume.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { binPath, projectRoot } from './run-instr.js';
import { runCli } from '../support/cli.js';
import { python } from '../support/python.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-pty-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const driver = join(projectRoot, 'test/e2e/pty-drive.py');

const ENTER = '\r';
const DOWN = '\u001b[B';
const CTRL_C = '\u0003';

interface Step {
  expect: string;
  send?: string;
  kill?: boolean;
}

function drive(
  name: string,
  args: string[],
  steps: Step[],
  journal: string,
  env: Record<string, string> = {},
): { code: number | null; output: string; failed: unknown } {
  const script = join(temp, `${name}.json`);
  writeFileSync(script, JSON.stringify({ cols: 80, rows: 40, timeout: 60, steps }));
  const r = spawnSync(python, [driver, script, '--', process.execPath, binPath, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', INSTR_JOURNAL: journal, LANG: 'C.UTF-8', ...env },
  });
  if (r.status !== 0) throw new Error(`pty driver failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { code: number | null; output: string; failed: unknown };
}

/** The menu of a step: waits for step N's menu with the cursor on its first action. */
const step = (n: number | string, send = ENTER): Step => ({
  expect: `Шаг ${String(n).replace(/\./g, '\\.')}\\n[\\s\\S]*\\? Что дальше\\?[\\s\\S]*❯ Сделано`,
  send,
});
/** The optional question at the start of a run of an unscheduled task: what the run is about. */
const about = (subject = ''): Step => ({ expect: '\\? (О чём это прохождение|What is this run about)[^\\n]*\\?', send: `${subject}${ENTER}` });
const decision = (question: string, downs: number): Step => ({ expect: `\\? ${question}[\\s\\S]*❯`, send: `${DOWN.repeat(downs)}${ENTER}` });

describe.skipIf(!python)('instr run in a terminal (pseudo-terminal)', { timeout: 300_000 }, () => {
  it('walks the bundled request task with arrow keys to its end and prints the summary', () => {
    const journal = join(temp, 'walk.jsonl');
    const r = drive(
      'walk',
      ['run', 'request'],
      [
        about(),
        step(1),
        step(2),
        step(3),
        decision('Понятно, что именно нужно сделать', 0),
        step('4.a.1'),
        decision('Клиент просит сделать срочно\\?', 0),
        step('5.a.1'),
        step(6, `${DOWN}${ENTER}`),
        { expect: 'Почему пропускаете шаг\\?', send: `тариф известен${ENTER}` },
        step(7),
        decision('Задача входит в тариф клиента\\?', 1),
        step('8.b.1'),
        step('8.b.2'),
        decision('Клиент согласен оплатить\\?', 2),
        step('8.b.3.c.1'),
        step('8.b.3.c.2'),
      ],
      journal,
    );
    expect(r.failed).toBeNull();
    expect(r.code).toBe(0);
    expect(r.output).toContain('Обработать заявку клиента #request');
    // step 2 greets a client without a patronymic by name; the linked script is printed as its path (wrapped at 80 columns)
    expect(r.output).toMatch(/Поздороваться по имени и отчеству, а если отчества у клиента нет — по\s+имени/);
    expect(r.output).toMatch(/скрипте приветствия\s+\(instructions\/templates\/greeting-script\.md\)/);
    expect(r.output).toContain('── Итог ──');
    expect(r.output).toMatch(/Статус: отменено · Результат: Клиент отказался от работы вне тарифа/);
    expect(r.output).toMatch(/Пропущено:\n\s+↷ Открыть карточку клиента в CRM[^↷]*— тариф\s+известен/);
    // our own output fits 80 columns (inquirer's redraws are not lines once the escape codes are removed)
    for (const line of r.output.slice(r.output.indexOf('── Итог ──')).split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(r.output).toMatch(/^Когда: .{1,72}\n/m);
    const events = parseJournal(readFileSync(journal, 'utf8')).events;
    expect(events.map((e) => e.type)).toEqual([
      'start',
      'step',
      'step',
      'step',
      'decision',
      'step',
      'decision',
      'step',
      'step',
      'step',
      'decision',
      'step',
      'step',
      'decision',
      'step',
      'step',
      'end',
    ]);
    expect(events.filter((e) => e.type === 'decision').map((e) => (e.type === 'decision' ? e.label : ''))).toEqual([
      'Да, понятно',
      'Нет, обычный срок',
      'Нет, не входит',
      'Нет, отказывается',
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'end', status: 'cancelled', outcome: 'Клиент отказался от работы вне тарифа' });
  });

  it('Ctrl-C pauses the run (exit 130); --resume lists it and continues where it stopped', () => {
    const journal = join(temp, 'resume.jsonl');
    const first = drive('interrupt', ['run', 'request'], [about('ООО «Ромашка», акт сверки'), step(1), step(2), step(3, CTRL_C)], journal);
    if (first.failed) console.log(first.output.slice(-2500));
    expect(first.failed).toBeNull();
    expect(first.code).toBe(130);
    expect(first.output).toContain('Прервано; прохождение на паузе. Продолжить: instr run --resume');
    const before = parseJournal(readFileSync(journal, 'utf8')).events;
    expect(before.map((e) => e.type)).toEqual(['start', 'step', 'step', 'pause']);
    expect(before[0]).toMatchObject({ type: 'start', about: 'ООО «Ромашка», акт сверки' });
    expect(first.output).toContain('О чём: ООО «Ромашка», акт сверки');
    const run = before[0]!.run;

    const second = drive(
      'resume',
      ['run', '--resume'],
      [
        { expect: '\\? Какое прохождение продолжить\\?[\\s\\S]*❯ Обработать заявку клиента — ООО «Ромашка», акт сверки \\(#request\\)', send: ENTER },
        step(3),
        decision('Понятно, что именно нужно сделать', 1),
        step('4.b.1', CTRL_C),
      ],
      journal,
    );
    if (second.failed) console.log(second.output.slice(-2500));
    expect(second.failed).toBeNull();
    expect(second.code).toBe(130);
    expect(second.output).toContain('Завести заявку в CRM');
    const after = parseJournal(readFileSync(journal, 'utf8')).events.filter((e) => e.run === run);
    expect(after.map((e) => e.type)).toEqual(['start', 'step', 'step', 'pause', 'step', 'decision', 'pause']);
    expect(after.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(after[5]).toMatchObject({ type: 'decision', label: 'Нет, не понятно' });
  });

  it('a SIGKILL at a prompt loses no answered step: the run resumes after the last one', () => {
    const journal = join(temp, 'kill.jsonl');
    const killed = drive(
      'kill',
      ['run', 'request'],
      [about(), step(1), step(2, `${DOWN}${ENTER}`), { expect: 'Почему пропускаете шаг\\?', send: `уже поздоровался${ENTER}` }, { ...step(3), kill: true }],
      journal,
    );
    expect(killed.code).toBe(-9);
    const events = parseJournal(readFileSync(journal, 'utf8')).events;
    expect(events.map((e) => e.type)).toEqual(['start', 'step', 'step']);
    expect(events[2]).toMatchObject({ action: 'skip', reason: 'уже поздоровался' });
    const answers = join(temp, 'kill.yaml');
    writeFileSync(answers, '"Понятно, что именно нужно сделать и к какому сроку?": Да, понятно\n');
    const resumed = spawnSync(process.execPath, [binPath, 'run', '--resume', events[0]!.run, '--answers', answers, '--journal', journal, '--json'], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 120_000,
    });
    // it goes on from step 3 and stops at the next decision that has no answer, still resumable
    expect(resumed.status).toBe(2);
    expect(resumed.stderr).toContain('Клиент просит сделать срочно?');
    const after = parseJournal(readFileSync(journal, 'utf8')).events;
    expect(after.map((e) => e.type)).toEqual(['start', 'step', 'step', 'step', 'decision', 'step', 'pause']);
  });

  it('notes a question, goes back, captures a "not covered" draft, shows the escalation contacts, suspends at a wait and resumes it "earlier today at 11:00"', () => {
    const dir = join(temp, 'flow');
    cpSync(join(projectRoot, 'test/fixtures/run'), dir, { recursive: true });
    const journal = join(temp, 'flow.jsonl');
    const menu = (n: number | string) => `Step ${String(n).replace(/\./g, '\\.')}\\n[\\s\\S]*\\? What now\\?[\\s\\S]*❯ Done`;
    const first = drive(
      'flow',
      ['run', 'request', dir, '--user', 'tester', '--now', '2026-11-27T09:30'],
      [
        about(),
        { expect: menu(1), send: `${DOWN}${DOWN}${ENTER}` },
        { expect: 'What is unclear\\?', send: `how formal?${ENTER}` },
        { expect: 'Question noted[\\s\\S]*❯ Done', send: ENTER },
        { expect: menu(2), send: ENTER },
        { expect: '\\? Is it in the tariff\\?[\\s\\S]*❯ Yes', send: ENTER },
        { expect: menu('3.a.1'), send: `${DOWN}${DOWN}${DOWN}${ENTER}` },
        { expect: '\\? Is it in the tariff\\?[\\s\\S]*❯ Yes', send: `${DOWN}${ENTER}` },
        { expect: `${menu('3.b.1')}`, send: `${DOWN}${DOWN}${DOWN}${DOWN}${ENTER}` },
        // no gap procedure in this instruction: said before the questions
        {
          expect: 'has no section on situations it does not cover[\\s\\S]*What happened that the instruction does not cover\\?',
          send: `Client asked for a discount${ENTER}`,
        },
        { expect: '\\? Has someone already decided what to do\\?[\\s\\S]*❯ Yes', send: ENTER },
        { expect: '\\? Who decided what to do\\?', send: `Anna Smith${ENTER}` },
        { expect: '\\? 1\\.', send: `Called the director${ENTER}` },
        { expect: '\\? 2\\.', send: ENTER },
        { expect: '\\? How did it end\\?', send: ENTER },
        { expect: '\\? And now\\?[\\s\\S]*❯ Go back to the step and continue the run \\(Step 3\\.b\\.1\\)', send: ENTER },
        { expect: 'Saved as a draft[\\s\\S]*❯ Done', send: ENTER },
        { expect: '\\? Does the client agree to pay\\?[\\s\\S]*❯ Yes', send: ENTER },
        { expect: `\\[Issue an invoice\\]\\n${menu(1)}`, send: ENTER },
        { expect: 'Bring in: Director — Anna Smith[\\s\\S]*phone: \\+1 555 0100[\\s\\S]*❯ Done — they know', send: ENTER },
        {
          expect:
            'Wait for: The client paid\\n\\s+if it has not happened within 3 days — find out why:\\s+the\\s+agenda\\s+will\\s+remind\\s+you;\\s+once\\s+it\\s+has\\s+happened\\s+—\\s+the\\s+next\\s+steps\\s+within\\s+1\\s+week\\s+of\\s+it[\\s\\S]*❯ It has happened',
          send: `${DOWN}${ENTER}`,
        },
      ],
      journal,
    );
    if (first.failed) console.log(first.output.slice(-2500));
    expect(first.failed).toBeNull();
    expect(first.code).toBe(0);
    expect(first.output).toContain('The run is suspended until: The client paid');
    const drafts = readdirSync(join(dir, 'inbox'));
    expect(drafts).toHaveLength(1);
    expect(readFileSync(join(dir, 'inbox', drafts[0]!), 'utf8')).toMatch(
      /"user":"tester"[\s\S]*Decided by: Anna Smith\.\n\n::when\[Client asked for a discount\]\n\n1\. Called the director\n$/,
    );
    const events = parseJournal(readFileSync(journal, 'utf8')).events;
    expect(events.map((e) => e.type)).toEqual([
      'start',
      'unclear',
      'step',
      'step',
      'decision',
      'back',
      'decision',
      'not-covered',
      'step',
      'decision',
      'jump',
      'step',
      'escalation',
      'wait',
    ]);

    const second = drive(
      'flow-resume',
      ['run', '--resume', dir, '--now', '2026-11-27T15:00'],
      [
        { expect: '\\? Which run to continue\\?[\\s\\S]*❯ Handle a request \\(#request\\)[^\\n]*waiting', send: ENTER },
        { expect: 'Wait for: The client paid[\\s\\S]*❯ It has happened', send: ENTER },
        { expect: '\\? When did it happen\\?[\\s\\S]*❯ Just now', send: `${DOWN}${ENTER}` },
        { expect: '\\? At what time today \\(HH:MM\\)\\?', send: `16:00${ENTER}` },
        { expect: '16:00 is later than now', send: `${'\x7f'.repeat(5)}11:00${ENTER}` },
        { expect: 'Deadline counted from the event: 11:00 → 2026-12-04 11:00' },
        { expect: 'Checkpoint: Invoice issued[\\s\\S]*❯ Enter it… Invoice number', send: ENTER },
        { expect: '\\? Invoice number', send: `INV-7${ENTER}` },
        { expect: menu(4), send: ENTER },
        { expect: 'Checkpoint: The client confirmed the result[\\s\\S]*❯ Confirmed', send: ENTER },
      ],
      journal,
    );
    if (second.failed) console.log(second.output.slice(-2500));
    expect(second.failed).toBeNull();
    expect(second.code).toBe(0);
    expect(second.output).toMatch(/Status: done\n/);
    expect(second.output).toMatch(/Questions:\n\s+\? how formal\? \(Greet the client\.\)/);
    expect(second.output).toMatch(/Checkpoints:\n\s+☑ Invoice issued: INV-7\n\s+☑ The client confirmed the result/);
    const after = parseJournal(readFileSync(journal, 'utf8')).events;
    expect(after.slice(events.length).map((e) => e.type)).toEqual(['resume', 'checkpoint', 'step', 'checkpoint', 'end']);
    // the event happened at 11:00, not when it was answered (15:00): the deadline counts from 11:00
    const resume = after[events.length]!;
    expect(resume.type === 'resume' && Date.parse(resume.happenedAt ?? '') < Date.parse(resume.at)).toBe(true);
    expect(resume.type === 'resume' && Date.parse(resume.deadlineAt ?? '') - Date.parse(resume.happenedAt ?? '')).toBe(7 * 24 * 3600 * 1000);
  });

  it("«Этого нет в инструкции…» shows the firm's procedure, asks who decided, and can end the run as not covered", () => {
    const dir = join(temp, 'gap');
    cpSync(join(projectRoot, 'instructions'), dir, { recursive: true });
    const journal = join(temp, 'gap.jsonl');
    const r = drive(
      'gap',
      ['run', 'request', dir, '--user', 'anna'],
      [
        about(),
        step(1),
        // done, skip, unclear, open the greeting script, back, reference, then «Этого нет в инструкции…»
        step(2, `${DOWN.repeat(6)}${ENTER}`),
        // the procedure comes first, before any question
        {
          expect: 'Если ситуации нет в инструкции\\n[\\s\\S]*Решите вопрос вместе с главным бухгалтером[\\s\\S]*\\? Что произошло, чего нет в инструкции\\?',
          send: `Клиент просит оформить заявку на английском${ENTER}`,
        },
        { expect: '\\? Уже решили, что делать\\?[\\s\\S]*❯ Да', send: ENTER },
        { expect: '\\? Кто принял решение\\?', send: ENTER },
        { expect: 'Напишите, кто принял решение', send: `Главный бухгалтер${ENTER}` },
        { expect: '\\? 1\\.', send: `Ответила на русском, перевод — завтра${ENTER}` },
        { expect: '\\? 2\\.', send: ENTER },
        { expect: '\\? Чем закончилось\\?', send: `Клиент согласился${ENTER}` },
        { expect: '\\? Что дальше\\?[\\s\\S]*❯ Вернуться к шагу и продолжить прохождение \\(Шаг 2\\)', send: `${DOWN}${ENTER}` },
      ],
      journal,
    );
    if (r.failed) console.log(r.output.slice(-2500));
    expect(r.failed).toBeNull();
    expect(r.code).toBe(0);
    expect(r.output).toContain('Сохранено как черновик для инструкции:');
    expect(r.output).toMatch(/Статус: ситуации нет в инструкции · Результат: Клиент просит оформить заявку на\s+английском/);
    expect(r.output).toMatch(/2 \? Поздороваться[\s\S]*— ситуации\s+нет в инструкции/);
    const drafts = readdirSync(join(dir, 'inbox'));
    expect(readFileSync(join(dir, 'inbox', drafts[0]!), 'utf8')).toMatch(
      /Решение принял\(а\): Главный бухгалтер\.\n\nЧем закончилось: Клиент согласился\n\n::when\[Клиент просит оформить заявку на английском\]\n\n1\. Ответила на русском, перевод — завтра\n$/,
    );
    const events = parseJournal(readFileSync(journal, 'utf8')).events;
    expect(events.map((e) => e.type)).toEqual(['start', 'step', 'not-covered', 'end']);
    expect(events[2]).toMatchObject({ type: 'not-covered', decidedBy: 'Главный бухгалтер', result: 'Клиент согласился' });
    expect(events[3]).toMatchObject({ type: 'end', status: 'cancelled', notCovered: true, outcome: 'Клиент просит оформить заявку на английском' });
  });

  it('opens the linked template, the norms and a search result from inside a step, through the pager, and comes back to the step', () => {
    const journal = join(temp, 'open.jsonl');
    const r = drive(
      'open',
      ['run', 'request'],
      [
        about(),
        step(1),
        // done, skip, unclear, then the template the step links to
        {
          expect: 'Шаг 2\\n[\\s\\S]*❯ Сделано[\\s\\S]*Открыть: Скрипт приветствия и благодарности \\(templates/greeting-script\\.md\\)',
          send: `${DOWN.repeat(3)}${ENTER}`,
        },
        // longer than the 40 rows: less shows the first screen
        { expect: 'templates/greeting-script\\.md\\n\\n[\\s\\S]*Скрипт приветствия[\\s\\S]*\\n:', send: 'q' },
        // back at the same step: done, skip, unclear, open, back, then the reference sections
        { expect: '\\? Что дальше\\?[\\s\\S]*❯ Сделано', send: `${DOWN.repeat(5)}${ENTER}` },
        { expect: '\\? Какой раздел\\?[\\s\\S]*Нормы общения \\(\\.norms\\)', send: `${DOWN.repeat(3)}${ENTER}` },
        { expect: 'Нормы общения client-manager\\.md:\\d+[\\s\\S]*\\n:', send: 'q' },
        // the reference menu again, now its search: the sections, then «Поиск по инструкции…»
        { expect: '\\? Что дальше\\?[\\s\\S]*❯ Сделано', send: `${DOWN.repeat(5)}${ENTER}` },
        { expect: '\\? Какой раздел\\?[\\s\\S]*Поиск по инструкции…', send: `${DOWN.repeat(4)}${ENTER}` },
        { expect: '\\? Что найти\\? \\(пусто — назад\\)', send: `скидка${ENTER}` },
        { expect: '\\? Какой результат открыть\\?[\\s\\S]*❯ [^\\n]*\\(задача #', send: ENTER },
        // a task is shown as its checklist with the command to run it later; the run stays on step 2
        { expect: 'Пройти эту задачу позже: instr run [a-z-]+\\n[\\s\\S]*\\n1\\. [\\s\\S]*\\n:', send: 'q' },
        { expect: '\\? Что дальше\\?[\\s\\S]*❯ Сделано', send: ENTER },
        step(3, CTRL_C),
      ],
      journal,
      { PAGER: 'less' },
    );
    if (r.failed) console.log(r.output.slice(-2500));
    expect(r.failed).toBeNull();
    expect(r.code).toBe(130);
    expect(r.output).toContain('Компания «Баланс», клиентский отдел, (ваше имя), добрый день!');
    // the run went on from the same step: two steps done, nothing else recorded by opening files
    const events = parseJournal(readFileSync(journal, 'utf8')).events;
    expect(events.map((e) => e.type)).toEqual(['start', 'step', 'step', 'pause']);
  });

  it('with --answers at a terminal, asks only what the file does not answer', () => {
    const journal = join(temp, 'partial.jsonl');
    const answers = join(temp, 'partial.yaml');
    writeFileSync(answers, 'greet: { skip: greeted on the phone }\n');
    const r = drive(
      'partial',
      ['run', 'request', 'test/fixtures/run', '--answers', answers],
      [
        { expect: '\\? Is it in the tariff\\?[\\s\\S]*❯ Yes', send: ENTER },
        { expect: 'Checkpoint: The client confirmed the result[\\s\\S]*❯ Confirmed', send: `${DOWN}${ENTER}` },
      ],
      journal,
    );
    expect(r.failed).toBeNull();
    expect(r.code).toBe(0);
    expect(r.output).not.toContain('Step 1');
    expect(r.output).toMatch(/↷ Greet the client\. — greeted on the phone/);
    // «Not done» at a checkpoint pauses the run there: it must be true before the run goes on (issue 15)
    expect(r.output).toMatch(/Checkpoint not confirmed: "The client confirmed the result"\. The run\s+\S+\s+is paused at it/);
    const events = parseJournal(readFileSync(journal, 'utf8')).events;
    expect(events[0]).toMatchObject({ type: 'start', scripted: true });
    expect(events.at(-1)).toMatchObject({ type: 'pause' });
    expect(events.map((e) => e.type)).not.toContain('end');
  });

  it('without a task, offers a searchable menu of every task and situation', () => {
    const journal = join(temp, 'menu.jsonl');
    const r = drive(
      'menu',
      ['run', 'test/fixtures/run/'],
      [
        { expect: '\\? Which task or situation\\? \\(type to search\\)[\\s\\S]*❯ Handle a request \\(#request\\)', send: 'invoice' },
        { expect: '❯ Issue an invoice \\(#invoice\\)', send: ENTER },
        about(),
        { expect: 'Issue an invoice #invoice[\\s\\S]*Step 1\\n[\\s\\S]*❯ Done', send: CTRL_C },
      ],
      journal,
    );
    expect(r.failed).toBeNull();
    expect(r.code).toBe(130);
    expect(parseJournal(readFileSync(journal, 'utf8')).events[0]).toMatchObject({ type: 'start', task: 'invoice' });
  });

  it('a pause asks until when; the agenda shows the run then', async () => {
    const journal = join(temp, 'pause-until.jsonl');
    const r = drive(
      'pause-until',
      ['run', 'invoice', 'test/fixtures/run/', '--now', '2026-11-27T15:00'],
      [
        about(),
        { expect: 'Step 1\\n[\\s\\S]*❯ Done', send: `${DOWN}${DOWN}${DOWN}${DOWN}${ENTER}` },
        { expect: '\\? Until when\\?', send: `10:00${ENTER}` },
        { expect: '10:00 is not later than now', send: `${'\x7f'.repeat(5)}2026-11-30 10:00${ENTER}` },
        { expect: 'Paused\\.' },
      ],
      journal,
    );
    if (r.failed) console.log(r.output.slice(-2500));
    expect(r.failed).toBeNull();
    expect(r.code).toBe(0);
    const pause = parseJournal(readFileSync(journal, 'utf8')).events.at(-1)!;
    expect(pause).toMatchObject({ type: 'pause' });
    expect(pause.type === 'pause' && Date.parse(pause.until ?? '') - Date.parse(pause.at)).toBe((2 * 24 + 19) * 3600 * 1000);
    const agenda = await runCli(['agenda', 'test/fixtures/run/', '--journal', journal, '--date', '2026-11-30', '--now', '2026-11-30T08:00']);
    expect(agenda.stdout).toMatch(/10:00\s+invoice\s+Issue an invoice\n\s+Pick up again \(paused until now\): Issue an invoice/);
  });
});
