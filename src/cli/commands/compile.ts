import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { CompileFlags } from '../actions/compile.js';

export function register(program: Command, io: Io): void {
  program
    .command('compile')
    .description('compile instructions into the decision graph (JSON); exit 1 when they have errors')
    .argument('[paths...]', 'instruction files or folders', ['instructions'])
    .option('-o, --out <file>', 'write the graph to a file instead of stdout')
    .option('-q, --quiet', 'only check; print nothing but problems')
    .option('--compact', 'JSON on one line')
    .option('--max-file-size <size>', 'largest instruction file accepted (default 5MB)')
    .action(async (paths: string[], flags: CompileFlags) => {
      const { compileCommand } = await import('../actions/compile.js');
      process.exitCode = await compileCommand(paths, flags, io);
    });
}
