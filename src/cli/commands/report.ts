import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { ReportFlags } from '../actions/report.js';

export function register(program: Command, io: Io): void {
  program
    .command('report')
    .description(
      'how the instructions were followed, from the journal of runs: done, skipped and why, unclear steps, checkpoints, overdue, missed, due for review',
    )
    .argument('[paths...]', 'instruction files or folders', ['instructions'])
    .option('--since <YYYY-MM-DD>', 'first day of the period (default: 29 days before --until)')
    .option('--until <YYYY-MM-DD>', 'last day of the period (default: today)')
    .option('--today <YYYY-MM-DD>', 'the day to judge overdue, missed and review dates against (default: today)')
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
    .option(
      '--now <date-time>',
      "the moment to judge at, e.g. 2026-11-27T17:30 in the instruction's zone (default: $INSTR_NOW, else the end of --today, else the clock)",
    )
    .action(async (paths: string[], flags: ReportFlags) => {
      const { reportCommand } = await import('../actions/report.js');
      process.exitCode = await reportCommand(paths, flags, io);
    });
}
