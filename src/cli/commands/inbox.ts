import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { InboxFlags } from '../actions/inbox.js';

export function register(program: Command, io: Io): void {
  program
    .command('inbox')
    .description(
      'list the situations captured during runs as not covered by the instructions (drafts in <instructions>/inbox/) and the open questions noted as unclear (from the journal), oldest first; `inbox show ID` prints one whole; `inbox answer Q-ID --note TEXT` answers a question',
    )
    .argument(
      '[paths...]',
      'instruction files or folders; `inbox show ID [paths…]` prints one draft or question whole; `inbox answer Q-ID [paths…] --note TEXT` marks a question answered',
      ['instructions'],
    )
    .option('--format <format>', 'text or json', 'text')
    .option('--json', 'same as --format json')
    .option('--lang <code>', "language of the labels (default: the instruction's)")
    .option('--all', 'also the questions already answered, with their answers')
    .option('--note <text>', '`inbox answer`: the answer (kept in the journal; the question is then closed)')
    .option('--user <name>', '`inbox answer`: who answers (default: the OS user name)')
    .option('--journal <file>', 'with a postgres:// URL (or $INSTR_JOURNAL, journal: in instr.config.yaml), also the captures of every other machine')
    .action(async (paths: string[], flags: InboxFlags) => {
      const { inboxCommand } = await import('../actions/inbox.js');
      process.exitCode = await inboxCommand(paths, flags, io);
    });
}
