import type { Command } from 'commander';
import type { Io } from '../io.js';

export interface AgendaFlags {
  date?: string;
  days: string;
  format: string;
  journal?: string;
  lang?: string;
}

export function register(program: Command, io: Io): void {
  program
    .command('agenda')
    .description('what is due: scheduled tasks, waits to chase and deadlines of open runs, runs to pick up again')
    .argument('[paths...]', 'instruction files or folders', ['instructions'])
    .option('--date <YYYY-MM-DD>', 'first day (default: today)')
    .option('--days <n>', 'how many days from --date', '1')
    .option('--format <format>', 'text, markdown or json', 'text')
    .option('--journal <file>', 'journal of runs (default: $INSTR_JOURNAL or .instr/journal.jsonl)')
    .option('--lang <code>', "language of the labels (default: the instruction's)")
    .action(async (paths: string[], flags: AgendaFlags) => {
      const { agendaCommand } = await import('../actions/agenda.js');
      process.exitCode = await agendaCommand(paths, flags, io);
    });
}
