/** The prompt loop shared by the interactive UI and the scripted mode. */
import type { Answer, Prompt } from './engine.js';
import type { RunSession } from './session.js';

export type Action =
  | { kind: 'answer'; answer: Answer }
  /** Stop here and continue later (Ctrl-C: interrupted). */
  | { kind: 'pause'; interrupted?: boolean }
  /** At a wait: stop until the event happens. */
  | { kind: 'suspend' }
  /** "This is not in the instruction": capture a draft, then ask the same prompt again. */
  | { kind: 'not-covered'; description: string; actions: string[]; decidedBy?: string; result?: string }
  /** Scripted mode cannot go on (a missing or wrong answer). */
  | { kind: 'stop'; message: string };

export type Open = Exclude<Prompt, { kind: 'finished' }>;

export interface Driver {
  next(prompt: Open, session: RunSession): Promise<Action>;
  /** The engine refused an answer: interactive shows it and asks again; scripted stops. */
  rejected(error: string, prompt: Open): Action | null;
}

export type Outcome =
  | { kind: 'finished' }
  | { kind: 'paused'; interrupted: boolean }
  | { kind: 'suspended' }
  | { kind: 'stopped'; message: string };

export interface DriveHooks {
  notCovered(description: string, actions: string[], session: RunSession, how?: { decidedBy?: string | undefined; result?: string | undefined }): void;
}

export async function drive(session: RunSession, driver: Driver, hooks: DriveHooks): Promise<Outcome> {
  for (;;) {
    const prompt = session.prompt();
    if (prompt.kind === 'finished') return { kind: 'finished' };
    const action = await driver.next(prompt, session);
    switch (action.kind) {
      case 'answer': {
        const result = session.apply(action.answer);
        if (!result.ok) {
          const then = driver.rejected(result.error, prompt);
          if (then?.kind === 'stop') return { kind: 'stopped', message: then.message };
        }
        break;
      }
      case 'pause':
        return { kind: 'paused', interrupted: action.interrupted ?? false };
      case 'suspend':
        return { kind: 'suspended' };
      case 'not-covered':
        hooks.notCovered(action.description, action.actions, session, { decidedBy: action.decidedBy, result: action.result });
        break;
      case 'stop':
        return { kind: 'stopped', message: action.message };
    }
  }
}
