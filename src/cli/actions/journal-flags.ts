import { ExitError, exitCodes } from '../errors.js';

/** A flag's value, which must be one of `allowed`; exit 2 otherwise. */
export function choice<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ExitError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`, exitCodes.usage);
}

/**
 * Reads the journal; a journal named by --journal or INSTR_JOURNAL must exist (exit 2), the
 * default one may be missing (nothing has been run yet). Unreadable files are exit 2.
 */
export async function readJournalOrExit<R extends { missing: boolean }>(journal: { path: string; explicit: boolean }, load: (path: string) => Promise<R>): Promise<R> {
  let result: R;
  try {
    result = await load(journal.path);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ExitError(`Cannot read the journal ${journal.path}: ${detail}`, exitCodes.usage);
  }
  if (result.missing && journal.explicit) throw new ExitError(`No journal at ${journal.path}`, exitCodes.usage);
  return result;
}
