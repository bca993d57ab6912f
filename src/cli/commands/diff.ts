import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import type { DiffFlags } from '../actions/diff.js';

export function register(program: Command, io: Io): void {
  program
    .command('diff')
    .description('what a change to the instructions really changes: tasks, steps, options, jumps, paths')
    .argument('[base]', 'git revision to compare from (default HEAD), or the old folder', undefined)
    .argument('[head]', 'git revision to compare to (default: the working tree), or the new folder', undefined)
    .option('--path <folder>', 'the instructions folder (or file) inside the repository', 'instructions')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--exit-code', 'exit 1 when there are changes (like git diff --exit-code)')
    .option('--lang <code>', "language of the output (default: the instruction's)")
    .addHelpText(
      'after',
      '\nExamples:\n  instr diff main                     working tree against a revision\n  instr diff v1.2 HEAD                two revisions\n  instr diff old/ new/                two folders, without git\n  instr diff main --format markdown   a pull-request comment with Mermaid diagrams\n\nExit codes: 0 compared (changes or not; 1 with --exit-code when there are changes), 2 unknown revision, folder outside a repository, or bad usage.',
    )
    .action(async (base: string | undefined, head: string | undefined, flags: DiffFlags) => {
      const { diffCommand } = await import('../actions/diff.js');
      process.exitCode = await diffCommand(base, head, flags, io);
    });
}
