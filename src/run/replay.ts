/**
 * Resume = replay: a run's state is the fold of its journal events through the engine. A run
 * whose instruction changed since it started replays only when every node it went through still
 * exists and the answers still fit; otherwise it is refused with the reason.
 */
import type { Graph } from '../graph/types.js';
import type { JournalEvent, StartEvent } from '../journal/events.js';
import { applyAnswer, cancelRun, endNotCovered, startRun, type Answer, type RunState } from './engine.js';

export type Replay = { ok: true; state: RunState; start: StartEvent } | { ok: false; error: string };

/** The answer an event records, or null for events that only inform (jumps, waits, pauses, ends…). */
function answerOf(event: JournalEvent): Answer | null {
  switch (event.type) {
    case 'step':
      return event.action === 'skip' ? { type: 'skip', reason: event.reason ?? '' } : { type: 'done' };
    case 'unclear':
      return { type: 'unclear', note: event.note };
    case 'decision':
      return { type: 'choose', option: event.option };
    case 'checkpoint':
      return event.value === undefined ? { type: 'confirm', confirmed: event.confirmed } : { type: 'confirm', confirmed: event.confirmed, value: event.value };
    case 'escalation':
      return { type: 'ack' };
    case 'resume':
      return typeof event.happenedAt === 'string' ? { type: 'arrived', at: event.happenedAt } : { type: 'arrived' };
    case 'timeout':
      return { type: 'timeout' };
    case 'back':
      return { type: 'back', to: event.to };
    default:
      return null;
  }
}

/** Every node a run's events name (for "does the changed instruction still have them?"). */
function nodesOf(events: JournalEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    if ('node' in e && typeof e.node === 'string') ids.add(e.node);
    if (e.type === 'back') ids.add(e.to);
  }
  return [...ids];
}

export function replayRun(graph: Graph, events: JournalEvent[]): Replay {
  const start = events[0];
  if (!start || start.type !== 'start') return { ok: false, error: 'the journal has no start record for this run' };
  const missing = nodesOf(events).filter((id) => !Object.hasOwn(graph.nodes, id));
  if (!graph.tasks.some((t) => t.id === start.task)) return { ok: false, error: `the task "${start.task}" is no longer in the instructions` };
  if (missing.length > 0)
    return {
      ok: false,
      error: `the instruction no longer has ${missing.length === 1 ? 'the step' : 'the steps'} ${missing.map((m) => `"${m}"`).join(', ')} this run went through`,
    };
  let state = startRun(graph, start.task, start.at);
  for (const event of events.slice(1)) {
    if (event.type === 'abandon') {
      state = cancelRun(state, event.reason ?? 'abandoned', event.at);
      continue;
    }
    if (event.type === 'end' && event.notCovered) {
      state = endNotCovered(graph, state, event.outcome, event.at);
      continue;
    }
    const answer = answerOf(event);
    if (!answer) continue;
    if (answer.type !== 'back' && 'node' in event && event.node !== state.node) {
      return { ok: false, error: `the run was at "${event.node}" but the instruction now leads to "${state.node ?? 'the end'}"` };
    }
    const result = applyAnswer(graph, state, answer, event.at);
    if (!result.ok) return { ok: false, error: `record ${event.seq} (${event.type}) no longer fits the instruction: ${result.error}` };
    state = result.state;
  }
  return { ok: true, state, start };
}
