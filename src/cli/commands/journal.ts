import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { JournalMigrateFlags, JournalPushFlags } from '../actions/journal.js';

export function register(program: Command, io: Io): void {
  const journal = program.command('journal').description("the team journal on a PostgreSQL server: upload this machine's runs, set up the tables");
  journal
    .command('push')
    .description('upload what this machine recorded and the server does not have yet (in order, each event once); --from imports a whole journal file')
    .option('--from <file>', 'a journal file to import (e.g. a .instr/journal.jsonl from before the server)')
    .option('--journal <url>', 'the server (default: $INSTR_JOURNAL, else journal: in instr.config.yaml)')
    .option('--json', 'print the counts as JSON')
    .option('--lang <code>', 'language of what is said (ru, en; default: the instructions in ./instructions, else the locale)')
    .addHelpText(
      'after',
      '\nExit codes: 0 everything is on the server; 1 the upload stopped midway (run it again: nothing is sent twice); 2 no server configured or unreachable.',
    )
    .action(async (flags: JournalPushFlags) => {
      const { journalPushCommand } = await import('../actions/journal.js');
      process.exitCode = await journalPushCommand(flags, io);
    });
  journal
    .command('migrate')
    .description(
      "create or update the journal's tables (done on first use anyway; run it once as the database owner when instr connects with a role that may only insert and read)",
    )
    .option('--journal <url>', 'the server (default: $INSTR_JOURNAL, else journal: in instr.config.yaml)')
    .option('--lang <code>', 'language of what is said (ru, en; default: the instructions in ./instructions, else the locale)')
    .action(async (flags: JournalMigrateFlags) => {
      const { journalMigrateCommand } = await import('../actions/journal.js');
      process.exitCode = await journalMigrateCommand(flags, io);
    });
}
