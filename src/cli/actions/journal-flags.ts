import { terminalSafe } from '../../text/terminal-safe.js';
import { UsageError } from '../usage-error.js';

/** A flag's value, which must be one of `allowed`; exit 2 otherwise. */
export function choice<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError((t) => t.oneOf(flag, allowed, terminalSafe(value)));
}
