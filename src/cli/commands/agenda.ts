import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { AgendaFlags } from '../actions/agenda.js';

export function register(program: Command, io: Io): void {
  program
    .command('agenda')
    .description('what is due: scheduled tasks, waits to chase and deadlines of open runs, runs to pick up again')
    .argument('[paths...]', 'instruction files or folders', ['instructions'])
    .option('--date <YYYY-MM-DD>', 'first day (default: today)')
    .option('--days <n>', 'how many days from --date', '1')
    .option('--format <format>', 'text, markdown or json', 'text')
    .option(
      '--journal <file>',
      'journal of runs: a file or a postgres:// URL (default: $INSTR_JOURNAL, journal: in instr.config.yaml, else .instr/journal.jsonl)',
    )
    .option('--user <name>', 'only the runs of this user')
    .option(
      '--role <role>',
      'only the instructions for this role (front matter role: in any case or word form, the instruction id, or a roles: id): their tasks, schedules and runs',
    )
    .option('--lang <code>', "language of the labels (default: the instruction's)")
    .option('--now <date-time>', "the moment to act at, e.g. 2026-11-27T17:30 in the instruction's zone (default: $INSTR_NOW or the clock)")
    .action(async (paths: string[], flags: AgendaFlags) => {
      const { agendaCommand } = await import('../actions/agenda.js');
      process.exitCode = await agendaCommand(paths, flags, io);
    });
}
