import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { PromiseKeptFlags } from '../actions/promise.js';
import type { PromiseListFlags } from '../actions/promise-list.js';

export function register(program: Command, io: Io): void {
  const promise = program
    .command('promise')
    .description(
      'promises to clients made in runs (::promise steps): `promise list` (also bare `promise`) shows those still owed, `promise kept RUN` marks one kept, also after its run ended',
    );
  promise
    // bare `instr promise`, with list's options or not (`instr promise --journal X`): the list (friend test)
    .command('list', { isDefault: true })
    .description('the promises to clients still owed: run, text, due time and whether it has passed (the same ones instr agenda lists)')
    .argument('[paths...]', 'instruction files or folders (default: instructions)')
    .option('--user <name>', 'only the runs of this user')
    .option('--role <role>', 'only the instructions for this role (as in instr agenda)')
    .option('--journal <file>', 'the journal: a file, or a postgres:// URL (default: $INSTR_JOURNAL, journal: in instr.config.yaml, else .instr/journal.jsonl)')
    .option('--now <time>', 'the moment to judge at (also INSTR_NOW): 2026-11-30T11:00 in the instruction’s zone')
    .option('--lang <code>', "language of the labels (default: the instruction's)")
    .option('--json', 'print the list as JSON: { now, journal, promises: [{ run, task, user, about, promise, text, made, due, late, ended, keep }] }')
    .addHelpText(
      'after',
      '\nExamples:\n  instr promise list\n  instr promise list --user anna --journal postgres://…\n\nExit codes: 0 listed (also when none is owed); 2 the journal cannot be read, or an unknown --role.',
    )
    .action(async (paths: string[], flags: PromiseListFlags) => {
      const { promiseListCommand } = await import('../actions/promise-list.js');
      process.exitCode = await promiseListCommand(paths, flags, io);
    });
  promise
    .command('kept')
    .description(
      'mark a promise to a client kept: a record is appended to the run in the journal (file or server); instr agenda stops listing it, instr report judges it on time or late by the moment kept',
    )
    .argument('<run>', 'the run that made the promise (its id, as instr agenda prints it next to the promise)')
    .argument('[paths...]', 'instruction files or folders (default: instructions)')
    .option('--promise <id>', 'which promise, when the run owes several: the ::promise step id or its text')
    .option('--at <time>', 'when it was kept, if earlier than now: 17:40 (today) or 2026-11-27 17:40, in the instruction’s zone')
    .option('--note <text>', 'what was done («позвонила, клиент согласен»), kept with the record')
    .option('--user <name>', 'who kept it (default: the OS user name)')
    .option('--journal <file>', 'the journal: a file, or a postgres:// URL (default: $INSTR_JOURNAL, journal: in instr.config.yaml, else .instr/journal.jsonl)')
    .option('--now <time>', 'the moment to act at (also INSTR_NOW): 2026-11-30T11:00 in the instruction’s zone')
    .option('--lang <code>', "language of the messages (default: the run's)")
    .option('--json', 'print the promise kept as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  instr promise kept 20261127T130000Z-276442\n  instr promise kept 20261127T130000Z-276442 --at 17:40 --note "позвонила, клиент согласен"\n\nExit codes: 0 marked kept; 2 no such run or promise, already kept, a bad --at, or the journal cannot be read.',
    )
    .action(async (run: string, paths: string[], flags: PromiseKeptFlags) => {
      const { promiseKeptCommand } = await import('../actions/promise.js');
      process.exitCode = await promiseKeptCommand(run, paths, flags, io);
    });
}
