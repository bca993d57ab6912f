/** Thrown by commands to stop with an exit code and a message (no stack trace). */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** Exit codes, the same for every command. `internal`: a bug in instr, never a finding about the input. */
export const exitCodes = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;
