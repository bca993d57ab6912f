import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Graph } from '../graph/types.js';
import { validateGraph } from '../graph/validate.js';
import type { FileResult } from './compile-file.js';
import { linkFiles } from './link.js';

/** Links compiled files into a graph and checks it against schemas/graph.schema.json. */
export function linkSources(results: FileResult[]): { graph: Graph; diagnostics: Diagnostic[] } {
  const { graph, diagnostics } = linkFiles(results);
  for (const problem of validateGraph(graph)) {
    diagnostics.push({
      file: '',
      line: 1,
      column: 1,
      rule: 'graph-schema',
      severity: 'error',
      message: `Internal error: the compiled graph does not match schemas/graph.schema.json (${problem}); please report it`,
      source: 'compile',
    });
  }
  return { graph, diagnostics };
}
