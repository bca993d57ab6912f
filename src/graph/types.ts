/**
 * The graph's public types. They are generated from schemas/graph.schema.json (see
 * scripts/gen-types.mjs), so the JSON Schema that ajv checks and the TypeScript types cannot drift.
 */
export type {
  Graph,
  Document,
  Section,
  Block,
  Task,
  Schedule,
  Review,
  Role,
  Comment,
  Link,
  Position,
  Node,
  StepNode,
  DecisionNode,
  Option,
  JumpNode,
  EndNode,
  EscalationNode,
  CheckpointNode,
  WaitNode,
} from './schema-types.js';

import type { Node } from './schema-types.js';

export type NodeKind = Node['kind'];
export const GRAPH_FORMAT = 'instr-graph';
export const GRAPH_VERSION = 1;
