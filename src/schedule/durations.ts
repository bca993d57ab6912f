const durationPattern = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** ISO 8601 duration (`P1W`, `P6M`, `PT2H`, `P1DT12H`) → its parts, or null when malformed. */
export function parseDuration(text: string): DurationParts | null {
  const m = durationPattern.exec(text);
  if (!m) return null;
  const n = (s: string | undefined) => (s ? Number.parseInt(s, 10) : 0);
  return { years: n(m[1]), months: n(m[2]), weeks: n(m[3]), days: n(m[4]), hours: n(m[6]), minutes: n(m[7]), seconds: n(m[8]) };
}

/** Adds a duration to a date in UTC calendar arithmetic (months clamp to the month's last day). */
export function addDuration(date: Date, d: DurationParts): Date {
  const r = new Date(date.getTime());
  if (d.years || d.months) {
    const day = r.getUTCDate();
    r.setUTCDate(1);
    r.setUTCMonth(r.getUTCMonth() + d.years * 12 + d.months);
    const last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate();
    r.setUTCDate(Math.min(day, last));
  }
  r.setUTCDate(r.getUTCDate() + d.weeks * 7 + d.days);
  r.setTime(r.getTime() + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
  return r;
}

/** `YYYY-MM-DD` that names a real calendar day. */
export function isValidDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const durationHint = 'an ISO 8601 duration such as P1D (a day), P1W (a week), P6M (six months) or PT2H (two hours)';
