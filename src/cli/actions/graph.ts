import { UsageError } from '../usage-error.js';
import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { indexGraph } from '../../graph/query.js';
import type { Task } from '../../graph/types.js';
import { toDot } from '../../render/dot.js';
import { buildFlowchart } from '../../render/flowchart.js';
import { toMermaid } from '../../render/mermaid.js';
import { exitCodes } from '../errors.js';
import type { Io } from '../io.js';
import { loadInstructions } from '../load.js';
import { resolveTask } from '../resolve-task.js';

export interface GraphFlags {
  format: 'mermaid' | 'dot';
  out?: string;
  lang?: string;
}

/**
 * `instr graph [task] [paths]`: one task, or every task (one subgraph each, jumps as dashed
 * edges between them). A first argument that names an existing file or folder is a path, not a task.
 */
export async function graphCommand(query: string | undefined, paths: string[], flags: GraphFlags, io: Io): Promise<number> {
  let taskQuery = query;
  let given = paths;
  if (query !== undefined && (await stat(resolve(io.cwd, query)).catch(() => undefined))) {
    taskQuery = undefined;
    given = [query, ...paths];
  }
  const { graph } = await loadInstructions(given.length ? given : ['instructions'], io);
  const index = indexGraph(graph);
  let tasks: Task[] = graph.tasks;
  if (taskQuery !== undefined) {
    tasks = [resolveTask(graph, taskQuery, flags.lang)];
  }
  const chart = buildFlowchart(index, tasks, flags.lang);
  const text = flags.format === 'dot' ? toDot(chart) : toMermaid(chart);
  if (flags.out) {
    const target = resolve(io.cwd, flags.out);
    try {
      await writeFile(target, text);
    } catch (error) {
      throw new UsageError((t) => t.cannotWrite(flags.out ?? '', error));
    }
  } else io.out(text);
  return exitCodes.ok;
}
