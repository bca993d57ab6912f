/**
 * Wall-clock time in an IANA time zone, with Intl only (no tz database of our own). A local
 * date-time that does not exist (the hour skipped when clocks go forward) moves forward by the
 * gap; one that happens twice (clocks go back) is the earlier of the two — the same choice as
 * Temporal's "compatible" disambiguation.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The zone this machine runs in. */
export function systemTimeZone(): string {
  // TZ may change while the process runs (a test, an embedding program): the zone follows it
  if (systemZone === undefined || systemZoneFor !== process.env['TZ']) {
    systemZoneFor = process.env['TZ'];
    // A zone named in TZ is taken as named: Intl's default follows TZ only on the main thread
    // (not in a worker thread), and a name it does not know (a POSIX rule) falls back to it.
    const named = systemZoneFor?.replace(/^:/, '');
    systemZone = (named && canonicalZone(named)) || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  }
  return systemZone;
}

let systemZone: string | undefined;
let systemZoneFor: string | undefined;

function canonicalZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Whether Intl knows the zone. Asked once per run by report and agenda, so the answer is kept. */
export function isValidTimeZone(zone: string): boolean {
  if (formatters.has(zone)) return true;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date and time of an instant in a zone. */
export function localParts(instant: number, zone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { year: out['year']!, month: out['month']!, day: out['day']!, hour: out['hour']!, minute: out['minute']! };
}

const quarterHour = 900_000;
const dayMs = 86_400_000;
const offsetCache = new Map<string, Map<number, number>>();
/** Per zone and UTC day: the day's one offset, or null when the offset changes that day. */
const dayOffsetCache = new Map<string, Map<number, number | null>>();

/**
 * Local time minus UTC, in milliseconds, at an instant. A zone changes its offset at most once a
 * day, so a day whose first and last quarter hours have the same offset has it throughout: two
 * lookups serve every instant of that day (a report over 5 000 runs asks for ~300 days, not
 * 5 000 quarter hours). On the day of a change the quarter hour decides: every zone changes its
 * offset on such a boundary.
 */
export function offsetAt(instant: number, zone: string): number {
  let days = dayOffsetCache.get(zone);
  if (!days) dayOffsetCache.set(zone, (days = new Map()));
  const day = Math.floor(instant / dayMs);
  let offset = days.get(day);
  if (offset === undefined) {
    if (days.size > 100_000) days.clear();
    const first = quarterOffset(day * dayMs, zone);
    offset = first === quarterOffset((day + 1) * dayMs - quarterHour, zone) ? first : null;
    days.set(day, offset);
  }
  return offset ?? quarterOffset(instant, zone);
}

function quarterOffset(instant: number, zone: string): number {
  let cache = offsetCache.get(zone);
  if (!cache) offsetCache.set(zone, (cache = new Map()));
  const bucket = Math.floor(instant / quarterHour);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    if (cache.size > 100_000) cache.clear();
    const start = bucket * quarterHour;
    const p = localParts(start, zone);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - start;
    cache.set(bucket, offset);
  }
  return offset;
}

/** The instant of a wall-clock time in a zone; `floating` holds the wall-clock fields as UTC. */
export function zonedToInstant(floating: number, zone: string): number {
  const day = 86_400_000;
  const before = offsetAt(floating - day, zone);
  const after = offsetAt(floating + day, zone);
  const candidates = [...new Set([floating - before, floating - after])].filter((c) => c + offsetAt(c, zone) === floating).sort((a, b) => a - b);
  // In a gap no candidate maps back: the offset before the change carries the time forward.
  return candidates[0] ?? floating - before;
}

/** `YYYY-MM-DD` of a LocalParts (or of a floating instant's UTC fields). */
export function isoDate(p: { year: number; month: number; day: number }): string {
  return `${String(p.year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}`;
}

export function hhmm(p: { hour: number; minute: number }): string {
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** The local calendar date of an instant in a zone. */
export function localDate(instant: number, zone: string): string {
  const offset = offsetAt(instant, zone);
  const d = new Date(instant + offset);
  return isoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** `YYYY-MM-DD HH:MM` of an instant in a zone: how every time on screen is written. */
export function localDateTime(instant: number, zone: string): string {
  const p = localParts(instant, zone);
  return `${isoDate(p)} ${hhmm(p)}`;
}

/** `YYYY-MM-DD` → a floating midnight (the date's fields as UTC), or null for a bad date. */
export function parseIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const date = new Date(t);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return t;
}

/** Adds whole days to a `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const t = parseIsoDate(date);
  if (t === null) throw new RangeError(`not a date: ${date}`);
  const d = new Date(t + days * 86_400_000);
  return isoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** The instant a local date starts (its midnight, or the first minute after a midnight gap). */
export function startOfLocalDay(date: string, zone: string): number {
  const t = parseIsoDate(date);
  if (t === null) throw new RangeError(`not a date: ${date}`);
  return zonedToInstant(t, zone);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
