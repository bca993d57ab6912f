/**
 * The one vocabulary of where a run stands, and the one rule that moves it: the report, the agenda,
 * `instr run --resume` and the run engine all speak it.
 */
import type { EndStatus, JournalEvent } from './events.js';
import { messages, type Messages } from '../i18n/messages.js';

export type { EndStatus };
/** A run that can still go on. */
export type OpenStatus = 'active' | 'waiting' | 'paused';
export type RunStatus = OpenStatus | EndStatus | 'abandoned';

export function isOpenStatus(status: RunStatus): status is OpenStatus {
  return status === 'active' || status === 'waiting' || status === 'paused';
}

/**
 * The status after one more event of the run. An ended or abandoned run stays so. Moving on
 * (a step, an answer, going back) makes a paused or waiting run active; a note (unclear, not
 * covered) picks up a paused run but leaves a wait waiting; a promise record (made with a step,
 * kept by hand) changes nothing.
 */
export function nextStatus(status: RunStatus, event: JournalEvent): RunStatus {
  if (!isOpenStatus(status)) return status;
  switch (event.type) {
    case 'start':
    case 'resume':
      return 'active';
    case 'wait':
      return 'waiting';
    case 'pause':
      return 'paused';
    case 'end':
      return event.status === 'cancelled' || event.status === 'failed' ? event.status : 'done';
    case 'abandon':
      return 'abandoned';
    case 'unclear':
    case 'not-covered':
      return status === 'paused' ? 'active' : status;
    // a promise kept (by hand, or in the menu at a wait) is not a step: a waiting run still waits
    case 'answered':
    case 'promise':
      return status;
    default:
      return 'active';
  }
}

/** Where a run stands after its events (in seq order). */
export function runStatus(events: Iterable<JournalEvent>): RunStatus {
  let status: RunStatus = 'active';
  for (const e of events) status = nextStatus(status, e);
  return status;
}

const wordKey: Record<RunStatus, keyof Messages> = {
  active: 'runStateActive',
  waiting: 'runStateWaiting',
  paused: 'runStatePaused',
  done: 'runStateDone',
  cancelled: 'runStateCancelled',
  failed: 'runStateFailed',
  abandoned: 'runStateAbandoned',
};

/**
 * The word a status is shown with, in the agenda, the report and `instr run --cancel` alike (the
 * words are in the message catalogues): a paused run is «на паузе» everywhere, a cancelled one
 * «отменено», never «брошено» on one screen and «на паузе» on another.
 */
export function statusWord(status: RunStatus, lang: string | undefined): string {
  return messages(lang)[wordKey[status]];
}
