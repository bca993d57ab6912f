/**
 * What fresh newcomers hit with scripted runs, agenda, report and promise (friend test, issue #15),
 * on the bundled instructions, each with a temporary journal.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/reader.js';
import { runCli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-friend-tools-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function files(name: string, answers: string[]) {
  const journal = join(temp, `${name}.jsonl`);
  const file = join(temp, `${name}.yaml`);
  writeFileSync(file, `${answers.join('\n')}\n`);
  return { journal, file };
}

function events(journal: string): Array<Record<string, unknown>> {
  return parseJournal(readFileSync(journal, 'utf8')).events as unknown as Array<Record<string, unknown>>;
}

/** request, in tariff, up to the wait «Бухгалтер подтвердил срок в CRM». */
const toAccountantWait = ['"Понятно, что именно нужно сделать и к какому сроку?": Да, понятно', 'urgency: Нет, обычный срок', 'in-tariff: Да, входит'];

describe('friend test: the tools', () => {
  it('an answer the run refuses («11:00» later than now) pauses the run there, never cancels it: the report counts no abandoned run', async () => {
    const { journal, file } = files('refused', [...toAccountantWait, 'accountant-confirmed: "11:00"']);
    const r = await runCli(['run', 'request', '--answers', file, '--journal', journal, '--user', 'ci', '--about', 'x', '--now', '2026-11-27T10:15']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:4:1: «accountant-confirmed»: «11:00» — позже, чем сейчас`);
    // what to do instead: the answers file cannot move the clock, a later --now can
    expect(r.stderr).toContain('событие ещё не произошло. Когда оно произойдёт, продолжите прохождение с --now не раньше этого времени.');
    const run = String(events(journal)[0]!.run);
    expect(r.stderr).toContain(
      `Прохождение ${run} приостановлено здесь, а не отменено; исправьте ответ в файле и продолжите:\n  instr run --resume ${run} --answers ${file}`,
    );
    // the path so far is printed, as for a missing answer
    expect(r.stdout).toContain('8 ◆ Задача входит в тариф клиента? → Да, входит');
    expect(events(journal).map((e) => e.type)).not.toContain('abandon');
    expect(events(journal).at(-1)).toMatchObject({ type: 'pause', node: 'accountant-confirmed' });
    const report = await runCli(['report', '--journal', journal, '--format', 'json', '--now', '2026-11-27T10:20']);
    expect(report.code).toBe(0);
    const request = (JSON.parse(report.stdout) as { tasks: Array<{ task: string; started: number; abandoned: number }> }).tasks.find(
      (t) => t.task === 'request',
    );
    expect(request).toMatchObject({ started: 1, abandoned: 0 });
    // the corrected file continues the same run
    writeFileSync(file, `${[...toAccountantWait, 'accountant-confirmed: "10:00"'].join('\n')}\n`);
    const again = await runCli(['run', '--resume', run, '--answers', file, '--journal', journal, '--now', '2026-11-27T10:20', '--json']);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout)).toMatchObject({ run, missing: 'request.cca3eeb' });
    expect(events(journal).filter((e) => e.type === 'resume')).toHaveLength(1);
  });

  it('a suspended scripted run names itself in the resume hint (two open runs need no menu), in Russian and in English', async () => {
    const { journal, file } = files('hint', toAccountantWait);
    const ids: string[] = [];
    for (const lang of ['ru', 'en']) {
      const r = await runCli(['run', 'request', '--answers', file, '--journal', journal, '--lang', lang, '--about', lang, '--now', '2026-11-27T10:15']);
      expect(r.code).toBe(0);
      const run = String(events(journal).at(-1)!.run);
      ids.push(run);
      const hint = lang === 'ru' ? 'Продолжить:' : 'Continue with:';
      expect(r.stdout).toContain(`${hint} instr run --resume ${run} --answers ${file} --journal ${journal}\n`);
    }
    expect(new Set(ids).size).toBe(2);
    // the hint, as printed, continues that run though another one is open too
    writeFileSync(file, `${[...toAccountantWait, 'accountant-confirmed: true'].join('\n')}\n`);
    const again = await runCli(['run', '--resume', ids[0]!, '--answers', file, '--journal', journal, '--now', '2026-11-27T10:30', '--json']);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout)).toMatchObject({ run: ids[0], missing: 'request.cca3eeb' });
  });

  it('a wait closed by its timeout steps («время вышло») is not listed as overdue by report or agenda', async () => {
    const { journal, file } = files('timeout', toAccountantWait);
    const first = await runCli(['run', 'request', '--answers', file, '--journal', journal, '--about', 'x', '--now', '2026-11-27T10:00', '--json']);
    const run = (JSON.parse(first.stdout) as { run: string }).run;
    const after = files('timeout-after', [
      '"Бухгалтер подтвердил срок в CRM": время вышло',
      'accountant-took-task: Да, взял',
      '"Клиенту сообщён срок выполнения заявки": true',
      'request-due-day: нет',
    ]);
    expect((await runCli(['run', '--resume', run, '--answers', after.file, '--journal', journal, '--now', '2026-11-27T12:30'])).code).toBe(0);
    const report = await runCli(['report', '--journal', journal, '--format', 'json', '--now', '2026-11-30T10:00']);
    expect(report.code).toBe(0);
    expect((JSON.parse(report.stdout) as { overdue: unknown[] }).overdue).toEqual([]);
    const agenda = await runCli(['agenda', '--journal', journal, '--format', 'json', '--now', '2026-11-30T10:00']);
    const items = (JSON.parse(agenda.stdout) as { dates: Array<{ items: Array<{ label: string; overdue: boolean }> }> }).dates.flatMap((d) => d.items);
    expect(items.filter((i) => i.overdue)).toEqual([]);
  });

  it('instr promise list shows the promises still owed, late or not, filtered by user; bare instr promise (with list’s options or none) lists them too', async () => {
    const { journal, file } = files('promise-list', ['complaint-channel: Позвонил или сказал в офисе']);
    const r = await runCli([
      'run',
      'complaint',
      '--answers',
      file,
      '--journal',
      journal,
      '--user',
      'anna',
      '--about',
      'ООО Ромашка',
      '--now',
      '2026-11-27T10:00',
    ]);
    expect(r.code).toBe(0);
    const run = String(events(journal)[0]!.run);
    const list = await runCli(['promise', 'list', '--journal', journal, '--now', '2026-11-27T13:00', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).promises).toEqual([
      expect.objectContaining({
        run,
        promise: 'complaint-promise',
        text: 'Ответить клиенту по жалобе: что произошло и как исправим — или директор свяжется с клиентом',
        due: '2026-11-30T09:00:00.000Z',
        late: false,
        user: 'anna',
        keep: `instr promise kept ${run}`,
      }),
    ]);
    const late = await runCli(['promise', 'list', '--journal', journal, '--now', '2026-11-30T13:00']);
    expect(late.stdout.replace(/\s+/g, ' ')).toContain(
      '🤝 Ответить клиенту по жалобе: что произошло и как исправим — или директор свяжется с клиентом · срок 2026-11-30 12:00 · не выполнено, срок прошёл',
    );
    expect(late.stdout).toContain(`когда выполните: instr promise kept ${run}`);
    const other = await runCli(['promise', 'list', '--journal', journal, '--user', 'bob', '--lang', 'en']);
    expect(other.stdout).toContain('No promise to a client is owed.');
    // friend test: «instr promise --journal X» said «unknown option»; it is the list
    const bare = await runCli(['promise', '--journal', journal, '--now', '2026-11-30T13:00']);
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stdout).toBe(late.stdout);
    const help = await runCli(['promise', '--help']);
    expect(help.stdout).toMatch(/list \[options\] \[paths\.\.\.\]/);
    expect(help.stdout).toMatch(/kept \[options\] <run> \[paths\.\.\.\]/);
    // an option neither command knows is a usage error in the user's language
    const wrong = await runCli(['promise', '--bogus', '--journal', journal]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('неизвестный параметр --bogus');
  });

  it('a promise kept by the step its kept= names says which step kept it, and the promise step in the path reads «обещание дано», not ✓', async () => {
    const { journal, file } = files('kept-by', [
      'complaint-channel: Позвонил или сказал в офисе',
      'complaint-accountant-replied: true',
      'our-fault: Да, ошиблись мы',
      '"Из-за ошибки клиенту начислили штраф или пени, заблокировали счёт, или клиент требует вернуть деньги?": Нет',
    ]);
    const r = await runCli(['run', 'complaint', '--answers', file, '--journal', journal, '--about', 'x', '--now', '2026-11-27T10:00']);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toMatch(/2 🤝 Ответить клиенту по жалобе: [^✓]*— обещание дано 3 ✓/);
    expect(out).not.toMatch(/\d ✓ Ответить клиенту по жалобе/);
    expect(out).toContain('выполнено (шагом 8.a.1.b.2 «Написать клиенту: что именно исправим, к какой дате и что исправление бесплатно.»)');
    const en = await runCli(['run', 'complaint', '--answers', file, '--journal', journal, '--about', 'x', '--now', '2026-11-27T10:00', '--lang', 'en']);
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('kept (by step 8.a.1.b.2 «');
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('— promise given');
  });
});
