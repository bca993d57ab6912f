import { localDateTime, zonedToInstant } from '../schedule/zone.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { UsageError } from './usage-error.js';

/**
 * The moment a command acts at: `--now`, else `INSTR_NOW`, else the clock. Written as an ISO
 * date-time with an offset (`2026-11-27T17:30:00+03:00`, `…Z`), or as a local wall-clock time
 * (`2026-11-27T17:30`, `2026-11-27 17:30`) read in the instruction's zone.
 */
export function resolveNow(flag: string | undefined, zone: string, env: NodeJS.ProcessEnv = process.env): number {
  const text = flag ?? env['INSTR_NOW'];
  if (text === undefined || text === '') return Date.now();
  const source = flag !== undefined ? '--now' : 'INSTR_NOW';
  const local = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (local) {
    const [y, mo, d, h, mi, s] = local.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
    const floating = Date.UTC(y, mo - 1, d, h, mi, s);
    const check = new Date(floating);
    if (check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && h < 24 && mi < 60 && s < 60) return zonedToInstant(floating, zone);
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text.trim())) {
    const t = Date.parse(text.trim());
    if (Number.isFinite(t)) return t;
  }
  throw new UsageError((t) => t.dateTime(source, terminalSafe(text)));
}

/**
 * The `--now` to paste to act at or after an instant: its local wall-clock time in the zone,
 * rounded up to the minute (`2026-12-14T09:41` for 09:40:30), which resolveNow reads back.
 */
export function nowFlagAtOrAfter(instant: number, zone: string): string {
  return localDateTime(Math.ceil(instant / 60_000) * 60_000, zone).replace(' ', 'T');
}

/**
 * A clock for a command that runs a while: with `--now` or `INSTR_NOW` it stays at that moment
 * (a scripted run or a test is repeatable), else it is the clock.
 */
export function clockAt(flag: string | undefined, zone: string, env: NodeJS.ProcessEnv = process.env): () => Date {
  const text = flag ?? env['INSTR_NOW'];
  if (text === undefined || text === '') return () => new Date();
  const fixed = resolveNow(flag, zone, env);
  return () => new Date(fixed);
}
