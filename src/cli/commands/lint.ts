import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { LintFlags } from '../actions/lint.js';

export function register(program: Command, io: Io): void {
  program
    .command('lint')
    .description('check instructions: broken flow, vague wording, placeholders, missing sections, stale reviews, broken links')
    .argument('[paths...]', 'instruction files or folders', ['instructions'])
    .option('-f, --format <format>', 'output format: stylish, json, github (workflow annotations) or sarif (code scanning)', 'stylish')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (e.g. 0 in CI)')
    .option(
      '--rule <id>',
      'run only this rule (repeatable); compiler errors are always reported',
      (value: string, list: string[]) => [...list, value],
      [] as string[],
    )
    .option('--today <date>', 'the day to judge review dates and inbox drafts by, as YYYY-MM-DD (default: today, UTC)')
    .option('-c, --config <file>', 'config file (default: instr.config.yaml found upward from the working directory)')
    .option('-q, --quiet', 'report errors only, not warnings')
    .option('--max-file-size <size>', 'largest instruction file accepted (default 5MB)')
    .option('--lang <code>', "language of the messages, ru or en (default: each instruction's own)")
    .addHelpText(
      'after',
      '\nExit codes: 0 clean, 1 errors (or more warnings than --max-warnings), 2 usage, config or input errors.\nRules and the config file: docs/commands/lint.md, docs/rules/',
    )
    .action(async (paths: string[], flags: LintFlags) => {
      const { lintCommand } = await import('../actions/lint.js');
      process.exitCode = await lintCommand(paths, flags, io);
    });
}
