/** Office hours as minutes after local midnight. */
export interface OfficeHours {
  open: number;
  close: number;
  /** The lunch break, if there is one. */
  lunch: [number, number] | null;
  /** Opening and closing on a shortened (pre-holiday) day. */
  shortened: [number, number];
}

/** How the front matter writes them: `hours: { open: "09:00-18:00", lunch: "13:00-14:00", shortened: "09:00-17:00" }`. */
export interface OfficeHoursSpec {
  open?: string;
  lunch?: string;
  shortened?: string;
}

/** 9:00–18:00 with no lunch; a shortened day closes an hour early. */
const defaultOfficeHours: OfficeHours = { open: 540, close: 1080, lunch: null, shortened: [540, 1020] };

const rangePattern = /^\s*([01]?\d|2[0-3]):([0-5]\d)\s*[-–—]\s*([01]?\d|2[0-4]):([0-5]\d)\s*$/;

/** `09:00-18:00` (a hyphen or a dash) → [540, 1080]; null when malformed or empty. */
function parseTimeRange(text: string): [number, number] | null {
  const m = rangePattern.exec(text);
  if (!m) return null;
  const a = Number(m[1]) * 60 + Number(m[2]);
  const b = Number(m[3]) * 60 + Number(m[4]);
  return a < b && b <= 1440 ? [a, b] : null;
}

/** Office hours from the front matter; the problems say which key is wrong and why. */
export function readOfficeHours(spec: OfficeHoursSpec | undefined): { hours: OfficeHours; problems: Array<{ key: keyof OfficeHoursSpec; message: string }> } {
  const problems: Array<{ key: keyof OfficeHoursSpec; message: string }> = [];
  if (!spec) return { hours: defaultOfficeHours, problems };
  const range = (key: keyof OfficeHoursSpec): [number, number] | null => {
    const text = spec[key];
    if (text === undefined) return null;
    const r = parseTimeRange(text);
    if (!r) problems.push({ key, message: `"hours.${key}: ${text}" must be a time range such as 09:00-18:00` });
    return r;
  };
  const open = range('open') ?? [defaultOfficeHours.open, defaultOfficeHours.close];
  const lunch = range('lunch');
  const shortened = range('shortened') ?? [open[0], Math.max(open[0] + 1, open[1] - 60)];
  if (lunch && (lunch[0] <= open[0] || lunch[1] >= open[1]))
    problems.push({ key: 'lunch', message: `"hours.lunch: ${spec.lunch}" must lie inside the office hours ${spec.open ?? '09:00-18:00'}` });
  return { hours: { open: open[0], close: open[1], lunch: problems.some((p) => p.key === 'lunch') ? null : lunch, shortened }, problems };
}

/** The open intervals of a day, in minutes after midnight, lunch cut out. */
export function openIntervals(hours: OfficeHours, shortened: boolean): Array<[number, number]> {
  const [open, close] = shortened ? hours.shortened : [hours.open, hours.close];
  if (!hours.lunch) return [[open, close]];
  const [l0, l1] = hours.lunch;
  const out: Array<[number, number]> = [];
  if (l0 > open) out.push([open, Math.min(l0, close)]);
  if (l1 < close) out.push([Math.max(l1, open), close]);
  return out.filter(([a, b]) => a < b);
}
