import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { RunFlags } from '../actions/run/command.js';
import type { RunCancelFlags } from '../actions/run-cancel.js';

export function register(program: Command, io: Io): void {
  program
    .command('run')
    .description('walk through a task step by step (interactive), or from an answers file (scripted)')
    .argument('[task]', 'task id, or words of its title (any case or word form); a searchable menu when left out')
    .argument('[paths...]', 'instruction files or folders', ['instructions'])
    .option('--answers <file>', 'scripted run: YAML mapping of prompt id or text → answer; what it lacks is asked at a terminal, else exit 2')
    .option('--json', 'print the run (path, status, outcome) as JSON at the end')
    .option('--resume [run]', 'continue a paused or suspended run (a menu when the run id is left out)')
    .option(
      '--cancel <run>',
      'close an open run (paused, waiting or in progress) as cancelled: one started by mistake; its open promises are dropped. Recorded at --now (else the clock): a run dated later (made with --now) needs a --now at or after its last record',
    )
    .option('--reason <text>', 'with --cancel: why (one line), kept in the journal')
    .option('--journal <file>', 'journal: a file or a postgres:// URL (default: $INSTR_JOURNAL, journal: in instr.config.yaml, else .instr/journal.jsonl)')
    .option('--lang <code>', "language of the UI: ru or en (default: the instruction's)")
    .option('--user <name>', 'who runs it, for the journal (default: the OS user name)')
    .option(
      '--about <text>',
      'what this run is about (a client, a request): shown in the resume menu, agenda, report and inbox; asked at the start when left out',
    )
    .option(
      '--now <date-time>',
      "the moment the run acts at, e.g. 2026-11-27T17:30 in the instruction's zone: answers, waits and deadlines count from it (default: $INSTR_NOW or the clock); with --resume, not before the run's last event",
    )
    .addHelpText(
      'after',
      [
        '',
        'Answers file (--answers): YAML, one line per prompt, keyed by its id or its full text as `instr show` prints it:',
        '  "Понятно, что именно нужно сделать и к какому сроку?": Да, понятно   # a decision: the option (its text, its letter as show prints it, or id)',
        '  "Клиент подтвердил, что получил результат": true                   # a checkpoint: true / false, or its value',
        '  "Бухгалтер подтвердил срок в CRM": да        # a wait: да / yes (it happened), "11:00" (it happened then),',
        '                                              #   время вышло / timeout (its steps for a missed wait; refused before its timeout= runs out), нет / no (wait)',
        '  "(the step\'s text)": { skip: причина }       # a step: done by default; skip: reason, or unclear: question',
        '  "(a 🤝 promise\'s text)": { kept: true }      # a promise: given, and kept now ("17:40": kept then); after the run: instr promise kept RUN',
        '  "(any prompt)": { not-covered: what happened }   # not in the instruction: the draft goes to the inbox, the run ends "not covered",',
        '                                              #   and the report lists it; the long form: { not-covered: { what, decided-by, done, result } }',
        'A prompt the file does not answer is asked at a terminal, or pauses the run (exit 2) naming the prompt, its options and the line to add;',
        'continue it with: instr run --resume RUN-ID --answers MORE.yaml',
        '',
        'Close a run you will not go on with (started by mistake, or left paused by a refused answer):',
        '  instr run --cancel RUN-ID --reason "запустил по ошибке"     # the agenda drops it, the report counts it cancelled',
        '',
        'Exit codes: 0 done, paused or suspended; 1 the run failed or cannot be resumed; 2 usage error or a missing answer; 130 interrupted (Ctrl-C, resumable).',
      ].join('\n'),
    )
    .action(async (task: string | undefined, paths: string[], flags: RunFlags & RunCancelFlags & { cancel?: string }) => {
      if (flags.cancel !== undefined) {
        // with --cancel there is no task: the positional arguments are folders
        const { runCancelCommand } = await import('../actions/run-cancel.js');
        process.exitCode = await runCancelCommand(flags.cancel, task, paths, flags, io);
        return;
      }
      const { runCommand } = await import('../actions/run/command.js');
      process.exitCode = await runCommand(task, paths, flags, io);
    });
}
