/** The prompt loop shared by the interactive UI and the scripted mode. */
import type { Answer, Prompt, Refusal } from './engine.js';
import type { RunSession } from './session.js';

export type Action =
  | { kind: 'answer'; answer: Answer }
  /** Stop here and continue later (Ctrl-C: interrupted; `unconfirmed`: a checkpoint answered no, the run stays at it). */
  | { kind: 'pause'; interrupted?: boolean; until?: string; unconfirmed?: true }
  /** At a wait: stop until the event happens. */
  | { kind: 'suspend' }
  /** "This is not in the instruction": capture a draft, then ask the same prompt again, or end the run there. */
  | { kind: 'not-covered'; gap: Gap }
  /** Scripted mode cannot go on (a wrong answer; `missing`: the file has no answer here, the run stays resumable). */
  | { kind: 'stop'; message: string; missing?: boolean };

/** A situation the instruction does not cover, as the person described it. */
export interface Gap {
  description: string;
  /** What was done, one action per entry (empty while nothing has been decided). */
  actions: string[];
  decidedBy?: string;
  result?: string;
  /** End the run here (outcome "not covered") instead of going back to the prompt. */
  end: boolean;
}

export type Open = Exclude<Prompt, { kind: 'finished' }>;

export interface Driver {
  next(prompt: Open, session: RunSession): Promise<Action>;
  /** The engine refused an answer: interactive shows it and asks again; scripted stops. */
  rejected(error: string, prompt: Open): Action | null;
  /**
   * Before each prompt and once the run has finished: what the driver records outside the flow
   * (the answers file's promises kept). A message stops the run.
   */
  settle?(session: RunSession): string | null;
}

export type Outcome =
  | { kind: 'finished' }
  | { kind: 'paused'; interrupted: boolean; until?: string; unconfirmed?: true }
  | { kind: 'suspended' }
  | { kind: 'stopped'; message: string; missing?: boolean };

export interface DriveHooks {
  /** Captures the draft and journals it; ends the run when the person chose to stop there. */
  notCovered(gap: Gap, session: RunSession): void;
  /** The engine's refusal in the screen's language (default: its English text). */
  refusal?(refusal: Refusal): string;
}

export async function drive(session: RunSession, driver: Driver, hooks: DriveHooks): Promise<Outcome> {
  for (;;) {
    const unsettled = driver.settle?.(session) ?? null;
    if (unsettled !== null) return { kind: 'stopped', message: unsettled };
    const prompt = session.prompt();
    if (prompt.kind === 'finished') return { kind: 'finished' };
    const action = await driver.next(prompt, session);
    switch (action.kind) {
      case 'answer': {
        const result = session.apply(action.answer);
        if (!result.ok) {
          const then = driver.rejected(result.refusal && hooks.refusal ? hooks.refusal(result.refusal) : result.error, prompt);
          if (then?.kind === 'stop') return { kind: 'stopped', message: then.message };
        }
        break;
      }
      case 'pause':
        return {
          kind: 'paused',
          interrupted: action.interrupted ?? false,
          ...(action.until !== undefined && { until: action.until }),
          ...(action.unconfirmed && { unconfirmed: true }),
        };
      case 'suspend':
        return { kind: 'suspended' };
      case 'not-covered':
        hooks.notCovered(action.gap, session);
        break;
      case 'stop':
        return { kind: 'stopped', message: action.message, ...(action.missing && { missing: true }) };
    }
  }
}
