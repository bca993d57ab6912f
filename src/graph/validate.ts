import { schemaValidator } from './schema-validator.js';
import type { Graph } from './types.js';

/** Checks a graph against schemas/graph.schema.json; returns readable problems (empty when valid). */
export function validateGraph(graph: Graph): string[] {
  const validate = schemaValidator('graph');
  if (validate(graph)) return [];
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
