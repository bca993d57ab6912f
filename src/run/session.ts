/**
 * A run in progress: the engine's state plus its journal. Every answer is applied by the engine
 * and then journaled (and fsynced) before the caller shows the next prompt. Shared by the
 * interactive UI and the scripted mode.
 */
import type { EndStatus } from '../journal/run-status.js';
import { WorkTimes } from '../calendar/work-times.js';
import { localDateTime } from '../schedule/zone.js';
import type { Graph } from '../graph/types.js';
import type { JournalEvent } from '../journal/events.js';
import type { EventBody, JournalWriter } from '../journal/writer.js';
import {
  applyAnswer,
  currentPrompt,
  endNotCovered,
  isFinished,
  runPromises,
  type Answer,
  type DueOf,
  type Prompt,
  type Result,
  type RunPromise,
  type RunState,
} from './engine.js';

export class RunSession {
  /** Promises the user said were kept (node → when, ISO): an answer outside the path. */
  readonly keptByAnswer = new Map<string, string>();

  constructor(
    readonly graph: Graph,
    public state: RunState,
    private readonly journal: JournalWriter | null,
    private readonly clock: () => Date = () => new Date(),
    readonly times: WorkTimes = new WorkTimes(graph),
  ) {}

  /** The moment answers are given at (the run's clock: --now fixes it). */
  now(): Date {
    return this.clock();
  }

  get runId(): string | null {
    return this.journal?.run ?? null;
  }

  prompt(): Prompt {
    return currentPrompt(this.graph, this.state);
  }

  /** Records an event that is not an answer (start, pause, not-covered, abandon). */
  record(body: EventBody, at: string = this.clock().toISOString()): JournalEvent | null {
    return this.journal ? this.journal.append(body, at) : null;
  }

  /** After start or resume: journal what the engine did on its own to reach the first prompt. */
  recordArrival(previousPathLength: number, wasWaitingAt: string | null = null): void {
    this.recordAutomatic(this.state, previousPathLength, wasWaitingAt, this.clock());
  }

  apply(answer: Answer): Result {
    const before = this.state;
    const now = this.clock();
    if (answer.type === 'timeout') answer = this.withTimeoutMoment(before, answer);
    const result = applyAnswer(this.graph, before, answer, now.toISOString());
    if (!result.ok) return result;
    const after = result.state;
    const body = answerEvent(this.graph, this.times, before, after, answer, now);
    if (body) this.record(body, now.toISOString());
    this.recordPromises(before, after, now.toISOString());
    this.state = after;
    const fromPath = answer.type === 'back' || answer.type === 'unclear' ? after.path.length : before.path.length + 1;
    this.recordAutomatic(after, fromPath, null, now);
    return result;
  }

  /** A timeout answer carries when the wait's time runs out (counted from when the run reached the wait). */
  private withTimeoutMoment(state: RunState, answer: Answer & { type: 'timeout' }): Answer {
    const prompt = currentPrompt(this.graph, state);
    if (prompt.kind !== 'wait' || !prompt.node.timeout) return answer;
    const file = prompt.node.position.file;
    const reached = Date.parse(state.path.at(-1)?.at ?? state.startedAt);
    const due = Number.isFinite(reached) ? this.times.due(file, reached, prompt.node.timeout) : null;
    if (due === null) return answer;
    return { ...answer, notBefore: { at: new Date(due).toISOString(), local: localDateTime(due, this.times.forFile(file).zone) } };
  }

  /** The run's promises now: made, kept or open (see run/promises.ts). */
  promises(): RunPromise[] {
    return runPromises(this.graph, this.state, this.dueOf, this.keptByAnswer);
  }

  /** The user says an open promise was kept (now, or at `at`, ISO): journaled, and it leaves the agenda. */
  keepPromise(node: string, at: string = this.clock().toISOString()): boolean {
    const open = this.promises().find((p) => p.node === node && !p.kept && !p.dropped);
    // kept before it was made: not this promise
    if (!open || at < open.madeAt) return false;
    this.keptByAnswer.set(node, at);
    this.record({ type: 'promise', node, state: 'kept', by: 'answer' }, at);
    return true;
  }

  private readonly dueOf: DueOf = (step, made) => (step.promise ? this.times.promiseDue(step.position.file, made, step.promise) : null);

