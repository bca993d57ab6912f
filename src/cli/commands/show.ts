import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { ShowFlags } from '../actions/show.js';

export function register(program: Command, io: Io): void {
  program
    .command('show')
    .description(
      "show a task as a numbered checklist, a section (norms, schedule…), a whole instruction's contents, a role (who, contacts, where it is named), or a linked file such as a template",
    )
    .argument(
      '<what>',
      "an id (task, section, instruction, role), a section class such as norms, a linked file's name, a role's title or contact, or words of a title",
    )
    .argument('[paths...]', 'instruction files or folders', ['instructions'])
    .option('--lang <code>', "language of the labels (default: the instruction's)")
    .option('--json', 'the checklist as JSON lines')
    .addHelpText('after', '\nNothing called that: the nearest things by the synonyms and the search, with the command for each (exit 2).')
    .action(async (task: string, paths: string[], flags: ShowFlags) => {
      const { showCommand } = await import('../actions/show.js');
      process.exitCode = await showCommand(task, paths, flags, io);
    });
}
