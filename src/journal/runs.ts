import type { JournalEvent } from './events.js';
import { isOpenStatus, nextStatus, type RunStatus } from './run-status.js';

interface PendingWait {
  node: string;
  event: string;
  /** When the run started waiting (ms since epoch). */
  since: number;
  /** When to chase the event, ms since epoch. */
  timeoutAt?: number;
}

/** A run folded from its events: only what the agenda and the report need, to keep memory low. */
export interface RunRecord {
  run: string;
  task: string | null;
  title: string;
  file: string;
  lang: string;
  user: string;
  scripted: boolean;
  /** What the run is about (its subject), when the user gave one. */
  about?: string;
  startedAt: number | null;
  /** Time of the latest event (ms since epoch); `finishRuns` sets it from `lastAtText`. */
  lastAt: number;
  lastAtText: string;
  state: RunStatus;
  /** Node of the latest event that names one. */
  node: string | null;
  endedAt?: number;
  durationMs?: number;
  outcome?: string;
  wait?: PendingWait;
  /** What follows an awaited event must be done by then (from `resume`), ms since epoch. */
  deadlineAt?: number;
  /** The awaited event that deadline runs from. */
  deadlineEvent?: string;
  skips?: Array<{ node: string; reason: string }>;
  unclear?: Array<{ node: string; note: string }>;
  /** Latest answer per checkpoint node. */
  checkpoints?: Array<{ node: string; confirmed: boolean }>;
  notCovered?: number;
  /** Situations captured as not covered by the instruction, in journal order. */
  gaps?: Array<{ node: string | null; description: string; decidedBy?: string; at: string }>;
  /** The run ended at a situation the instruction does not cover. */
  endedNotCovered?: true;
  /** A paused run: when the user said to pick it up again, ms since epoch. */
  pausedUntil?: number;
  /** Waits whose event came after their chase time (or never came before the run ended). */
  missedWaits?: MissedWait[];
  /** Promises made to clients during the run, in the order made. */
  promises?: JournalPromise[];
  /** This run forks another: both were continued on two machines offline (postgres/fork.ts). */
  forkOf?: { run: string; seq: number };
}

/** A promise as the journal has it; its state at a moment is promiseState() of run/promises.ts. */
export interface JournalPromise {
  node: string;
  text: string;
  madeAt: number;
  /** ms since epoch; null when the journal has no due time for it. */
  due: number | null;
  keptAt?: number;
  /** How it was kept (see the promise record); `hand`: `instr promise kept`, with its note. */
  keptBy?: 'step' | 'end' | 'answer' | 'hand';
  /** `keptBy: step`: the node whose passing kept it. */
  keptStep?: string;
  note?: string;
  /** The run ended cancelled, failed or abandoned before it was kept. */
  dropped?: true;
}

interface MissedWait {
  node: string;
  event: string;
  /** When it should have been chased, ms since epoch. */
  timeoutAt: number;
  /** When the event happened (as the user said), ms since epoch; null: the run ended without it. */
  happenedAt: number | null;
}

/** Folds events (in journal order, duplicates already dropped) into runs. */
export class RunFolder {
  readonly runs = new Map<string, RunRecord>();

