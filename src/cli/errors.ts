import { InputError } from '../diagnostics/input-error.js';
import { UnsafePathError } from '../fs/safe-open.js';
import { GitError } from '../git/git-error.js';

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

/**
 * The one place where an error becomes an exit code: an ExitError carries its own, an error the
 * pipeline throws about what it was given (InputError, GitError) is a usage error (2), and
 * a file instr keeps refused because of where it lies (UnsafePathError: a symlink, a FIFO) is one
 * too, and anything else is a bug (null: main() reports it as internal, 3).
 */
export function asExitError(error: unknown): ExitError | null {
  if (error instanceof ExitError) return error;
  if (error instanceof InputError || error instanceof GitError || error instanceof UnsafePathError) return new ExitError(error.message, exitCodes.usage);
  return null;
}
