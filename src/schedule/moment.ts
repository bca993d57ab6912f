/**
 * A moment as a person writes it: `HH:MM` (that day of `now`, in the zone), `YYYY-MM-DD HH:MM` or
 * `YYYY-MM-DDTHH:MM` (in the zone), or an ISO time with an offset. The run's "when did it happen"
 * and the scenarios' clock read moments this way.
 */
import { localDate, zonedToInstant } from './zone.js';

/** The instant of a moment, or null when the text is none of the forms above. */
export function readMoment(text: string, now: number, zone: string): number | null {
  const s = text.trim();
  let at: number | null = null;
  const clock = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(s);
  const local = /^(\d{4})-(\d{2})-(\d{2})[T ]([01]?\d|2[0-3]):([0-5]\d)$/.exec(s);
  if (clock) {
    const [y, mo, d] = localDate(now, zone).split('-').map(Number) as [number, number, number];
    at = zonedToInstant(Date.UTC(y, mo - 1, d, Number(clock[1]), Number(clock[2])), zone);
  } else if (local) {
    const [y, mo, d, h, mi] = local.slice(1).map(Number) as [number, number, number, number, number];
    const floating = Date.UTC(y, mo - 1, d, h, mi);
    if (new Date(floating).getUTCDate() === d) at = zonedToInstant(floating, zone);
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) {
    const t = Date.parse(s);
    if (Number.isFinite(t)) at = t;
  }
  return at;
}