  add = (e: JournalEvent): void => {
    // an answer to one of the run's questions, given later in the inbox: not something the run did
    if (e.type === 'answered') return;
    let r = this.runs.get(e.run);
    if (!r) {
      r = {
        run: e.run,
        task: null,
        title: '',
        file: '',
        lang: 'en',
        user: '',
        scripted: false,
        startedAt: null,
        lastAt: Number.NaN,
        lastAtText: e.at,
        state: 'active',
        node: null,
      };
      this.runs.set(e.run, r);
    }
    // Parsing every timestamp is a third of the fold's time; the latest is parsed when read.
    r.lastAtText = e.at;
    if ('node' in e && typeof e.node === 'string') r.node = e.node;
    const was = r.state;
    const waitedFor = r.wait?.event ?? '';
    const pending = r.wait;
    r.state = nextStatus(was, e);
    if (r.wait !== undefined && r.state !== 'waiting') delete r.wait;
    if (r.pausedUntil !== undefined && r.state !== 'paused') delete r.pausedUntil;
    if (e.type === 'step' && e.action === 'done') return;
    const at = Date.parse(e.at);
    if (r.promises && (e.type === 'abandon' || (e.type === 'end' && e.status !== 'done' && isOpenStatus(was))))
      for (const p of r.promises) if (p.keptAt === undefined) p.dropped = true;
    switch (e.type) {
      case 'start':
        r.task = String(e.task);
        r.title = String(e.title ?? '');
        r.file = String(e.file ?? '');
        r.lang = String(e.lang ?? 'en');
        r.user = String(e.user ?? '');
        r.scripted = e.scripted === true;
        if (typeof e.about === 'string' && e.about) r.about = e.about;
        if (typeof e.forkOf === 'string' && Number.isInteger(e.forkedAt)) r.forkOf = { run: e.forkOf, seq: e.forkedAt! };
        r.startedAt = Number.isFinite(at) ? at : null;
        return;
      case 'wait': {
        if (r.state !== 'waiting') return;
        const timeoutAt = e.timeoutAt ? Date.parse(e.timeoutAt) : Number.NaN;
        r.wait = { node: String(e.node), event: String(e.event ?? ''), since: at, ...(Number.isFinite(timeoutAt) ? { timeoutAt } : {}) };
        return;
      }
      case 'resume': {
        if (!isOpenStatus(was)) return;
        const happened = typeof e.happenedAt === 'string' && Number.isFinite(Date.parse(e.happenedAt)) ? Date.parse(e.happenedAt) : at;
        if (pending?.timeoutAt !== undefined && happened > pending.timeoutAt) {
          (r.missedWaits ??= []).push({ node: pending.node, event: pending.event, timeoutAt: pending.timeoutAt, happenedAt: happened });
        }
        const deadlineAt = e.deadlineAt ? Date.parse(e.deadlineAt) : Number.NaN;
        if (Number.isFinite(deadlineAt)) {
          r.deadlineAt = deadlineAt;
          r.deadlineEvent = waitedFor;
        }
        return;
      }
      case 'end':
        if (!isOpenStatus(was)) return;
        r.endedAt = at;
        if (typeof e.durationMs === 'number' && Number.isFinite(e.durationMs)) r.durationMs = e.durationMs;
        else if (r.startedAt !== null) r.durationMs = at - r.startedAt;
        r.outcome = String(e.outcome ?? '');
        if (e.notCovered === true) r.endedNotCovered = true;
        return;
      case 'step':
        if (e.action === 'skip') (r.skips ??= []).push({ node: String(e.node), reason: String(e.reason ?? '') });
        return;
      case 'unclear':
        (r.unclear ??= []).push({ node: String(e.node), note: String(e.note ?? '') });
        return;
      case 'checkpoint': {
        const list = (r.checkpoints ??= []);
        const found = list.find((c) => c.node === e.node);
        if (found) found.confirmed = e.confirmed === true;
        else list.push({ node: String(e.node), confirmed: e.confirmed === true });
        return;
      }
      case 'not-covered':
        r.notCovered = (r.notCovered ?? 0) + 1;
        (r.gaps ??= []).push({
          node: typeof e.node === 'string' ? e.node : null,
          description: String(e.description ?? ''),
          ...(typeof e.decidedBy === 'string' && e.decidedBy ? { decidedBy: e.decidedBy } : {}),
          at: e.at,
        });
        return;
      case 'pause': {
        const until = typeof e.until === 'string' ? Date.parse(e.until) : Number.NaN;
        if (r.state === 'paused' && Number.isFinite(until)) r.pausedUntil = until;
        return;
      }
      case 'promise': {
        const list = (r.promises ??= []);
        const open = list.findIndex((p) => p.node === e.node && p.keptAt === undefined && !p.dropped);
        if (e.state === 'made') {
          const due = typeof e.due === 'string' ? Date.parse(e.due) : Number.NaN;
          if (open >= 0) list.splice(open, 1);
          list.push({ node: String(e.node), text: String(e.text ?? ''), madeAt: at, due: Number.isFinite(due) ? due : null });
        } else if (open >= 0 && e.state === 'kept') {
          const p = list[open]!;
          p.keptAt = at;
          if (e.by !== undefined) p.keptBy = e.by;
          if (typeof e.step === 'string' && e.step) p.keptStep = e.step;
          if (typeof e.note === 'string' && e.note) p.note = e.note;
        } else if (open >= 0 && e.state === 'withdrawn') list.splice(open, 1);
        return;
      }
      case 'timeout':
        // The time ran out and the timeout steps were taken: the wait was chased as the instruction
        // says, and it is closed, not overdue (friend test: it stayed under «Просроченные ожидания»
        // for ever). The wait the flow comes back to is journaled anew with its own chase time.
        return;
      case 'abandon':
        if (pending?.timeoutAt !== undefined && at > pending.timeoutAt)
          (r.missedWaits ??= []).push({ node: pending.node, event: pending.event, timeoutAt: pending.timeoutAt, happenedAt: null });
        return;
    }
  };
}

/** Sets each run's `lastAt` from the text of its latest event. */
export function finishRuns(runs: Map<string, RunRecord>): Map<string, RunRecord> {
  for (const r of runs.values()) {
    const at = Date.parse(r.lastAtText);
    r.lastAt = Number.isFinite(at) ? at : (r.startedAt ?? 0);
  }
  return runs;
}
