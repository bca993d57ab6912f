import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { TestFlags } from '../actions/test.js';

export function register(program: Command, io: Io): void {
  program
    .command('test')
    .description(
      'run the scenario files (answers → expected path and outcome) and report which decision options no scenario reaches; exit 1 when a scenario fails',
    )
    .argument('[paths...]', 'instruction files or folders, and scenario files (.yaml, .yml); scenarios default to <instructions>/scenarios/', ['instructions'])
    .option('--scenarios <dir>', 'folder of scenario files (default: scenarios/ in the instructions folder)')
    .option('--require-coverage', 'also exit 1 when a decision option is reached by no scenario')
    .option('--format <format>', 'output format: stylish or json', 'stylish')
    .option('-q, --quiet', 'leave out passing scenarios and the coverage table; keep failures and what is not covered')
    .option('--lang <code>', "language of the report (default: the instruction's)")
    .option(
      '--now <date-time>',
      "when scenarios without their own now: start, e.g. 2026-11-27T16:00 in the instruction's zone (default: $INSTR_NOW, else 2026-01-01T09:00Z)",
    )
    .option(
      '--suggest',
      'instead of the report, print a YAML scenario for each decision option no scenario reaches (check each expectation before you keep it)',
    )
    .action(async (paths: string[], flags: TestFlags) => {
      const { testCommand } = await import('../actions/test.js');
      process.exitCode = await testCommand(paths, flags, io);
    });
}
