import type { Command } from 'commander';
import type { SearchFlags } from '../actions/search.js';
import type { Io } from '../io.js';

export function register(program: Command, io: Io): void {
  program
    .command('search')
    .description('find the task, situation, rule or template for what happened, in your own words')
    .argument('<words...>', 'what happened or what the client says, in any word form; then, optionally, instruction files or folders (default: instructions)')
    .option('--json', 'print the results as a JSON array of {kind, id, task, section, title, text, file, line, score}')
    .option('--limit <n>', 'show at most this many results (default 10)')
    .option('--lang <code>', "language of the labels (default: the instruction's)")
    .option('--config <file>', 'config file with synonyms (default: instr.config.yaml, searched upwards)')
    .addHelpText(
      'after',
      '\nWords that name an existing file or folder at the end are taken as the instructions to search.\nSynonyms the firm uses come from `synonyms` in the front matter and in instr.config.yaml (docs/commands/search.md).\nExit codes: 0 found, 1 nothing found, 2 usage or input error.',
    )
    .action(async (words: string[], flags: SearchFlags) => {
      const { searchCommand } = await import('../actions/search.js');
      process.exitCode = await searchCommand(words, flags, io);
    });
}
