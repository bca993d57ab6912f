import type { NodeKind } from '../graph/types.js';

/** The result of `instr diff`, also its JSON output (see docs/commands/diff.md). */
export interface GraphDiff {
  format: 'instr-diff';
  version: 1;
  base: Side;
  head: Side;
  /** True when anything differs. */
  changed: boolean;
  summary: Summary;
  documents: DocumentChange[];
  tasks: TaskChange[];
}

export interface Side {
  /** What was compared: a revision, `working tree`, or a folder. */
  label: string;
  /** The commit, for a revision. */
  commit?: string;
}

interface Summary {
  tasksAdded: number;
  tasksRemoved: number;
  tasksChanged: number;
  documentsChanged: number;
  nodesAdded: number;
  nodesRemoved: number;
  nodesChanged: number;
  pathsChanged: number;
}

type Status = 'added' | 'removed' | 'changed';

/** A value that changed; `before` absent = added, `after` absent = removed. */
export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

export interface DocumentChange {
  id: string;
  file: string;
  status: Status;
  title: string;
  fields: FieldChange[];
}

export interface TaskChange {
  id: string;
  status: Status;
  kind: 'task' | 'situation';
  title: string;
  file: string;
  line: number;
  /** Set when the title changed (a rename: same id). */
  beforeTitle?: string;
  /** Set when the task moved to another file. */
  beforeFile?: string;
  fields: FieldChange[];
  nodes: NodeChange[];
  paths: PathChange[];
  /** Path enumeration hit its limit on either side; `paths` may be incomplete. */
  pathsCapped: boolean;
}

export interface NodeRef {
  id: string;
  kind: NodeKind;
  /** What the node says (a step's text, a decision's question, an end's outcome …). */
  text: string;
  line: number;
}

export interface NodeChange {
  status: Status;
  /** Of the node after the change, or of the removed node. */
  kind: NodeKind;
  before?: NodeRef;
  after?: NodeRef;
  /** The node is in a different place in the flow. */
  moved?: boolean;
  /** Word-level diff of the node's text, when it was reworded. */
  text?: TextPart[];
  fields: FieldChange[];
  options: OptionChange[];
}

export interface TextPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export interface OptionChange {
  status: 'added' | 'removed' | 'relabelled';
  before?: string;
  after?: string;
}

interface PathStep {
  question: string;
  /** The option chosen; several when the change is the same whichever of them is chosen. */
  answers: string[];
}

/** Where a path leads, in words a reader compares. */
export type PathOutcome =
  | { kind: 'end'; outcome: string; status: string }
  | { kind: 'jump'; target: string; title?: string }
  | { kind: 'done' }
  | { kind: 'loop'; text: string };

export interface PathChange {
  status: Status;
  answers: PathStep[];
  before?: PathOutcome;
  after?: PathOutcome;
}
