import type { Heading, RootContent } from 'mdast';
import type { StepNode, Task } from '../graph/types.js';

export type Setter = (id: string | null) => void;

/** A flow being built: its first node, and the loose ends that the next node will take. */
export class Chain {
  entry: string | null = null;
  started = false;
  pending: Setter[] = [];
  lastStep: StepNode | null = null;
  /** Prose with no step to belong to (after a decision, a sub-heading): shown before the next node. */
  notes: RootContent[] = [];

  attach(id: string): void {
    if (!this.started) {
      this.entry = id;
      this.started = true;
    }
    for (const set of this.pending) set(id);
    this.pending = [];
  }
}

export interface TaskDraft {
  heading: Heading;
  task: Task;
  children: RootContent[];
  /** A task whose id is taken already: compiled only so that its problems are reported, then left out. */
  shadow?: true;
}