  /** Journals the promises an answer made, kept or (going back) withdrew. */
  private recordPromises(before: RunState, after: RunState, at: string): void {
    const key = (p: RunPromise) => `${p.node}\u0000${p.madeAt}`;
    const was = new Map(runPromises(this.graph, before, this.dueOf, this.keptByAnswer).map((p) => [key(p), p]));
    const now = runPromises(this.graph, after, this.dueOf, this.keptByAnswer);
    const still = new Set(now.map(key));
    for (const p of was.values()) if (!still.has(key(p)) && !p.kept) this.record({ type: 'promise', node: p.node, state: 'withdrawn' }, at);
    for (const p of now) {
      const old = was.get(key(p));
      if (!old) {
        const body: EventBody = { type: 'promise', node: p.node, state: 'made', text: p.text };
        if (p.due !== null) body.due = new Date(p.due).toISOString();
        this.record(body, at);
      }
      if (p.kept && !old?.kept && p.kept.by !== 'answer')
        this.record({ type: 'promise', node: p.node, state: 'kept', by: p.kept.by, ...(p.kept.node !== undefined && { step: p.kept.node }) }, at);
    }
  }

  /** Ends the run at a situation the instruction does not cover (after its draft was captured). */
  endNotCovered(outcome: string): void {
    const now = this.clock().toISOString();
    const after = endNotCovered(this.graph, this.state, outcome, now);
    if (!isFinished(after) || isFinished(this.state)) return;
    this.state = after;
    const durationMs = Math.max(0, Date.parse(now) - Date.parse(after.startedAt));
    this.record({ type: 'end', node: null, status: 'cancelled', outcome, durationMs, notCovered: true }, now);
  }

  private recordAutomatic(state: RunState, fromPath: number, wasWaitingAt: string | null, now: Date): void {
    const at = now.toISOString();
    for (const entry of state.path.slice(fromPath)) {
      if (entry.kind === 'jump') this.record({ type: 'jump', node: entry.node, target: entry.target ?? '', return: entry.return ?? false }, at);
    }
    if (isFinished(state)) {
      const durationMs = Math.max(0, Date.parse(state.finishedAt ?? state.updatedAt) - Date.parse(state.startedAt));
      this.record({ type: 'end', node: state.endNode, status: state.status as EndStatus, outcome: state.outcome ?? '', durationMs }, at);
      return;
    }
    const prompt = currentPrompt(this.graph, state);
    if (prompt.kind === 'wait' && prompt.node.id !== wasWaitingAt) {
      const body: EventBody = { type: 'wait', node: prompt.node.id, event: prompt.node.event };
      const chase = prompt.node.timeout ? this.times.chase(prompt.node.position.file, now.getTime(), prompt.node.timeout) : null;
      if (chase !== null) body.timeoutAt = new Date(chase).toISOString();
      if (prompt.node.deadline) body.deadlineAfterEvent = prompt.node.deadline;
      this.record(body, at);
    }
  }
}

function answerEvent(graph: Graph, times: WorkTimes, before: RunState, after: RunState, answer: Answer, now: Date): EventBody | null {
  const node = before.node ?? '';
  switch (answer.type) {
    case 'done':
      return { type: 'step', node, action: 'done' };
    case 'skip':
      return { type: 'step', node, action: 'skip', reason: answer.reason.trim() };
    case 'unclear':
      return { type: 'unclear', node, note: answer.note.trim() };
    case 'choose': {
      const entry = after.path[before.path.length];
      return { type: 'decision', node, option: entry?.option ?? answer.option, label: entry?.answer ?? answer.option };
    }
    case 'confirm': {
      const value = answer.value?.trim();
      return value ? { type: 'checkpoint', node, confirmed: answer.confirmed, value } : { type: 'checkpoint', node, confirmed: answer.confirmed };
    }
    case 'ack': {
      const n = graph.nodes[node];
      return { type: 'escalation', node, role: n?.kind === 'escalation' ? n.role : '' };
    }
    case 'arrived': {
      const n = graph.nodes[node];
      const happened = after.path[before.path.length]?.happened;
      const from = happened !== undefined ? Date.parse(happened) : now.getTime();
      const deadline = n?.kind === 'wait' && n.deadline ? times.due(n.position.file, from, n.deadline) : null;
      const body: EventBody = { type: 'resume', node };
      if (happened !== undefined) body.happenedAt = happened;
      if (deadline !== null) body.deadlineAt = new Date(deadline).toISOString();
      return body;
    }
    case 'timeout':
      return { type: 'timeout', node };
    case 'back':
      return { type: 'back', to: after.node ?? '' };
  }
}
