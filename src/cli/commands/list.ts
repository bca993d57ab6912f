import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { ListFlags } from '../actions/list.js';

export function register(program: Command, io: Io): void {
  program
    .command('list')
    .description('list every task and situation: id, title, trigger, schedule')
    .argument('[paths...]', 'instruction files or folders', ['instructions'])
    .option('--json', 'machine-readable output')
    .option('--lang <code>', "language of the labels (default: the instruction's)")
    .action(async (paths: string[], flags: ListFlags) => {
      const { listCommand } = await import('../actions/list.js');
      process.exitCode = await listCommand(paths, flags, io);
    });
}
