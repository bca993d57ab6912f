/**
 * The journal's record format: JSON Lines, one event per line, appended and flushed (fsync)
 * before the next prompt. A run's state is the fold of its events, so a run can be resumed from
 * the journal alone, and `instr report` reads the same file. A torn record (a crash mid-write) is
 * skipped and reported as torn, never fatal; the next writer ends its line, so it may sit mid-file.
 *
 * Every record: { v: 1, run, seq, at, type, ... }.  `seq` counts 0, 1, 2… within a run.
 */
export const JOURNAL_VERSION = 1;

interface Base {
  v: 1;
  /** Run id: unique, sortable (time-based). */
  run: string;
  /** 0-based position of the event within its run; a duplicate seq is ignored by readers. */
  seq: number;
  /** ISO 8601 timestamp with time zone offset or Z. */
  at: string;
}

export interface StartEvent extends Base {
  type: 'start';
  task: string;
  title: string;
  file: string;
  lang: string;
  /** Who ran it (OS user name unless --user). */
  user: string;
  /** The instruction's git revision when the folder is in a clean git tree, else null. */
  revision: string | null;
  /** sha256 over the compiled files' hashes: tells whether the instruction changed since. */
  contentHash: string;
  /** Scripted (--answers) runs are journaled too but marked. */
  scripted: boolean;
  /** What the run is about, as the user said (`--about`, or asked at the start): «ООО Ромашка, акт сверки». */
  about?: string;
  /** The run this one forks: the same run continued on two machines offline (postgres/fork.ts). */
  forkOf?: string;
  /** The fork's records are this machine's from this position of `forkOf` on. */
  forkedAt?: number;
}

/** A step done or skipped (skip needs a reason). */
interface StepEvent extends Base {
  type: 'step';
  node: string;
  action: 'done' | 'skip';
  reason?: string;
}

/** "This step is unclear": the friend's question. The run goes on at the same step. */
interface UnclearEvent extends Base {
  type: 'unclear';
  node: string;
  note: string;
}

interface DecisionEvent extends Base {
  type: 'decision';
  node: string;
  option: string;
  label: string;
}

interface JumpEvent extends Base {
  type: 'jump';
  node: string;
  target: string;
  return: boolean;
}

interface EscalationEvent extends Base {
  type: 'escalation';
  node: string;
  role: string;
}

interface CheckpointEvent extends Base {
  type: 'checkpoint';
  node: string;
  confirmed: boolean;
  value?: string;
}

/** The run is suspended until the event happens; deadline / timeout as absolute ISO times. */
interface WaitEvent extends Base {
  type: 'wait';
  node: string;
  event: string;
  timeoutAt?: string;
  deadlineAfterEvent?: string;
}

/**
 * The awaited event happened; `happenedAt` when the user said it happened earlier than the answer
 * (the record's `at`); `deadlineAt` is when what follows must be done, counted from the event.
 */
interface ResumeEvent extends Base {
  type: 'resume';
  node: string;
  happenedAt?: string;
  deadlineAt?: string;
}

/** The wait's time ran out and its timeout steps were taken; their flow comes back to the wait. */
interface TimeoutEvent extends Base {
  type: 'timeout';
  node: string;
}

/**
 * A promise to a client (a `::promise` step): `made` when the step is done, with `due` (ISO, in
 * working time by the calendar); `kept` when the run passed the step that keeps it (`by: step`),
 * ended done (`by: end`), the user said so in the run (`by: answer`: the menu or the answers file)
 * or afterwards (`by: hand`: `instr promise kept`, appended after the run's last record, even
 * after its end); `withdrawn` when the run went back before the promise step.
 */
interface PromiseEvent extends Base {
  type: 'promise';
  node: string;
  state: 'made' | 'kept' | 'withdrawn';
  text?: string;
  due?: string;
  by?: 'step' | 'end' | 'answer' | 'hand';
  /** `by: step`: the node whose passing kept it (a step or a wait its `kept` names). */
  step?: string;
  /** `by: hand`: who said it was kept, and what they noted («позвонила, клиент согласен»). */
  user?: string;
  note?: string;
}

/** Undo back to an earlier node. */
interface BackEvent extends Base {
  type: 'back';
  to: string;
}

/** The user paused (or the process was interrupted) at a node; resumable. */
interface PauseEvent extends Base {
  type: 'pause';
  node: string;
  /** When to pick the run up again (ISO), when the user said; the agenda shows it then. */
  until?: string;
}

/** "This situation is not in the instruction": captured as an inbox draft. */
interface NotCoveredEvent extends Base {
  type: 'not-covered';
  node: string | null;
  description: string;
  action: string;
  /** Path of the inbox draft written, relative to the instructions root. */
  draft: string;
  /** Who decided what to do, and how it ended (the firm's gap procedure asks for both). */
  decidedBy?: string;
  result?: string;
}

/**
 * A question of this run ("unclear", its `seq` in `question`) answered for the inbox: appended
 * after the run's other records, never changing them. Not part of the run's flow: folds, replays
 * and the run's last activity leave it out.
 */
interface AnsweredEvent extends Base {
  type: 'answered';
  question: number;
  node: string;
  answer: string;
  /** Who answered. */
  user: string;
}

/** How a run ended (the `status` of an `end` record); part of the run-status vocabulary (run-status.ts). */
export type EndStatus = 'done' | 'cancelled' | 'failed';

interface EndEvent extends Base {
  type: 'end';
  node: string | null;
  status: EndStatus;
  outcome: string;
  durationMs: number;
  /** The run ended at a situation the instruction does not cover (see the not-covered event before it). */
  notCovered?: true;
  /**
   * `hand`: the person closed the run themselves (`instr run --cancel RUN`), with `status:
   * "cancelled"`, appended after the run's last record; `reason` and `user` are theirs. An older
   * `instr` reads it as any cancelled end.
   */
  by?: 'hand';
  reason?: string;
  user?: string;
}

/** The user abandoned a suspended run (instr run --resume → discard). */
interface AbandonEvent extends Base {
  type: 'abandon';
  reason?: string;
}

export type JournalEvent =
  | StartEvent
  | StepEvent
  | UnclearEvent
  | DecisionEvent
  | JumpEvent
  | EscalationEvent
  | CheckpointEvent
  | WaitEvent
  | ResumeEvent
  | TimeoutEvent
  | PromiseEvent
  | BackEvent
  | PauseEvent
  | NotCoveredEvent
  | EndEvent
  | AbandonEvent
  | AnsweredEvent;
