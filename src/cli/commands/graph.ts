import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import type { GraphFlags } from '../actions/graph.js';

export function register(program: Command, io: Io): void {
  program
    .command('graph')
    .description('draw a task (or every task) as a Mermaid flowchart or a Graphviz DOT graph')
    .argument('[task]', 'task id or words of its title; omit (or give a path instead) for every task')
    .argument('[paths...]', 'instruction files or folders (default: instructions)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['mermaid', 'dot']).default('mermaid'))
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--lang <code>', "language of the labels (default: the instruction's)")
    .addHelpText(
      'after',
      '\nExamples:\n  instr graph request                 Mermaid flowchart of one task\n  instr graph --format dot            every task, Graphviz (dot -Tsvg)\n  instr graph request -o request.mmd',
    )
    .action(async (task: string | undefined, paths: string[], flags: GraphFlags) => {
      const { graphCommand } = await import('../actions/graph.js');
      process.exitCode = await graphCommand(task, paths, flags, io);
    });
}
