/**
 * Scenario files as schemas/scenario.schema.json describes them (the loader validates with the
 * schema before it trusts the data as these types), and what a scenario becomes once it is bound
 * to a graph.
 */
import type { Node } from '../graph/types.js';
import type { FailureCode, FailureParams } from './failure-text.js';
import type { Expect } from './scenario-file-types.js';
import type { RunStatus as RunStatusWord } from '../journal/run-status.js';

import type { Answer } from './scenario-file-types.js';
export type AnswerValue = Answer;
export type { Scenario as ScenarioSpec, ScenarioFile as ScenarioFileSpec } from './scenario-file-types.js';

/** How a run ends, as a scenario expects it: the journal's statuses a scripted run can end in. */
type RunStatus = NonNullable<Expect['status']> & RunStatusWord;
// The scenario schema names statuses of the one vocabulary (journal/run-status.ts), no others.
const schemaStatusesAreRunStatuses: NonNullable<Expect['status']> extends RunStatusWord ? true : never = true;
void schemaStatusesAreRunStatuses;

/** A place in a scenario file, for messages. */
export interface Where {
  file: string;
  line: number;
  column: number;
}

/** An answer key of a scenario, bound to the nodes it names. */
export interface BoundAnswer {
  key: string;
  values: AnswerValue[];
  nodes: Set<string>;
  where: Where;
}

/** An expected path entry, bound to the nodes it can match. */
export interface PathEntry {
  text: string;
  nodes: Set<string>;
  where: Where;
}

/** A scenario checked against the graph, ready to run. */
export interface BoundScenario {
  name: string;
  file: string;
  where: Where;
  task: string;
  /** The zone the instruction's times are in (the task's document). */
  zone?: string;
  /** When the run starts, as written (`now:`); the suite's start when left out. */
  now?: string;
  answers: BoundAnswer[];
  expect: {
    promises?: Array<{ text: string; nodes: Set<string>; state?: string; due?: string; where: Where }>;
    status?: RunStatus;
    outcome?: string;
    path?: PathEntry[];
    includes?: PathEntry[];
    excludes?: PathEntry[];
  };
}

/** What happened when a scenario ran. */
export interface ScenarioRun {
  status: RunStatus | 'stuck';
  outcome: string | null;
  /** Nodes visited, in order (jumps left out), ending with the end node when there is one. */
  visited: Node[];
  /** Decision options chosen: `decisionId\u0000optionId`. */
  chosen: Set<string>;
  /** How many times each answer of the scenario was used, by key. */
  used: Map<string, number>;
  /** Why the run could not go on, when status is 'stuck'. */
  stuck?: { code: FailureCode; params: FailureParams };
  /** The prompt it stopped at, when status is 'stuck'. */
  stuckAt?: Node;
  /** The scenario's clock when it ended (ms since epoch). */
  endedAt: number;
  /** The promises the run made, and where each stands at `endedAt`. */
  promises: Array<{ node: string; due: number | null; state: string }>;
}

export interface Failure {
  code: FailureCode;
  params: FailureParams;
  /** The instruction node concerned, as file:line. */
  at?: string;
  /** The scenario line concerned. */
  where?: Where;
}

export interface ScenarioResult {
  scenario: BoundScenario;
  run: ScenarioRun;
  failures: Failure[];
}
